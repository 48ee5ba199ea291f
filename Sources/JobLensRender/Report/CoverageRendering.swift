import JobLensCore
public import JobLensCoverage
import JobLensTaxonomy

/// Renders a coverage report as a terminal table, Markdown, JSON, CSV or a self-contained HTML
/// page.
public enum CoverageRendering {
  /// The output formats.
  public enum Format: String, Sendable, CaseIterable {
    /// Plain-text tables for a terminal.
    case table
    /// Markdown.
    case md
    /// One JSON object.
    case json
    /// One CSV table with a `section` column.
    case csv
    /// A self-contained HTML page with SVG charts.
    case html
  }

  static let attribution = "This product uses the ESCO classification of the European Commission."

  /// The report in a format.
  public static func render(_ report: CoverageReport, format: Format) -> String {
    switch format {
    case .table: TextTable.terminalText(table(report))
    case .md: TextTable.terminalText(markdown(report))
    case .json: json(report)
    case .csv: csv(report)
    case .html: CoverageHTML.page(report)
    }
  }

  package static func percent(_ value: Double) -> String {
    JSONWriter.format(value * 100, decimals: 1) + "%"
  }
  package static func decimal(_ value: Double) -> String { JSONWriter.format(value, decimals: 3) }

  /// The one-paragraph answer: coverage and concentration in words.
  static func headline(_ report: CoverageReport) -> [String] {
    let concentration = report.concentration
    return [
      "\(report.postings) postings analysed, \(report.failed) failed; "
        + "\(report.demand) posting × skill demands.",
      "Skill demand covered by the curriculum: \(percent(report.skillCoverage)) by ESCO skill, "
        + "\(percent(report.groupCoverage)) by ESCO skill group.",
      "Items demanded by at least one posting: "
        + "\(report.items.count - report.undemandedItems.count) of \(report.items.count) "
        + "(\(percent(report.demandedWeight)) of the curriculum's weight).",
      "Occupation mix: the largest ISCO unit group holds \(percent(concentration.topShare)) of "
        + "the corpus's task phrases (Herfindahl \(decimal(concentration.herfindahl))); "
        + "\(concentration.groupsFor80Percent) unit groups make up 80%; "
        + "\(percent(concentration.dominatedPostings)) of postings have one unit group with at "
        + "least half of their tasks (mean posting Herfindahl "
        + "\(decimal(concentration.meanPostingHerfindahl))).",
    ]
  }

  static func quoted(_ examples: [String]) -> String {
    examples.map { "“\($0)”" }.joined(separator: "; ")
  }

  // MARK: Rows shared by the table, Markdown and HTML renderers

  /// Item rows: compact (id marked "*" when mapped automatically, two examples) for the
  /// terminal, or full (with the ESCO skills and all examples).
  static func itemRows(_ report: CoverageReport, compact: Bool) -> [[String]] {
    report.items.map {
      compact
        ? [
          $0.id + ($0.isMappedAutomatically ? "*" : ""), $0.title, String($0.postings),
          percent($0.share), quoted(Array($0.examples.prefix(2))),
        ]
        : [
          $0.id + ($0.isMappedAutomatically ? " (automatic)" : ""), $0.title,
          String($0.postings), percent($0.share), $0.skills.map(\.label).joined(separator: "; "),
          quoted($0.examples),
        ]
    }
  }

  /// Area rows: id, title, postings, share.
  static func areaRows(_ report: CoverageReport) -> [[String]] {
    report.areas.map { [$0.id, $0.title, String($0.postings), percent($0.share)] }
  }

  /// Gap rows with up to `examples` examples each.
  static func gapRows(_ report: CoverageReport, examples: Int = .max) -> [[String]] {
    report.gaps.map {
      [
        $0.label, $0.group, String($0.postings), percent($0.share),
        quoted(Array($0.examples.prefix(examples))),
      ]
    }
  }

  /// Skill group rows: code, label, demand, covered share, whether in the curriculum.
  static func groupRows(_ report: CoverageReport) -> [[String]] {
    report.groups.map {
      [
        $0.code, $0.label, String($0.demand), percent($0.coveredShare),
        $0.inCurriculum ? "yes" : "no",
      ]
    }
  }

  /// The first `limit` unit groups of the corpus mix.
  static func mixRows(_ report: CoverageReport, limit: Int = .max) -> [[String]] {
    report.mix.prefix(limit).map { [$0.isco, $0.label, percent($0.share), String($0.topIn)] }
  }

  // MARK: Terminal

  static func table(_ report: CoverageReport) -> String {
    var text =
      "Coverage of \(report.curriculumTitle) (\(report.curriculumID) \(report.curriculumVersion))\n"
    text += headline(report).joined(separator: "\n") + "\n\n"
    text += "Items\n"
    text += TextTable.render(
      header: ["item", "title", "postings", "share", "examples"],
      rows: itemRows(report, compact: true))
    if report.items.contains(where: \.isMappedAutomatically) {
      text += "* skills mapped automatically (the item lists none)\n"
    }
    text += "\nAreas\n"
    text += TextTable.render(
      header: ["area", "title", "postings", "share"], rows: areaRows(report))
    text += "\nGaps: demanded skills no item covers\n"
    text += TextTable.render(
      header: ["skill", "group", "postings", "share", "examples"],
      rows: gapRows(report, examples: 2))
    text += "\nSkill groups by demand\n"
    text += TextTable.render(
      header: ["group", "label", "demand", "covered", "in curriculum"], rows: groupRows(report))
    text += "\nItems no posting demands: "
    text +=
      report.undemandedItems.isEmpty
      ? "none\n" : report.undemandedItems.joined(separator: ", ") + "\n"
    text += "\nOccupation mix of the corpus (ISCO unit groups)\n"
    text += TextTable.render(
      header: ["isco", "label", "share", "top in"], rows: mixRows(report, limit: 15))
    return text + "\n" + attribution + "\n"
  }

  // MARK: Markdown

  /// Escapes text for a Markdown table cell.
  static func cell(_ text: String) -> String {
    var result = ""
    for character in TextTable.singleLine(text) {
      switch character {
      case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "~", "&": result += "\\\(character)"
      default: result.append(character)
      }
    }
    return result
  }

  static func markdownTable(_ header: [String], _ rows: [[String]]) -> String {
    var text = "| " + header.joined(separator: " | ") + " |\n"
    text += "|" + header.map { _ in " --- |" }.joined() + "\n"
    for row in rows { text += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
    return text
  }

  static func markdown(_ report: CoverageReport) -> String {
    var text = "# Coverage of \(cell(report.curriculumTitle))\n\n"
    text += "Curriculum `\(report.curriculumID)` version \(cell(report.curriculumVersion)).\n\n"
    text += headline(report).map { "- " + cell($0) }.joined(separator: "\n") + "\n\n"
    text += "## Items\n\n"
    text += markdownTable(
      ["item", "title", "postings", "share", "ESCO skills", "examples"],
      itemRows(report, compact: false))
    text += "\n## Areas\n\n"
    text += markdownTable(["area", "title", "postings", "share"], areaRows(report))
    text += "\n## Gaps: demanded skills no item covers\n\n"
    text += markdownTable(["skill", "group", "postings", "share", "examples"], gapRows(report))
    text += "\n## Skill groups by demand\n\n"
    text += markdownTable(
      ["group", "label", "demand", "covered", "in curriculum"], groupRows(report))
    text += "\n## Items no posting demands\n\n"
    text +=
      report.undemandedItems.isEmpty
      ? "None.\n" : report.undemandedItems.map { "- `\($0)`" }.joined(separator: "\n") + "\n"
    text += "\n## Occupation mix of the corpus\n\n"
    text += markdownTable(["ISCO", "unit group", "share", "top in postings"], mixRows(report))
    text += "\n## Run\n\n"
    text += markdownTable(["key", "value"], report.manifest.map { [$0.0, $0.1] })
    return text + "\n" + attribution + "\n"
  }

  // MARK: JSON

  static func json(_ report: CoverageReport) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("manifest")
    writer.beginObject()
    for (key, value) in report.manifest { writer.field(key, value) }
    writer.endObject()
    writer.key("curriculum")
    writer.beginObject()
    writer.field("id", report.curriculumID)
    writer.field("title", report.curriculumTitle)
    writer.field("version", report.curriculumVersion)
    writer.endObject()
    writer.field("postings", report.postings)
    writer.field("failed", report.failed)
    writer.field("demand", report.demand)
    writer.field("skill_coverage", report.skillCoverage)
    writer.field("group_coverage", report.groupCoverage)
    writeArray("items", report.items, to: &writer) { write($0, to: &$1) }
    writeArray("areas", report.areas, to: &writer) { write($0, to: &$1) }
    writeArray("groups", report.groups, to: &writer) { write($0, to: &$1) }
    writeArray("gaps", report.gaps, to: &writer) { write($0, to: &$1) }
    writer.key("undemanded_items")
    AnalysisJSON.writeList(report.undemandedItems, to: &writer)
    writer.field("demanded_weight", report.demandedWeight)
    writeArray("mix", report.mix, to: &writer) { write($0, to: &$1) }
    writer.key("concentration")
    write(report.concentration, to: &writer)
    writer.field("attribution", attribution)
    writer.endObject()
    return writer.text + "\n"
  }

  /// Writes `key` and an array of `elements`, each by `write`.
  private static func writeArray<Element>(
    _ key: String, _ elements: [Element], to writer: inout JSONWriter,
    _ write: (Element, inout JSONWriter) -> Void
  ) {
    writer.key(key)
    writer.beginArray()
    for element in elements { write(element, &writer) }
    writer.endArray()
  }

  private static func write(_ item: CoverageReport.Item, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("id", item.id)
    writer.field("title", item.title)
    writer.field("area", item.area)
    writer.field("automatic", item.isMappedAutomatically)
    writer.field("weight", item.weight)
    writer.key("skills")
    writer.beginArray()
    for skill in item.skills {
      writer.beginObject()
      writer.field("uri", skill.uri)
      writer.field("label", skill.label)
      writer.endObject()
    }
    writer.endArray()
    writer.field("postings", item.postings)
    writer.field("share", item.share)
    writer.key("examples")
    AnalysisJSON.writeList(item.examples, to: &writer)
    writer.endObject()
  }

  private static func write(_ area: CoverageReport.Area, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("id", area.id)
    writer.field("title", area.title)
    writer.field("postings", area.postings)
    writer.field("share", area.share)
    writer.endObject()
  }

  private static func write(_ group: CoverageReport.Group, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("code", group.code)
    writer.field("label", group.label)
    writer.field("demand", group.demand)
    writer.field("covered", group.covered)
    writer.field("in_curriculum", group.inCurriculum)
    writer.endObject()
  }

  private static func write(_ gap: CoverageReport.Gap, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("uri", gap.uri)
    writer.field("label", gap.label)
    writer.field("group", gap.group)
    writer.field("postings", gap.postings)
    writer.field("share", gap.share)
    writer.key("examples")
    AnalysisJSON.writeList(gap.examples, to: &writer)
    writer.endObject()
  }

  private static func write(_ share: CoverageReport.MixShare, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("isco", share.isco)
    writer.field("label", share.label)
    writer.field("share", share.share)
    writer.field("top_in", share.topIn)
    writer.endObject()
  }

  private static func write(
    _ concentration: CoverageReport.Concentration, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.field("top_share", concentration.topShare)
    writer.field("herfindahl", concentration.herfindahl)
    writer.field("groups_for_80_percent", concentration.groupsFor80Percent)
    writer.field("mean_posting_herfindahl", concentration.meanPostingHerfindahl)
    writer.field("dominated_postings", concentration.dominatedPostings)
    writer.field("postings_with_mix", concentration.postingsWithMix)
    writer.endObject()
  }

  // MARK: CSV

  /// One table: `section` says what a row is (item, area, group, gap, mix, summary).
  static func csv(_ report: CoverageReport) -> String {
    var text = AnalysisCSV.row([
      "section", "id", "label", "group", "postings", "share", "examples", "weight",
    ])
    func add(_ fields: [String]) {
      text += AnalysisCSV.row(fields + Array(repeating: "", count: max(0, 8 - fields.count)))
    }
    add([
      "summary", "skill_coverage", "", "", String(report.postings), decimal(report.skillCoverage),
      "",
    ])
    add([
      "summary", "group_coverage", "", "", String(report.postings), decimal(report.groupCoverage),
      "",
    ])
    for item in report.items {
      add([
        "item", item.id, item.title, item.area, String(item.postings), decimal(item.share),
        item.examples.joined(separator: " | "), decimal(item.weight),
      ])
    }
    for area in report.areas {
      add(["area", area.id, area.title, "", String(area.postings), decimal(area.share), ""])
    }
    for group in report.groups {
      add([
        "group", group.code, group.label, group.inCurriculum ? "in curriculum" : "",
        String(group.demand), decimal(group.coveredShare), "",
      ])
    }
    for gap in report.gaps {
      add([
        "gap", gap.uri, gap.label, gap.group, String(gap.postings), decimal(gap.share),
        gap.examples.joined(separator: " | "),
      ])
    }
    for share in report.mix {
      add(["mix", share.isco, share.label, "", String(share.topIn), decimal(share.share), ""])
    }
    return text
  }
}
