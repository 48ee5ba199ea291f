import Testing

@testable import JobLensCore

/// Code point offsets against a count of the scalars before each offset.
@Suite("UTF-8 text")
struct UTF8TextTests {
  /// Pieces of one to four bytes, and runs long enough to cross the 64-byte blocks.
  static let pieces = [
    "a", " ", "é", "’", "€", "😀", "Ж", "abcdefgh", String(repeating: "ü", count: 40),
  ]

  @Test("every code point offset is the count of scalars before it", arguments: [1, 7, 42, 1_000])
  func offsets(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<50 {
      let count = Int.random(in: 0...120, using: &random)
      let string = (0..<count).map { _ in UTF8TextTests.pieces.randomElement(using: &random)! }
        .joined()
      let text = UTF8Text(string)
      var expected = 0
      var offset = 0
      for scalar in string.unicodeScalars {
        #expect(text.codePointOffset(ofByte: offset) == expected)
        offset += String(scalar).utf8.count
        expected += 1
      }
      #expect(text.codePointOffset(ofByte: offset) == expected)
      #expect(text.codePointCount == string.unicodeScalars.count)
    }
  }

  @Test("block edges: texts of 63, 64 and 65 bytes, ASCII and not")
  func blockEdges() {
    for length in [0, 8, 63, 64, 65, 128] {
      let ascii = UTF8Text(String(repeating: "x", count: length))
      #expect(ascii.codePointCount == length)
      let mixed = UTF8Text(String(repeating: "x", count: length) + "é")
      #expect(mixed.codePointOffset(ofByte: length) == length)
      #expect(mixed.codePointCount == length + 1)
      let wide = UTF8Text(String(repeating: "é", count: length))
      #expect(wide.codePointCount == length)
      #expect(wide.codePointOffset(ofByte: 2 * (length / 2)) == length / 2)
    }
  }

  /// Bytes near the edges of the UTF-8 table (lead bytes, continuation bytes, the
  /// overlong, surrogate and beyond-U+10FFFF starts) and ASCII runs around eight bytes.
  static let bytePieces: [[UInt8]] = [
    [0x41], [0x20], Array("abcdefg".utf8), Array("abcdefghijk".utf8), [0x7F], [0x80], [0xBF],
    [0xC0], [0xC1], [0xC2], [0xDF], [0xE0], [0xE0, 0xA0], [0xE0, 0x9F], [0xED, 0x9F],
    [0xED, 0xA0], [0xEF], [0xF0, 0x90], [0xF0, 0x8F], [0xF4, 0x8F], [0xF4, 0x90], [0xF5],
    [0xFF], Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8),
  ]

  @Test("bytes are valid exactly when the standard library says so", arguments: [3, 11, 2024])
  func validity(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<3_000 {
      let count = Int.random(in: 0...12, using: &random)
      let bytes = (0..<count).flatMap { _ in
        UTF8TextTests.bytePieces.randomElement(using: &random)!
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) } == expected, "\(bytes)")
      // The text is the same either way: the bytes when valid, repaired otherwise.
      let text = UTF8Text(validating: bytes)
      #expect(text.bytes == Array(String(decoding: bytes, as: UTF8.self).utf8))
      #expect((text.replacedSequences == 0) == expected)
    }
  }
}
