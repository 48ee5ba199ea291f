public import JobLensInput

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
