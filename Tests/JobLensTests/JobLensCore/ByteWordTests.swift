import Testing

@testable import JobLensCore

/// The word tests against a byte-by-byte look at the same eight bytes.
@Suite("Byte words")
struct ByteWordTests {
  @Test(
    "contains, hasNonASCII, hasByteBelow and leadingASCIILetters agree with the bytes",
    arguments: [1, 2, 3])
  func wordsAgreeWithTheirBytes(seed: UInt64) {
    var random = SplitMix(seed: seed)
    // Bytes near the ones the scanners look for, so that every test is true and false often.
    let alphabet: [UInt8] =
      [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x2E, 0x3C]
      + [0x3F, 0x5C, 0x61, 0x7F, 0x80, 0x8A, 0xA0, 0xC2, 0xE2, 0xFF]
      // Letters and the bytes beside them (@ [ ` { and their high-bit twins).
      + [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x7A, 0x7B, 0xC1, 0xDA, 0xE1, 0xFA]
      + Array(repeating: 0x65, count: 12) + Array(repeating: 0x4B, count: 4)
    for _ in 0..<5_000 {
      let bytes = (0..<8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
      for byte in alphabet {
        #expect(ByteWord.contains(word, byte) == bytes.contains(byte), "\(bytes) \(byte)")
      }
      #expect(ByteWord.hasNonASCII(word) == bytes.contains { $0 >= 0x80 })
      let letters = bytes.prefix { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
      #expect(ByteWord.leadingASCIILetters(word) == letters.count, "\(bytes)")
      let capitals = (0..<8).reduce(UInt64(0)) { mask, index in
        bytes[index] >= 0x41 && bytes[index] <= 0x5A ? mask | 0x80 << (8 * UInt64(index)) : mask
      }
      #expect(ByteWord.asciiCapitals(word) == capitals, "\(bytes)")
      for bound: UInt8 in [0x01, 0x0A, 0x20, 0x80] {
        #expect(ByteWord.hasByteBelow(word, bound) == bytes.contains { $0 < bound }, "\(bytes)")
      }
    }
  }

  @Test func loadsAtAnyOffsetInMemoryOrder() {
    let bytes: [UInt8] = Array(1...20)
    bytes.withUnsafeBufferPointer { buffer in
      #expect(ByteWord.load(buffer, at: 0) == 0x0807_0605_0403_0201)
      #expect(ByteWord.load(buffer, at: 12) == 0x1413_1211_100F_0E0D)
    }
  }
}
