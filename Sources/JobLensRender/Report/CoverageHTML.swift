import JobLensCore
public import JobLensCoverage
import JobLensTaxonomy

/// The coverage report as one self-contained HTML page for a curriculum designer: a
/// plain-language headline, one coverage figure, the gaps with what to add, the items, the
/// occupation mix, and the other figures in the details. Inline CSS and SVG only, nothing
/// loaded from the network; tables become cards on a phone; it prints on A4. Every string that
/// comes from a posting, a curriculum or the taxonomy is escaped.
///
/// `joblens serve` shows the same report (``Options/fragment``) with buttons to act on it
/// (``Options/interactive``): elements with a `data-action` attribute that its script handles.
public enum CoverageHTML {
  /// What to render around and into the report.
  public struct Options: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The report's `<main>` only, without the page around it (for the web app).
    public static let fragment = Options(rawValue: 1 << 0)
    /// Buttons to open, exclude and add things (`data-action` attributes for the app's script).
    public static let interactive = Options(rawValue: 1 << 1)
  }

  /// Characters of an example phrase shown (cut at a word).
  public static let exampleLength = 120
  /// Unit groups of the occupation mix shown before "other".
  public static let mixGroups = 15
  /// Gaps named in the headline.
  static let headlineGaps = 3
  /// Gaps given a YAML snippet (the others name the area only).
  public static let snippetGaps = 5

  /// Escapes text for HTML content and attribute values.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default:
        // Control characters other than tab and line breaks are not allowed in HTML.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Text on one line, cut to at most `maximum` characters at a word boundary ("…" marks the
  /// cut; a single word longer than half of `maximum` is cut inside).
  public static func clip(_ text: String, to maximum: Int = exampleLength) -> String {
    let line = TextTable.singleLine(text).collapsingWhitespace
    guard line.count > maximum else { return line }
    let head = line.prefix(maximum - 1)
    if let space = head.lastIndex(of: " "),
      head.distance(from: head.startIndex, to: space) > maximum / 2
    {
      return String(head[..<space]) + "…"
    }
    return String(head) + "…"
  }

  /// The page's style: cards under 40rem, A4 when printed.
  public static let style = """
    :root{--ink:#1d2330;--muted:#4f5868;--line:#d9dde5;--accent:#2f6fb0;--gap:#b4472f;--soft:#f4f6f9}
    *{box-sizing:border-box}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
    margin:0 auto;padding:1rem;max-width:62rem}
    h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:2rem 0 .5rem;\
    border-bottom:1px solid var(--line)}h3{font-size:1rem;margin:1rem 0 .25rem}
    .lead{font-size:1.1rem}.muted{color:var(--muted);font-size:.9rem}
    .figure{display:flex;gap:1rem;align-items:center;background:var(--soft);padding:1rem;\
    border-radius:.5rem}
    .figure .value{font-size:2.5rem;font-weight:700;color:var(--accent);line-height:1}
    dfn{font-style:normal;font-weight:600}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);\
    overflow-wrap:anywhere}
    td.num,th.num{text-align:right;white-space:nowrap}
    .example{display:block;margin:.1rem 0}.example cite{color:var(--muted);font-style:normal}
    pre{background:var(--soft);padding:.5rem;overflow-x:auto;font-size:.8rem;white-space:pre-wrap;\
    overflow-wrap:anywhere}
    svg{width:100%;height:auto;display:block;margin:.5rem 0;max-width:40rem}
    svg text{font:13px system-ui,sans-serif;fill:var(--ink)}
    button{font:inherit;font-size:.8rem;margin:.1rem .2rem .1rem 0;padding:.1rem .4rem;\
    border:1px solid var(--line);border-radius:.3rem;background:#fff;cursor:pointer}
    footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
    @media (max-width:40rem){body{padding:.5rem}.figure{flex-direction:column;align-items:flex-start}
    table.cards thead{display:none}
    table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
    table.cards tr{border:1px solid var(--line);border-radius:.5rem;margin:.5rem 0;padding:.4rem .6rem}
    table.cards td{border:0;padding:.1rem 0}table.cards td.num{text-align:left}
    table.cards td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}}
    @media print{@page{size:A4;margin:15mm}body{max-width:none;font-size:10pt;padding:0}\
    .scroll{overflow:visible}h2,h3{break-after:avoid}svg,tr,.figure,pre{break-inside:avoid}\
    button{display:none}}
    """

  /// A horizontal bar chart, each label on its own line above its bar (so that labels never
  /// overlap bars at any width); values from 0 to 1.
  static func barChart(
    _ rows: [(label: String, value: Double, text: String)], color: String, title: String
  ) -> String {
    let rowHeight = 38
    let barWidth = 400.0
    let height = max(rows.count, 1) * rowHeight + 4
    var svg =
      "<svg viewBox=\"0 0 480 \(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
      + "<title>\(escape(title))</title>"
    for (position, row) in rows.enumerated() {
      let y = position * rowHeight
      let width = max(0, min(1, row.value)) * barWidth
      svg += "<g><title>\(escape(row.label)): \(escape(row.text))</title>"
      svg += "<text x=\"0\" y=\"\(y + 14)\">\(escape(row.label.clipped(to: 62)))</text>"
      svg +=
        "<rect x=\"0\" y=\"\(y + 19)\" width=\"\(JSONWriter.format(max(width, 1), decimals: 1))\" "
        + "height=\"14\" fill=\"\(color)\"></rect>"
      svg +=
        "<text x=\"\(JSONWriter.format(width + 6, decimals: 1))\" y=\"\(y + 31)\">"
        + "\(escape(row.text))</text></g>"
    }
    return svg + "</svg>\n"
  }

  /// A column of a table: its name, whether it holds numbers.
  typealias Column = (name: String, numeric: Bool)

  /// A table of HTML cells (already escaped); each cell is labelled for the phone's cards.
  static func table(_ columns: [Column], _ rows: [[String]], id: String? = nil) -> String {
    var html = "<div class=\"scroll\"><table class=\"cards\"\(id.map { " id=\"\($0)\"" } ?? "")>"
    html += "<thead><tr>"
    for column in columns {
      html += "<th\(column.numeric ? " class=\"num\"" : "")>\(escape(column.name))</th>"
    }
    html += "</tr></thead><tbody>\n"
    for row in rows {
      html += "<tr>"
      for (cell, column) in zip(row, columns) {
        html +=
          "<td\(column.numeric ? " class=\"num\"" : "") data-label=\"\(escape(column.name))\">"
          + "\(cell)</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody></table></div>\n"
  }

  /// A button for the web app's script, or nothing in a static report.
  package static func button(
    _ label: String, _ action: String, _ attributes: [(String, String)], _ options: Options
  ) -> String {
    guard options.contains(.interactive) else { return "" }
    var html = "<button type=\"button\" data-action=\"\(action)\""
    for (name, value) in attributes { html += " data-\(name)=\"\(escape(value))\"" }
    return html + ">\(escape(label))</button>"
  }

  /// Examples as short quotes naming their posting.
  static func examples(
    _ texts: [String], postings: [String], _ report: CoverageReport
  ) -> String {
    var html = ""
    for (position, text) in texts.enumerated() {
      html += "<span class=\"example\">“\(escape(clip(text)))”"
      if position < postings.count {
        let id = postings[position]
        let title = report.postingTitles[id] ?? ""
        let name = title.isEmpty ? id : "\(clip(title, to: 60)) (\(id))"
        html += " <cite>— \(escape(name))</cite>"
      }
      html += "</span>"
    }
    return html
  }

  static func count(_ value: Int, _ noun: String) -> String {
    "\(value) \(noun)\(value == 1 ? "" : "s")"
  }

  /// The headline: what is most demanded, how much of it is taught, the biggest gaps.
  public static func headline(_ report: CoverageReport) -> String {
    let top = report.topSkills
    guard report.postings > 0, !top.isEmpty else {
      return report.postings == 0
        ? "No postings were analysed, so there is no demand to measure the curriculum against."
        : "These \(count(report.postings, "posting")) name no ESCO skill, so there is no demand "
          + "to measure the curriculum against."
    }
    let covered = top.filter(\.isCovered).count
    let which =
      top.count < report.distinctSkills
      ? "Of the \(top.count) skills most demanded by these \(count(report.postings, "posting"))"
      : "Of the \(top.count) skill\(top.count == 1 ? "" : "s") these "
        + "\(count(report.postings, "posting")) ask for"
    var text = "\(which), the curriculum covers \(covered)"
    let gaps = report.gaps.prefix(headlineGaps).map {
      "\($0.label) (\(count($0.postings, "posting")))"
    }
    switch gaps.count {
    case 0: text += "; every demanded skill is taught."
    case 1: text += "; the biggest gap is \(gaps[0])."
    default:
      text += "; the biggest gaps are \(gaps.dropLast().joined(separator: ", ")) and \(gaps.last!)."
    }
    return text
  }

  /// The report's `<main>`.
  public static func body(_ report: CoverageReport, options: Options = []) -> String {
    var html = "<main id=\"report\">\n"
    html +=
      "<h1>How well does “\(escape(report.curriculumTitle))” cover what employers ask for?</h1>\n"
    html += "<p class=\"lead\" id=\"headline\">\(escape(headline(report)))</p>\n"
    html += corpusNote(report)
    html += figure(report)
    html += gapSection(report, options: options)
    html += itemSection(report, options: options)
    html += mixSection(report)
    html += detailSection(report)
    html += "<footer>\(escape(CoverageRendering.attribution))</footer>\n</main>\n"
    return html
  }

  /// Where the figures come from: postings, duplicates, failures, exclusions.
  static func corpusNote(_ report: CoverageReport) -> String {
    var parts = [
      "Curriculum “\(report.curriculumID)” version \(report.curriculumVersion), measured against "
        + "\(count(report.postings, "job posting")) (job advertisements)"
    ]
    if report.duplicates > 0 {
      parts.append(
        "\(count(report.duplicates, "near-duplicate")) (a posting whose text is nearly the "
          + "same as an earlier one's) counted once")
    }
    if report.excludedPostings > 0 {
      parts.append("\(count(report.excludedPostings, "posting")) excluded by you")
    }
    if report.failed > 0 {
      parts.append("\(count(report.failed, "record")) that could not be read left out")
    }
    return "<p class=\"muted\" id=\"corpus\">\(escape(parts.joined(separator: "; "))).</p>\n"
  }

  /// The one coverage figure and how it is computed.
  static func figure(_ report: CoverageReport) -> String {
    let percent = CoverageRendering.percent(report.skillCoverage)
    return """
      <h2>How much of the demand the curriculum teaches</h2>
      <div class="figure" id="coverage"><div class="value">\(percent)</div>
      <p>of the skills these postings ask for are taught by an item of the curriculum. \
      Each <dfn>ESCO skill</dfn> (a skill in ESCO, the European Commission's classification of \
      skills and occupations) that a posting asks for counts once for that posting; the figure \
      is the share of these \(report.demand) requests whose skill an item lists (or was matched \
      to automatically, when the item lists none).</p></div>

      """
  }

  /// The suggested place for a gap, and YAML for it when `yaml`.
  static func snippet(
    _ gap: CoverageReport.Gap, _ report: CoverageReport, yaml withYAML: Bool
  )
    -> String
  {
    let area = gap.suggestedArea.flatMap { id in report.areas.first { $0.id == id } }
    var slug = ""
    for character in gap.label.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    let title = gap.label.prefix(1).uppercased() + gap.label.dropFirst()
    let yaml = """
      - id: \(area?.id ?? "new-area").\(slug.prefix(40))
        title: "\(title.replacingOccurrences(of: "\"", with: "'"))"
        description: "Teach \(gap.label.replacingOccurrences(of: "\"", with: "'"))."
        skills:
          - \(gap.uri) # \(TextTable.singleLine(gap.label))
      """
    let place =
      area.map {
        "Suggested: an item in the area “\(escape($0.title))” (it teaches most skills of this group):"
      }
      ?? "Suggested: an item in a new area (no area teaches a skill of this group):"
    guard withYAML else { return "<span class=\"muted\">\(place.dropLast())</span>" }
    return "<span class=\"muted\">\(place)</span><pre>\(escape(yaml))</pre>"
  }

  static func gapSection(_ report: CoverageReport, options: Options) -> String {
    var html =
      "<h2 id=\"gaps-title\">What postings ask for that the curriculum does not teach</h2>\n"
    guard !report.gaps.isEmpty else {
      return html + "<p>Nothing: every skill the postings ask for is taught.</p>\n"
    }
    html +=
      "<p>The most demanded skills that no item teaches (the gaps), with the broad ESCO "
      + "<dfn>skill group</dfn> each belongs to, what the postings said, and where an item "
      + "teaching it could go.</p>\n"
    let rows = report.gaps.enumerated().map { position, gap -> [String] in
      let group = gap.groupLabel.isEmpty ? gap.group : gap.groupLabel
      return [
        escape(gap.label)
          + button(
            "Show postings", "postings",
            [("ids", gap.postingIDs.joined(separator: " ")), ("title", gap.label)], options)
          + button(
            "Not a real demand: exclude", "exclude-skill",
            [("uri", gap.uri), ("label", gap.label)], options)
          + button(
            "Add to curriculum", "add-gap",
            [("uri", gap.uri), ("label", gap.label), ("area", gap.suggestedArea ?? "")], options),
        escape(group), String(gap.postings), CoverageRendering.percent(gap.share),
        examples(gap.examples, postings: gap.examplePostings, report)
          + snippet(gap, report, yaml: position < snippetGaps),
      ]
    }
    html += table(
      [
        ("skill", false), ("skill group", false), ("postings", true), ("of all", true),
        ("what postings said, and what to add", false),
      ], rows, id: "gaps")
    return html
  }

  static func itemSection(_ report: CoverageReport, options: Options) -> String {
    var html = "<h2>Curriculum items: how many postings ask for each</h2>\n"
    html +=
      "<p>A posting asks for an item when it asks for one of the item's skills or words one of "
      + "its phrases. Items marked “matched automatically” list no skills: JobLens chose the "
      + "closest ESCO skills from their title and description.</p>\n"
    html += barChart(
      report.items.map { ($0.title, $0.share, CoverageRendering.percent($0.share)) },
      color: "#2f6fb0", title: "Share of postings asking for each curriculum item")
    let areaTitles = Dictionary(
      report.areas.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    let rows = report.items.map { item -> [String] in
      let skills = item.skills.map { escape($0.label) }.joined(separator: "; ")
      return [
        escape(item.title)
          + (item.isMappedAutomatically
            ? " <span class=\"muted\">(matched automatically)</span>" : "")
          + button(
            "Show postings", "postings",
            [("ids", item.postingIDs.joined(separator: " ")), ("title", item.title)], options)
          + button("Edit skills", "edit-item", [("item", item.id)], options),
        escape(areaTitles[item.area] ?? item.area), String(item.postings),
        CoverageRendering.percent(item.share), skills,
        examples(item.examples, postings: item.examplePostings, report),
      ]
    }
    html += table(
      [
        ("item", false), ("area", false), ("postings", true), ("of all", true),
        ("ESCO skills", false), ("what postings said", false),
      ], rows, id: "items")
    let unasked = report.items.filter { $0.postings == 0 }.map { "“\($0.title)”" }
    html +=
      unasked.isEmpty
      ? "<p>Every item is asked for by at least one posting.</p>\n"
      : "<p>No posting asks for \(escape(unasked.joined(separator: ", "))).</p>\n"
    html += "<h3>Areas</h3>\n"
    html += table(
      [("area", false), ("postings", true), ("of all", true)],
      report.areas.map {
        [escape($0.title), String($0.postings), CoverageRendering.percent($0.share)]
      },
      id: "areas")
    return html
  }

  static func mixSection(_ report: CoverageReport) -> String {
    var html = "<h2>Which occupations these postings describe</h2>\n"
    html +=
      "<p>Each posting's <dfn>task phrases</dfn> (the sentences and bullets that describe the "
      + "work) are assigned to an <dfn>ISCO unit group</dfn> (the most detailed occupation "
      + "group of ISCO-08, the international classification of occupations); the shares are "
      + "averaged over the postings. The \(mixGroups) largest groups:</p>\n"
    var rows = report.mix.prefix(mixGroups).map {
      (label: "\($0.isco) \($0.label)", share: $0.share, topIn: String($0.topIn))
    }
    let rest = report.mix.dropFirst(mixGroups)
    if !rest.isEmpty {
      rows.append(
        (
          label: "other (\(count(rest.count, "group")))", share: rest.reduce(0) { $0 + $1.share },
          topIn: String(rest.reduce(0) { $0 + $1.topIn })
        ))
    }
    guard !rows.isEmpty else { return html + "<p>No task phrase was assigned.</p>\n" }
    html += barChart(
      rows.map { ($0.label, $0.share, CoverageRendering.percent($0.share)) }, color: "#3b8a5a",
      title: "Occupation mix of the postings")
    html += table(
      [("unit group", false), ("share of tasks", true), ("postings where largest", true)],
      rows.map { [escape($0.label), CoverageRendering.percent($0.share), $0.topIn] }, id: "mix")
    return html
  }

  static func detailSection(_ report: CoverageReport) -> String {
    let percent = CoverageRendering.percent
    let concentration = report.concentration
    var html = "<h2>Details</h2>\n"
    html +=
      "<p>Counting a request as covered when the curriculum teaches <em>any</em> skill of the "
      + "same broad skill group gives \(percent(report.groupCoverage)): a generous figure, "
      + "since a group such as “communication, collaboration and creativity” holds hundreds of "
      + "skills. Items asked for by at least one posting carry \(percent(report.demandedWeight)) "
      + "of the curriculum's weight.</p>\n"
    html +=
      "<p>The largest unit group holds \(percent(concentration.topShare)) of the tasks; "
      + "\(concentration.groupsFor80Percent) groups make up 80%; in "
      + "\(percent(concentration.dominatedPostings)) of the postings one group holds at least "
      + "half of the tasks (Herfindahl index, the sum of squared shares, "
      + "\(CoverageRendering.decimal(concentration.herfindahl)) over all postings, "
      + "\(CoverageRendering.decimal(concentration.meanPostingHerfindahl)) per posting).</p>\n"
    html += "<h3>Skill groups by demand</h3>\n"
    html += table(
      [("skill group", false), ("requests", true), ("taught", true), ("in the curriculum", false)],
      report.groups.map {
        [
          escape($0.label.isEmpty ? $0.code : "\($0.label) (\($0.code))"), String($0.demand),
          percent($0.coveredShare), $0.inCurriculum ? "yes" : "no",
        ]
      }, id: "groups")
    html += "<h3>Run</h3>\n"
    html += table(
      [("key", false), ("value", false)], report.manifest.map { [escape($0.0), escape($0.1)] },
      id: "run")
    return html
  }

  /// The whole page.
  public static func page(_ report: CoverageReport, options: Options = []) -> String {
    if options.contains(.fragment) { return body(report, options: options) }
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Coverage of \(escape(report.curriculumTitle))</title>
      <style>\(style)</style></head><body>
      \(body(report, options: options))</body></html>

      """
  }
}
