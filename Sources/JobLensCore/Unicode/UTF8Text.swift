/// Text as valid UTF-8 bytes, with the count of invalid sequences that were replaced and a
/// map from byte offsets to Unicode code point offsets.
///
/// Invalid UTF-8 is replaced by U+FFFD, one per maximal invalid subsequence (the Unicode
/// recommendation, which Python's `errors="replace"` also follows), so offsets agree with
/// what other tools see in the repaired text.
public struct UTF8Text: Sendable, Equatable {
  /// The valid UTF-8 bytes.
  public let bytes: [UInt8]
  /// How many invalid sequences were replaced by U+FFFD.
  public let replacedSequences: Int
  /// Whether every byte is ASCII (byte offsets then equal code point offsets).
  public let isASCII: Bool
  /// Code points before each block of ``blockSize`` bytes; empty for ASCII text.
  private let blockStarts: [Int]

  private static let blockSize = 64

  /// Takes bytes that may hold invalid UTF-8.
  /// - Complexity: O(n).
  public init<Bytes: Collection<UInt8>>(validating input: Bytes) {
    // Valid input (nearly all) is taken as it is, checked eight ASCII bytes at a time: the
    // standard library's check through a `String` went byte by byte and copied twice.
    if let valid = input.withContiguousStorageIfAvailable({ buffer in
      UTF8Text.isValid(buffer) ? Array(buffer) : nil
    }), let valid {
      self.init(valid: valid, replaced: 0)
    } else if let valid = String(validating: input, as: UTF8.self) {
      self.init(valid: Array(valid.utf8), replaced: 0)
    } else {
      let repaired = Array(String(decoding: input, as: UTF8.self).utf8)
      let replaced =
        UTF8Text.countReplacementCharacters(repaired)
        - UTF8Text.countReplacementCharacters(Array(input))
      self.init(valid: repaired, replaced: replaced)
    }
  }

  /// Takes a Swift string (always valid UTF-8).
  /// The byte order of text that starts as UTF-16 does (a byte-order mark, or ASCII with a
  /// zero byte beside each character): "little-endian" or "big-endian"; nil otherwise.
  public static func utf16ByteOrder<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    let start = Array(bytes.prefix(2))
    guard start.count == 2 else { return nil }
    switch (start[0], start[1]) {
    case (0xFF, 0xFE): return "little-endian"
    case (0xFE, 0xFF): return "big-endian"
    case (1...0x7F, 0): return "little-endian"
    case (0, 1...0x7F): return "big-endian"
    default: return nil
    }
  }

  /// What to say about UTF-16 input.
  public static func utf16Message(_ byteOrder: String) -> String {
    "the input is utf-16 (\(byteOrder)), not utf-8: convert it first, "
      + "e.g. iconv -f utf-16 -t utf-8"
  }

  public init(_ string: String) {
    self.init(valid: Array(string.utf8), replaced: 0)
  }

  private init(valid: [UInt8], replaced: Int) {
    bytes = valid
    replacedSequences = replaced
    isASCII = UTF8Text.allASCII(valid)
    blockStarts = isASCII ? [] : UTF8Text.makeBlockStarts(valid)
  }

  /// The text as a Swift string.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The number of Unicode code points.
  public var codePointCount: Int { codePointOffset(ofByte: bytes.count) }

  /// The code point offset of a byte offset that lies on a code point boundary.
  /// - Complexity: O(1) (at most one block of 64 bytes is scanned).
  public func codePointOffset(ofByte offset: Int) -> Int {
    if isASCII { return offset }
    let block = offset / UTF8Text.blockSize
    let start = block * UTF8Text.blockSize
    return blockStarts[block]
      + bytes.withUnsafeBytes { UTF8Text.codePointStarts(in: $0, from: start, to: offset) }
  }

  /// The string for a byte range on code point boundaries.
  public subscript(bytes range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Whether `bytes` are well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong
  /// form, no surrogate, nothing above U+10FFFF, no sequence cut short).
  /// - Complexity: O(n); runs of ASCII are stepped over eight bytes at a time.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      while index + 8 <= count && !ByteWord.hasNonASCII(ByteWord.load(bytes, at: index)) {
        index += 8
      }
      guard index < count else { break }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The range of the byte after the lead, and how many continuation bytes follow.
      let second: ClosedRange<UInt8>
      let length: Int
      switch lead {
      case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
      case 0xE0: (second, length) = (0xA0...0xBF, 3)
      case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
      case 0xED: (second, length) = (0x80...0x9F, 3)
      case 0xF0: (second, length) = (0x90...0xBF, 4)
      case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
      case 0xF4: (second, length) = (0x80...0x8F, 4)
      default: return false
      }
      guard index + length <= count, second.contains(bytes[index + 1]) else { return false }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
      index += length
    }
    return true
  }

  private static func allASCII(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      var index = 0
      let count = raw.count
      while index + 8 <= count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
          return false
        }
        index += 8
      }
      while index < count {
        if raw[index] & 0x80 != 0 { return false }
        index += 1
      }
      return true
    }
  }

  private static func makeBlockStarts(_ bytes: [UInt8]) -> [Int] {
    var starts: [Int] = []
    starts.reserveCapacity(bytes.count / blockSize + 2)
    var count = 0
    bytes.withUnsafeBytes { raw in
      var start = 0
      while start < raw.count {
        starts.append(count)
        let end = min(start + blockSize, raw.count)
        count += codePointStarts(in: raw, from: start, to: end)
        start = end
      }
    }
    starts.append(count)
    return starts
  }

  /// How many bytes of `raw[start..<end]` start a code point (are not continuation bytes,
  /// `10xxxxxx`), counted eight at a time.
  @inline(__always) private static func codePointStarts(
    in raw: UnsafeRawBufferPointer, from start: Int, to end: Int
  ) -> Int {
    var count = 0
    var index = start
    while index + 8 <= end {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // Bit 7 of each byte set where bit 7 is 1 and bit 6 is 0: a continuation byte.
      let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
      count += 8 - continuations.nonzeroBitCount
      index += 8
    }
    while index < end {
      if raw[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  private static func countReplacementCharacters(_ bytes: [UInt8]) -> Int {
    var count = 0
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
        count += 1
        index += 3
      } else {
        index += 1
      }
    }
    return count
  }
}
