/// What the analysis asks of a label's text, stored with the label (``IndexData``'s label flags,
/// bits 1–4) so that asking reads one byte of a small array instead of the label's row of the
/// string table, a cache miss the first time a label is met in a run.
public struct LabelTextFacts: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The first Character is lower case (`text.first?.isLowercase == true`).
  public static let startsLowercase = LabelTextFacts(rawValue: 1 << 1)
  /// The first Character is upper case (`text.first?.isUppercase == true`).
  public static let startsUppercase = LabelTextFacts(rawValue: 1 << 2)
  /// Some Character is lower case (`text.contains(where: \.isLowercase)`).
  public static let hasLowercase = LabelTextFacts(rawValue: 1 << 3)
  /// The text is one word: split at white space (Unicode's White_Space scalars), it has one
  /// piece.
  public static let oneWord = LabelTextFacts(rawValue: 1 << 4)

  /// Every fact, as a mask of the label flags.
  static let all: LabelTextFacts = [.startsLowercase, .startsUppercase, .hasLowercase, .oneWord]

  /// The facts of a text.
  /// - Complexity: O(n) in the text's length.
  public init(_ text: String) {
    var facts: LabelTextFacts = []
    if text.first?.isLowercase == true { facts.insert(.startsLowercase) }
    if text.first?.isUppercase == true { facts.insert(.startsUppercase) }
    if text.contains(where: \.isLowercase) { facts.insert(.hasLowercase) }
    if text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).count == 1 {
      facts.insert(.oneWord)
    }
    self = facts
  }
}
