/// Eight bytes of text read as one word, to step over bytes that need nothing eight at a
/// time: the scanners of the hot paths (line runs, sentence breaks, HTML checks, JSON strings)
/// stop only where a word holds a byte they act on.
///
/// Public and inlinable so that the other modules' loops inline it (a `package` function
/// would be called, not inlined, from another module).
public enum ByteWord {
  /// The eight bytes of `bytes` from `offset` (`offset + 8 <= bytes.count`), the first in the
  /// lowest eight bits.
  @inlinable @inline(__always)
  public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(
      littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(
        fromByteOffset: offset, as: UInt64.self))
  }

  /// Whether some byte of `word` is `byte`.
  @inlinable @inline(__always)
  public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    let value = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
  }

  /// Whether some byte of `word` is not ASCII.
  @inlinable @inline(__always)
  public static func hasNonASCII(_ word: UInt64) -> Bool {
    word & 0x8080_8080_8080_8080 != 0
  }

  /// Whether some byte of `word` is below `bound` (`bound` ≤ 128).
  @inlinable @inline(__always)
  public static func hasByteBelow(_ word: UInt64, _ bound: UInt8) -> Bool {
    (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// How many of `word`'s bytes, from the first in memory, are ASCII letters (A–Z, a–z): 0
  /// to 8.
  @inlinable @inline(__always)
  public static func leadingASCIILetters(_ word: UInt64) -> Int {
    let highs: UInt64 = 0x8080_8080_8080_8080
    // Per byte, in seven bits (no carry crosses a byte): lower-cased, then whether it is at
    // least "a" and whether it is past "z"; a byte with its high bit set is no letter.
    let lowered = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
    let fromA = lowered &+ 0x1F1F_1F1F_1F1F_1F1F
    let pastZ = lowered &+ 0x0505_0505_0505_0505
    let letters = fromA & ~pastZ & ~word & highs
    return ((~letters & highs).trailingZeroBitCount) / 8
  }

  /// The high bit of each byte of `word` that is an ASCII capital (A–Z), the others clear.
  @inlinable @inline(__always)
  public static func asciiCapitals(_ word: UInt64) -> UInt64 {
    // Per byte, in seven bits: whether it is at least "A" and whether it is past "Z".
    let low = word & 0x7F7F_7F7F_7F7F_7F7F
    let fromA = low &+ 0x3F3F_3F3F_3F3F_3F3F
    let pastZ = low &+ 0x2525_2525_2525_2525
    return fromA & ~pastZ & ~word & 0x8080_8080_8080_8080
  }
}
