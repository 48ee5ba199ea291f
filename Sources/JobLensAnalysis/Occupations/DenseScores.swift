/// Scores over IDs `0..<count` (unit groups, occupations) in a flat array, with the IDs that
/// were set listed in the order they were first set: lookups and updates without hashing, and
/// an iteration order that does not depend on a hash seed.
///
/// An ID that was set stays an entry when its score is 0 (as a dictionary key would).
struct DenseScores {
  /// Per ID: its score (0 when unset).
  private(set) var values: [Double]
  /// Per ID: whether it was set.
  private var isSet: [Bool]
  /// The IDs set, in the order they were first set.
  private(set) var touched: [Int] = []

  /// Scores over `count` IDs, none set.
  init(count: Int) {
    values = [Double](repeating: 0, count: count)
    isSet = [Bool](repeating: false, count: count)
  }

  /// Scores over no IDs (a placeholder: allocates nothing).
  init() {
    values = []
    isSet = []
  }

  /// The number of IDs the scores range over.
  var capacity: Int { values.count }

  /// Whether no ID is set.
  var isEmpty: Bool { touched.isEmpty }

  /// Whether `id` was set.
  /// - Complexity: O(1).
  func contains(_ id: Int) -> Bool { isSet[id] }

  /// The score of `id`, 0 when unset; setting it makes `id` an entry.
  /// - Complexity: O(1).
  subscript(id: Int) -> Double {
    get { values[id] }
    set {
      if !isSet[id] {
        isSet[id] = true
        touched.append(id)
      }
      values[id] = newValue
    }
  }

  /// Sets each ID of `ids` that is not set, to 0 (as `self[id] = 0` would, in one pass
  /// without a uniqueness check per ID).
  /// - Complexity: O(n) for n IDs.
  mutating func include(_ ids: [Int]) {
    isSet.withUnsafeMutableBufferPointer { isSet in
      for id in ids where !isSet[id] {
        isSet[id] = true
        touched.append(id)
      }
    }
  }

  /// Sets each ID set to `score(id)`, in the order they were set.
  /// - Complexity: O(n) for n IDs set.
  mutating func update(_ score: (Int) -> Double) {
    values.withUnsafeMutableBufferPointer { values in
      for id in touched { values[id] = score(id) }
    }
  }

  /// Unsets every ID, keeping the storage (for scores lent again, ``ScoresPool``).
  /// - Complexity: O(n) for n IDs set.
  mutating func removeAll() {
    for id in touched {
      values[id] = 0
      isSet[id] = false
    }
    touched.removeAll(keepingCapacity: true)
  }

  /// Sets the IDs `other` set, in its order, to its scores (into storage of their own, where
  /// a copy would share `other`'s until written to).
  /// - Complexity: O(n) for n IDs set in `other`.
  mutating func set(_ other: DenseScores) {
    for id in other.touched { self[id] = other.values[id] }
  }

  /// The (ID, score) entries in the order their IDs were first set.
  var entries: LazyMapSequence<[Int], (Int, Double)> {
    touched.lazy.map { [values] in ($0, values[$0]) }
  }

  /// The entries as a dictionary (for tests and debugging).
  var dictionary: [Int: Double] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.0, $0.1) })
  }

  /// The highest score, nil when none is set.
  /// - Complexity: O(n) for n IDs set.
  func max() -> Double? { touched.lazy.map { values[$0] }.max() }

  /// The scores summed in ID order (as ``PostingAnalyzer/sum(_:)`` sums a dictionary in key
  /// order), so that the rounding is the same.
  /// - Complexity: O(``capacity``).
  func sum() -> Double {
    // Unset IDs add 0, which changes no sum that starts at +0.
    values.reduce(0, +)
  }
}
