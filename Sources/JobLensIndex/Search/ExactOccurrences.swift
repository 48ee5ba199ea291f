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

  /// The position of `label` in ``entries`` (`found`), or where it would go.
  /// - Complexity: O(log n).
  private func slot(_ label: Int) -> (index: Int, found: Bool) {
    let index = entries.lowerBound { $0.label < label }
    return (index, index < entries.count && entries[index].label == label)
  }

  /// Records an occurrence of `label`: the first found is kept, unless it crosses a list
  /// break and this one does not (the first such then replaces it).
  /// - Complexity: O(n) (an insertion).
  mutating func record(_ label: Int, _ range: Range<Int>, crossesBreak: Bool) {
    let slot = slot(label)
    if slot.found {
      if !crossesBreak && entries[slot.index].crossesBreak {
        entries[slot.index].range = range
        entries[slot.index].crossesBreak = false
      }
    } else {
      entries.insert((label, range, crossesBreak), at: slot.index)
    }
  }

  /// The occurrence of `label`, if it was found.
  /// - Complexity: O(log n).
  subscript(label: Int) -> Range<Int>? {
    let slot = slot(label)
    return slot.found ? entries[slot.index].range : nil
  }

  /// Takes `label` out, returning its occurrence, if it was found.
  /// - Complexity: O(n).
  mutating func take(_ label: Int) -> Range<Int>? {
    let slot = slot(label)
    return slot.found ? entries.remove(at: slot.index).range : nil
  }
}
