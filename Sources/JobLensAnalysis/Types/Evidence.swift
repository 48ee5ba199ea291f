/// Which field of a posting evidence points into.
public enum PostingField: String, Sendable {
  case title, text
}

/// A stretch of a posting that supports a code: where it is, what it says, and the ESCO label
/// it matched.
public struct Evidence: Sendable, Equatable {
  /// The field.
  public var field: PostingField
  /// Unicode code point offsets `[start, end)` into the field.
  public var start: Int
  /// The end offset (exclusive).
  public var end: Int
  /// The text of the span, as written.
  public var text: String
  /// The ESCO label (or ISCO task item, title…) it matched; empty when not a label match.
  public var label: String
  /// Offsets `[start, end)` of the whole task phrase the span is in.
  public var phraseStart: Int
  /// The phrase's end offset (exclusive).
  public var phraseEnd: Int
}
