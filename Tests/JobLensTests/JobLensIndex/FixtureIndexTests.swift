import Foundation
import Testing

@testable import JobLensIndex

/// The index of the hand-written fixture taxonomy: building, the file round trip and search.
@Suite("Fixture taxonomy: index", .needsESCO)
struct FixtureIndexTests {
  @Test func countsAndIdentity() throws {
    let index = try FixtureTaxonomy.index
    #expect(index.count(.skill) == 25)
    #expect(index.count(.occupation) == 10)
    #expect(index.count(.iscoGroup) == 22)
    #expect(index.metadata.taxonomyVersion == "fixture")
    #expect(index.checksum.count == 16)
  }

  @Test func writeThenLoadGivesTheSameIndex() throws {
    let index = try FixtureTaxonomy.index
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-fixture-\(ProcessInfo.processInfo.processIdentifier).jlidx"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try index.write(to: path)
    let loaded = try ConceptIndex.load(path: path)
    #expect(loaded.checksum == index.checksum)
    #expect(loaded.encoded() == index.encoded())
    #expect(try ConceptIndex.build(FixtureTaxonomy.taxonomy).checksum == index.checksum)
  }

  @Test(arguments: [
    ("bookkeeper", ConceptKind.occupation, "bookkeeper"),
    ("book-keeping", .skill, "bookkeeping"),
    ("call center agent", .occupation, "call centre agent"),
    ("executive secretaries", .iscoGroup, "Administrative and executive secretaries"),
  ])
  func searchFindsTheConcept(query: String, kind: ConceptKind, label: String) throws {
    let index = try FixtureTaxonomy.index
    let searcher = try ConceptSearcher(index: index)
    let hit = try #require(searcher.search(query, kinds: [kind], limit: 1).first)
    #expect(index.label(of: hit.concept) == label)
  }
}

/// Where a query's list separators stand, and what becomes of them when tokens are dropped.
@Suite("Query list breaks", .needsESCO)
struct QueryListBreakTests {
  @Test func commasAndSemicolonsBreakTheList() throws {
    let searcher = try ConceptSearcher(index: FixtureTaxonomy.index)
    // Tokens: Filing(0) invoices(1) payroll(2) and(3) mail(4) sorting(5) data(6)
    let (_, query) = searcher.query("Filing invoices, payroll and mail; sorting / data")
    #expect(query.listBreaks == [2, 5])
    #expect(query.breaksList(1..<3) && !query.breaksList(2..<5) && query.breaksList(4..<6))
    // Dropping the token after a break moves the break to the next token kept; dropping
    // the first token leaves no break before the new first.
    let kept = query.keeping([true, true, false, true, true, true, true])
    #expect(kept.listBreaks == [2, 4])
    #expect(query.keeping([false, false, true, true, true, true, true]).listBreaks == [3])
    #expect(searcher.query("bookkeeping and payroll").1.listBreaks.isEmpty)
  }
}
