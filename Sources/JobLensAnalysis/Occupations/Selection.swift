import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// The sum of a dictionary's values in key order, so that floating-point rounding (and the
  /// output bytes) do not depend on the process's hash seed.
  static func sum(_ values: [Int: Double]) -> Double {
    values.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
  }

  /// The `count` highest-scoring of `candidates` (keys distinct), best first; among equal
  /// scores, the lower key first.
  /// - Complexity: O(n × count) for n candidates, O(n log n) when `count` is over 64.
  static func strongest(
    _ count: Int, of candidates: some Sequence<(Int, Double)>
  ) -> [(Int, Double)] {
    func isBetter(_ entry: (Int, Double), than other: (Int, Double)) -> Bool {
      entry.1 > other.1 || (entry.1 == other.1 && entry.0 < other.0)
    }
    guard count > 0 else { return [] }
    guard count <= 64 else { return Array(candidates.sorted(by: isBetter).prefix(count)) }
    var top: [(Int, Double)] = []
    top.reserveCapacity(count + 1)
    for entry in candidates {
      if top.count == count, let last = top.last, !isBetter(entry, than: last) { continue }
      let position = top.firstIndex { isBetter(entry, than: $0) } ?? top.count
      top.insert(entry, at: position)
      if top.count > count { top.removeLast() }
    }
    return top
  }
}
