/// What supports an occupation.
public struct OccupationEvidence: Sendable, Equatable {
  /// The kind of support.
  public enum Kind: String, Sendable {
    /// The title matched one of the occupation's labels.
    case title
    /// A skill of the occupation (ESCO relation) was found in the posting.
    case skill
    /// A task phrase matched the occupation's ISCO unit group or description.
    case task
  }

  /// What kind of support this is.
  public var kind: Kind
  /// The span (title match, task phrase), when there is one.
  public var evidence: Evidence?
  /// For skill support: the skill's label and whether it is essential to the occupation.
  public var skill: String?
  /// Whether the skill is essential to the occupation (nil for other kinds).
  public var isEssential: Bool?
  /// How much this support added to the score.
  public var weight: Double
}

/// An ESCO occupation a posting may be.
public struct OccupationMatch: Sendable, Equatable {
  /// Index of the occupation in the index.
  public var occupation: Int
  /// The occupation's ESCO URI.
  public var uri: String
  /// The occupation's preferred label.
  public var label: String
  /// ISCO-08 unit group.
  public var isco: String
  /// The occupation's score (title, task and skill evidence, weighted).
  public var score: Double
  /// Score minus the next occupation's score.
  public var margin: Double
  /// What supports it (title, skills, task phrases).
  public var evidence: [OccupationEvidence]
}
