import Testing

@testable import JobLensTaxonomy

/// Importing the hand-written fixture taxonomy (ESCO's CSV shape).
@Suite("Fixture taxonomy: import", .needsESCO)
struct FixtureImportTests {
  @Test func countsAndNoWarnings() throws {
    let taxonomy = try FixtureTaxonomy.taxonomy
    #expect(taxonomy.version == "fixture")
    #expect(taxonomy.language == "en")
    #expect(taxonomy.iscoGroups.count == 22)
    #expect(taxonomy.occupations.count == 10)
    #expect(taxonomy.skills.count == 25)
    #expect(taxonomy.occupationSkills.count == 42)
    #expect(taxonomy.warnings.isEmpty)
    #expect(taxonomy.inputChecksum.count == 64)
  }

  @Test func unitGroupDescriptionsAreReadIntoTheirParts() throws {
    let taxonomy = try FixtureTaxonomy.taxonomy
    let clerks = try #require(taxonomy.iscoGroups.first { $0.code == "4311" })
    #expect(clerks.level == 4)
    #expect(clerks.definition.hasPrefix("Accounting and bookkeeping clerks keep"))
    #expect(clerks.tasks.first == "recording financial transactions in ledgers and journals")
    #expect(clerks.tasks.count == 4)
    #expect(clerks.examples == ["Bookkeeper", "Accounts clerk", "Payroll clerk"])
    let marketing = try #require(taxonomy.iscoGroups.first { $0.code == "2431" })
    #expect(
      marketing.classifiedElsewhere == [
        ClassifiedElsewhere(title: "Call centre agent", code: "5244")
      ])
  }

  @Test func labelsRelationsAndTypes() throws {
    let taxonomy = try FixtureTaxonomy.taxonomy
    let bookkeeper = try #require(
      taxonomy.occupations.firstIndex { $0.preferredLabel == "bookkeeper" })
    #expect(taxonomy.occupations[bookkeeper].altLabels == ["book-keeper", "accounts clerk"])
    #expect(taxonomy.occupations[bookkeeper].iscoGroup == "4311")
    let essential = taxonomy.occupationSkills.filter {
      $0.occupation == bookkeeper && $0.isEssential
    }
    #expect(
      essential.map { taxonomy.skills[$0.skill].preferredLabel }.sorted() == [
        "bookkeeping", "prepare invoices", "reconcile bank statements", "use spreadsheets software",
      ])
    let sql = try #require(taxonomy.skills.first { $0.preferredLabel == "SQL" })
    #expect(sql.type == .knowledge)
    #expect(sql.altLabels == ["Structured Query Language"])
  }
}
