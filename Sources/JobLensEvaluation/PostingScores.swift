/// The figures of `evaluate --task postings`: those of `../shared/eval/score_postings.py`, in
/// its sections and under its names, and the reliability table of the ISCO back-off.
public struct PostingScores: Sendable, Equatable {
  /// Gold postings (a repeated id counts once, as the script's dictionary keeps it).
  public private(set) var postings = 0
  /// Gold postings that `classify` could not read (a title or text of the wrong type), scored
  /// as an error record is: without any prediction.
  public private(set) var failed = 0
  /// Occupation figures.
  public private(set) var occupations = OccupationFigures()
  /// Skill figures.
  public private(set) var skills = SkillFigures()
  /// What a confidence means at each level.
  public private(set) var reliability: ReliabilityTable

  /// No postings; the reliability table over `cutoffs`.
  public init(cutoffs: [Double] = ReliabilityTable.defaultCutoffs) {
    reliability = ReliabilityTable(cutoffs: cutoffs)
  }

  /// Scores one posting: its prediction, or nil when it could not be read.
  public mutating func add(_ prediction: PostingPrediction?, gold: PostingGold) {
    postings += 1
    if prediction == nil { failed += 1 }
    let prediction = prediction ?? .failed
    occupations.add(prediction, gold: gold)
    skills.add(prediction, gold: gold)
    reliability.add(prediction, gold: gold)
  }

  /// The script's header figures: postings, missing (always 0: the evaluator analyses every
  /// gold posting itself) and failed.
  public var header: [PostingFigure] {
    [.count("postings", postings), .count("missing", 0), .count("failed", failed)]
  }

  /// The ratios as evaluation metrics, in the script's order, those with nothing to score
  /// left out.
  public var metrics: [EvaluationMetric] {
    (occupations.figures + skills.figures).compactMap { figure in
      guard case .ratio(let value?) = figure.value else { return nil }
      return EvaluationMetric(name: figure.name, value: value)
    }
  }
}
