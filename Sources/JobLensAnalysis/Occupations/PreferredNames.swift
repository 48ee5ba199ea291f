import JobLensIndex

/// Occupations by the text of a preferred label, in lower case (the last one added for a text
/// wins). Labels are keyed by a hash of their text in lower case, made from its bytes
/// (``ConceptIndex/labelLowercaseKey(_:)``): Strings are made only for labels sharing a key.
struct PreferredNames {
  /// The latest entry of each key.
  private var latest: [UInt64: Int] = [:]
  /// Per entry: its label, its occupation and the previous entry with its key (-1 if none).
  private var entries: [(label: Int, occupation: Int, previous: Int)] = []

  /// Adds an occupation by its preferred label.
  mutating func add(_ label: Int, of occupation: Int, in index: ConceptIndex) {
    let key = index.labelLowercaseKey(label)
    entries.append((label, occupation, latest[key] ?? -1))
    latest[key] = entries.count - 1
  }

  /// The occupation last added by a label whose text equals this label's in lower case.
  /// - Complexity: O(n) in the label's bytes, plus a String per entry sharing its key.
  func occupation(named label: Int, in index: ConceptIndex) -> Int? {
    guard !entries.isEmpty, var entry = latest[index.labelLowercaseKey(label)] else { return nil }
    let text = index.labelText(label).lowercased()
    while entry >= 0 {
      if index.labelText(entries[entry].label).lowercased() == text {
        return entries[entry].occupation
      }
      entry = entries[entry].previous
    }
    return nil
  }
}

/// Which labels' texts, in lower case, may be an occupation's preferred label: those whose
/// ``ConceptIndex/labelLowercaseKey(_:)`` is the key of one. Found the first time a label is
/// asked and kept (titles match the same occupation labels posting after posting), so that
/// most labels' texts are read once per analyzer, not once per title.
final class PreferredNameKeys {
  /// The keys of the occupations' preferred labels (made when first asked).
  private var keys: Set<UInt64> = []
  /// Per label: 0 not asked yet, 1 not a preferred label's key, 2 one.
  private var known: [UInt8] = []

  /// Whether the label's text, in lower case, may be an occupation's preferred label (a few
  /// other texts share their keys).
  /// - Complexity: O(1) for a label asked before, else O(n) in its text's bytes.
  func mayBePreferred(_ label: Int, in index: ConceptIndex) -> Bool {
    if known.isEmpty { start(index) }
    if known[label] == 0 { known[label] = keys.contains(index.labelLowercaseKey(label)) ? 2 : 1 }
    return known[label] == 2
  }

  private func start(_ index: ConceptIndex) {
    known = [UInt8](repeating: 0, count: index.labelCount)
    for label in 0..<index.labelCount
    where index.labelField(label) == .preferred && index.labelConcept(label).kind == .occupation {
      keys.insert(index.labelLowercaseKey(label))
    }
  }
}
