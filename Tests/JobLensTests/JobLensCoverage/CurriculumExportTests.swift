import Foundation
import Testing

@testable import JobLensCoverage
@testable import JobLensRender

/// Curricula read from CSV and written back as YAML and CSV; the report's example clipping and
/// headline; duplicates and exclusions in coverage.
@Suite("Curriculum files: CSV, YAML export")
struct CurriculumExportTests {
  static let skill = "http://data.europa.eu/esco/skill/933e7ccf-5d56-46ba-aca4-857f826a6b3a"

  @Test(arguments: [",", ";", "\t"])
  func csvWithAnyDelimiterReadsAreasAndItems(delimiter: String) throws {
    let rows = [
      ["Area", "Item", "Description", "Skills", "Phrases"],
      [
        "Office", "Calendar", "Keep calendars", "\(Self.skill) administer appointments",
        "book meetings; set up calls",
      ],
      ["Office", "Calendar", "Twice the same title", "", ""],
      ["Talk", "Phone", "", "", "answer the phone"],
    ]
    let text = rows.map {
      $0.map { $0.contains(delimiter) || $0.contains(";") ? "\"\($0)\"" : $0 }.joined(
        separator: delimiter)
    }
    .joined(separator: "\r\n")
    let curriculum = try Curriculum.parseCSV(
      Array(text.utf8), file: "sheet.csv", id: "sheet", title: "Sheet")
    #expect(curriculum.areas.map(\.id) == ["office", "talk"])
    #expect(curriculum.items.map(\.id) == ["office.calendar", "office.calendar-2", "talk.phone"])
    #expect(curriculum.items[0].skills == [Self.skill])
    #expect(curriculum.items[0].phrases == ["book meetings", "set up calls"])
    #expect(curriculum.items[2].description == "Phone")
  }

  @Test(arguments: [
    ("title,description\nA,B\n", "1:1: the header has no 'area' column"),
    (
      "area,item,skills\nA,B,http://example.com/x\n",
      "2:3: 'http://example.com/x' in item 'a.b' is not an ESCO skill URI"
    ),
    ("area,item,weight\nA,B,-1\n", "2:3: 'weight' of item 'a.b' must be a number above 0"),
    ("area,item\n,B\n", "2:1: the row has no area"),
    ("area,item\nA,\"open\n", "invalid CSV"),
    ("", "1:1: the file is empty"),
  ])
  func csvProblemsNameLineAndColumn(csv: String, expected: String) {
    do {
      _ = try Curriculum.parseCSV(Array(csv.utf8), file: "c.csv", id: "c", title: "C")
      Issue.record("no error for \(csv)")
    } catch {
      #expect(error.description.contains(expected), "\(error.description)")
    }
  }

  static let hostile = Curriculum(
    id: "x", title: "Quotes \"and\" #hash: colon", version: "1.0", language: "en",
    source: "line\nbreak and \u{2028} separator",
    areas: [
      CurriculumArea(
        id: "a", title: "- dash", description: "'single' \\ back",
        items: [
          CurriculumItem(
            id: "a.one", title: "<script>alert(1)</script>", description: "tab\there",
            skills: [skill], phrases: ["yes", "null", "1.5", "@at"], weight: 2, area: "a")
        ])
    ])

  @Test func yamlExportReadsBackTheSame() throws {
    let yaml = Self.hostile.yaml(labels: { _ in "administer appointments" })
    let back = try Curriculum.parse(yaml, file: "x.yaml")
    #expect(back.title == Self.hostile.title && back.source == Self.hostile.source)
    #expect(back.areas[0].title == "- dash" && back.areas[0].description == "'single' \\ back")
    let item = back.items[0]
    #expect(item.title == "<script>alert(1)</script>" && item.description == "tab\there")
    #expect(item.phrases == ["yes", "null", "1.5", "@at"] && item.weight == 2)
    #expect(item.skills == [Self.skill])
    #expect(yaml.contains("# administer appointments"))
  }

  @Test func csvExportReadsBackTheSame() throws {
    let csv = Self.hostile.csv()
    let back = try Curriculum.parseCSV(Array(csv.utf8), file: "x.csv", id: "x", title: "x")
    let item = back.items[0]
    #expect(back.areas.map(\.id) == ["a"] && item.id == "a.one")
    #expect(item.title == "<script>alert(1)</script>" && item.skills == [Self.skill])
    #expect(item.phrases == ["yes", "null", "1.5", "@at"] && item.weight == 2)
  }

  @Test(arguments: [
    ("short", "short"),
    (String(repeating: "word ", count: 40), String(repeating: "word ", count: 22) + "word…"),
    (String(repeating: "x", count: 200), String(repeating: "x", count: 119) + "…"),
    ("line\nbreak\t and   spaces", "line break and spaces"),
  ])
  func examplesAreClippedAtAWord(text: String, expected: String) {
    let clipped = CoverageHTML.clip(text)
    #expect(clipped == expected)
    #expect(clipped.count <= CoverageHTML.exampleLength)
  }
}

@Suite("Coverage: duplicates, exclusions, headline", .needsESCO)
struct CoverageReaderTests {
  @Test func nearDuplicatesCountOnceAndExclusionsLeaveThingsOut() throws {
    var postings = CoverageFixture.postings
    var copy = postings[0]
    copy.id = "p1-copy"
    copy.duplicateOf = "p1"
    postings.insert(copy, at: 1)
    let curriculum = try Curriculum.parse(
      CoverageFixture.yaml, file: "tiny.yaml", index: try SharedIndex.v111)
    var options = CoverageOptions()
    options.excludedSkills = [CoverageFixture.reportFacts]
    options.excludedPostings = ["p3"]
    let coverage = try CoverageAnalysis(
      curriculum: curriculum, index: try SharedIndex.v111, options: options)
    for posting in postings { coverage.add(posting) }
    let report = coverage.report()
    #expect(report.postings == 3 && report.duplicates == 1 && report.excludedPostings == 1)
    // p1: appointments; p2: calls; p4: clerical, appointments (report facts excluded).
    #expect(report.demand == 4 && report.skillCoverage == 0.75)
    #expect(report.gaps.map(\.label) == ["perform clerical duties"])
    #expect(report.items[0].postingIDs == ["p1", "p4"])
    #expect(report.items[0].examplePostings == ["p1", "p4"])
    #expect(report.manifest.isEmpty)
    #expect(options.manifestEntries.contains { $0.0 == "excludedPostings" && $0.1 == "p3" })
  }

  @Test func headlineNamesTheTopSkillsAndTheBiggestGaps() throws {
    let report = try CoverageFixture.report()
    #expect(
      CoverageHTML.headline(report)
        == "Of the 5 skills these 4 postings ask for, the curriculum covers 2; the biggest gaps "
        + "are report facts (2 postings), English (1 posting) and perform clerical duties "
        + "(1 posting).")
    #expect(report.topSkills.first?.label == "administer appointments")
    #expect(report.gaps.first?.suggestedArea == nil)
    let html = CoverageHTML.page(report)
    #expect(html.contains("data-label=\"postings\""))
    #expect(!html.contains("data-action"))
    #expect(
      CoverageHTML.page(report, options: [.fragment, .interactive]).contains(
        "data-action=\"exclude-skill\""))
  }
}
