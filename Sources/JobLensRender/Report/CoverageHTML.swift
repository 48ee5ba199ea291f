import JobLensCore
public import JobLensCoverage
import JobLensTaxonomy

/// The coverage report as one self-contained HTML page: inline CSS and SVG bar charts, nothing
/// loaded from the network, readable on a phone and printable. Every string that comes from a
/// posting, a curriculum or the taxonomy is escaped.
public enum CoverageHTML {
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

  static let style = """
    :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5}
    *{box-sizing:border-box}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
    margin:0 auto;padding:1rem;max-width:60rem}
    h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:2rem 0 .5rem;\
    border-bottom:1px solid var(--line)}
    .summary li{margin:.25rem 0}.muted{color:var(--muted);font-size:.9rem}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;min-width:48rem;font-size:.9rem}
    th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
    td.num,th.num{text-align:right;white-space:nowrap}
    svg{width:100%;height:auto;display:block;margin:.5rem 0}
    svg{max-width:40rem}svg text{font:13px system-ui,sans-serif;fill:var(--ink)}
    footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
    @media print{body{max-width:none;font-size:11pt}.scroll{overflow:visible}table{min-width:0}h2{break-after:avoid}svg,tr{break-inside:avoid}}
    """

  /// A horizontal bar chart: one row per entry, values from 0 to 1.
  static func barChart(
    _ rows: [(label: String, value: Double, text: String)], color: String, title: String
  ) -> String {
    // A narrow canvas, so that the text stays legible when a phone scales the chart down.
    let rowHeight = 24
    let labelWidth = 210
    let barWidth = 200.0
    let height = max(rows.count, 1) * rowHeight + 8
    var svg =
      "<svg viewBox=\"0 0 480 \(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
      + "<title>\(escape(title))</title>"
    for (position, row) in rows.enumerated() {
      let y = position * rowHeight + 4
      let shown = row.label.clipped(to: 30)
      let width = max(0, min(1, row.value)) * barWidth
      svg += "<g><title>\(escape(row.label)): \(escape(row.text))</title>"
      svg += "<text x=\"0\" y=\"\(y + 16)\">\(escape(shown))</text>"
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(JSONWriter.format(width, decimals: 1))\" "
        + "height=\"16\" fill=\"\(color)\"></rect>"
      svg +=
        "<text x=\"\(JSONWriter.format(Double(labelWidth) + width + 6, decimals: 1))\" "
        + "y=\"\(y + 16)\">\(escape(row.text))</text></g>"
    }
    return svg + "</svg>\n"
  }

  static func table(_ header: [(String, Bool)], _ rows: [[String]]) -> String {
    var html = "<div class=\"scroll\"><table><thead><tr>"
    for (name, numeric) in header {
      html += numeric ? "<th class=\"num\">\(escape(name))</th>" : "<th>\(escape(name))</th>"
    }
    html += "</tr></thead><tbody>\n"
    for row in rows {
      html += "<tr>"
      for (cell, column) in zip(row, header) {
        html += column.1 ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody></table></div>\n"
  }

  /// The whole page.
  public static func page(_ report: CoverageReport) -> String {
    header(report) + itemSections(report) + gapSections(report) + mixSections(report)
      + "<footer>\(escape(CoverageRendering.attribution))</footer>\n</body></html>\n"
  }

  /// The document head, the title and the headline figures.
  private static func header(_ report: CoverageReport) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Coverage of \(escape(report.curriculumTitle))</title>
      <style>\(style)</style></head><body>
      <h1>Coverage of \(escape(report.curriculumTitle))</h1>
      <p class="muted">Curriculum \(escape(report.curriculumID)) version \
      \(escape(report.curriculumVersion)), measured against \(report.postings) job postings.</p>
      <ul class="summary">

      """
    for line in CoverageRendering.headline(report) { html += "<li>\(escape(line))</li>\n" }
    html += "</ul>\n"
    return html
  }

  /// The coverage figures, the items and the areas.
  private static func itemSections(_ report: CoverageReport) -> String {
    let percent = CoverageRendering.percent
    var html = "<h2>Share of skill demand the curriculum covers</h2>\n"
    html += barChart(
      [
        ("by ESCO skill", report.skillCoverage, percent(report.skillCoverage)),
        ("by ESCO skill group", report.groupCoverage, percent(report.groupCoverage)),
      ], color: "#2f6fb0", title: "Share of skill demand covered")

    html += "<h2>Items: share of postings demanding each</h2>\n"
    html += barChart(
      report.items.map { ($0.title, $0.share, percent($0.share)) }, color: "#2f6fb0",
      title: "Share of postings demanding each curriculum item")
    html += table(
      [
        ("item", false), ("title", false), ("postings", true), ("share", true),
        ("ESCO skills", false), ("examples from postings", false),
      ],
      CoverageRendering.itemRows(report, compact: false))
    html += "<h2>Areas</h2>\n"
    html += table(
      [("area", false), ("title", false), ("postings", true), ("share", true)],
      CoverageRendering.areaRows(report))
    return html
  }

  /// The gaps, the skill groups by demand and the items no posting demands.
  private static func gapSections(_ report: CoverageReport) -> String {
    let percent = CoverageRendering.percent
    var html = "<h2>Gaps: demanded skills no item covers</h2>\n"
    html += barChart(
      report.gaps.map { ($0.label, $0.share, percent($0.share)) }, color: "#c0533a",
      title: "Most demanded skills not covered")
    html += table(
      [
        ("skill", false), ("group", false), ("postings", true), ("share", true),
        ("examples from postings", false),
      ],
      CoverageRendering.gapRows(report))

    html += "<h2>Skill groups by demand</h2>\n"
    html += table(
      [
        ("group", false), ("label", false), ("demand", true), ("covered", true),
        ("in curriculum", false),
      ],
      CoverageRendering.groupRows(report))

    html += "<h2>Items no posting demands</h2>\n"
    html +=
      report.undemandedItems.isEmpty
      ? "<p>None.</p>\n"
      : "<ul>" + report.undemandedItems.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
    return html
  }

  /// The corpus occupation mix and the run manifest.
  private static func mixSections(_ report: CoverageReport) -> String {
    let percent = CoverageRendering.percent
    var html = "<h2>Occupation mix of the corpus (ISCO-08 unit groups)</h2>\n"
    html += barChart(
      report.mix.prefix(12).map { ("\($0.isco) \($0.label)", $0.share, percent($0.share)) },
      color: "#3b8a5a", title: "Corpus occupation mix")
    html += table(
      [("ISCO", false), ("unit group", false), ("share", true), ("top in postings", true)],
      CoverageRendering.mixRows(report))

    html += "<h2>Run</h2>\n"
    html += table([("key", false), ("value", false)], report.manifest.map { [$0.0, $0.1] })
    return html
  }
}
