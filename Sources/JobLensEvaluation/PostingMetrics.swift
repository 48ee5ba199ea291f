/// The occupation figures of `score_postings.py`, counted over the postings with a gold code or
/// major group (``PostingGold/hasOccupation``); figures at 2–4 digits only over those with codes.
public struct OccupationFigures: Sendable, Equatable {
  /// Postings scored (with a code or a major group).
  public private(set) var scored = 0
  /// Postings scored at 4 digits (with a code).
  public private(set) var scoredAt4 = 0
  /// Postings whose best candidate agrees at 1…4 digits (index 0 = 1 digit).
  public private(set) var best = [0, 0, 0, 0]
  /// Postings whose emitted code agrees at its level (at one digit for major-only gold).
  public private(set) var emitted = 0
  /// Postings without a code.
  public private(set) var uncodable = 0
  /// Postings with gold codes coded at 4 digits.
  public private(set) var coded4 = 0
  /// …of which the code agrees at 4 digits.
  public private(set) var coded4Right = 0
  /// Postings whose first occupation's group agrees at 1 and at 4 digits.
  public private(set) var firstOccupation = [0, 0]

  /// No postings.
  public init() {}

  /// Scores one posting; one without a gold code or major group is left out.
  public mutating func add(_ prediction: PostingPrediction, gold: PostingGold) {
    guard gold.hasOccupation else { return }
    let (codes, majors) = (gold.codes, gold.majors)
    scored += 1
    if !codes.isEmpty { scoredAt4 += 1 }
    for level in 1...gold.depth
    where ISCOAgreement.agrees(
      prediction.candidate(at: level)?.code, codes, level: level, majors: majors)
    {
      best[level - 1] += 1
    }
    if ISCOAgreement.emittedAgrees(prediction, gold: gold) { emitted += 1 }
    if !prediction.isCoded { uncodable += 1 }
    if !codes.isEmpty && prediction.level == 4 {
      coded4 += 1
      if ISCOAgreement.agrees(prediction.code, codes, level: 4) { coded4Right += 1 }
    }
    if let first = prediction.firstOccupation {
      if ISCOAgreement.agrees(first, codes, level: 1, majors: majors) { firstOccupation[0] += 1 }
      if !codes.isEmpty && ISCOAgreement.agrees(first, codes, level: 4) {
        firstOccupation[1] += 1
      }
    }
  }

  /// The figures under the script's names, in its order.
  public var figures: [PostingFigure] {
    [
      .count("scored", scored), .count("scored_at_4", scoredAt4),
      .ratio("best@1", best[0], scored), .ratio("best@2", best[1], scoredAt4),
      .ratio("best@3", best[2], scoredAt4), .ratio("best@4", best[3], scoredAt4),
      .ratio("emitted", emitted, scored), .ratio("uncodable", uncodable, scored),
      .ratio("coded@4", coded4, scoredAt4), .ratio("coded@4_right", coded4Right, scoredAt4),
      .ratio("top_occ@1", firstOccupation[0], scored),
      .ratio("top_occ@4", firstOccupation[1], scoredAt4),
    ]
  }
}

/// The skill figures of `score_postings.py`, counted over the postings with `demands`.
public struct SkillFigures: Sendable, Equatable {
  /// Postings scored.
  public private(set) var scored = 0
  /// Sums over postings of the credit of the first 5 and 10 skills over their number.
  public private(set) var precisionSums = [0.0, 0.0]
  /// Skills among the first 10 that no demand names and nobody judged.
  public private(set) var unjudgedAt10 = 0
  /// Skills among the first 10.
  public private(set) var top10 = 0
  /// Demands with at least one ESCO skill.
  public private(set) var demands = 0
  /// …with one of their skills among the first 10, the first 20 and all skills.
  public private(set) var found = [0, 0, 0]

  /// No postings.
  public init() {}

  /// Scores one posting; one without `demands` is left out.
  public mutating func add(_ prediction: PostingPrediction, gold: PostingGold) {
    guard let goldDemands = gold.demands else { return }
    let named = Set(goldDemands.joined())
    let judged = gold.judged ?? [:]
    let uris = prediction.skills
    func credit(_ uri: String) -> Double {
      if named.contains(uri) || judged[uri] == 1 { return 1 }
      return judged[uri] == 0.5 ? 0.5 : 0
    }
    scored += 1
    for (slot, k) in [5, 10].enumerated() {
      let top = uris.prefix(k)
      if !top.isEmpty { precisionSums[slot] += top.map(credit).reduce(0, +) / Double(top.count) }
    }
    top10 += min(10, uris.count)
    unjudgedAt10 += uris.prefix(10).filter { !named.contains($0) && judged[$0] == nil }.count
    for demand in goldDemands where !demand.isEmpty {
      let want = Set(demand)
      demands += 1
      for (slot, k) in [10, 20, uris.count].enumerated()
      where uris.prefix(k).contains(where: want.contains) {
        found[slot] += 1
      }
    }
  }

  /// The figures under the script's names, in its order.
  public var figures: [PostingFigure] {
    [
      .count("scored", scored),
      .ratio("P@5", precisionSums[0], scored), .ratio("P@10", precisionSums[1], scored),
      .ratio("unjudged@10", Double(unjudgedAt10), top10),
      .count("demands", demands),
      .ratio("demand_recall@10", found[0], demands),
      .ratio("demand_recall@20", found[1], demands),
      .ratio("demand_recall@all", found[2], demands),
    ]
  }
}

/// One figure of the postings task, under the name `score_postings.py` gives it.
public struct PostingFigure: Sendable, Equatable {
  /// A count of postings or demands, or a ratio (nil when nothing was scored).
  public enum Value: Sendable, Equatable {
    case count(Int)
    case ratio(Double?)
  }

  /// The script's name for it ("best@1", "P@5", …).
  public var name: String
  /// Its value.
  public var value: Value

  /// A count.
  static func count(_ name: String, _ count: Int) -> PostingFigure {
    PostingFigure(name: name, value: .count(count))
  }

  /// `part / whole`, nil when `whole` is 0.
  static func ratio(_ name: String, _ part: Int, _ whole: Int) -> PostingFigure {
    ratio(name, Double(part), whole)
  }

  /// `part / whole`, nil when `whole` is 0.
  static func ratio(_ name: String, _ part: Double, _ whole: Int) -> PostingFigure {
    PostingFigure(name: name, value: .ratio(JobLensEvaluation.ratio(part, whole)))
  }
}

/// `part / whole`, nil when `whole` is 0.
func ratio(_ part: Int, _ whole: Int) -> Double? { ratio(Double(part), whole) }

/// `part / whole`, nil when `whole` is 0.
func ratio(_ part: Double, _ whole: Int) -> Double? { whole == 0 ? nil : part / Double(whole) }
