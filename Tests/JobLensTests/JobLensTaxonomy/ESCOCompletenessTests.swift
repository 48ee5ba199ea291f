import Foundation
import Testing

@testable import JobLensTaxonomy

@Suite("ESCO import: incomplete downloads")
struct ESCOCompletenessTests {
  @Test func aRequiredFileEndingInsideARowIsCutShort() throws {
    // The relation file's last row opens a quote that the file never closes.
    let download = try MiniDownload.complete()
    defer { download.remove() }
    let taxonomy = try ESCOImporter.load(ESCOSource(path: download.folder.path, version: "mini"))
    #expect(throws: TaxonomyError.unfinishedFile(file: "occupationSkillRelations_en.csv", line: 4))
    {
      try ESCOImporter.checkComplete(taxonomy)
    }
    #expect(
      TaxonomyError.unfinishedFile(file: "skills_en.csv", line: 9).description
        == "skills_en.csv:9: the file ends inside a row: the download was cut short; "
        + "download it again")
  }

  @Test func tooFewConceptsForTheVersionOrNoneAtAll() throws {
    let download = try MiniDownload([
      "occupations_en.csv": MiniDownload.occupations, "ISCOGroups_en.csv": MiniDownload.isco,
      "skills_en.csv": String(MiniDownload.skills.prefix { $0 != "\n" }) + "\n",
      "occupationSkillRelations.csv": "occupationUri,relationType,skillType,skillUri\n",
    ])
    defer { download.remove() }
    let headerOnly = try ESCOImporter.load(ESCOSource(path: download.folder.path, version: "mini"))
    #expect(
      throws: TaxonomyError.tooFewConcepts(
        file: "skills_en.csv", kind: "skills", count: 0, version: "mini", minimum: 1)
    ) {
      try ESCOImporter.checkComplete(headerOnly)
    }
    // The folder says v1.2.0, whose files hold thousands of occupations.
    let small = try ESCOImporter.load(ESCOSource(path: download.folder.path))
    #expect(
      throws: TaxonomyError.tooFewConcepts(
        file: "occupations_en.csv", kind: "occupations", count: 2, version: "v1.2.0",
        minimum: 2_647)
    ) {
      try ESCOImporter.checkComplete(small)
    }
  }

  @Test(.needsESCO) func theWholeDownloadIsComplete() throws {
    try ESCOImporter.checkComplete(try SharedTaxonomy.v111)
  }
}
