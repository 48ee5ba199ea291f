import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensCore
@testable import JobLensEvaluation
@testable import JobLensInput
@testable import JobLensRender

/// `Evaluator.run(.postings, …)` over the fixture index: reading gold lines, their problems, and
/// the rendering of the figures.
@Suite("Postings evaluation (fixture)", .needsESCO)
struct FixturePostingEvaluationTests {
  @Test func evaluatorAnalysesEachGoldPosting() throws {
    let path = Fixtures.testFile("eval/postings.jsonl").path
    let analyzer = try FixtureTaxonomy.analyzer()
    let report = try Evaluator.run(.postings, goldPath: path, analyzer: analyzer)
    #expect(report.records == 7)
    #expect(report.problems.isEmpty)
    #expect(
      report.warnings == [
        "\(path):5: no 'judged': skills no demand names count as unjudged",
        "\(path):6: no 'demands': left out of the skill figures",
      ])
    // The same figures as scoring each posting's analysis (title and text) by hand.
    var expected = PostingScores()
    for (line, (_, gold)) in zip(
      try Fixtures.lines(URL(fileURLWithPath: path)), try PostingFixture.gold())
    {
      let value = try JSONParser.parse(line)
      let posting = Posting(
        id: value["id"]!.stringValue!, title: value["title"]!.stringValue!,
        text: value["text"]!.stringValue!)
      expected.add(PostingPrediction(analyzer.analyze(posting)), gold: gold)
    }
    #expect(report.postings == expected)
    #expect(report.metrics == expected.metrics)
    #expect(expected.occupations.scored == 6)
    #expect(expected.skills.demands == 8)
  }

  @Test func badLinesAreReportedAndTheRunGoesOn() throws {
    let directory = try TemporaryDirectory("postings-gold")
    defer { directory.remove() }
    let path = try directory.write(
      "gold.jsonl",
      """
      {"id": "a", "title": "Bookkeeper", "text": "Prepare invoices.", "gold_isco": ["4311"], "demands": [], "judged": {}}
      {"id": "b", "title": "Clerk", "text": "x", "gold_isco": "4311", "demands": []}
      {"id": "c", "title": "Clerk", "text": "x", "gold_isco": ["4311"], "demands": [{"what": "y", "skills": [7]}]}
      {"id": "d", "title": "Clerk", "text": "x", "gold_isco": ["4311"], "demands": [], "judged": {"u": 2}}
      not json
      [1, 2]

      {"id": "e", "title": 12, "gold_isco": ["4311"], "demands": [{"what": "y", "skills": ["u"]}], "judged": {}}
      {"id": "a", "title": "Payroll clerk", "text": "Process the payroll.", "gold_isco": ["4311"]}
      """)
    let report = try Evaluator.run(
      .postings, goldPath: path, analyzer: try FixtureTaxonomy.analyzer())
    #expect(
      report.problems == [
        "\(path):2: field 'gold_isco' is string, expected an array",
        "\(path):3: field 'demands' item 1: 'skills' item 1 is number, expected a string",
        "\(path):4: field 'judged' 'u' is 2, expected 1, 0.5 or 0",
        "\(path):5: column 2: invalid literal",
        "\(path):6: expected a JSON object, found array",
      ])
    #expect(
      report.warnings == [
        "\(path):8: field 'title' is number, expected a string: scored as a posting that "
          + "could not be analysed",
        "\(path):9: no 'demands': left out of the skill figures",
        "\(path):9: id 'a' repeats line 1: scored once",
      ])
    // "a" (its last line: no demands) and "e" (failed: uncodable, nothing found).
    let scores = try #require(report.postings)
    #expect(report.records == 2)
    #expect(scores.failed == 1)
    #expect(scores.occupations.scored == 2)
    #expect(scores.occupations.uncodable >= 1)
    #expect(scores.skills.scored == 1)
    #expect(scores.skills.demands == 1)
    #expect(scores.skills.found == [0, 0, 0])
  }

  @Test(arguments: TaxonomyReport.Format.allCases)
  func renderingIsPinned(format: TaxonomyReport.Format) throws {
    let scores = try PostingFixture.scores()
    var report = EvaluationReport(
      task: .postings, file: "postings.jsonl", records: scores.postings, problems: [],
      metrics: scores.metrics)
    report.postings = scores
    report.warnings = ["postings.jsonl:5: no 'judged': skills no demand names count as unjudged"]
    var text = EvaluationRendering.render(report, index: try FixtureTaxonomy.index, format: format)
    if format == .json {
      // The version and the fixture index's checksum change with releases, not with this code.
      let value = try JSONParser.parse(text)
      text = text.replacingOccurrences(of: value["joblens"]!.stringValue!, with: "test")
        .replacingOccurrences(of: value["index_checksum"]!.stringValue!, with: "checksum")
    }
    let golden = Fixtures.testFile("golden/evaluate-postings.\(format.rawValue)")
    if Fixtures.recording {
      try text.write(to: golden, atomically: true, encoding: .utf8)
    }
    #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
  }
}
