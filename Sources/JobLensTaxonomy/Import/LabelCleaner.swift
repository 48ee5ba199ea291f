import JobLensCore

/// Cleans ESCO's known label defects and counts what it changed: invisible characters
/// (zero-width space and joiners, word joiner, byte-order mark, soft hyphen), unusual spaces
/// (no-break, narrow, figure, tabs and line breaks inside a label), stray white space, empty
/// labels and labels that repeat another label of the same concept. Alternative and hidden
/// labels that are pieces of a longer label are dropped and kept for the importer to warn of.
struct LabelCleaner {
  private(set) var counts = CleaningCounts()
  /// The labels dropped as pieces of longer labels since the last ``takeFragments()``.
  private var fragments: [String] = []

  private static let invisible: Set<Unicode.Scalar> = [
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
  ]

  /// Whether a label is printable ASCII with single inner spaces (nearly all labels), so that
  /// there is nothing to clean.
  private static func isClean(_ label: String) -> Bool {
    var previousSpace = true
    for byte in label.utf8 {
      if byte == 0x20 {
        if previousSpace { return false }
        previousSpace = true
      } else if byte < 0x21 || byte > 0x7E {
        return false
      } else {
        previousSpace = false
      }
    }
    return !previousSpace
  }

  /// One label, cleaned; nil when nothing is left.
  mutating func clean(_ label: String) -> String? {
    if LabelCleaner.isClean(label) { return label }
    var scalars = String.UnicodeScalarView()
    var changedSpace = false
    for scalar in label.unicodeScalars {
      if LabelCleaner.invisible.contains(scalar) {
        counts.invisibleCharacters += 1
        continue
      }
      if scalar != " " && scalar.properties.isWhitespace {
        counts.unusualSpaces += 1
        changedSpace = true
        scalars.append(" ")
        continue
      }
      scalars.append(scalar)
    }
    let spaced = String(scalars)
    let collapsed = spaced.split(separator: " ", omittingEmptySubsequences: true).joined(
      separator: " ")
    if collapsed != spaced && !changedSpace { counts.trimmedLabels += 1 }
    if collapsed.isEmpty {
      counts.emptyLabels += 1
      return nil
    }
    return collapsed
  }

  /// Cleans a list of labels, dropping empties, pieces of longer labels
  /// (``isFragment(_:)``) and repeats of each other or of `excluding` (compared
  /// case-insensitively).
  mutating func clean(_ labels: [String], excluding: [String]) -> [String] {
    var seen = Set(excluding.map { $0.lowercased() })
    var result: [String] = []
    for label in labels {
      guard let cleaned = clean(label) else { continue }
      if LabelCleaner.isFragment(cleaned) {
        fragments.append(cleaned)
        continue
      }
      if !seen.insert(cleaned.lowercased()).inserted {
        counts.duplicateLabels += 1
        continue
      }
      result.append(cleaned)
    }
    return result
  }

  /// Whether a label is a piece of a longer label, split from it at a line break: it begins
  /// with a conjunction ("and procedures", an alternative label of *compile airport
  /// certification manuals*, found in every "… and procedures").
  /// Written in lower case, as a piece cut at a line break is: "OR nurse" (operating room)
  /// is a label.
  static func isFragment(_ label: String) -> Bool {
    label.hasPrefix("and ") || label.hasPrefix("or ")
  }

  /// The labels dropped as pieces of longer labels since the last call.
  mutating func takeFragments() -> [String] {
    defer { fragments = [] }
    return fragments
  }

  /// Splits a multi-valued cell (one label per line, or `|`-separated in collections files).
  static func split(_ cell: String) -> [String] {
    cell.isEmpty ? [] : cell.split(asciiSeparators: [0x0A, 0x0D, UInt8(ascii: "|")])
  }
}
