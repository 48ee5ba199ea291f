import Foundation
public import JobLensBatch
import JobLensCore

/// CSV rendering of analyses (RFC 4180, header row, CRLF-free: rows end with "\n"): one file
/// per table of ``AnalysisTables``, with its columns; numbers with at most 4 decimals,
/// Booleans as `true`/`false`, missing values as empty cells.
///
/// ``Layout/postings`` has one row per record (failed ones with their `error`); the other
/// layouts have one row per record × item (skill, occupation, mix share, evidence span) and
/// none for a record without such items.
public enum AnalysisCSV {
  /// What one row stands for: a table of ``AnalysisTables``.
  public typealias Layout = AnalysisTables.Table

  /// The header row.
  public static func header(_ layout: Layout) -> String {
    row(columns(layout))
  }

  static func columns(_ layout: Layout) -> [String] {
    AnalysisTables.columns(layout).map(\.name)
  }

  /// The rows of one result (each ending with a newline); `ordinal` is its position in the
  /// input, from 1.
  public static func rows(
    _ result: BatchResult, _ layout: Layout, ordinal: Int, lean: Bool = false
  ) -> String {
    AnalysisTables.rows(result, ordinal: ordinal, table: layout, lean: lean).map { values in
      row(values.map(cell))
    }.joined()
  }

  /// One cell's text.
  static func cell(_ value: AnalysisTables.Value) -> String {
    switch value {
    case .text(let text): text
    case .integer(let number): String(number)
    case .number(let number): JSONWriter.format(number, decimals: 4)
    case .boolean(let flag): flag ? "true" : "false"
    case .null: ""
    }
  }

  /// One CSV row: fields quoted when they hold a comma, quote or line break.
  public static func row(_ fields: [String]) -> String {
    var line = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { line += "," }
      if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
        line += "\""
        line += field.replacingOccurrences(of: "\"", with: "\"\"")
        line += "\""
      } else {
        line += field
      }
    }
    return line + "\n"
  }
}
