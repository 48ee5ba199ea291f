import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

/// Scores per unit group from several sources, each normalised and weighted.
struct GroupEvidence {
  private(set) var scores: [Int: Double] = [:]
  private(set) var total = 0.0
  /// Each source's part of ``scores``.
  private(set) var bySource: [EvidenceSource: [Int: Double]] = [:]

  /// Adds a source's scores: scaled to sum to 1 (when `normalise`), times `weight`; its
  /// weight counts towards the evidence total when `isEvidence`.
  mutating func add(
    _ source: [Int: Double], from kind: EvidenceSource, weight: Double, normalise: Bool,
    isEvidence: Bool = true
  ) {
    guard weight > 0 else { return }
    let sum = PostingAnalyzer.sum(source)
    guard sum > 0 else { return }
    // One addition per group: the order does not change the sums.
    for (group, score) in source {
      let value = weight * (normalise ? score / sum : score)
      scores[group, default: 0] += value
      bySource[kind, default: [:]][group, default: 0] += value
    }
    if isEvidence { total += weight }
  }
}
