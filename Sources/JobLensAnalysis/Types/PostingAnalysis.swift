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
  /// Its zone: company, offer (benefits, pay and conditions), legal or application.
  public var kind: PostingZone
  /// Where it is.
  public var evidence: Evidence
}

/// A phrase of a posting and its zone.
public struct ZonedPhrase: Sendable, Equatable {
  /// The zone.
  public var zone: PostingZone
  /// Unicode code point offsets `[start, end)` of the phrase in the text.
  public var start: Int
  /// The end offset (exclusive).
  public var end: Int
  /// Whether the phrase is a section heading.
  public var isHeading: Bool
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
  /// The skills it asks for, by their rank (most likely demanded first).
  public var skills: [SkillMatch]
  /// The occupations it may be, best first.
  public var occupations: [OccupationMatch]
  /// Its ISCO-08 code, with back-off.
  public var isco: ISCOAssignment
  /// How its task phrases spread over ISCO unit groups.
  public var mix: OccupationMix
  /// Every phrase of the text with its zone: only duties are occupation evidence, duties and
  /// requirements name skills, the other zones are listed, not coded.
  public var zones: [ZonedPhrase]
  /// The phrases left out of coding (company, offer, legal and application text).
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
