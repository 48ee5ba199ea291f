/// How a label matched a query.
public struct LabelMatch: Sendable, Equatable {
  /// The label.
  public var label: Int
  /// The share of the label's weighted content terms found in the query (0…1).
  public var labelCoverage: Float
  /// The share of the query's weighted content terms that the label explains (0…1).
  public var queryCoverage: Float
  /// Positions (in the query's token sequence) of the label's exact occurrence, if any.
  public var exact: Range<Int>?
  /// The label's score: field weight × coverage, with a bonus for exact occurrence.
  public var score: Float
}

/// Options for scoring label matches.
public struct LabelScoring: Sendable {
  /// Whether label and query must cover each other (a title against occupation titles: the
  /// score is their Dice coefficient, 2·cL·cQ / (cL + cQ)); otherwise the label must be in the
  /// query (skills in a sentence: cL² × (1 − w + w·cQ), w = ``queryCoverageWeight``).
  public var symmetric: Bool
  /// How much the query's coverage counts beside the label's when not symmetric.
  public var queryCoverageWeight: Float
  /// Labels covered less than this are ignored.
  public var minimumLabelCoverage: Float
  /// Score multiplier for a label found word for word, in order.
  public var exactBonus: Float

  /// Finding concepts mentioned in running text.
  public static let mention = LabelScoring(
    symmetric: false, queryCoverageWeight: 0.15, minimumLabelCoverage: 0.5, exactBonus: 1.15)
  /// Matching a short query (a title, a search) as a whole.
  public static let whole = LabelScoring(
    symmetric: true, queryCoverageWeight: 0, minimumLabelCoverage: 0.34, exactBonus: 1.1)
}

/// A concept found by ``ConceptSearcher/search(_:kinds:limit:)``.
public struct SearchHit: Sendable, Equatable {
  /// The concept.
  public var concept: ConceptID
  /// The combined score.
  public var score: Float
  /// The score from labels.
  public var labelScore: Float
  /// The score from the description (BM25, scaled to 0…1).
  public var descriptionScore: Float
  /// The best-matching label, if a label matched.
  public var label: Int?
}
