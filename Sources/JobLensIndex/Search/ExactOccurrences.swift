import JobLensCore

/// The labels found word for word in a query, each with the query positions of one
/// occurrence: a phrase has a few, so they are kept in one array sorted by label and looked
/// up by a binary search, not in a dictionary made (and hashed into) for every phrase.
struct ExactOccurrences {
  /// The labels, ascending, with their occurrences; `crossesBreak`: whether the occurrence
  /// kept spans a list separator.
  private var entries: [(label: Int, range: Range<Int>, crossesBreak: Bool)] = []

  /// Whether no label was found.
  var isEmpty: Bool { entries.isEmpty }

  /// How many labels were found.
  var count: Int { entries.count }

  /// The labels found, ascending.
  var labels: [Int] { entries.map(\.label) }

  /// The labels found with their occurrences, by label.
  var sorted: [(label: Int, range: Range<Int>)] { entries.map { ($0.label, $0.range) } }

  /// The position of `label` in ``entries``, or where it would go.
  /// - Complexity: O(log n).
  private func slot(_ label: Int) -> Int { entries.lowerBound { $0.label < label } }

  /// Records an occurrence of `label`: the first found is kept, unless it crosses a list
  /// break and this one does not (the first such then replaces it).
  /// - Complexity: O(n) (an insertion).
  mutating func record(_ label: Int, _ range: Range<Int>, crossesBreak: Bool) {
    let slot = slot(label)
    if slot < entries.count && entries[slot].label == label {
      if !crossesBreak && entries[slot].crossesBreak {
        entries[slot].range = range
        entries[slot].crossesBreak = false
      }
    } else {
      entries.insert((label, range, crossesBreak), at: slot)
    }
  }

  /// The occurrence of `label`, if it was found.
  /// - Complexity: O(log n).
  subscript(label: Int) -> Range<Int>? {
    let slot = slot(label)
    return slot < entries.count && entries[slot].label == label ? entries[slot].range : nil
  }

  /// Takes `label` out, returning its occurrence, if it was found.
  /// - Complexity: O(n).
  mutating func take(_ label: Int) -> Range<Int>? {
    let slot = slot(label)
    guard slot < entries.count && entries[slot].label == label else { return nil }
    return entries.remove(at: slot).range
  }
}
