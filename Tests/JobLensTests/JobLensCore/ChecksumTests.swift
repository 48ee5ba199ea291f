import Testing

@testable import JobLensCore

@Suite("Checksums")
struct ChecksumTests {
  static let inputs: [[UInt8]] = [
    [], Array("abc".utf8), Array(repeating: UInt8(ascii: "a"), count: 31),
    Array(String(repeating: "The quick brown fox jumps over the lazy dog", count: 3).utf8),
    Array((0..<1280).map { UInt8($0 % 256) }),
  ]

  /// Expected values from Python's `xxhash.xxh64` and `hashlib.sha256`.
  @Test(
    arguments: zip(
      inputs,
      [
        (
          0xef46_db37_51d8_e999 as UInt64,
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        (0x44bc_2cf5_ad77_0999, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (0xfe47_067c_da80_2916, "61c60b487d1a921e0bcc9bf853dda0fb159b30bf57b2e2d2c753b00be15b5a09"),
        (0xc652_b4db_fcd6_b853, "5cfa2bf023f22ac82b00cd883ea96852677ff2ecd777f656146bd22004eb75f2"),
        (0xafc1_84ad_7938_a354, "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed"),
      ]))
  func knownDigests(input: [UInt8], expected: (UInt64, String)) {
    #expect(XXHash64.hash(input) == expected.0)
    #expect(SHA256.hex(input) == expected.1)
  }

  @Test func sha256InPiecesEqualsInOneGo() {
    let input = Array((0..<1000).map { UInt8($0 % 251) })
    var digest = SHA256()
    digest.update(input[0..<7])
    digest.update(input[7..<500])
    digest.update(input[500...])
    #expect(SHA256.hexString(digest.finalize()) == SHA256.hex(input))
  }
}
