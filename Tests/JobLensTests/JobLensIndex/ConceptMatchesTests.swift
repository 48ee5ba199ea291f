import Testing

@testable import JobLensIndex

/// The best match per concept as a sorted array must keep what the dictionary kept (the first
/// of the highest-scoring matches of each concept), in concept order.
@Suite("Concept matches")
struct ConceptMatchesTests {
  static func match(_ label: Int, _ score: Float, exact: Range<Int>? = nil) -> LabelMatch {
    LabelMatch(label: label, labelCoverage: 1, queryCoverage: 0.5, exact: exact, score: score)
  }

  /// The dictionary the analysis kept before (the searcher's former `bestPerConcept`).
  static func dictionary(_ matches: [LabelMatch], concept: (Int) -> Int) -> [Int: LabelMatch] {
    var best: [Int: LabelMatch] = [:]
    for match in matches {
      let key = concept(match.label)
      if let current = best[key], current.score >= match.score { continue }
      best[key] = match
    }
    return best
  }

  @Test func keepsTheFirstOfTheBestPerConceptInConceptOrder() {
    // Labels 0…9; label l is of concept l / 3 (so 0, 0, 0, 1, 1, 1, 2, …).
    let concept = { (label: Int) in label / 3 }
    let matches = [
      Self.match(7, 0.5), Self.match(1, 0.4), Self.match(0, 0.6, exact: 0..<1),
      Self.match(2, 0.6, exact: 1..<2), Self.match(4, 0.3), Self.match(8, 0.9),
      Self.match(6, 0.9), Self.match(9, 0.1),
    ]
    let best = ConceptMatches(matches, concept: concept)
    #expect(best.map(\.concept) == [0, 1, 2, 3])
    // Concept 0: 0.6 twice, the first (label 0) stays; concept 2: 0.9 twice, label 8 first.
    #expect(best.map(\.match.label) == [0, 4, 8, 9])
    #expect(best[concept: 0] == Self.match(0, 0.6, exact: 0..<1))
    #expect(best[concept: 2]?.label == 8)
    #expect(best[concept: 4] == nil)
    #expect(best[concept: -1] == nil)
    #expect(best.position(of: 3) == 3)
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func equalsTheDictionary(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<200 {
      let count = Int.random(in: 0...40, using: &random)
      let concepts = Int.random(in: 1...12, using: &random)
      let matches = (0..<count).map { _ in
        // Scores from a few values, so that ties are common.
        Self.match(
          Int.random(in: 0..<(concepts * 4), using: &random),
          Float(Int.random(in: 1...5, using: &random)) / 5)
      }
      let concept = { (label: Int) in label % concepts }
      let best = ConceptMatches(matches, concept: concept)
      let expected = Self.dictionary(matches, concept: concept)
      #expect(best.count == expected.count)
      #expect(best.map(\.concept) == expected.keys.sorted())
      for (key, match) in expected { #expect(best[concept: key] == match) }
    }
  }

  @Test func givenOnePerConceptSortsThem() {
    let best = ConceptMatches(uniqueConcepts: [(5, Self.match(1, 1)), (2, Self.match(0, 1))])
    #expect(best.map(\.concept) == [2, 5])
    #expect(best[concept: 5]?.label == 1)
    #expect(ConceptMatches().isEmpty)
    #expect(ConceptMatches()[concept: 0] == nil)
  }
}
