/// Score arrays lent for one posting and given back cleared by their touched lists, as the
/// searcher's scratch arrays are: a posting's scores over the 3,007 occupations or the 619 ISCO
/// groups (5–27 kB each, above the allocator's per-thread cache) are neither allocated nor
/// zeroed anew for each posting.
///
/// Per analyzer (not thread-safe); holds about as many arrays as one posting uses at once.
final class ScoresPool {
  /// Cleared scores, of any capacity.
  private var free: [DenseScores] = []

  /// Scores over `count` IDs, none set: one given back, or new.
  /// - Complexity: O(f) for f scores held.
  func take(count: Int) -> DenseScores {
    guard let slot = free.lastIndex(where: { $0.capacity == count }) else {
      return DenseScores(count: count)
    }
    return free.remove(at: slot)
  }

  /// Takes back `scores` (cleared; left empty), to be lent again.
  /// - Complexity: O(n) for n IDs set.
  func giveBack(_ scores: inout DenseScores) {
    guard scores.capacity > 0 else { return }
    scores.removeAll()
    free.append(scores)
    scores = DenseScores()
  }

  /// The number of scores held (for tests).
  var count: Int { free.count }
}
