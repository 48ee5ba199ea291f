/// What a confidence means at each ISCO level, on judged postings: for each cut-off, how many
/// postings have that level's best candidate at or above it and how many of those agree with
/// the gold at that level; and, for the codes emitted at each level, how many agree.
///
/// A level counts the postings the best@L figure counts: level 1 those with a gold code or
/// major group, levels 2–4 those with gold codes. The emitted rows count the postings of the
/// `emitted` figure by the level of their code, judged as that figure judges them (a code for
/// major-group-only gold at one digit), so their right answers add up to it.
public struct ReliabilityTable: Sendable, Equatable {
  /// Right answers out of postings.
  public struct Cell: Sendable, Equatable {
    /// Postings counted.
    public var postings = 0
    /// …whose code agrees with the gold.
    public var right = 0

    /// A cell from its counts.
    public init(postings: Int = 0, right: Int = 0) {
      self.postings = postings
      self.right = right
    }

    /// `right / postings`, nil for no postings.
    public var precision: Double? { ratio(right, postings) }

    mutating func add(right isRight: Bool) {
      postings += 1
      if isRight { right += 1 }
    }
  }

  /// The cut-offs of the confidence of `score_postings.py`'s best@L candidates.
  public static let defaultCutoffs = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]

  /// The confidence cut-offs, ascending.
  public let cutoffs: [Double]
  /// Per level 1…4 (index 0 = 1 digit): postings scored, and of them those with a candidate
  /// that agrees (best@L).
  public private(set) var scored = [Cell](repeating: Cell(), count: 4)
  /// Per level, per cut-off: postings whose candidate has at least that confidence.
  public private(set) var candidates: [[Cell]]
  /// Per level: postings whose code was emitted at that level.
  public private(set) var emitted = [Cell](repeating: Cell(), count: 4)
  /// Postings scored at one digit that are uncodable.
  public private(set) var uncodable = 0

  /// An empty table over `cutoffs`.
  public init(cutoffs: [Double] = ReliabilityTable.defaultCutoffs) {
    self.cutoffs = cutoffs.sorted()
    candidates = Array(repeating: Array(repeating: Cell(), count: cutoffs.count), count: 4)
  }

  /// Counts one posting; one without a gold code or major group is left out.
  public mutating func add(_ prediction: PostingPrediction, gold: PostingGold) {
    guard gold.hasOccupation else { return }
    for level in 1...gold.depth {
      let candidate = prediction.candidate(at: level)
      let right = ISCOAgreement.agrees(
        candidate?.code, gold.codes, level: level, majors: gold.majors)
      scored[level - 1].add(right: right)
      guard let candidate else { continue }
      for (slot, cutoff) in cutoffs.enumerated() where candidate.confidence >= cutoff {
        candidates[level - 1][slot].add(right: right)
      }
    }
    if prediction.isCoded, (1...4).contains(prediction.level) {
      emitted[prediction.level - 1].add(
        right: ISCOAgreement.emittedAgrees(prediction, gold: gold))
    } else if !prediction.isCoded {
      uncodable += 1
    }
  }
}
