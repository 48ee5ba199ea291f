import JobLensCore

/// ICU's sentence breaking (ICU 72's root rules, UAX #29) for ASCII text, without ICU: the same
/// boundaries, at a fraction of the cost of ICU's state machine.
///
/// Only a line break (after CR, LF or CR LF, SB4) or a terminator (`.`, `!`, `?`) can end a
/// sentence. A terminator takes the closing punctuation and spaces after it (and one line
/// break, SB9–SB11), and ends no sentence before a `,` `-` `:` or another terminator (SB8a);
/// `.` ends none before a digit (SB6), between a letter and a capital ("U.S", SB7), or when the
/// next letter after it is lower case (SB8). The text may also hold ``FastBreakMark``s: the
/// no-break space is a space, the curly quotes close, the dashes continue a sentence as `-`
/// does. Tests compare it with ICU on seeded random text.
enum ASCIISentenceBreak {
  private enum Class {
    case carriageReturn, lineFeed, space, lower, upper, digit, fullStop, terminator
    case continuation, close, other
  }

  @inline(__always) private static func sentenceClass(_ byte: UInt8) -> Class {
    switch byte {
    case 0x0D: .carriageReturn
    case 0x0A: .lineFeed
    case 0x09, 0x0B, 0x0C, 0x20: .space
    case 0x61...0x7A: .lower
    case 0x41...0x5A: .upper
    case 0x30...0x39: .digit
    case UInt8(ascii: "."): .fullStop
    case UInt8(ascii: "!"), UInt8(ascii: "?"): .terminator
    case UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: ":"): .continuation
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
      .close
    default: .other
    }
  }

  /// The sentence-break class of the character at `index` (before `end`) and its length in
  /// bytes.
  @inline(__always) private static func sentenceClass(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> (Class, Int) {
    let byte = bytes[index]
    if byte < 0x80 { return (sentenceClass(byte), 1) }
    switch FastBreakMark.markOrByte(bytes, at: index, end: end) {
    case (.noBreakSpace?, let width): return (.space, width)
    case (.rightSingleQuote?, let width), (.doubleQuote?, let width): return (.close, width)
    case (.dash?, let width): return (.continuation, width)
    case (.symbol?, let width), (nil, let width): return (.other, width)
    }
  }

  /// Calls `body(boundary)` for each sentence boundary of `range` of `bytes` after its start,
  /// in order, as ICU's sentence break iterator over that range would. `range` must hold only
  /// ASCII bytes and ``FastBreakMark``s, and start at a line start.
  /// - Complexity: O(n) in the length of `range`.
  static func boundaries(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int) -> Void
  ) {
    let end = range.upperBound
    var index = range.lowerBound
    var last = range.lowerBound
    func lineBreakEnd(at index: Int) -> Int {
      var next = index
      if next < end && bytes[next] == 0x0D { next += 1 }
      if next < end && bytes[next] == 0x0A { next += 1 }
      return next
    }
    while index < end {
      // Eight bytes at a time while none is a line break or a terminator (the only bytes that
      // do anything here).
      if index + 8 <= end,
        !mayBreak(
          UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)
        )
      {
        index += 8
        continue
      }
      // Line breaks and terminators are ASCII (the bytes of a mark are none of them).
      switch sentenceClass(bytes[index]) {
      case .carriageReturn, .lineFeed:
        index = lineBreakEnd(at: index)
        body(index)
        last = index
      case .fullStop, .terminator:
        let (next, breaks) = afterTerminator(bytes, at: index, in: range)
        if breaks {
          let boundary = lineBreakEnd(at: next)
          body(boundary)
          last = boundary
          index = boundary
        } else {
          index = next
        }
      default:
        index += 1
      }
    }
    if last != end { body(end) }
  }

  /// Whether a word of eight bytes holds a line feed, a carriage return, `.`, `!` or `?`.
  @inline(__always) private static func mayBreak(_ word: UInt64) -> Bool {
    ByteWord.contains(word, 0x0A) || ByteWord.contains(word, 0x0D)
      || ByteWord.contains(word, UInt8(ascii: ".")) || ByteWord.contains(word, UInt8(ascii: "!"))
      || ByteWord.contains(word, UInt8(ascii: "?"))
  }

  /// Where scanning goes on after the terminator at `index`, and whether a sentence ends there
  /// (before any line break).
  private static func afterTerminator(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, in range: Range<Int>
  ) -> (Int, Bool) {
    let end = range.upperBound
    let fullStop = bytes[index] == UInt8(ascii: ".")
    var next = index + 1
    if fullStop && next < end {
      switch sentenceClass(bytes[next]) {
      case .digit:
        return (next, false)
      case .upper where index > range.lowerBound:
        let before = sentenceClass(bytes[index - 1])
        if before == .upper || before == .lower { return (next, false) }
      default:
        break
      }
    }
    func skip(_ skipped: Class) {
      while next < end {
        let (found, width) = sentenceClass(bytes, at: next, end: end)
        guard found == skipped else { return }
        next += width
      }
    }
    skip(.close)
    skip(.space)
    if next < end {
      switch sentenceClass(bytes, at: next, end: end).0 {
      case .continuation, .fullStop, .terminator: return (next, false)
      default: break
      }
    }
    if fullStop {
      var letter = next
      scan: while letter < end {
        let (found, width) = sentenceClass(bytes, at: letter, end: end)
        switch found {
        case .upper, .lower, .carriageReturn, .lineFeed, .fullStop, .terminator: break scan
        default: letter += width
        }
      }
      if letter < end && sentenceClass(bytes[letter]) == .lower { return (letter, false) }
    }
    return (next, true)
  }
}
