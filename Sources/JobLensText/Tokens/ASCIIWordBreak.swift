import JobLensCore

/// ICU's word breaking (ICU 72's root rules, UAX #29 with `@` as a letter and `:` not joining
/// letters) for ASCII text, without ICU: the same segments and rule statuses, at a fraction of
/// the cost of ICU's state machine. The text may also hold ``FastBreakMark``s (a curly
/// apostrophe joins as `.` and `'` do; the others are segments of their own).
///
/// The ASCII bytes fall into few word-break classes, so only these rules apply: letters and
/// digits join (WB5, WB8–WB10) and so does `_` (WB13a/b); a letter, `.` or `'`, letter run
/// stays one word (WB6/7), as does a digit, `.` `'` `,` or `;`, digit run (WB11/12); spaces
/// join (WB3d) and CR joins LF (WB3); every other byte is a segment of its own. A word's
/// status is that of the rule that ended it: 200 (letters) after a letter, 100 (numbers) after
/// a digit, and after a `_` that of the byte before it (0 for a `_` alone). Tests compare it
/// with ICU on seeded random ASCII text.
enum ASCIIWordBreak {
  private enum Class {
    case letter, digit, connector, midLetterOrNumber, midNumber, space, carriageReturn, other
  }

  @inline(__always) private static func wordClass(_ byte: UInt8) -> Class {
    switch byte {
    case 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "@"): .letter
    case 0x30...0x39: .digit
    case UInt8(ascii: "_"): .connector
    case UInt8(ascii: "."), UInt8(ascii: "'"): .midLetterOrNumber
    case UInt8(ascii: ","), UInt8(ascii: ";"): .midNumber
    case UInt8(ascii: " "): .space
    case 0x0D: .carriageReturn
    default: .other
    }
  }

  /// The word-break class of the character at `index` (before `end`) and its length in bytes.
  @inline(__always) private static func wordClass(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> (Class, Int) {
    let byte = bytes[index]
    if byte < 0x80 { return (wordClass(byte), 1) }
    let (mark, width) = FastBreakMark.markOrByte(bytes, at: index, end: end)
    return (mark == .rightSingleQuote ? .midLetterOrNumber : .other, width)
  }

  /// Whether `byte` is ASCII and ICU starts no word with it (such a segment's status is 0).
  @inline(__always) static func startsNoWord(_ byte: UInt8) -> Bool {
    guard byte < 0x80 else { return false }
    switch wordClass(byte) {
    case .letter, .digit, .connector: return false
    default: return true
    }
  }

  /// Calls `body(segment, status)` for each word-break segment of `range` of `bytes`, in
  /// order, as ICU's word break iterator over that range would (statuses as
  /// ``WordRuleStatus``). `range` must hold only ASCII bytes and ``FastBreakMark``s.
  /// - Complexity: O(n) in the length of `range`.
  static func segments(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Range<Int>, Int32) -> Void
  ) {
    let end = range.upperBound
    var start = range.lowerBound
    while start < end {
      let (startClass, width) = wordClass(bytes, at: start, end: end)
      var next = start + width
      var status: Int32 = 0
      switch startClass {
      case .space:
        while next < end && bytes[next] == UInt8(ascii: " ") { next += 1 }
      case .carriageReturn:
        if next < end && bytes[next] == 0x0A { next += 1 }
      case .letter, .digit, .connector:
        (next, status) = word(bytes, from: start, to: end)
      case .midLetterOrNumber, .midNumber, .other:
        break
      }
      body(start..<next, status)
      start = next
    }
  }

  /// The end and status of the word starting at `start` (a letter, digit or `_`).
  @inline(__always) private static func word(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> (Int, Int32) {
    var current = wordClass(bytes[start])
    var previous: Class? = nil
    var next = start + 1
    scan: while next < end {
      // A run of ASCII letters (A–Z, a–z) read eight bytes at a time: each would set
      // `previous` to `current` and `current` to a letter.
      if next + 8 <= end {
        let letters = ByteWord.leadingASCIILetters(ByteWord.load(bytes, at: next))
        if letters > 0 {
          previous = letters == 1 ? current : .letter
          current = .letter
          next += letters
          continue
        }
      }
      let (joining, width) = wordClass(bytes, at: next, end: end)
      switch joining {
      case .letter, .digit, .connector:
        previous = current
        current = joining
        next += 1
      case .midLetterOrNumber, .midNumber:
        // Letters and digits are ASCII: one byte.
        guard next + width < end else { break scan }
        let after = wordClass(bytes[next + width])
        let joins =
          (current == .letter && joining == .midLetterOrNumber && after == .letter)
          || (current == .digit && after == .digit)
        guard joins else { break scan }
        previous = joining
        next += width + 1
      default:
        break scan
      }
    }
    switch current {
    case .letter: return (next, WordRuleStatus.letter.lowerBound)
    case .digit: return (next, WordRuleStatus.number.lowerBound)
    default:
      switch previous {
      case nil: return (next, 0)
      case .digit?: return (next, WordRuleStatus.number.lowerBound)
      default: return (next, WordRuleStatus.letter.lowerBound)
      }
    }
  }
}
