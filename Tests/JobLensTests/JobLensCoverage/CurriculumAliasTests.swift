import Foundation
import Testing

@testable import JobLensCoverage

@Suite("Curriculum files without anchors and aliases", .needsESCO)
struct CurriculumAliasTests {
  @Test(arguments: [
    (
      "id: c\ntitle: &t T\nareas: [*t]\n",
      "c.yaml:3:9: anchors and aliases are not allowed in a curriculum (found *t): write each value out"
    ),
    (
      "id: c\ntitle: &t T\n",
      "c.yaml:2:8: anchors and aliases are not allowed in a curriculum (found &t): write each value out"
    ),
  ])
  func anchorsAndAliasesAreRefused(yaml: String, problem: String) throws {
    #expect(try CurriculumFileTests.problems(yaml) == [problem])
  }

  @Test func aliasesNestedAsKeysAreRefusedWithoutExpandingThem() throws {
    // Ten levels of ten aliases: 10^9 nodes once expanded, and Yams hashes mapping keys.
    var yaml = "a0: &a0 x\n"
    for level in 1...9 {
      yaml +=
        "a\(level): &a\(level) ["
        + Array(repeating: "*a\(level - 1)", count: 10).joined(
          separator: ", ") + "]\n"
    }
    yaml += "k:\n  ? *a9\n  : 1\n"
    #expect(
      try CurriculumFileTests.problems(yaml) == [
        "c.yaml:2:10: anchors and aliases are not allowed in a curriculum (found *a0): "
          + "write each value out"
      ])
  }

  @Test func ampersandsAndAsterisksInTextAreText() throws {
    let yaml =
      CurriculumFileTests.head + """
        - id: a
          title: R &D and *tools*
          items:
            - id: i
              title: "Q &A"
              description: Prepare *weekly* reports in a spreadsheet
        """
    let curriculum = try Curriculum.parse(yaml, file: "c.yaml")
    #expect(curriculum.areas[0].title == "R &D and *tools*")
    #expect(curriculum.items[0].title == "Q &A")
  }
}
