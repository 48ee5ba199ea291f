import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensCore
@testable import JobLensCoverage
@testable import JobLensIndex
@testable import JobLensRender
@testable import JobLensTaxonomy

/// A small curriculum and corpus whose coverage figures are worked out by hand below.
enum CoverageFixture {
  static let appointments = "http://data.europa.eu/esco/skill/933e7ccf-5d56-46ba-aca4-857f826a6b3a"
  static let calls = "http://data.europa.eu/esco/skill/5a0bffcf-4ff6-49cf-a7db-4142e63f5f04"
  static let clerical = "http://data.europa.eu/esco/skill/ab986bc4-df92-4351-9ac1-aa75af943cf7"
  static let office = "http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535"
  static let reportFacts = "http://data.europa.eu/esco/skill/be6ab363-3de1-427f-a8ef-85d5b0250822"
  static let english = "http://data.europa.eu/esco/skill/6d3edede-8951-4621-a835-e04323300fa0"
  static let negotiation = "http://data.europa.eu/esco/skill/59a8086b-59b3-4e88-9341-21d7fb693b89"

  static let yaml = """
    id: tiny
    title: Tiny <b>office</b> course
    version: "1"
    language: en
    areas:
      - id: office
        title: Office
        items:
          - id: office.calendar
            title: Calendar
            description: Keep calendars.
            skills:
              - \(appointments)
          - id: office.home
            title: Home office
            description: Set up a home office.
            skills: [\(office)]
            phrases:
              - set up a home office
      - id: talk
        title: Talk
        items:
          - id: talk.phone
            title: Phone
            description: Answer calls.
            skills: [\(calls)]
            weight: 2
          - id: talk.negotiate
            title: Negotiate
            description: Negotiate with clients.
            skills: [\(negotiation)]
    """

  static func skill(
    _ uri: String, _ label: String, _ group: String, _ evidence: String
  )
    -> PostingDemand.Skill
  {
    PostingDemand.Skill(uri: uri, label: label, group: group, groupLabel: group, evidence: evidence)
  }

  static func share(_ isco: String, _ share: Double) -> PostingDemand.Share {
    PostingDemand.Share(isco: isco, label: "group \(isco)", share: share)
  }

  static let postings = [
    PostingDemand(
      id: "p1",
      skills: [
        skill(appointments, "administer appointments", "S4", "Schedule appointments"),
        skill(reportFacts, "report facts", "T4", "reports"),
      ],
      phrases: ["Schedule appointments", "Set up your home office"],
      mix: [share("4120", 0.5), share("3343", 0.5)], isco: "4120"),
    PostingDemand(
      id: "p2",
      skills: [
        skill(calls, "answer incoming calls", "S3", "answer calls"),
        skill(reportFacts, "report facts", "T4", "report"),
      ],
      phrases: ["answer calls"], mix: [share("4222", 1)], isco: "4222"),
    PostingDemand(
      id: "p3", skills: [skill(english, "English", "L1", "English <script>alert(1)</script>")],
      phrases: [], mix: [], isco: nil),
    PostingDemand(
      id: "p4",
      skills: [
        skill(clerical, "perform clerical duties", "S4", "clerical work"),
        skill(appointments, "administer appointments", "S4", "book meetings"),
      ],
      phrases: ["book meetings"], mix: [share("4120", 1)], isco: "4120"),
  ]

  static func report() throws -> CoverageReport {
    let curriculum = try Curriculum.parse(yaml, file: "tiny.yaml", index: try SharedIndex.v111)
    let coverage = try CoverageAnalysis(curriculum: curriculum, index: try SharedIndex.v111)
    for posting in postings { coverage.add(posting) }
    coverage.addFailure()
    return coverage.report(manifest: [("joblens", "test"), ("curriculum", "tiny.yaml")])
  }
}

@Suite("Curriculum coverage", .needsESCO)
struct CoverageTests {
  @Test func figuresWorkedOutByHand() throws {
    let report = try CoverageFixture.report()
    #expect(report.postings == 4 && report.failed == 1)
    // 7 posting × skill pairs; covered: p1 appointments, p2 calls, p4 appointments.
    #expect(report.demand == 7)
    #expect(report.skillCoverage == 3.0 / 7.0)
    // Groups of curriculum skills: S4, S5, S3 and the negotiation skill's; S4 pairs: 3, S3: 1.
    #expect(report.groupCoverage == 4.0 / 7.0)
    #expect(report.items.map(\.postings) == [2, 1, 1, 0])
    #expect(report.items.map(\.share) == [0.5, 0.25, 0.25, 0])
    #expect(report.items[0].examples == ["Schedule appointments", "book meetings"])
    #expect(report.items[1].examples == ["Set up your home office"])
    #expect(report.areas.map(\.postings) == [2, 1])
    #expect(report.undemandedItems == ["talk.negotiate"])
    #expect(
      report.groups.map { "\($0.code) \($0.demand) \($0.covered) \($0.inCurriculum)" } == [
        "S4 3 2 true", "T4 2 0 false", "L1 1 0 false", "S3 1 1 true",
      ])
  }

  @Test func gapsRankByPostingsThenFirstSeen() throws {
    let gaps = try CoverageFixture.report().gaps
    #expect(gaps.map(\.label) == ["report facts", "English", "perform clerical duties"])
    #expect(gaps.map(\.postings) == [2, 1, 1])
    #expect(gaps[0].examples == ["reports", "report"])
    #expect(gaps[0].share == 0.5)
  }

  @Test func corpusMixAndConcentration() throws {
    let report = try CoverageFixture.report()
    #expect(report.mix.map(\.isco) == ["4120", "4222", "3343"])
    let shares: [Double] = [1.5 / 3, 1.0 / 3, 0.5 / 3]
    #expect(report.mix.map(\.share) == shares)
    #expect(report.mix.map(\.topIn) == [1, 1, 1])
    let concentration = report.concentration
    #expect(concentration.topShare == 0.5)
    #expect(abs(concentration.herfindahl - (0.25 + 1.0 / 9 + 0.25 / 9)) < 1e-12)
    #expect(concentration.groupsFor80Percent == 2)
    #expect(concentration.meanPostingHerfindahl == 2.5 / 3)
    #expect(concentration.dominatedPostings == 1)
    #expect(concentration.postingsWithMix == 3)
  }

  @Test(arguments: CoverageRendering.Format.allCases)
  func renderingsMatchTheirGoldenFiles(format: CoverageRendering.Format) throws {
    let text = CoverageRendering.render(try CoverageFixture.report(), format: format)
    let golden = Fixtures.testFile("golden/coverage.\(format.rawValue)")
    if Fixtures.recording {
      try text.write(to: golden, atomically: true, encoding: .utf8)
    }
    #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
  }

  @Test func htmlEscapesWhatPostingsAndCurriculaSay() throws {
    let html = CoverageHTML.page(try CoverageFixture.report())
    #expect(!html.contains("<script>"))
    #expect(html.contains("English &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Tiny &lt;b&gt;office&lt;/b&gt; course"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(!html.contains("<link") && !html.contains("@import"))
    #expect(html.contains("This product uses the ESCO classification of the European Commission."))
    #expect(html.contains("<svg viewBox="))
    #expect(CoverageHTML.escape("a&b\"'<\u{1}") == "a&amp;b&quot;&#39;&lt;\u{FFFD}")
  }

  @Test func classifyOutputGivesTheSameDemandAsAFreshAnalysis() throws {
    let analyzer = try PostingAnalyzer(index: try SharedIndex.v111)
    for record in BatchOutputTests.samples {
      guard case .posting(let posting) = record else { continue }
      let analysis = analyzer.analyze(posting)
      let json = try JSONParser.parse(AnalysisJSON.line(analysis).trimmed)
      #expect(try PostingDemand(json: json) == PostingDemand(analysis))
    }
    let error = try JSONParser.parse(#"{"id":"x","error":"bad","source":"f:1"}"#)
    #expect(try PostingDemand(json: error) == nil)
    let broken = try JSONParser.parse(#"{"id":"x","skills":3}"#)
    #expect(throws: CoverageInputError(field: "skills")) { try PostingDemand(json: broken) }
  }

  @Test func itemsWithoutSkillsAreMappedAutomatically() throws {
    let yaml = """
      id: auto
      title: Auto
      version: "1"
      language: en
      areas:
        - id: a
          title: A
          items:
            - id: a.calls
              title: Answer incoming calls
              description: Answer incoming calls from clients.
      """
    let curriculum = try Curriculum.parse(yaml, file: "auto.yaml", index: try SharedIndex.v111)
    let coverage = try CoverageAnalysis(curriculum: curriculum, index: try SharedIndex.v111)
    let item = coverage.report().items[0]
    #expect(item.isMappedAutomatically)
    #expect(item.skills.first?.uri == CoverageFixture.calls)
    #expect(item.skills.count == 3)
  }

  @Test func phrasesOfFunctionWordsOnlyAreReported() throws {
    var yaml = CoverageFixture.yaml
    yaml = yaml.replacingOccurrences(
      of: "          - set up a home office",
      with: "          - set up a home office\n          - of the")
    let curriculum = try Curriculum.parse(yaml, file: "tiny.yaml", index: try SharedIndex.v111)
    let coverage = try CoverageAnalysis(curriculum: curriculum, index: try SharedIndex.v111)
    #expect(
      coverage.warnings == [
        "item 'office.home': phrase 'of the' has only function words and matches nothing"
      ])
  }
}

@Suite("Curriculum files", .needsESCO)
struct CurriculumFileTests {
  /// The problems found in a curriculum file, checked against the shared index.
  static func problems(_ yaml: String) throws -> [String] {
    let index = try SharedIndex.v111
    do {
      _ = try Curriculum.parse(yaml, file: "c.yaml", index: index)
      return []
    } catch let errors as CurriculumErrors {
      return errors.problems.map(\.description)
    } catch {
      return ["unexpected: \(error)"]
    }
  }

  static let head = """
    id: c
    title: C
    version: "1"
    language: en
    areas:

    """

  @Test func defaultCurriculumIsValid() throws {
    let curriculum = try Curriculum.load(
      path: Fixtures.projectFile("Data/curricula/va-vet.yaml").path, index: try SharedIndex.v111)
    #expect(
      curriculum.areas.map(\.id) == [
        "digital", "self-employment", "organisational", "multitasking", "communication",
      ])
    #expect(curriculum.items.count == 17)
    #expect(curriculum.items.allSatisfy { !$0.skills.isEmpty })
    #expect(curriculum.checksum.count == 64)
  }

  @Test func badYAMLHasLineAndColumn() throws {
    #expect(
      try Self.problems("id: c\ntitle: [unclosed\n")
        == ["c.yaml:3:1: invalid YAML: did not find expected ',' or ']'"])
  }

  @Test func unknownURIsDuplicateIDsAndEmptyAreas() throws {
    let yaml =
      Self.head + """
        - id: a
          title: A
          items:
            - id: a.one
              title: One
              description: First.
              skills:
                - http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000
                - http://example.com/skill
            - id: a.one
              title: Again
              description: Second.
        - id: b
          title: B
          items: []
        """
    #expect(
      try Self.problems(yaml) == [
        "c.yaml:14:11: 'http://example.com/skill' in item 'a.one' is not an ESCO skill URI (http://data.europa.eu/esco/skill/…)",
        "c.yaml:15:11: duplicate id 'a.one' (first used on line 9)",
        "c.yaml:20:10: area 'b' is empty: 'items' must be a non-empty list",
        "c.yaml:13:11: unknown ESCO skill 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000' in item 'a.one' (not in ESCO v1.1.1)",
      ])
  }

  @Test func missingFieldsUnknownKeysAndBadValues() throws {
    let yaml =
      Self.head + """
        - id: A B
          title: A
          colour: red
          items:
            - id: a.one
              description: ""
              weight: -1
        """
    #expect(
      try Self.problems(yaml) == [
        "c.yaml:8:3: unknown key 'colour' in an area (known: id, title, description, items)",
        "c.yaml:6:7: id 'A B' may only hold a-z, 0-9, '.', '-' and '_'",
        "c.yaml:10:7: item 'a.one' has no 'title'",
        "c.yaml:11:20: 'description' of item 'a.one' must be non-empty text",
        "c.yaml:12:15: 'weight' of item 'a.one' must be a number above 0",
      ])
    #expect(try Self.problems("") == ["c.yaml:1:1: the file is empty"])
    #expect(
      try Self.problems("- a\n- b\n") == [
        "c.yaml:1:1: the curriculum must be a mapping of keys to values"
      ])
  }
}
