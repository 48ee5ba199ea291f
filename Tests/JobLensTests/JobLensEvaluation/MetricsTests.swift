import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensEvaluation

@Suite("Evaluation metrics")
struct MetricsTests {
  @Test func iscoAccuracyByPrefix() {
    var accuracy = ISCOAccuracy()
    // Right at every level.
    accuracy.add(predicted: ["3", "33", "334", "3343"], gold: ["3343"])
    // Right at 1 and 2 digits against the second gold code.
    accuracy.add(predicted: ["4", "41", "411", "4110"], gold: ["2411", "4120"])
    // Uncodable.
    accuracy.add(predicted: [nil, nil, nil, nil], gold: ["5120"])
    #expect(accuracy.count == 3)
    #expect(accuracy.accuracy(digits: 1) == 2.0 / 3)
    #expect(accuracy.accuracy(digits: 2) == 2.0 / 3)
    #expect(accuracy.accuracy(digits: 3) == 1.0 / 3)
    #expect(accuracy.accuracy(digits: 4) == 1.0 / 3)
  }

  @Test func rankingMetricsByHand() {
    var metrics = RankingMetrics()
    // gold {a, b}: top 2 = [x, a] → RP@5 = 1/2; first hit at rank 2 → 1/2; recall@10 = 2/2.
    metrics.add(ranked: ["x", "a", "y", "b"], gold: ["a", "b"])
    // gold {c}: nothing ranked → 0, 0, 0.
    metrics.add(ranked: ["x"], gold: ["c"])
    // gold of 6: top 5 holds 3 of them → RP@5 = 3/5; rank 1 → 1; recall@10 = 4/6.
    metrics.add(
      ranked: ["g1", "x", "g2", "g3", "y", "g4"], gold: ["g1", "g2", "g3", "g4", "g5", "g6"])
    #expect(metrics.count == 3)
    #expect(abs(metrics.rpAt5 - (0.5 + 0 + 0.6) / 3) < 1e-12)
    #expect(abs(metrics.mrr - (0.5 + 0 + 1) / 3) < 1e-12)
    #expect(abs(metrics.recallAt10 - (1 + 0 + 4.0 / 6) / 3) < 1e-12)
  }

  @Test(.needsESCO) func evaluatorReadsGoldAndReportsBadLines() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID()).jsonl")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try """
    {"id": "a", "title": "Bookkeeper", "gold_isco": ["3313"]}
    {"id": "b", "title": 7, "gold_isco": ["3313"]}
    not json

    {"id": "c", "title": "Bookkeeping clerk", "gold_isco": ["4311", "3313"]}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let analyzer = try PostingAnalyzer(
      index: try SharedIndex.v111, options: Evaluator.options(for: .titles))
    let report = try Evaluator.run(.titles, goldPath: path, analyzer: analyzer)
    #expect(report.records == 2)
    #expect(report.problems.count == 2)
    #expect(report.problems[0].hasSuffix(":2: needs string 'title' and array 'gold_isco'"))
    #expect(report.problems[1].hasSuffix(":3: column 2: invalid literal"))
    #expect(report.metrics.map(\.name) == ["ISCO-1", "ISCO-2", "ISCO-3", "ISCO-4"])
    #expect(report.metrics[3].value == 1)
  }

  @Test(.needsShared("eval/skills_dev.jsonl")) func devSetFiguresStayAboveTheBaselines() throws {
    // The reference baselines of ../shared/eval/README.md (plain TF-IDF): JobLens must beat them.
    let analyzer = try PostingAnalyzer(
      index: try SharedIndex.v111, options: Evaluator.options(for: .skills))
    let skills = try Evaluator.run(
      .skills, goldPath: Fixtures.sharedFile("eval/skills_dev.jsonl").path, analyzer: analyzer)
    #expect(skills.metrics[0].value > 0.315)
    #expect(skills.metrics[1].value > 0.488)
    let titlesAnalyzer = try PostingAnalyzer(
      index: try SharedIndex.v111, options: Evaluator.options(for: .titles))
    let titles = try Evaluator.run(
      .titles, goldPath: Fixtures.sharedFile("eval/titles_dev.jsonl").path, analyzer: titlesAnalyzer
    )
    #expect(titles.metrics[0].value > 0.453)
    #expect(titles.metrics[3].value > 0.209)
  }
}
