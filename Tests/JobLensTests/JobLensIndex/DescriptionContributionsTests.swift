import Testing

@testable import JobLensIndex

/// Scores from prepared contributions (dense rows for common terms, postings for the rest) must
/// be the very Floats that summing the postings gives, so that the analysis output stays the
/// same.
@Suite("Description contributions", .needsESCO)
struct DescriptionContributionsTests {
  static let queries = [
    "Manage the team and the budget; prepare reports for the board",
    "answer calls, greet visitors and manage the calendar of the office manager manager",
    "weld steel pipes", "the of and", "", "xylophonist zzzz",
    "Develop software in Swift and C++, review code, mentor junior developers",
  ]

  @Test(arguments: ConceptKind.allCases)
  func scoresAreThoseOfThePostings(kind: ConceptKind) throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    let contributions = DescriptionContributions(
      postings: index.data.descriptions[Int(kind.rawValue)],
      idf: index.data.idf[Int(kind.rawValue)], conceptCount: index.count(kind))
    for text in Self.queries {
      let query = searcher.query(text).1
      let expected = searcher.descriptionScores(query, kind: kind).filter { $0.1 > 0 }
        .sorted { $0.0 < $1.0 }
      let scores = searcher.descriptionScores(query, contributions: contributions)
      #expect(scores.map(\.0) == expected.map(\.0), "\(text)")
      #expect(scores.map(\.1) == expected.map(\.1), "\(text)")
    }
  }

  /// A subset of the concepts (the unit groups) keeps their scores, on the query's scale.
  @Test func aSubsetKeepsItsConceptsScores() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    let kind = Int(ConceptKind.iscoGroup.rawValue)
    let isUnitGroup = (0..<index.count(.iscoGroup)).map { index.iscoCode($0).count == 4 }
    let contributions = DescriptionContributions(
      postings: index.data.descriptions[kind].filtered { isUnitGroup[$0] },
      idf: index.data.idf[kind], conceptCount: index.count(.iscoGroup))
    for text in Self.queries {
      let query = searcher.query(text).1
      let expected = searcher.descriptionScores(query, kind: .iscoGroup)
        .filter { $0.1 > 0 && isUnitGroup[$0.0] }.sorted { $0.0 < $1.0 }
      let scores = searcher.descriptionScores(query, contributions: contributions)
      #expect(scores.map(\.0) == expected.map(\.0), "\(text)")
      #expect(scores.map(\.1) == expected.map(\.1), "\(text)")
    }
  }
}
