import Foundation
import Testing

@testable import JobLensTaxonomy

/// A small ESCO-shaped download written to a temporary folder.
struct MiniDownload {
  let folder: URL

  static let occupations = """
    conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,description,code
    Occupation,http://x/occupation/1,3343,executive assistant,"executive secretary
    executive secretary
    PA to director ",,Supports executives.,3343.1
    Occupation,http://x/occupation/2,9999,mystery worker,,,Does things.,9999.1
    """
  static let skills = """
    conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,description
    KnowledgeSkillCompetence,http://x/skill/1,skill/competence,cross-sector,administer appointments,"schedule\u{200B} appointments",,Fix appointments.
    KnowledgeSkillCompetence,http://x/skill/2,knowledge,cross-sector,accounting,"bookkeeping
    and procedures",,Record money.
    """
  static let isco = """
    conceptType,conceptUri,code,preferredLabel,altLabels,description
    ISCOGroup,http://x/isco/3343,3343,Administrative and executive secretaries,,"Secretaries.
    Tasks include -
    (a)  drafting correspondence;
    (b)  scheduling meetings.
    Examples of the occupations classified here:
    - Personal assistant"
    """
  static let relations = """
    occupationUri,relationType,skillType,skillUri
    http://x/occupation/1,essential,skill/competence,http://x/skill/1
    http://x/occupation/1,optional,knowledge,http://x/skill/2
    http://x/occupation/1,"essential,knowledge,http://x/skill/2
    """

  init(_ files: [String: String]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-mini-\(UUID().uuidString)/v1.2.0")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }

  static func complete() throws -> MiniDownload {
    try MiniDownload([
      "occupations_en.csv": occupations, "skills_en.csv": skills, "ISCOGroups_en.csv": isco,
      "occupationSkillRelations_en.csv": relations,
    ])
  }

  func remove() { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
}

@Suite("ESCO import: variants and errors")
struct ESCOErrorTests {
  @Test func miniDownloadImportsWithWarningsAndCleaning() throws {
    let download = try MiniDownload.complete()
    defer { download.remove() }
    let source = try ESCOSource(path: download.folder.path)
    #expect(source.version == "v1.2.0")
    #expect(source.language == "en")
    // v1.2-style relation file name with a language suffix is found.
    #expect(source.locate(.occupationSkillRelations) == "occupationSkillRelations_en.csv")
    let taxonomy = try ESCOImporter.load(source)
    #expect(taxonomy.occupations.count == 2)
    #expect(taxonomy.occupations[0].altLabels == ["executive secretary", "PA to director"])
    #expect(taxonomy.skills[0].altLabels == ["schedule appointments"])
    // A piece of a longer label, split from it at a line break, is dropped with a warning.
    #expect(taxonomy.skills[1].altLabels == ["bookkeeping"])
    #expect(taxonomy.cleaning.duplicateLabels == 1)
    #expect(taxonomy.cleaning.invisibleCharacters == 1)
    #expect(taxonomy.cleaning.trimmedLabels == 1)
    #expect(taxonomy.occupationSkills.count == 2)
    let group = try #require(taxonomy.iscoGroups.first)
    #expect(group.tasks == ["drafting correspondence", "scheduling meetings"])
    #expect(group.examples == ["Personal assistant"])
    #expect(
      taxonomy.warnings.map(\.description) == [
        "occupationSkillRelations_en.csv:4: quoted field never closed",
        "occupations_en.csv:5: occupation 'mystery worker' has ISCO code '9999', which is not in the ISCO groups",
        "skills_en.csv:3: skill 'accounting': the label 'and procedures' begins with a conjunction, a piece of a longer label; dropped",
      ])
  }

  @Test func missingRequiredFileListsWhatIsThere() throws {
    let download = try MiniDownload([
      "occupations_en.csv": MiniDownload.occupations, "skills_en.csv": MiniDownload.skills,
      "notes.csv": "a,b\n",
    ])
    defer { download.remove() }
    let source = try ESCOSource(path: download.folder.path)
    #expect(
      throws: TaxonomyError.missingFile(
        name: "ISCOGroups_en.csv", path: download.folder.path,
        found: ["notes.csv", "occupations_en.csv", "skills_en.csv"])
    ) {
      try ESCOImporter.load(source)
    }
    let message = TaxonomyError.missingFile(
      name: "ISCOGroups_en.csv", path: "esco", found: ["notes.csv"]
    ).description
    #expect(message == "esco download 'esco' has no ISCOGroups_en.csv; found instead: notes.csv")
  }

  @Test func missingColumnNamesFileAndColumn() throws {
    let download = try MiniDownload([
      "occupations_en.csv": "conceptUri,preferredLabel\nhttp://x/1,clerk\n",
      "skills_en.csv": MiniDownload.skills, "ISCOGroups_en.csv": MiniDownload.isco,
      "occupationSkillRelations.csv": MiniDownload.relations,
    ])
    defer { download.remove() }
    #expect(
      throws: TaxonomyError.missingColumn(
        file: "occupations_en.csv", column: "iscoGroup", header: ["conceptUri", "preferredLabel"])
    ) {
      try ESCOImporter.load(try ESCOSource(path: download.folder.path))
    }
  }

  @Test func pathsThatAreNotDownloads() throws {
    #expect(
      throws: TaxonomyError.unreadable(path: "/no/such/esco", reason: "no such file or directory")
    ) {
      try ESCOSource(path: "/no/such/esco")
    }
    let empty = try MiniDownload([:])
    defer { empty.remove() }
    #expect(
      throws: TaxonomyError.missingFile(
        name: "occupations_<lang>.csv", path: empty.folder.path, found: [])
    ) {
      try ESCOSource(path: empty.folder.path)
    }
  }

  @Test func versionAndLanguageDetection() {
    #expect(
      ESCOSource.detectVersion(
        "/data/ESCO dataset - v1.1.0 - classification - en - csv.zip", entries: []) == "v1.1.0")
    #expect(ESCOSource.detectVersion("../shared/esco/v1.1.1", entries: []) == "v1.1.1")
    #expect(ESCOSource.detectVersion("/data/esco", entries: ["occupations_fr.csv"]) == nil)
    #expect(ESCOSource.detectLanguage(["skills_fr.csv", "occupations_fr.csv"]) == "fr")
    #expect(ESCOSource.detectLanguage(["skills_fr.csv"]) == nil)
  }
}
