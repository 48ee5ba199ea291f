/// The non-ASCII characters, common in postings, that the fast word and sentence breakers
/// (``ASCIIWordBreak``, ``ASCIISentenceBreak``) take besides ASCII: a space and punctuation
/// whose word- and sentence-break classes (UAX #29) are ones ASCII characters have, so that
/// the breakers' rules need nothing new. In corpus_dev, 60% of the bytes are on ASCII lines and
/// 33% more on lines whose only non-ASCII characters are these (a curly apostrophe alone 11%,
/// a no-break space alone 8%), which ICU would otherwise break.
enum FastBreakMark {
  /// U+00A0 NO-BREAK SPACE: word break Other, sentence break Sp.
  case noBreakSpace
  /// U+2019 RIGHT SINGLE QUOTATION MARK (the curly apostrophe): word break MidNumLet (as
  /// `.`: "don’t" is one word), sentence break Close.
  case rightSingleQuote
  /// U+201C and U+201D, the curly double quotes: word break Other, sentence break Close.
  case doubleQuote
  /// U+2013 EN DASH and U+2014 EM DASH: word break Other, sentence break SContinue (as `-`).
  case dash
  /// U+00A2 CENT SIGN, U+20AC EURO SIGN, U+2122 TRADE MARK SIGN and U+2022 BULLET (scraped
  /// postings write a curly apostrophe "€™" and a bullet "€¢", read as Windows-1252): word
  /// break Other, sentence break Other.
  case symbol

  /// The mark that starts at `index` of `bytes` (before `end`) and its length in bytes, or nil.
  @inline(__always) static func mark(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> (mark: FastBreakMark, width: Int)? {
    let lead = bytes[index]
    if lead == 0xC2 {
      guard index + 1 < end else { return nil }
      switch bytes[index + 1] {
      case 0xA0: return (.noBreakSpace, 2)
      case 0xA2: return (.symbol, 2)
      default: return nil
      }
    }
    guard lead == 0xE2, index + 2 < end else { return nil }
    switch (bytes[index + 1], bytes[index + 2]) {
    case (0x80, 0x99): return (.rightSingleQuote, 3)
    case (0x80, 0x9C), (0x80, 0x9D): return (.doubleQuote, 3)
    case (0x80, 0x93), (0x80, 0x94): return (.dash, 3)
    case (0x80, 0xA2), (0x82, 0xAC), (0x84, 0xA2): return (.symbol, 3)
    default: return nil
    }
  }

  /// ``mark(_:at:end:)`` for a non-ASCII byte, kept out of line so that the breakers' ASCII
  /// loops stay small; nil with a width of 1 for a byte that starts no mark.
  @inline(never) static func markOrByte(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> (mark: FastBreakMark?, width: Int) {
    guard let (mark, width) = mark(bytes, at: index, end: end) else { return (nil, 1) }
    return (mark, width)
  }
}
