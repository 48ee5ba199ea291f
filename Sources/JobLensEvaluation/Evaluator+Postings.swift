import JobLensAnalysis
import JobLensCore
import JobLensInput

extension Evaluator {
  /// One gold posting: the record `classify` would read off its line, and its judgement.
  private struct GoldPosting {
    var line: Int
    var record: InputRecord
    var gold: PostingGold
  }

  /// Scores `analyzer` on judged real postings (`postings_dev.jsonl`): analyses each gold
  /// posting (id, title, text, read as `classify` reads them) and computes the figures of
  /// `score_postings.py` on the analyses, with the reliability table over `cutoffs`.
  static func runPostings(
    goldPath path: String, analyzer: PostingAnalyzer,
    cutoffs: [Double] = ReliabilityTable.defaultCutoffs
  ) throws -> EvaluationReport {
    var warnings: [String] = []
    let (postings, problems) = try readPostings(path, warnings: &warnings)
    var scores = PostingScores(cutoffs: cutoffs)
    for posting in postings {
      guard case .posting(let input) = posting.record else {
        scores.add(nil, gold: posting.gold)
        continue
      }
      scores.add(PostingPrediction(analyzer.analyze(input)), gold: posting.gold)
    }
    var report = EvaluationReport(
      task: .postings, file: path, records: scores.postings, problems: problems,
      metrics: scores.metrics)
    report.warnings = warnings
    report.postings = scores
    return report
  }

  /// The gold postings of the file at `path`, in the order of their ids' first lines (a
  /// repeated id keeps its place and takes the last line's content, as the script's dictionary
  /// does), and the lines that could not be read.
  private static func readPostings(
    _ path: String, warnings: inout [String]
  ) throws -> (postings: [GoldPosting], problems: [String]) {
    var postings: [GoldPosting] = []
    var places: [String: Int] = [:]
    let problems = try forEachLine(of: path) { value, line in
      guard case .object = value else {
        return "expected a JSON object, found \(value.typeName)"
      }
      let gold: PostingGold
      do throws(GoldFieldProblem) {
        gold = try PostingGold(line: value)
      } catch {
        return error.description
      }
      let source = "\(path):\(line)"
      let record = JSONLPostingReader.record(value, source: source, fields: PostingFields())
      warnings += notes(on: record, gold: gold, source: source)
      let posting = GoldPosting(line: line, record: record, gold: gold)
      let id = record.id ?? source
      if let place = places[id] {
        warnings.append("\(source): id '\(id)' repeats line \(postings[place].line): scored once")
        postings[place] = posting
      } else {
        places[id] = postings.count
        postings.append(posting)
      }
      return nil
    }
    return (postings, problems)
  }

  /// What is scored only in part on a gold line.
  private static func notes(
    on record: InputRecord, gold: PostingGold, source: String
  ) -> [String] {
    var notes: [String] = []
    if case .failure(_, _, let message) = record {
      notes.append("\(source): \(message): scored as a posting that could not be analysed")
    }
    if gold.demands == nil {
      notes.append("\(source): no 'demands': left out of the skill figures")
    } else if gold.judged == nil {
      notes.append("\(source): no 'judged': skills no demand names count as unjudged")
    }
    return notes
  }
}
