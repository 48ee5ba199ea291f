import Testing

@testable import JobLensIndex

/// The labels found word for word, kept sorted in an array, must keep what the dictionary and
/// its set of broken occurrences kept: the first occurrence of each label, replaced once by
/// the first that crosses no list break when the first did.
@Suite("Exact occurrences")
struct ExactOccurrencesTests {
  /// The dictionary `exactOccurrences` kept before.
  struct Reference {
    var exact: [Int: Range<Int>] = [:]
    var broken: Set<Int> = []

    mutating func record(_ label: Int, _ range: Range<Int>, _ crossesBreak: Bool) {
      if exact[label] == nil {
        exact[label] = range
        if crossesBreak { broken.insert(label) }
      } else if !crossesBreak && broken.contains(label) {
        exact[label] = range
        broken.remove(label)
      }
    }
  }

  @Test func keepsTheFirstUnbrokenOccurrence() {
    var exact = ExactOccurrences()
    #expect(exact.isEmpty)
    exact.record(7, 0..<2, crossesBreak: true)
    exact.record(3, 1..<2, crossesBreak: false)
    exact.record(7, 3..<5, crossesBreak: false)
    exact.record(7, 6..<8, crossesBreak: false)
    exact.record(3, 4..<5, crossesBreak: false)
    exact.record(5, 2..<4, crossesBreak: true)
    exact.record(5, 5..<7, crossesBreak: true)
    #expect(exact.labels == [3, 5, 7])
    #expect(exact.sorted.map(\.range) == [1..<2, 2..<4, 3..<5])
    #expect(exact[7] == 3..<5)
    #expect(exact[4] == nil)
    #expect(exact.take(5) == 2..<4)
    #expect(exact.take(5) == nil)
    #expect(exact.labels == [3, 7])
    #expect(exact.count == 2)
  }

  @Test(arguments: [1, 2, 3, 4])
  func equalsTheDictionary(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<300 {
      var exact = ExactOccurrences()
      var reference = Reference()
      for _ in 0..<Int.random(in: 0...30, using: &random) {
        let label = Int.random(in: 0..<12, using: &random)
        let start = Int.random(in: 0..<20, using: &random)
        let range = start..<(start + Int.random(in: 1...4, using: &random))
        let crosses = Bool.random(using: &random)
        exact.record(label, range, crossesBreak: crosses)
        reference.record(label, range, crosses)
      }
      #expect(exact.labels == reference.exact.keys.sorted())
      for (label, range) in reference.exact { #expect(exact[label] == range) }
      // Taken in any order, each once.
      for label in reference.exact.keys.shuffled(using: &random) {
        #expect(exact.take(label) == reference.exact[label])
        #expect(exact[label] == nil)
      }
      #expect(exact.isEmpty)
    }
  }
}
