import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

/// Scores per unit group from several sources, each normalised and weighted.
struct GroupEvidence {
  private(set) var scores: DenseScores
  private(set) var total = 0.0
  /// Each source's part of ``scores`` (by ``EvidenceSource/allCases`` position; nil until the
  /// source adds some).
  private var sourceScores: [DenseScores?]
  /// Where its score arrays come from and go back to (nil: made anew, for tests).
  private let pool: ScoresPool?

  /// Evidence over `count` ISCO groups, none scored; its score arrays lent by `pool`.
  init(count: Int, pool: ScoresPool? = nil) {
    scores = pool?.take(count: count) ?? DenseScores(count: count)
    sourceScores = Array(repeating: nil, count: EvidenceSource.allCases.count)
    self.pool = pool
  }

  /// A copy with score arrays of its own (from the pool), so that adding to it does not copy
  /// the arrays on write.
  /// - Complexity: O(n) for n groups scored by each source.
  func copy() -> GroupEvidence {
    var copy = GroupEvidence(count: scores.capacity, pool: pool)
    copy.scores.set(scores)
    for (slot, part) in sourceScores.enumerated() {
      guard let part else { continue }
      var own = copy.newPart()
      own.set(part)
      copy.sourceScores[slot] = own
    }
    copy.total = total
    return copy
  }

  /// Gives the score arrays back to the pool; the evidence is empty after.
  mutating func giveBack() {
    guard let pool else { return }
    pool.giveBack(&scores)
    for slot in sourceScores.indices where sourceScores[slot] != nil {
      pool.giveBack(&sourceScores[slot]!)
      sourceScores[slot] = nil
    }
    total = 0
  }

  /// Empty scores for a source's part.
  private func newPart() -> DenseScores {
    pool?.take(count: scores.capacity) ?? DenseScores(count: scores.capacity)
  }

  /// A source's part of ``scores``, nil when it added none.
  func part(from source: EvidenceSource) -> DenseScores? {
    sourceScores[EvidenceSource.allCases.firstIndex(of: source)!]
  }

  /// Each source's part of ``scores`` as dictionaries (for tests and debugging).
  var bySource: [EvidenceSource: [Int: Double]] {
    var result: [EvidenceSource: [Int: Double]] = [:]
    for (source, part) in zip(EvidenceSource.allCases, sourceScores) {
      if let part { result[source] = part.dictionary }
    }
    return result
  }

  /// Adds a source's scores: scaled to sum to 1 (when `normalise`), times `weight`; its
  /// weight counts towards the evidence total when `isEvidence`.
  mutating func add(
    _ source: [Int: Double], from kind: EvidenceSource, weight: Double, normalise: Bool,
    isEvidence: Bool = true
  ) {
    guard weight > 0 else { return }
    add(
      source.lazy.map { ($0.key, $0.value) }, sum: PostingAnalyzer.sum(source), from: kind,
      weight: weight, normalise: normalise, isEvidence: isEvidence)
  }

  /// Adds a source's scores, as ``add(_:from:weight:normalise:isEvidence:)`` does a
  /// dictionary's.
  mutating func add(
    _ source: DenseScores, from kind: EvidenceSource, weight: Double, normalise: Bool,
    isEvidence: Bool = true
  ) {
    guard weight > 0 else { return }
    add(
      source.entries, sum: source.sum(), from: kind, weight: weight, normalise: normalise,
      isEvidence: isEvidence)
  }

  private mutating func add(
    _ source: some Sequence<(Int, Double)>, sum: Double, from kind: EvidenceSource,
    weight: Double, normalise: Bool, isEvidence: Bool
  ) {
    guard sum > 0 else { return }
    let slot = EvidenceSource.allCases.firstIndex(of: kind)!
    var part = sourceScores[slot] ?? newPart()
    sourceScores[slot] = nil
    // One addition per group: the order does not change the sums.
    for (group, score) in source {
      let value = weight * (normalise ? score / sum : score)
      scores[group] += value
      part[group] += value
    }
    sourceScores[slot] = part
    if isEvidence { total += weight }
  }
}
