/// A seeded generator (SplitMix64), so that random tests are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A string of 1…`maximumLength` bytes drawn from `alphabet`.
  mutating func bytes(over alphabet: [UInt8], maximumLength: Int) -> [UInt8] {
    let length = Int(next() % UInt64(maximumLength)) + 1
    return (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
  }

  /// A string of 1…`maximumLength` pieces drawn from `pieces`, as UTF-8.
  mutating func bytes(over pieces: [String], maximumLength: Int) -> [UInt8] {
    let length = Int(next() % UInt64(maximumLength)) + 1
    return (0..<length).flatMap { _ in Array(pieces[Int(next() % UInt64(pieces.count))].utf8) }
  }
}
