import JobLensCore
public import JobLensEvaluation
public import JobLensIndex

/// Renders an evaluation report as a table or JSON.
public enum EvaluationRendering {
  /// The report in `format`, with the index it was made with.
  public static func render(
    _ report: EvaluationReport, index: ConceptIndex, format: TaxonomyReport.Format
  ) -> String {
    if let scores = report.postings {
      return renderPostings(report, scores: scores, index: index, format: format)
    }
    switch format {
    case .json:
      var writer = JSONWriter()
      writer.beginObject()
      writer.field("task", report.task.rawValue)
      writer.field("file", report.file)
      writer.field("records", report.records)
      writer.field("unreadable", report.problems.count)
      writer.key("metrics")
      writer.beginObject()
      for metric in report.metrics { writer.field(metric.name, metric.value) }
      writer.endObject()
      writeProvenance(of: index, to: &writer)
      writer.endObject()
      return writer.text + "\n"
    case .table:
      var text = "task \(report.task.rawValue): \(report.records) records from \(report.file)"
      if !report.problems.isEmpty { text += " (\(report.problems.count) unreadable lines)" }
      text += "\n"
      text += TextTable.render(
        header: ["metric", "value"],
        rows: report.metrics.map { [$0.name, JSONWriter.format($0.value, decimals: 3)] })
      return TextTable.terminalText(text)
    }
  }

  /// The ESCO version, the index checksum and JobLens's version, closing an evaluation's JSON.
  static func writeProvenance(of index: ConceptIndex, to writer: inout JSONWriter) {
    writer.field("esco", index.metadata.taxonomyVersion)
    writer.field("index_checksum", index.checksum)
    writer.field("joblens", JobLensVersion.current)
  }
}
