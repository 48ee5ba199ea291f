public import JobLensInput

/// Which field of a posting evidence points into.
public enum PostingField: String, Sendable {
  case title, text
}

/// A stretch of a posting that supports a code: where it is, what it says, and the ESCO label
/// it matched.
public struct Evidence: Sendable, Equatable {
  /// The field.
  public var field: PostingField
  /// Unicode code point offsets `[start, end)` into the field.
  public var start: Int
  /// The end offset (exclusive).
  public var end: Int
  /// The text of the span, as written.
  public var text: String
  /// The ESCO label (or ISCO task item, title…) it matched; empty when not a label match.
  public var label: String
  /// Offsets `[start, end)` of the whole task phrase the span is in.
  public var phraseStart: Int
  /// The phrase's end offset (exclusive).
  public var phraseEnd: Int
}

/// An ESCO skill a posting asks for.
public struct SkillMatch: Sendable, Equatable {
  /// Index of the skill in the index.
  public var skill: Int
  /// The skill's ESCO URI.
  public var uri: String
  /// The skill's preferred label.
  public var label: String
  /// "skill", "knowledge" or "unknown".
  public var type: String
  /// Top-level group code (S1…S8, T1…T6, L1, L2, K00…K10), or "" when ESCO gives none.
  public var group: String
  /// The top-level group's label ("" when there is no group).
  public var groupLabel: String
  /// Score (0…~1.2; ``AnalysisOptions/skillThreshold`` is the reporting threshold).
  public var score: Double
  /// How well the best of the phrases naming it matches its labels and description together
  /// (0…1); it orders the skills (``AnalysisOptions/skillContextWeight``).
  public var context: Double
  /// Whether some evidence is the label word for word.
  public var isLiteral: Bool
  /// Where the posting says it.
  public var evidence: [Evidence]
}

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

/// One ISCO unit group's share of a posting's task phrases.
public struct MixShare: Sendable, Equatable {
  /// The unit group's code.
  public var isco: String
  /// The unit group's title.
  public var label: String
  /// Share of the assigned task phrases (the shares sum to 1).
  public var share: Double
  /// The task phrases behind the share.
  public var phrases: [Evidence]
}

/// The occupation mix of a posting: how its task phrases spread over ISCO unit groups.
public struct OccupationMix: Sendable, Equatable {
  /// Shares, largest first.
  public var shares: [MixShare]
  /// The largest share (0 when no phrase was assigned).
  public var topShare: Double
  /// Herfindahl index Σ share² (1 = one unit group).
  public var herfindahl: Double
  /// Task phrases with no unit group evidence.
  public var unassigned: Int
}

/// Work-mode and other attributes read off a job title.
public struct TitleAttributes: Sendable, Equatable {
  /// remote, virtual, online, home-based, hybrid, on-site.
  public var workMode: [String] = []
  /// freelance, contract, part-time, full-time, temporary, permanent, internship.
  public var employment: [String] = []
  /// senior, junior, entry-level, lead, trainee.
  public var seniority: [String] = []
  /// Words removed as noise: urgent, hiring, pay, "(m/f/d)".
  public var noise: [String] = []

  /// No attributes.
  public init() {}
}

/// A piece of a posting excluded from coding.
public struct BoilerplatePhrase: Sendable, Equatable {
  /// company, benefits, equal-opportunity, how-to-apply, salary, legal, conditions (availability
  /// and working arrangements: "available immediately", "work from home").
  public var kind: String
  /// Where it is.
  public var evidence: Evidence
}

/// Everything JobLens found in one posting.
public struct PostingAnalysis: Sendable, Equatable {
  /// The posting's id.
  public var id: String
  /// The posting's title, as given.
  public var title: String
  /// The title with attributes and noise removed (what was matched).
  public var codedTitle: String
  /// Work mode, employment and seniority read off the title.
  public var attributes: TitleAttributes
  /// The skills it asks for, literal matches first.
  public var skills: [SkillMatch]
  /// The occupations it may be, best first.
  public var occupations: [OccupationMatch]
  /// Its ISCO-08 code, with back-off.
  public var isco: ISCOAssignment
  /// How its task phrases spread over ISCO unit groups.
  public var mix: OccupationMix
  /// The phrases left out of coding (company, benefits, how to apply, …).
  public var boilerplate: [BoilerplatePhrase]
  /// Phrases about the candidate (requirements, qualities): matched for skills, not tasks.
  public var requirements: [Evidence]
  /// Task phrases read (boilerplate and headings included).
  public var phraseCount: Int
  /// Remarks for people: language mismatch, invalid text repaired, no tasks.
  public var notes: [String]
  /// The text analysed, when it was derived from the input (HTML, text files): offsets refer
  /// to it.
  public var derivedText: String? = nil
  /// The earlier posting this one nearly duplicates (with `--dedup`).
  public var duplicate: DuplicateMark? = nil
}
