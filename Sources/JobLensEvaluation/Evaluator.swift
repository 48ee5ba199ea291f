import Foundation
public import JobLensAnalysis
import JobLensCore
import JobLensInput

/// The evaluation tasks of `../shared/eval` (see its README).
public enum EvaluationTask: String, Sendable, CaseIterable {
  /// A sentence of a job ad → ESCO skills (RP@5, MRR, recall@10).
  case skills
  /// A job title → ISCO-08 unit group (top-1 accuracy at 1–4 digits).
  case titles
  /// One task statement → ISCO-08 unit group.
  case tasks
  /// A bulleted list of task statements without a title → ISCO-08 unit group.
  case bundles
  /// A real posting judged by reading it → skills, occupations and the ISCO code with back-off
  /// (the figures of `score_postings.py`, and a reliability table; ``PostingScores``).
  case postings
}

/// One metric of an evaluation run.
public struct EvaluationMetric: Sendable, Equatable {
  /// The metric's name ("accuracy@1 (4 digits)", "MRR", …).
  public var name: String
  /// Its value.
  public var value: Double
}

/// The outcome of evaluating one gold file.
public struct EvaluationReport: Sendable, Equatable {
  /// What was evaluated.
  public var task: EvaluationTask
  /// The gold file.
  public var file: String
  /// Records scored.
  public var records: Int
  /// Lines that could not be read, as "file:line: problem".
  public var problems: [String]
  /// The figures, in a fixed order.
  public var metrics: [EvaluationMetric]
  /// Lines scored in part, as "file:line: what": a posting without `demands` (left out of the
  /// skill figures) or `judged`, one `classify` could not read, a repeated id.
  public var warnings: [String] = []
  /// The postings task's figures by section, with the reliability table.
  public var postings: PostingScores? = nil
}

/// Scores the analyzer against a gold file, with the metrics the evaluation README defines.
public enum Evaluator {
  /// Options for evaluation: the analyzer's defaults, except that skills are ranked without a
  /// threshold (ranking metrics look at the top 10).
  public static func options(
    for task: EvaluationTask, base: AnalysisOptions = AnalysisOptions()
  )
    -> AnalysisOptions
  {
    var options = base
    if task == .skills {
      options.skills.threshold = 0
      options.skills.partialMargin = 0
      options.skills.maximum = max(options.skills.maximum, 20)
    }
    return options
  }

  /// Evaluates `analyzer` on the gold JSONL file at `path`.
  public static func run(
    _ task: EvaluationTask, goldPath path: String, analyzer: PostingAnalyzer
  ) throws -> EvaluationReport {
    if task == .postings { return try runPostings(goldPath: path, analyzer: analyzer) }
    var accuracy = ISCOAccuracy()
    var ranking = RankingMetrics()
    let problems = try forEachLine(of: path) { value, lineNumber in
      let id = value["id"]?.textValue ?? "\(lineNumber)"
      return add(
        value, id: id, task: task, analyzer: analyzer, accuracy: &accuracy, ranking: &ranking)
    }
    let (records, metrics) = summary(task, accuracy: accuracy, ranking: ranking)
    return EvaluationReport(
      task: task, file: path, records: records, problems: problems, metrics: metrics)
  }

  /// Calls `body` with each non-blank line of the gold file at `path`, parsed, and its number
  /// (a byte-order mark ignored); returns the lines that are not JSON and the problems `body`
  /// returned, as "file:line: problem".
  static func forEachLine(
    of path: String, _ body: (JSONValue, Int) -> String?
  ) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw EvaluationError.unreadable(path: path)
    }
    var problems: [String] = []
    var lineNumber = 0
    for var line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
      do {
        if let problem = body(try JSONParser.parse(line: line), lineNumber) {
          problems.append("\(path):\(lineNumber): \(problem)")
        }
      } catch {
        problems.append("\(path):\(lineNumber): \(error)")
      }
    }
    return problems
  }

  /// Analyses one gold record and adds it to the task's metrics; the problem when the record
  /// lacks the fields the task needs.
  private static func add(
    _ value: JSONValue, id: String, task: EvaluationTask, analyzer: PostingAnalyzer,
    accuracy: inout ISCOAccuracy, ranking: inout RankingMetrics
  ) -> String? {
    switch task {
    case .skills:
      guard let text = value["text"]?.stringValue, case .array(let gold)? = value["gold"] else {
        return "needs string 'text' and array 'gold'"
      }
      let analysis = analyzer.analyze(Posting(id: id, title: "", text: text))
      ranking.add(ranked: analysis.skills.map(\.uri), gold: Set(gold.compactMap(\.stringValue)))
    case .postings:
      return nil  // scored by runPostings
    case .titles, .tasks, .bundles:
      let field = task == .titles ? "title" : "text"
      guard let input = value[field]?.stringValue, case .array(let gold)? = value["gold_isco"]
      else {
        return "needs string '\(field)' and array 'gold_isco'"
      }
      let posting =
        task == .titles
        ? Posting(id: id, title: input, text: "") : Posting(id: id, title: "", text: input)
      let analysis = analyzer.analyze(posting)
      let levels = analysis.isco.levels
      accuracy.add(
        predicted: (1...4).map { level in levels.first { $0.level == level }?.code },
        gold: gold.compactMap(\.textValue))
    }
    return nil
  }

  /// The records scored and the task's metrics.
  private static func summary(
    _ task: EvaluationTask, accuracy: ISCOAccuracy, ranking: RankingMetrics
  ) -> (records: Int, metrics: [EvaluationMetric]) {
    if task == .skills {
      return (
        ranking.count,
        [
          EvaluationMetric(name: "RP@5", value: ranking.rpAt5),
          EvaluationMetric(name: "MRR", value: ranking.mrr),
          EvaluationMetric(name: "recall@10", value: ranking.recallAt10),
        ]
      )
    } else {
      return (
        accuracy.count,
        (1...4).map {
          EvaluationMetric(name: "ISCO-\($0)", value: accuracy.accuracy(digits: $0))
        }
      )
    }
  }
}

/// Errors of evaluation.
public enum EvaluationError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String)

  public var description: String {
    switch self {
    case .unreadable(let path): "cannot read gold file '\(path)'"
    }
  }
}
