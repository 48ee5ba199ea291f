import Foundation
import Testing

@testable import JobLensTaxonomy

@Suite("ESCO import", .needsESCO)
struct ESCOImportTests {
  @Test func v111FolderCounts() throws {
    let taxonomy = try SharedTaxonomy.v111
    #expect(taxonomy.version == "v1.1.1")
    #expect(taxonomy.language == "en")
    #expect(taxonomy.occupations.count == 3007)
    #expect(taxonomy.skills.count == 13896)
    #expect(taxonomy.iscoGroups.count == 619)
    // The file has 123,855 rows; 67 name an occupation that occupations_en.csv lacks, and are
    // reported, not imported.
    let unknown = taxonomy.warnings.filter { $0.file == "occupationSkillRelations.csv" }
    #expect(
      unknown.map(\.description) == [
        "occupationSkillRelations.csv:84425: 67 rows name "
          + "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e, "
          + "which is not in the concept files; skipped"
      ])
    #expect(taxonomy.occupationSkills.count + 67 == 123_855)
    #expect(taxonomy.skillGroups.count == 640)
    #expect(taxonomy.inputChecksum.count == 64)
  }

  @Test func executiveAssistant() throws {
    let taxonomy = try SharedTaxonomy.v111
    let occupation = try #require(
      taxonomy.occupations.first { $0.preferredLabel == "executive assistant" })
    #expect(occupation.iscoGroup == "3343")
    #expect(occupation.code.hasPrefix("3343."))
    #expect(occupation.altLabels.contains("executive secretary"))
    #expect(!occupation.altLabels.contains("executive assistant"))
    let index = taxonomy.occupations.firstIndex(of: occupation)!
    let essential = taxonomy.occupationSkills.filter { $0.occupation == index && $0.isEssential }
    #expect(essential.count > 5)
  }

  @Test func iscoTaskListsAndExamples() throws {
    let taxonomy = try SharedTaxonomy.v111
    let secretaries = try #require(taxonomy.iscoGroups.first { $0.code == "4120" })
    #expect(secretaries.tasks.count == 8)
    #expect(secretaries.tasks[2] == "dealing with incoming or outgoing mail")
    #expect(secretaries.examples == ["Secretary", "Typing secretary", "Word processing secretary"])
    #expect(
      secretaries.classifiedElsewhere.first
        == ClassifiedElsewhere(title: "Administrative secretary", code: "3343"))
    let administrative = try #require(taxonomy.iscoGroups.first { $0.code == "3343" })
    #expect(administrative.examples.contains("Personal assistant"))
    #expect(administrative.tasks.count == 8)
    #expect(administrative.tasks[0] == "drafting administrative correspondence and minutes")
    #expect(administrative.definition.hasPrefix("Administrative and executive secretaries perform"))
    // Broader groups list their tasks in one "usually include:" sentence.
    let teaching = try #require(taxonomy.iscoGroups.first { $0.code == "23" })
    #expect(
      teaching.tasks.first
        == "conducting classes, courses, or tutorials at a particular educational level for educational and vocational purposes, including private lessons"
    )
    #expect(teaching.level == 2)
  }

  @Test func skillsHaveTypesAndTopGroups() throws {
    let taxonomy = try SharedTaxonomy.v111
    let schedule = try #require(
      taxonomy.skills.first { $0.preferredLabel == "manage schedule of tasks" })
    #expect(schedule.type == .skill)
    #expect(schedule.topGroups.contains { $0.hasPrefix("S") })
    let accounting = try #require(taxonomy.skills.first { $0.preferredLabel == "accounting" })
    #expect(accounting.type == .knowledge)
    #expect(accounting.topGroups == ["K04"])
    let withGroups = taxonomy.skills.filter { !$0.topGroups.isEmpty }.count
    #expect(withGroups > 13_800)
  }

  @Test func cleaningIsCounted() throws {
    let cleaning = try SharedTaxonomy.v111.cleaning
    #expect(cleaning.total > 0)
    #expect(cleaning.duplicateLabels > 0)
  }

  @Test(.needsShared("esco/v1.1.0")) func v110ZipsImport() throws {
    let source = try ESCOSource(path: Fixtures.sharedFile("esco/v1.1.0").path)
    #expect(source.version == "v1.1.0")
    #expect(source.language == "en")
    let taxonomy = try ESCOImporter.load(source)
    #expect(taxonomy.occupations.count > 2900)
    #expect(taxonomy.skills.count > 13_000)
    #expect(taxonomy.occupationSkills.count > 100_000)
    #expect(taxonomy.iscoGroups.count == 619)
    let v111 = try SharedTaxonomy.v111
    #expect(taxonomy.inputChecksum != v111.inputChecksum)
  }
}
