import JobLensCore
import JobLensEvaluation
import JobLensIndex

extension EvaluationRendering {
  /// The postings task: the figures of `score_postings.py` in its sections and under its names
  /// (the JSON holds its `--json` object's keys with the same values), then the reliability
  /// table.
  static func renderPostings(
    _ report: EvaluationReport, scores: PostingScores, index: ConceptIndex,
    format: TaxonomyReport.Format
  ) -> String {
    switch format {
    case .json:
      var writer = JSONWriter()
      writer.beginObject()
      writer.field("task", report.task.rawValue)
      writer.field("file", report.file)
      writer.field("records", report.records)
      writer.field("unreadable", report.problems.count)
      writer.field("partial", report.warnings.count)
      for figure in scores.header { write(figure, to: &writer) }
      for (name, figures) in sections(scores) {
        writer.key(name)
        writer.beginObject()
        for figure in figures { write(figure, to: &writer) }
        writer.endObject()
      }
      writer.key("reliability")
      write(scores.reliability, to: &writer)
      writeProvenance(of: index, to: &writer)
      writer.endObject()
      return writer.text + "\n"
    case .table:
      return postingsTable(report, scores: scores)
    }
  }

  /// The script's sections.
  private static func sections(_ scores: PostingScores) -> [(String, [PostingFigure])] {
    [("occupations", scores.occupations.figures), ("skills", scores.skills.figures)]
  }

  /// A figure as a JSON field: a count, a ratio to 3 decimals, or null.
  private static func write(_ figure: PostingFigure, to writer: inout JSONWriter) {
    switch figure.value {
    case .count(let count): writer.field(figure.name, count)
    case .ratio(let value): writeRatio(figure.name, value, to: &writer)
    }
  }

  /// A ratio to 3 decimals (as the script rounds it), or null.
  private static func writeRatio(_ name: String, _ value: Double?, to writer: inout JSONWriter) {
    if let value {
      writer.field(name, value, decimals: 3)
    } else {
      writer.key(name)
      writer.null()
    }
  }

  /// The reliability table as JSON: the cut-offs, then per level its cells.
  private static func write(_ table: ReliabilityTable, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("cutoffs")
    writer.beginArray()
    for cutoff in table.cutoffs { writer.number(cutoff) }
    writer.endArray()
    writer.key("levels")
    writer.beginArray()
    for level in 0..<4 {
      writer.beginObject()
      writer.field("level", level + 1)
      writer.key("scored")
      write(table.scored[level], to: &writer)
      writer.key("candidates")
      writer.beginArray()
      for cell in table.candidates[level] { write(cell, to: &writer) }
      writer.endArray()
      writer.key("emitted")
      write(table.emitted[level], to: &writer)
      writer.endObject()
    }
    writer.endArray()
    writer.field("uncodable", table.uncodable)
    writer.endObject()
  }

  private static func write(_ cell: ReliabilityTable.Cell, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("postings", cell.postings)
    writer.field("right", cell.right)
    writeRatio("precision", cell.precision, to: &writer)
    writer.endObject()
  }

  /// The figures as two-column tables, section by section, then the reliability table.
  private static func postingsTable(_ report: EvaluationReport, scores: PostingScores) -> String {
    var text = "task postings: \(scores.postings) postings from \(report.file)"
    text += " (\(scores.failed) could not be analysed"
    if !report.problems.isEmpty { text += ", \(report.problems.count) unreadable lines" }
    if !report.warnings.isEmpty { text += ", \(report.warnings.count) scored in part" }
    text += ")\n"
    for (name, figures) in sections(scores) {
      text += "\n\(name)\n"
      text += TextTable.render(
        header: ["figure", "value"], rows: figures.map { [$0.name, cell($0.value)] })
    }
    return text + "\n" + reliabilityTable(scores.reliability)
  }

  /// One row per cut-off, one column per level: right / postings (precision).
  static func reliabilityTable(_ table: ReliabilityTable) -> String {
    var text = """
      reliability: of the postings whose best candidate at a level has at least this \
      confidence, how many are right at that level (right/postings precision); "all" counts \
      every posting scored at the level (best@L), "emitted" the codes given at that level.

      """
    var rows = [["all"] + table.scored.map(cell)]
    for (slot, cutoff) in table.cutoffs.enumerated() {
      rows.append(
        ["≥ " + JSONWriter.format(cutoff, decimals: 4)] + table.candidates.map { cell($0[slot]) })
    }
    rows.append(["emitted"] + table.emitted.map(cell))
    text += TextTable.render(
      header: ["confidence", "ISCO-1", "ISCO-2", "ISCO-3", "ISCO-4"], rows: rows)
    return text + "uncodable: \(table.uncodable)\n"
  }

  private static func cell(_ value: PostingFigure.Value) -> String {
    switch value {
    case .count(let count): "\(count)"
    case .ratio(let value?): JSONWriter.format(value, decimals: 3)
    case .ratio(nil): "-"
    }
  }

  private static func cell(_ cell: ReliabilityTable.Cell) -> String {
    let precision = cell.precision.map { JSONWriter.format($0, decimals: 3) } ?? "-"
    return "\(cell.right)/\(cell.postings) \(precision)"
  }
}
