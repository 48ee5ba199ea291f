/// An ESCO occupation.
public struct Occupation: Sendable, Equatable {
  /// The concept URI.
  public var uri: String
  /// The preferred label.
  public var preferredLabel: String
  /// Alternative labels (synonyms, other titles).
  public var altLabels: [String]
  /// Hidden labels (misspellings, obsolete terms used for search only).
  public var hiddenLabels: [String]
  /// The description.
  public var description: String
  /// The ISCO-08 unit group (4 digits), such as "3343".
  public var iscoGroup: String
  /// ESCO's own code, such as "3343.1" (empty where the download has none).
  public var code: String
  /// The URI of the broader occupation, or nil when the broader concept is an ISCO group.
  public var broaderOccupation: String?

  /// Makes an Occupation from all its fields.
  package init(
    uri: String, preferredLabel: String, altLabels: [String], hiddenLabels: [String],
    description: String, iscoGroup: String, code: String, broaderOccupation: String? = nil
  ) {
    self.uri = uri
    self.preferredLabel = preferredLabel
    self.altLabels = altLabels
    self.hiddenLabels = hiddenLabels
    self.description = description
    self.iscoGroup = iscoGroup
    self.code = code
    self.broaderOccupation = broaderOccupation
  }
}

/// The type of an ESCO skill.
public enum SkillType: String, Sendable, CaseIterable {
  /// A skill or competence ("schedule appointments").
  case skill = "skill/competence"
  /// Knowledge ("accounting").
  case knowledge
  /// Not given in the download.
  case unknown = ""

  /// A short name for output: "skill", "knowledge" or "unknown".
  public var name: String {
    switch self {
    case .skill: "skill"
    case .knowledge: "knowledge"
    case .unknown: "unknown"
    }
  }
}

/// An ESCO skill, competence or knowledge concept.
public struct Skill: Sendable, Equatable {
  /// The concept URI.
  public var uri: String
  /// The preferred label.
  public var preferredLabel: String
  /// Alternative labels.
  public var altLabels: [String]
  /// Hidden labels.
  public var hiddenLabels: [String]
  /// The description.
  public var description: String
  /// Skill/competence or knowledge.
  public var type: SkillType
  /// Reuse level: transversal, cross-sector, sector-specific, occupation-specific (or empty).
  public var reuseLevel: String
  /// URIs of the broader concepts (skill groups or broader skills).
  public var broader: [String]
  /// Codes of the top-level groups the skill falls under through its broader concepts:
  /// S1…S8, T1…T6, L1, L2, or K + the ISCED-F broad field for knowledge ("K04").
  public var topGroups: [String] = []

  /// Makes a Skill from all its fields.
  package init(
    uri: String, preferredLabel: String, altLabels: [String], hiddenLabels: [String],
    description: String, type: SkillType, reuseLevel: String, broader: [String],
    topGroups: [String] = []
  ) {
    self.uri = uri
    self.preferredLabel = preferredLabel
    self.altLabels = altLabels
    self.hiddenLabels = hiddenLabels
    self.description = description
    self.type = type
    self.reuseLevel = reuseLevel
    self.broader = broader
    self.topGroups = topGroups
  }
}

/// An ISCO-08 group at any level (1 to 4 digits; ESCO also has the 1-digit armed forces "0").
public struct ISCOGroup: Sendable, Equatable {
  /// The concept URI.
  public var uri: String
  /// The code, 1 to 4 digits.
  public var code: String
  /// The title.
  public var preferredLabel: String
  /// Alternative labels (rare).
  public var altLabels: [String]
  /// The definition: the description's first paragraph.
  public var definition: String
  /// The whole description as shipped.
  public var description: String
  /// The items of the "Tasks include" list ("(a) drafting administrative correspondence…").
  public var tasks: [String]
  /// "Examples of the occupations classified here".
  public var examples: [String]
  /// "Some related occupations classified elsewhere": title and code.
  public var classifiedElsewhere: [ClassifiedElsewhere]

  /// The number of digits: 1 (major), 2 (sub-major), 3 (minor), 4 (unit group).
  public var level: Int { code.count }

  /// Makes an ISCOGroup from all its fields.
  package init(
    uri: String, code: String, preferredLabel: String, altLabels: [String], definition: String,
    description: String, tasks: [String], examples: [String],
    classifiedElsewhere: [ClassifiedElsewhere]
  ) {
    self.uri = uri
    self.code = code
    self.preferredLabel = preferredLabel
    self.altLabels = altLabels
    self.definition = definition
    self.description = description
    self.tasks = tasks
    self.examples = examples
    self.classifiedElsewhere = classifiedElsewhere
  }
}

/// An occupation that ISCO classifies in another group, as listed in a group's description.
public struct ClassifiedElsewhere: Sendable, Equatable {
  /// The occupation title.
  public var title: String
  /// The ISCO code it is classified under.
  public var code: String

  /// Makes a ClassifiedElsewhere from all its fields.
  package init(title: String, code: String) {
    self.title = title
    self.code = code
  }
}

/// An ESCO skill group (skills pillar hierarchy, including the ISCED-F knowledge fields).
public struct SkillGroup: Sendable, Equatable {
  /// The concept URI.
  public var uri: String
  /// The code, such as "S1.2" or "T4" (ISCED-F fields get "K" + the field code, "K04").
  public var code: String
  /// The preferred label.
  public var preferredLabel: String
  /// The description.
  public var description: String
  /// URIs of broader groups.
  public var broader: [String]
}

/// An occupation–skill relation.
public struct OccupationSkillRelation: Sendable, Equatable {
  /// Index of the occupation in ``Taxonomy/occupations``.
  public var occupation: Int
  /// Index of the skill in ``Taxonomy/skills``.
  public var skill: Int
  /// Essential (true) or optional (false).
  public var isEssential: Bool
}

/// A skill–skill relation.
public struct SkillSkillRelation: Sendable, Equatable {
  /// Index of the original skill.
  public var skill: Int
  /// Index of the related skill.
  public var related: Int
  /// Essential (true) or optional (false).
  public var isEssential: Bool
}

/// What the importer cleaned, by kind.
public struct CleaningCounts: Sendable, Equatable {
  /// Alternative or hidden labels dropped because they repeat another label of the concept.
  public var duplicateLabels = 0
  /// Invisible characters removed (zero-width space and joiner, byte-order mark, soft hyphen).
  public var invisibleCharacters = 0
  /// No-break and other unusual spaces turned into plain spaces.
  public var unusualSpaces = 0
  /// Labels with leading, trailing or doubled white space trimmed.
  public var trimmedLabels = 0
  /// Empty labels dropped.
  public var emptyLabels = 0

  /// The total of all counts.
  public var total: Int {
    duplicateLabels + invisibleCharacters + unusualSpaces + trimmedLabels + emptyLabels
  }

  /// Makes a CleaningCounts from all its fields.
  package init(
    duplicateLabels: Int = 0, invisibleCharacters: Int = 0, unusualSpaces: Int = 0,
    trimmedLabels: Int = 0, emptyLabels: Int = 0
  ) {
    self.duplicateLabels = duplicateLabels
    self.invisibleCharacters = invisibleCharacters
    self.unusualSpaces = unusualSpaces
    self.trimmedLabels = trimmedLabels
    self.emptyLabels = emptyLabels
  }
}

/// Something the importer accepted with a warning.
public struct TaxonomyWarning: Sendable, Equatable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// The 1-based line of the record.
  public var line: Int
  /// What was odd.
  public var message: String

  public var description: String { "\(file):\(line): \(message)" }
}

/// A taxonomy: ESCO's occupations, skills, ISCO groups, skill groups and their relations, in one
/// version and one language.
public struct Taxonomy: Sendable {
  /// The ESCO version, such as "v1.1.1".
  public var version: String
  /// The language of the labels (ISO 639-1).
  public var language: String
  /// Occupations, in file order.
  public var occupations: [Occupation] = []
  /// Skills, in file order.
  public var skills: [Skill] = []
  /// ISCO-08 groups at all levels, in file order.
  public var iscoGroups: [ISCOGroup] = []
  /// Skill groups.
  public var skillGroups: [SkillGroup] = []
  /// Occupation–skill relations.
  public var occupationSkills: [OccupationSkillRelation] = []
  /// Skill–skill relations.
  public var skillSkills: [SkillSkillRelation] = []
  /// What the importer cleaned.
  public var cleaning = CleaningCounts()
  /// Warnings (occupations with unknown ISCO codes, relations to unknown concepts, …).
  public var warnings: [TaxonomyWarning] = []
  /// SHA-256 of the input files, hex, over the files in name order.
  public var inputChecksum = ""
  /// Files that end inside a row (cut short), each with the line of that row.
  public var unfinishedFiles: [TaxonomyWarning] = []

  /// Makes an empty taxonomy.
  public init(version: String, language: String) {
    self.version = version
    self.language = language
  }
}
