/// Top-1 accuracy of ISCO-08 codes at 1, 2, 3 and 4 digits.
///
/// A prediction is correct at `k` digits when its first `k` digits equal the first `k` digits
/// of any gold code. A missing prediction (uncodable) is wrong at every level.
public struct ISCOAccuracy: Sendable, Equatable {
  /// Correct predictions at 1…4 digits (index 0 = 1 digit).
  public private(set) var correct = [0, 0, 0, 0]
  /// Records scored.
  public private(set) var count = 0

  public init() {}

  /// Scores one record: `predicted[k-1]` is the predicted code at `k` digits (or nil).
  public mutating func add(predicted: [String?], gold: [String]) {
    count += 1
    for level in 1...4 {
      guard level - 1 < predicted.count, let code = predicted[level - 1], code.count >= level
      else { continue }
      let prefix = code.prefix(level)
      if gold.contains(where: { $0.count >= level && $0.prefix(level) == prefix }) {
        correct[level - 1] += 1
      }
    }
  }

  /// Accuracy at `level` digits (0 when nothing was scored).
  public func accuracy(digits level: Int) -> Double {
    count == 0 ? 0 : Double(correct[level - 1]) / Double(count)
  }
}

/// Ranking metrics of predicted concept lists against gold sets.
///
/// - RP@5: hits in the top min(5, |gold|) over min(5, |gold|).
/// - MRR: mean of 1 / rank of the first gold concept (0 when none is ranked).
/// - recall@10: share of the gold concepts in the top 10.
public struct RankingMetrics: Sendable, Equatable {
  private var rpSum = 0.0
  private var reciprocalSum = 0.0
  private var recallSum = 0.0
  /// Records scored.
  public private(set) var count = 0

  public init() {}

  /// Scores one record.
  public mutating func add(ranked: [String], gold: Set<String>) {
    guard !gold.isEmpty else { return }
    count += 1
    let cutoff = min(5, gold.count)
    rpSum += Double(ranked.prefix(cutoff).filter(gold.contains).count) / Double(cutoff)
    if let rank = ranked.firstIndex(where: gold.contains) {
      reciprocalSum += 1 / Double(rank + 1)
    }
    recallSum += Double(Set(ranked.prefix(10)).intersection(gold).count) / Double(gold.count)
  }

  /// R-precision at 5.
  public var rpAt5: Double { count == 0 ? 0 : rpSum / Double(count) }
  /// Mean reciprocal rank.
  public var mrr: Double { count == 0 ? 0 : reciprocalSum / Double(count) }
  /// Recall at 10.
  public var recallAt10: Double { count == 0 ? 0 : recallSum / Double(count) }
}
