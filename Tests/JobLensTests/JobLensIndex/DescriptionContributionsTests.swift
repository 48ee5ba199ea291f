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
    // Rows run over the unit groups with a description term only, in ID order.
    let described = Set(index.data.descriptions[kind].concepts.values.map(Int.init))
    #expect(
      contributions.concepts
        == (0..<index.count(.iscoGroup)).filter {
          isUnitGroup[$0] && described.contains($0)
        })
    #expect(contributions.rowLength < index.count(.iscoGroup))
    for text in Self.queries {
      let query = searcher.query(text).1
      let expected = searcher.descriptionScores(query, kind: .iscoGroup)
        .filter { $0.1 > 0 && isUnitGroup[$0.0] }.sorted { $0.0 < $1.0 }
      let scores = searcher.descriptionScores(query, contributions: contributions)
      #expect(scores.map(\.0) == expected.map(\.0), "\(text)")
      #expect(scores.map(\.1) == expected.map(\.1), "\(text)")
    }
  }

  /// The strongest scores read off the scratch are the first of all the positive scores
  /// sorted best first (equal scores by ID), for selections shorter and longer than a block of
  /// eight and than the concepts, for the whole kind and for the unit groups.
  @Test(arguments: [1, 3, 8, 9, 64, 700])
  func strongestAreTheFirstOfTheSortedScores(count: Int) throws {
    let index = try SharedIndex.v111
    // The selections come from one searcher, query after query (so its scratch must be left
    // cleared), the expected scores from another.
    let searcher = try ConceptSearcher(index: index)
    let reference = try ConceptSearcher(index: index)
    let kind = Int(ConceptKind.iscoGroup.rawValue)
    let isUnitGroup = (0..<index.count(.iscoGroup)).map { index.iscoCode($0).count == 4 }
    let subsets = [
      index.data.descriptions[kind],
      index.data.descriptions[kind].filtered { isUnitGroup[$0] },
    ]
    // Single rare words give runs of equal scores (ties broken by ID).
    let queries = Self.queries + ["sheep", "bookkeeping", "pipes", "clerk clerk"]
    for postings in subsets {
      let contributions = DescriptionContributions(
        postings: postings, idf: index.data.idf[kind], conceptCount: index.count(.iscoGroup))
      for text in queries {
        let query = searcher.query(text).1
        let expected = reference.descriptionScores(query, contributions: contributions)
          .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count)
        let top = searcher.strongestDescriptionScores(
          query, contributions: contributions, count: count)
        #expect(top.map(\.0) == expected.map(\.0), "\(text)")
        #expect(top.map(\.1) == expected.map(\.1), "\(text)")
      }
    }
    #expect(
      searcher.strongestDescriptionScores(
        searcher.query("manage the team").1,
        contributions: DescriptionContributions(
          postings: subsets[0], idf: index.data.idf[kind], conceptCount: index.count(.iscoGroup)),
        count: 0
      ).isEmpty)
  }
}
