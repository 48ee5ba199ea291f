import Testing

@testable import JobLensAnalysis

/// The title corrector's edit distance (rows on the stack) is the Levenshtein distance while
/// it is within the limit, and one more than the limit once a row must exceed it.
@Suite("Edit distance")
struct EditDistanceTests {
  /// The full Levenshtein distance, the textbook way.
  private static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
      }
    }
    return table[a.count][b.count]
  }

  @Test func agreesWithLevenshteinWithinTheLimit() {
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33) % bound
    }
    for _ in 0..<5_000 {
      let a = (0..<next(9)).map { _ in UInt8(0x61 + next(4)) }
      let b = (0..<next(9)).map { _ in UInt8(0x61 + next(4)) }
      let limit = next(4)
      let distance = Self.levenshtein(a, b)
      let bounded = TitleNormaliser.editDistance(a, b, limit: limit)
      if distance <= limit {
        #expect(bounded == distance, "\(a) \(b) \(limit)")
      } else {
        #expect(bounded > limit, "\(a) \(b) \(limit)")
      }
    }
  }

  /// Empty strings, as the version with heap rows gave them: the other's length, except that
  /// a first string longer than the limit against an empty one gives limit + 1.
  @Test(arguments: [
    ([UInt8](), [UInt8]("abc".utf8), 1, 3), ([UInt8]("abc".utf8), [], 1, 2),
    ([UInt8]("ab".utf8), [], 2, 2), ([], [], 0, 0),
    ([UInt8]("kitten".utf8), [UInt8]("sitting".utf8), 3, 3),
  ])
  func edgeCases(example: ([UInt8], [UInt8], Int, Int)) {
    #expect(TitleNormaliser.editDistance(example.0, example.1, limit: example.2) == example.3)
  }
}
