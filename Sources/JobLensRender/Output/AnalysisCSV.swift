import Foundation
import JobLensAnalysis
public import JobLensBatch
import JobLensCore

/// CSV rendering of analyses (RFC 4180, header row, CRLF-free: rows end with "\n").
///
/// ``Layout/postings`` has one row per record with its top codes (and `text`, the text analysed
/// when it was derived from the input: HTML, text files); the other layouts have one
/// row per record × item (skill, occupation, mix share), with `rank` empty for a record that
/// has no such item, so that every record appears. Failed records keep their `id`, `source` and
/// `error` in every layout.
public enum AnalysisCSV {
  /// What one row stands for.
  public enum Layout: String, Sendable, CaseIterable {
    /// One row per record.
    case postings
    /// One row per record × skill.
    case skills
    /// One row per record × occupation.
    case occupations
    /// One row per record × unit group of the mix.
    case mix
  }

  /// The header row.
  public static func header(_ layout: Layout) -> String {
    row(columns(layout))
  }

  static func columns(_ layout: Layout) -> [String] {
    let common = ["id", "source"]
    let tail = ["duplicate_of", "error"]
    switch layout {
    case .postings:
      return common + [
        "title", "isco_code", "isco_level", "isco_label", "isco_confidence", "occupation_uri",
        "occupation_label", "occupation_isco", "occupation_score", "skills", "mix", "top_share",
        "herfindahl", "text",
      ] + tail
    case .skills:
      return common + [
        "rank", "uri", "label", "type", "group", "score", "literal", "evidence", "field", "start",
        "end",
      ] + tail
    case .occupations:
      return common + ["rank", "uri", "label", "isco", "score", "margin"] + tail
    case .mix:
      return common + ["isco", "label", "share", "phrases", "example"] + tail
    }
  }

  /// The rows of one result (each ending with a newline).
  public static func rows(_ result: BatchResult, _ layout: Layout) -> String {
    let width = columns(layout).count
    switch result {
    case .failure(let id, let source, let message):
      var fields = [id ?? "", source] + Array(repeating: "", count: width - 3)
      fields.append(message)
      return row(fields)
    case .analysis(let analysis, let source):
      let head = [analysis.id, source]
      let tail = [analysis.duplicate?.of ?? "", ""]
      return itemRows(analysis, layout).map { row(head + $0 + tail) }.joined()
    }
  }

  private static func number(_ value: Double) -> String { JSONWriter.format(value, decimals: 4) }

  /// The middle columns of each row for one analysis.
  private static func itemRows(_ analysis: PostingAnalysis, _ layout: Layout) -> [[String]] {
    switch layout {
    case .postings:
      let isco = analysis.isco
      let top = analysis.occupations.first
      return [
        [
          analysis.title, isco.code ?? "", String(isco.level), isco.label ?? "",
          number(isco.confidence), top?.uri ?? "", top?.label ?? "", top?.isco ?? "",
          top.map { number($0.score) } ?? "",
          analysis.skills.map(\.label).joined(separator: "; "),
          analysis.mix.shares.map { "\($0.isco):\(number($0.share))" }.joined(separator: "; "),
          number(analysis.mix.topShare), number(analysis.mix.herfindahl),
          analysis.derivedText ?? "",
        ]
      ]
    case .skills:
      let rows = analysis.skills.enumerated().map { rank, skill -> [String] in
        let span = skill.evidence.first
        return [
          String(rank + 1), skill.uri, skill.label, skill.type.name, skill.group,
          number(skill.score),
          skill.isLiteral ? "1" : "0", span?.text ?? "", span?.field.rawValue ?? "",
          span.map { String($0.start) } ?? "", span.map { String($0.end) } ?? "",
        ]
      }
      return rows.isEmpty ? [emptyItem(layout)] : rows
    case .occupations:
      let rows = analysis.occupations.enumerated().map { rank, occupation -> [String] in
        [
          String(rank + 1), occupation.uri, occupation.label, occupation.isco,
          number(occupation.score), number(occupation.margin),
        ]
      }
      return rows.isEmpty ? [emptyItem(layout)] : rows
    case .mix:
      let rows = analysis.mix.shares.map { share -> [String] in
        [
          share.isco, share.label, number(share.share), String(share.phrases.count),
          share.phrases.first?.text ?? "",
        ]
      }
      return rows.isEmpty ? [emptyItem(layout)] : rows
    }
  }

  /// The middle columns of a row for a record without items of the layout.
  private static func emptyItem(_ layout: Layout) -> [String] {
    Array(repeating: "", count: columns(layout).count - 4)
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
