public import JobLensAnalysis

/// What the postings figures read off an analysis: the code emitted, the best candidate at each
/// level, the first occupation's group and the skills in output order.
public struct PostingPrediction: Sendable, Equatable {
  /// The best group at one ISCO level and its confidence (``ISCOLevel``).
  public struct Candidate: Sendable, Equatable {
    /// The group's code.
    public var code: String
    /// Its share of the evidence at its level.
    public var confidence: Double

    /// A candidate from its parts.
    public init(_ code: String, _ confidence: Double) {
      self.code = code
      self.confidence = confidence
    }
  }

  /// The code emitted at its back-off level; nil when uncodable.
  public var code: String?
  /// Its number of digits (0 when uncodable).
  public var level: Int
  /// The best candidate at 1…4 digits (index 0 = 1 digit); nil where the analysis has none.
  public var candidates: [Candidate?]
  /// The ISCO group of the first occupation; nil without occupations.
  public var firstOccupation: String?
  /// The skills' URIs in output order.
  public var skills: [String]

  /// A prediction from its parts; `candidates` maps a level (1…4) to its best group.
  public init(
    code: String?, level: Int, candidates: [Int: Candidate] = [:],
    firstOccupation: String? = nil, skills: [String] = []
  ) {
    self.code = code
    self.level = level
    self.candidates = (1...4).map { candidates[$0] }
    self.firstOccupation = firstOccupation
    self.skills = skills
  }

  /// What a posting that could not be analysed predicts: nothing (as an error record of
  /// `classify` is read by `score_postings.py`).
  public static let failed = PostingPrediction(code: nil, level: 0)

  /// What `analysis` predicts, as its `classify` output says it (the last entry of a level
  /// repeated in `isco.levels` wins, as the script reads them).
  public init(_ analysis: PostingAnalysis) {
    var candidates: [Int: Candidate] = [:]
    for level in analysis.isco.levels where (1...4).contains(level.level) {
      candidates[level.level] = Candidate(level.code, level.confidence)
    }
    self.init(
      code: analysis.isco.code, level: analysis.isco.level, candidates: candidates,
      firstOccupation: analysis.occupations.first?.isco, skills: analysis.skills.map(\.uri))
  }

  /// The best candidate at `level` digits (1…4).
  public func candidate(at level: Int) -> Candidate? { candidates[level - 1] }

  /// Whether a code was emitted (an empty code counts as none).
  public var isCoded: Bool { !(code ?? "").isEmpty }
}

/// The agreement rule of `score_postings.py`.
public enum ISCOAgreement {
  /// Whether `code` agrees with the gold at `level` digits: its first `level` digits equal
  /// those of a gold code, or, at one digit, a gold major group. A missing code, or one shorter
  /// than `level`, never agrees.
  public static func agrees(
    _ code: String?, _ codes: [String], level: Int, majors: [String] = []
  ) -> Bool {
    guard let code, code.count >= level else { return false }
    let prefix = code.prefix(level)
    if codes.contains(where: { $0.prefix(level) == prefix }) { return true }
    return level == 1 && majors.contains { $0 == prefix }
  }

  /// Whether the code `prediction` emitted agrees with the gold at its level (at one digit
  /// when the gold has major groups only); uncodable never agrees.
  public static func emittedAgrees(_ prediction: PostingPrediction, gold: PostingGold) -> Bool {
    guard prediction.isCoded, prediction.level > 0 else { return false }
    return agrees(
      prediction.code, gold.codes, level: min(prediction.level, gold.depth), majors: gold.majors)
  }
}
