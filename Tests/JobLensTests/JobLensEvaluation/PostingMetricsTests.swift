import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensEvaluation

/// The fixture gold postings (`Fixtures/eval/postings.jsonl`, written for these tests) and
/// hand-made predictions for them, with every figure worked out by hand in the comments.
enum PostingFixture {
  static let skill = "http://example.org/joblens-fixture/skill/"

  /// The gold lines' judgements by id, in file order.
  static func gold() throws -> [(id: String, gold: PostingGold)] {
    try Fixtures.lines(Fixtures.testFile("eval/postings.jsonl")).map { line in
      let value = try JSONParser.parse(line)
      return (value["id"]?.stringValue ?? "", try PostingGold(line: value))
    }
  }

  private static func skills(_ names: [String]) -> [String] { names.map { skill + $0 } }

  private typealias C = PostingPrediction.Candidate

  /// What an analyser might have said about each fixture posting.
  static let predictions: [String: PostingPrediction] = [
    // Right everywhere; skills: named, judged 1, judged 0.5, judged 0, unjudged, named,
    // unjudged → P@5 = 2.5/5, P@10 = 3.5/7; 2 unjudged; demands found: 2 of 3.
    "p1": PostingPrediction(
      code: "4120", level: 4,
      candidates: [1: C("4", 0.6), 2: C("41", 0.5), 3: C("412", 0.4), 4: C("4120", 0.3)],
      firstOccupation: "4120",
      skills: skills([
        "answer-calls", "use-email", "schedule-appointments", "bookkeeping",
        "manage-social-media", "type-documents", "sql",
      ])),
    // Coded at 4 digits, wrong there; 11 skills: P@5 = 1.5/5, P@10 = 2.5/10; 6 unjudged;
    // "reconcile-statements" 11th: found @20, not @10.
    "p2": PostingPrediction(
      code: "4312", level: 4,
      candidates: [1: C("4", 0.7), 2: C("43", 0.6), 3: C("431", 0.5), 4: C("4312", 0.4)],
      firstOccupation: "4311",
      skills: skills([
        "bookkeeping", "process-payroll", "use-spreadsheets", "use-email", "sql",
        "prepare-invoices", "file-documents", "type-documents", "answer-calls", "manage-diaries",
        "reconcile-statements",
      ])),
    // Major group only in the gold: everything judged at one digit, the 4-digit code too.
    "p3": PostingPrediction(
      code: "2512", level: 4,
      candidates: [1: C("2", 0.5), 2: C("25", 0.3), 3: C("251", 0.2), 4: C("2512", 0.2)],
      firstOccupation: "2512", skills: skills(["manage-social-media", "plan-campaigns"])),
    // Junk: no occupation figures; one unjudged skill → P@k 0.
    "p4": PostingPrediction(
      code: nil, level: 0, candidates: [1: C("5", 0.1)], firstOccupation: "5244",
      skills: skills(["handle-complaints"])),
    // Uncodable, levels that do not nest, no occupation; 20 unjudged skills before the one
    // demanded: found only in all skills.
    "p5": PostingPrediction(
      code: nil, level: 0,
      candidates: [1: C("3", 0.1), 2: C("25", 0.08), 3: C("251", 0.05), 4: C("2512", 0.04)],
      skills: (1...20).map { skill + "filler-\($0)" } + [skill + "debug-software"]),
    // Right at one digit only through the gold's major group 3; no demands: no skill figures.
    "p6": PostingPrediction(
      code: "3", level: 1,
      candidates: [1: C("3", 0.2), 2: C("33", 0.1), 3: C("334", 0.1), 4: C("3343", 0.1)],
      firstOccupation: "3343", skills: skills(["process-payroll"])),
    // Backed off to 3 digits, right there; no skills.
    "p7": PostingPrediction(
      code: "334", level: 3,
      candidates: [1: C("3", 0.5), 2: C("33", 0.4), 3: C("334", 0.3), 4: C("3341", 0.1)],
      firstOccupation: "3343"),
  ]

  /// The fixture postings scored with ``predictions``.
  static func scores() throws -> PostingScores {
    var scores = PostingScores()
    for (id, gold) in try gold() { scores.add(predictions[id], gold: gold) }
    return scores
  }
}

@Suite("Postings figures")
struct PostingMetricsTests {
  @Test func goldLinesRead() throws {
    let gold = Dictionary(uniqueKeysWithValues: try PostingFixture.gold().map { ($0.id, $0.gold) })
    let s = PostingFixture.skill
    #expect(gold["p1"]?.codes == ["4120", "3343"])
    #expect(gold["p1"]?.majors == ["4", "3"])
    #expect(
      gold["p1"]?.demands == [
        [s + "answer-calls"], [s + "type-documents", s + "draft-correspondence"],
        [s + "file-documents"], [],
      ])
    #expect(
      gold["p1"]?.judged == [
        s + "use-email": 1, s + "schedule-appointments": 0.5, s + "bookkeeping": 0,
      ])
    #expect(gold["p3"]?.depth == 1)
    #expect(gold["p4"]?.hasOccupation == false)
    #expect(gold["p5"]?.judged == nil)
    #expect(gold["p6"]?.demands == nil)
  }

  @Test func occupationFiguresByHand() throws {
    let figures = try PostingFixture.scores().occupations
    // Scored: all but the junk p4; at 4 digits also not p3 (major group only).
    #expect(figures.scored == 6)
    #expect(figures.scoredAt4 == 5)
    // best@1: all but p5 (p3 and p6 through gold_major); @2 and @3: p1 p2 p5 p7; @4: p1 p5.
    #expect(figures.best == [5, 4, 4, 2])
    // Emitted: p1, p3 (at one digit), p6 (major group), p7 (3 digits); p2 wrong, p5 uncodable.
    #expect(figures.emitted == 4)
    #expect(figures.uncodable == 1)
    // Coded at 4 digits with gold codes: p1 (right), p2 (wrong); p3 has no codes.
    #expect(figures.coded4 == 2)
    #expect(figures.coded4Right == 1)
    // First occupation: right at 1 digit for p1 p2 p3 p6 p7, at 4 for p1 p2 p7.
    #expect(figures.firstOccupation == [5, 3])
    let expected: [PostingFigure.Value] = [
      .count(6), .count(5), .ratio(5.0 / 6), .ratio(4.0 / 5), .ratio(4.0 / 5), .ratio(2.0 / 5),
      .ratio(4.0 / 6), .ratio(1.0 / 6), .ratio(2.0 / 5), .ratio(1.0 / 5), .ratio(5.0 / 6),
      .ratio(3.0 / 5),
    ]
    #expect(figures.figures.map(\.value) == expected)
  }

  @Test func skillFiguresByHand() throws {
    let figures = try PostingFixture.scores().skills
    // Scored: the lines with demands (not p6); p4 and p7 have none, p5 no judgements.
    #expect(figures.scored == 6)
    // P@5: p1 0.5 + p2 0.3 + p3 0.5 (named, unjudged) + p4 0 + p5 0 + p7 0 (no skills).
    #expect(abs(figures.precisionSums[0] - 1.3) < 1e-12)
    // P@10: p1 3.5/7 + p2 2.5/10 + p3 0.5.
    #expect(abs(figures.precisionSums[1] - 1.25) < 1e-12)
    // Unjudged in the first 10: p1 2, p2 6, p3 1, p4 1, p5 10, of 7 + 10 + 2 + 1 + 10.
    #expect(figures.unjudgedAt10 == 20)
    #expect(figures.top10 == 30)
    // Demands with skills: p1 3 (the fourth has none), p2 2, p3 1, p5 2; found @10: p1 2,
    // p2 1, p3 1; @20: p2's second too; all: p5's debugging too.
    #expect(figures.demands == 8)
    #expect(figures.found == [4, 5, 6])
    let names = figures.figures.map(\.name)
    #expect(
      names == [
        "scored", "P@5", "P@10", "unjudged@10", "demands", "demand_recall@10",
        "demand_recall@20", "demand_recall@all",
      ])
  }

  @Test func reliabilityTableByHand() throws {
    let table = try PostingFixture.scores().reliability
    typealias Cell = ReliabilityTable.Cell
    func cells(_ pairs: [(Int, Int)]) -> [Cell] { pairs.map { Cell(postings: $0, right: $1) } }
    #expect(table.cutoffs == ReliabilityTable.defaultCutoffs)
    #expect(table.scored == cells([(6, 5), (5, 4), (5, 4), (5, 2)]))
    // Level 1 confidences: p1 .6, p2 .7, p3 .5, p5 .1 (wrong), p6 .2, p7 .5.
    #expect(
      table.candidates[0]
        == cells([(6, 5), (6, 5), (5, 5), (5, 5)] + repeatElement((4, 4), count: 6)))
    // Level 2: p1 .5, p2 .6, p5 .08, p6 .1 (wrong), p7 .4.
    #expect(
      table.candidates[1]
        == cells([(5, 4), (4, 3)] + repeatElement((3, 3), count: 6) + [(2, 2), (2, 2)]))
    // Level 3: p1 .4, p2 .5, p5 .05, p6 .1 (wrong), p7 .3.
    #expect(
      table.candidates[2]
        == cells(
          [(5, 4), (4, 3)] + repeatElement((3, 3), count: 4) + [(2, 2), (2, 2), (1, 1), (1, 1)]))
    // Level 4: p1 .3, p2 .4 (wrong), p5 .04, p6 .1 (wrong), p7 .1 (wrong).
    #expect(
      table.candidates[3]
        == cells(
          [(4, 1), (4, 1)] + repeatElement((2, 1), count: 4) + [(1, 0), (1, 0), (0, 0), (0, 0)]))
    #expect(table.candidates[3][8].precision == nil)
    // Emitted: p6 at 1 digit, p7 at 3, p1 p2 p3 at 4 (p2 wrong); p5 uncodable.
    #expect(table.emitted == cells([(1, 1), (0, 0), (1, 1), (3, 2)]))
    #expect(table.uncodable == 1)
    #expect(
      table.emitted.map(\.right).reduce(0, +) == (try PostingFixture.scores().occupations.emitted))
  }

  @Test func failedPostingScoresAsNoPrediction() {
    var scores = PostingScores()
    scores.add(nil, gold: PostingGold(codes: ["4120"], majors: ["4"], demands: [["u"]]))
    #expect(scores.postings == 1)
    #expect(scores.failed == 1)
    #expect(scores.occupations.uncodable == 1)
    #expect(scores.occupations.best == [0, 0, 0, 0])
    #expect(scores.skills.scored == 1)
    #expect(scores.skills.demands == 1)
    #expect(scores.reliability.scored[3] == ReliabilityTable.Cell(postings: 1, right: 0))
    // A ratio with nothing to score is undefined, not 0, and left out of the metrics.
    #expect(scores.skills.figures[3].value == .ratio(nil))
    #expect(!scores.metrics.map(\.name).contains("unjudged@10"))
  }

  @Test(
    arguments: [
      ("4120", ["4120"], 4, [String](), true),
      ("4120", ["3343", "4110"], 2, [], true),
      ("4120", ["3343", "4110"], 3, [], false),
      ("412", ["4120"], 4, [], false),  // shorter than the level
      ("4120", ["41"], 4, [], false),  // a short gold code
      ("3", ["4120"], 1, ["3"], true),  // a gold major group at one digit…
      ("33", ["4120"], 2, ["3"], false),  // …and only there
      ("2512", [], 1, ["2"], true),
      ("", ["4120"], 1, [], false),
    ] as [(String, [String], Int, [String], Bool)])
  func agreementRule(code: String, codes: [String], level: Int, majors: [String], agrees: Bool) {
    #expect(ISCOAgreement.agrees(code, codes, level: level, majors: majors) == agrees)
  }

  @Test func uncodableNeverAgrees() {
    #expect(!ISCOAgreement.agrees(nil, ["4120"], level: 1, majors: ["4"]))
    let uncodable = PostingPrediction(code: nil, level: 0)
    #expect(!ISCOAgreement.emittedAgrees(uncodable, gold: PostingGold(codes: ["4120"])))
  }
}
