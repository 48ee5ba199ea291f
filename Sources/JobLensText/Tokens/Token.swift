public import JobLensCore

/// What a token is.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  /// Letters (any script but those below).
  case word
  /// Digits.
  case number
  /// Japanese kana.
  case kana
  /// Ideographs (Chinese characters, kanji).
  case ideograph
  /// An e-mail address.
  case email
  /// A URL or bare domain name.
  case url
  /// A #hashtag.
  case hashtag
  /// An @handle.
  case handle
  /// A programming name that word breaking would tear apart: C++, C#, .NET, Node.js.
  case code

  /// The lower-case name used in output.
  public var name: String { String(describing: self) }

  /// Whether the token is text to be stemmed.
  var isStemmed: Bool { self == .word }

  /// Whether the token is kept whole as written (not broken, not stemmed).
  public var isProtected: Bool { rawValue >= TokenKind.email.rawValue }
}

/// The identity of a distinct surface form within one ``Tokenizer``.
public struct FormID: Hashable, Sendable, Comparable {
  /// Index into the tokenizer's form table.
  public let rawValue: UInt32

  public static func < (lhs: FormID, rhs: FormID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The normalised forms of one surface form.
public struct Form: Sendable, Equatable {
  /// NFKC case-folded text.
  public let folded: String
  /// The folded text without diacritics: "résumé" and "resume" share the key "resume".
  public let key: String
  /// The Snowball stem used for matching (equal to the key for numbers, ideographs and
  /// protected terms, and when the language has no stemmer).
  public let stem: String
}

/// One token: a byte range into the text, its kind and its form.
///
/// Offsets are stored in 32 bits (16 bytes a token), so one text is limited to 4 GiB.
public struct Token: Sendable, Equatable {
  private var start: UInt32
  private var end: UInt32
  /// The token's surface form.
  public var form: FormID
  /// Kind of token.
  public var kind: TokenKind

  /// Makes a token.
  public init(byteRange: Range<Int>, kind: TokenKind, form: FormID) {
    start = UInt32(truncatingIfNeeded: byteRange.lowerBound)
    end = UInt32(truncatingIfNeeded: byteRange.upperBound)
    self.form = form
    self.kind = kind
  }

  /// Byte range in the text.
  public var byteRange: Range<Int> { Int(start)..<Int(end) }
}

/// Consecutive tokens that also match as one unit: a hyphenated compound ("e-mail" also
/// matches "email", "follow-up" also "follow up") or a product with its version ("Office 365").
public struct TokenGroup: Sendable, Equatable {
  /// What joins the tokens.
  public enum Kind: UInt8, Sendable {
    /// Parts joined by hyphens; the group's form is the parts written together.
    case compound
    /// A product name and version; the group's form is the text as written.
    case product
  }

  /// Indices of the tokens in the group.
  public var tokens: Range<Int>
  /// Byte range of the whole group.
  public var byteRange: Range<Int>
  /// What joins the tokens.
  public var kind: Kind
  /// The form of the joined unit.
  public var form: FormID
}

/// A tokenised text: the repaired UTF-8, its tokens in order, and token groups.
public struct TokenizedText: Sendable {
  /// The text (invalid UTF-8 already replaced).
  public let text: UTF8Text
  /// Tokens in text order, non-overlapping.
  public let tokens: [Token]
  /// Token groups in text order.
  public let groups: [TokenGroup]
  /// Byte offsets inside what ICU took as one word where scraped text had lost a line break
  /// ("growth.Responsibilities:Perform", "neededMaintain"); the token was split there.
  public let runTogetherBreaks: [Int]

  /// Code point offsets `[start, end)` of a byte range.
  public func codePointRange(_ range: Range<Int>) -> Range<Int> {
    text.codePointOffset(ofByte: range.lowerBound)..<text.codePointOffset(ofByte: range.upperBound)
  }

  /// The text of a byte range, as written.
  public func string(_ range: Range<Int>) -> String { text[bytes: range] }
}
