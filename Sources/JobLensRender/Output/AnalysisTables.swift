import JobLensAnalysis
public import JobLensBatch
import JobLensCore

/// The tables of `classify`'s outputs: the same columns, names (snake_case) and types in CSV,
/// SQLite and the Python package's DataFrames, as `python/joblens/tables.json` documents them.
///
/// `postings` has one row per record, failed ones included (with only `ordinal`, `id`,
/// `source` and `error`); the others have one row per item of a posting (skill, occupation,
/// share of the mix, evidence span), keyed by the posting's `ordinal` (its position in the
/// input, from 1) and `id`, and none for a posting without such items.
public enum AnalysisTables {
  /// A table.
  public enum Table: String, Sendable, CaseIterable {
    /// One row per record.
    case postings
    /// One row per posting × skill.
    case skills
    /// One row per posting × ranked occupation.
    case occupations
    /// One row per posting × unit group of its occupation mix.
    case mix
    /// One row per evidence span (of a skill, an occupation or a share of the mix).
    case evidence
    /// One row per phrase of the text, with its zone (duty, requirement, company, offer,
    /// legal, application, other).
    case zones
  }

  /// A column's type.
  public enum ColumnType: String, Sendable {
    case string, integer, number, boolean
  }

  /// One cell.
  public enum Value: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number, written with at most 4 decimals in every format.
    case number(Double)
    case boolean(Bool)
    case null
  }

  /// The columns of a table, with their types, in order.
  public static func columns(_ table: Table) -> [(name: String, type: ColumnType)] {
    let key: [(String, ColumnType)] = [("ordinal", .integer), ("id", .string)]
    switch table {
    case .postings:
      return key + [
        ("source", .string), ("title", .string), ("coded_title", .string),
        ("isco_code", .string), ("isco_level", .integer), ("isco_label", .string),
        ("isco_confidence", .number), ("isco_reason", .string), ("isco_1", .string),
        ("isco_2", .string), ("isco_3", .string), ("isco_4", .string),
        ("occupation_uri", .string), ("occupation_label", .string),
        ("occupation_isco", .string), ("occupation_score", .number), ("skill_count", .integer),
        ("top_share", .number), ("herfindahl", .number), ("phrase_count", .integer),
        ("duplicate_of", .string), ("text", .string), ("error", .string),
      ]
    case .skills:
      return key + [
        ("rank", .integer), ("uri", .string), ("label", .string), ("type", .string),
        ("skill_group", .string), ("skill_group_label", .string), ("score", .number),
        ("literal", .boolean), ("context", .number), ("field", .string), ("start", .integer),
        ("end", .integer), ("evidence", .string),
      ]
    case .occupations:
      return key + [
        ("rank", .integer), ("uri", .string), ("label", .string), ("isco", .string),
        ("score", .number), ("margin", .number),
      ]
    case .mix:
      return key + [
        ("rank", .integer), ("isco", .string), ("label", .string), ("share", .number),
        ("phrase_count", .integer),
      ]
    case .evidence:
      return key + [
        ("kind", .string), ("code", .string), ("field", .string), ("start", .integer),
        ("end", .integer), ("text", .string), ("label", .string), ("phrase_start", .integer),
        ("phrase_end", .integer),
      ]
    case .zones:
      return key + [
        ("phrase", .integer), ("zone", .string), ("start", .integer), ("end", .integer),
        ("heading", .boolean),
      ]
    }
  }

  /// The rows of one result in a table; `ordinal` is the record's position in the input.
  /// With `lean`, evidence texts and labels, the derived text and the mix's evidence rows are
  /// left out, as in the lean JSONL.
  public static func rows(
    _ result: BatchResult, ordinal: Int, table: Table, lean: Bool = false
  ) -> [[Value]] {
    switch result {
    case .failure(let id, let source, let message):
      guard table == .postings else { return [] }
      let width = columns(.postings).count
      return [
        [.integer(ordinal), id.map(Value.text) ?? .null, .text(source)]
          + Array(repeating: .null, count: width - 4) + [.text(message)]
      ]
    case .analysis(let analysis, let source):
      let key: [Value] = [.integer(ordinal), .text(analysis.id)]
      return items(analysis, source: source, table: table, lean: lean).map { key + $0 }
    }
  }

  private static func text(_ value: String?) -> Value { value.map(Value.text) ?? .null }

  /// The columns after the key for each item of an analysis.
  private static func items(
    _ analysis: PostingAnalysis, source: String, table: Table, lean: Bool
  ) -> [[Value]] {
    switch table {
    case .postings:
      let isco = analysis.isco
      let top = analysis.occupations.first
      func level(_ digits: Int) -> Value {
        text(isco.levels.first { $0.level == digits }?.code)
      }
      return [
        [
          .text(source), .text(analysis.title), .text(analysis.codedTitle), text(isco.code),
          .integer(isco.level), text(isco.label), .number(isco.confidence), text(isco.reason),
          level(1), level(2), level(3), level(4), text(top?.uri), text(top?.label),
          text(top?.isco), top.map { .number($0.score) } ?? .null,
          .integer(analysis.skills.count), .number(analysis.mix.topShare),
          .number(analysis.mix.herfindahl), .integer(analysis.phraseCount),
          text(analysis.duplicate?.of), lean ? .null : text(analysis.derivedText), .null,
        ]
      ]
    case .skills:
      return analysis.skills.enumerated().map { rank, skill in
        let span = skill.evidence.first
        return [
          .integer(rank + 1), .text(skill.uri), .text(skill.label), .text(skill.type.name),
          .text(skill.group), .text(skill.groupLabel), .number(skill.score),
          .boolean(skill.isLiteral), .number(skill.context), text(span?.field.rawValue),
          span.map { .integer($0.start) } ?? .null, span.map { .integer($0.end) } ?? .null,
          lean ? .null : text(span?.text),
        ]
      }
    case .occupations:
      return analysis.occupations.enumerated().map { rank, occupation in
        [
          .integer(rank + 1), .text(occupation.uri), .text(occupation.label),
          .text(occupation.isco), .number(occupation.score), .number(occupation.margin),
        ]
      }
    case .mix:
      return analysis.mix.shares.enumerated().map { rank, share in
        [
          .integer(rank + 1), .text(share.isco), .text(share.label), .number(share.share),
          .integer(share.phrases.count),
        ]
      }
    case .evidence:
      func row(_ kind: String, _ code: String, _ span: Evidence) -> [Value] {
        [
          .text(kind), .text(code), .text(span.field.rawValue), .integer(span.start),
          .integer(span.end), lean ? .null : .text(span.text),
          lean || span.label.isEmpty ? .null : .text(span.label), .integer(span.phraseStart),
          .integer(span.phraseEnd),
        ]
      }
      var rows: [[Value]] = []
      for skill in analysis.skills {
        for span in skill.evidence { rows.append(row("skill", skill.uri, span)) }
      }
      for occupation in analysis.occupations {
        for support in occupation.evidence {
          if let span = support.evidence { rows.append(row("occupation", occupation.uri, span)) }
        }
      }
      if !lean {
        for share in analysis.mix.shares {
          for span in share.phrases { rows.append(row("mix", share.isco, span)) }
        }
      }
      return rows
    case .zones:
      return analysis.zones.enumerated().map { position, phrase in
        [
          .integer(position + 1), .text(phrase.zone.rawValue), .integer(phrase.start),
          .integer(phrase.end), .boolean(phrase.isHeading),
        ]
      }
    }
  }
}
