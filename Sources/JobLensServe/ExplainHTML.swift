import JobLensAnalysis
import JobLensCore
import JobLensInput
import JobLensRender

/// One posting's analysis as HTML for the app's panel: the text with each skill's evidence
/// marked (and numbered), the skills, the ISCO code and the occupation mix. Everything escaped.
enum ExplainHTML {
  static func render(_ analysis: PostingAnalysis, posting: Posting) -> String {
    let escape = CoverageHTML.escape
    var html = "<article class=\"explain\">"
    html += "<h3>\(escape(posting.title.isEmpty ? posting.id : posting.title))</h3>"
    html += "<p class=\"muted\">Posting \(escape(posting.id))"
    if let code = analysis.isco.code {
      html += " · ISCO-08 \(escape(code)) \(escape(analysis.isco.label ?? ""))"
    } else {
      html += " · no ISCO code (the evidence is too weak)"
    }
    html += CoverageHTML.button(
      "Exclude this posting", "exclude-posting", [("id", posting.id)], .interactive)
    html += "</p>"
    var spans: [(start: Int, end: Int, number: Int)] = []
    for (number, skill) in analysis.skills.enumerated() {
      for evidence in skill.evidence where evidence.field == .text {
        spans.append((evidence.start, evidence.end, number + 1))
      }
    }
    html += "<h4>Skills found</h4><ol class=\"skills\">"
    for skill in analysis.skills {
      html +=
        "<li>\(escape(skill.label)) <span class=\"muted\">(\(escape(skill.groupLabel)))</span></li>"
    }
    html += "</ol><h4>The text, with what matched marked</h4>"
    html += "<div class=\"posting-text\">\(marked(posting.text, spans: spans))</div>"
    if !analysis.mix.shares.isEmpty {
      html += "<h4>Occupation mix of its tasks</h4><ul>"
      for share in analysis.mix.shares.prefix(5) {
        html +=
          "<li>\(escape(share.isco)) \(escape(share.label)): "
          + "\(JSONWriter.format(share.share * 100, decimals: 0))%</li>"
      }
      html += "</ul>"
    }
    return html + "</article>"
  }

  /// The text escaped, with non-overlapping spans (code point offsets) in `<mark>`.
  static func marked(_ text: String, spans: [(start: Int, end: Int, number: Int)]) -> String {
    let ordered = spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    var chosen: [(start: Int, end: Int, number: Int)] = []
    for span in ordered where span.end > span.start && (chosen.last?.end ?? 0) <= span.start {
      chosen.append(span)
    }
    var html = ""
    var plain = String.UnicodeScalarView()
    var inside = String.UnicodeScalarView()
    var next = 0
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      if next < chosen.count && offset == chosen[next].start {
        html += CoverageHTML.escape(String(plain))
        plain = String.UnicodeScalarView()
      }
      if next < chosen.count && offset >= chosen[next].start {
        inside.append(scalar)
        if offset + 1 == chosen[next].end {
          html +=
            "<mark title=\"skill \(chosen[next].number)\">\(CoverageHTML.escape(String(inside)))"
            + "<sup>\(chosen[next].number)</sup></mark>"
          inside = String.UnicodeScalarView()
          next += 1
        }
      } else {
        plain.append(scalar)
      }
    }
    return html + CoverageHTML.escape(String(inside)) + CoverageHTML.escape(String(plain))
  }
}
