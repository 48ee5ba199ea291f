public import JobLensTaxonomy

/// An ESCO skill a posting asks for.
public struct SkillMatch: Sendable, Equatable {
  /// Index of the skill in the index.
  public var skill: Int
  /// The skill's ESCO URI.
  public var uri: String
  /// The skill's preferred label.
  public var label: String
  /// Skill or knowledge.
  public var type: SkillType
  /// Top-level group code (S1…S8, T1…T6, L1, L2, K00…K10), or "" when ESCO gives none.
  public var group: String
  /// The top-level group's label ("" when there is no group).
  public var groupLabel: String
  /// Score (0…~1.2; ``SkillOptions/threshold`` is the reporting threshold).
  public var score: Double
  /// How well the best of the phrases naming it matches its labels and description together
  /// (0…1); it orders the skills (``SkillOptions/contextWeight``).
  public var context: Double
  /// Whether some evidence is the label word for word.
  public var isLiteral: Bool
  /// Where the posting says it.
  public var evidence: [Evidence]
}
