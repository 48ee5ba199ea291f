/// One ISCO level of a posting's code: the best group at that level and its share.
public struct ISCOLevel: Sendable, Equatable {
  /// 1 to 4 digits.
  public var level: Int
  /// The group's code.
  public var code: String
  /// The group's title.
  public var label: String
  /// The group's share of all evidence at this level (0…1).
  public var confidence: Double
  /// Where the group's score came from: each source's part of it (summing to 1), in the
  /// order of ``EvidenceSource``, sources that gave nothing left out.
  public var sources: [SourceShare] = []
}

/// A kind of evidence for unit groups.
public enum EvidenceSource: String, Sendable, CaseIterable {
  case title
  case tasks
  case skills
  /// The task phrases' votes (the occupation mix).
  case votes
  /// The unit groups' word model over the title and task phrases.
  case wordModel

  /// The name for people ("word model").
  public var name: String { self == .wordModel ? "word model" : rawValue }
}

/// One source's part of a group's score.
public struct SourceShare: Sendable, Equatable {
  /// The kind of evidence.
  public var source: EvidenceSource
  /// Its part of the score (0…1).
  public var share: Double
}

/// The ISCO-08 code of a posting, with back-off.
public struct ISCOAssignment: Sendable, Equatable {
  /// The code at the most specific level whose confidence passes its threshold; nil when
  /// uncodable.
  public var code: String?
  /// Its number of digits (0 when uncodable).
  public var level: Int
  /// The group's title (nil when uncodable).
  public var label: String?
  /// The share of the evidence the code has at its level (0…1).
  public var confidence: Double
  /// The best group at each level, 1 to 4 digits, with its confidence; also when the posting is
  /// uncodable for weak or spread evidence (empty only without any evidence).
  public var levels: [ISCOLevel]
  /// Why the posting is uncodable, or why it backed off.
  public var reason: String?
}
