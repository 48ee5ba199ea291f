/// The kinds of concept the index holds.
public enum ConceptKind: UInt8, Sendable, CaseIterable, Comparable {
  case skill, occupation, iscoGroup

  /// The name used in output and options: "skill", "occupation", "isco".
  public var name: String {
    switch self {
    case .skill: "skill"
    case .occupation: "occupation"
    case .iscoGroup: "isco"
    }
  }

  /// The kind for an output name.
  public init?(name: String) {
    guard let kind = ConceptKind.allCases.first(where: { $0.name == name }) else { return nil }
    self = kind
  }

  public static func < (lhs: ConceptKind, rhs: ConceptKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A concept in the index: its kind and its position among concepts of that kind.
public struct ConceptID: Hashable, Sendable, Comparable {
  /// The kind.
  public let kind: ConceptKind
  /// Index among the concepts of the kind (the taxonomy's order).
  public let index: Int

  public init(_ kind: ConceptKind, _ index: Int) {
    self.kind = kind
    self.index = index
  }

  public static func < (lhs: ConceptID, rhs: ConceptID) -> Bool {
    (lhs.kind, lhs.index) < (rhs.kind, rhs.index)
  }
}

/// A term of the index vocabulary (a stem in the taxonomy's language).
public struct TermID: Hashable, Sendable {
  /// Index into the vocabulary.
  public let rawValue: UInt32

  public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// Which field of a concept a label comes from; fields weigh differently in scoring.
public enum LabelField: UInt8, Sendable, CaseIterable {
  /// ESCO preferred label.
  case preferred
  /// ESCO alternative label.
  case alternative
  /// ESCO hidden label (search terms, old spellings).
  case hidden
  /// ISCO group title.
  case iscoTitle
  /// An example occupation title listed in an ISCO unit group's description.
  case iscoExample
  /// An item of an ISCO unit group's task list.
  case iscoTask
  /// A software, platform or abbreviation name of JobLens's own (``ToolNames``).
  case tool
  /// A way job postings word a skill, of JobLens's own (``PostingPhrasings``).
  case phrasing

  /// The name used in output.
  public var name: String {
    switch self {
    case .preferred: "preferred label"
    case .alternative: "alternative label"
    case .hidden: "hidden label"
    case .iscoTitle: "isco title"
    case .iscoExample: "isco example title"
    case .iscoTask: "isco task"
    case .tool: "tool name"
    case .phrasing: "posting phrasing"
    }
  }

  /// How much a match on this field counts (1 = the preferred label). Hidden labels include
  /// misspellings and outdated terms; ISCO task items are longer and looser than labels.
  public var weight: Float {
    switch self {
    case .preferred: 1.0
    case .alternative: 0.95
    case .hidden: 0.7
    case .iscoTitle: 0.9
    case .iscoExample: 0.9
    case .iscoTask: 0.8
    case .tool: 0.95
    case .phrasing: 0.95
    }
  }
}
