import JobLensCore
import JobLensCoverage
import JobLensRender

/// Two coverage reports side by side: two corpora (what gained or lost demand) or two
/// curricula (what a change covers). Everything escaped.
enum CompareHTML {
  /// Skill rows shown.
  static let rows = 20

  static func render(
    left: CoverageReport, right: CoverageReport, leftName: String, rightName: String
  ) -> String {
    let escape = CoverageHTML.escape
    let percent = CoverageRendering.percent
    var html = "<section id=\"comparison\"><h2>Comparison</h2>"
    html += "<div class=\"scroll\"><table class=\"cards\"><thead><tr><th></th>"
    html += "<th>A: \(escape(leftName))</th><th>B: \(escape(rightName))</th></tr></thead><tbody>"
    func row(_ label: String, _ a: String, _ b: String) {
      html +=
        "<tr><td data-label=\"\">\(escape(label))</td><td data-label=\"A\">\(escape(a))</td>"
        + "<td data-label=\"B\">\(escape(b))</td></tr>"
    }
    row("postings", String(left.postings), String(right.postings))
    row("demand taught", percent(left.skillCoverage), percent(right.skillCoverage))
    row(
      "items asked for", "\(left.items.count - left.undemandedItems.count) of \(left.items.count)",
      "\(right.items.count - right.undemandedItems.count) of \(right.items.count)")
    html += "</tbody></table></div>"
    html +=
      "<p id=\"compare-headline\">A: \(escape(CoverageHTML.headline(left)))<br>B: \(escape(CoverageHTML.headline(right)))</p>"

    // Demand per skill, as the share of each corpus's postings asking for it.
    var skills: [String: (label: String, a: Double, b: Double, coveredA: Bool, coveredB: Bool)] =
      [:]
    for skill in left.topSkills {
      skills[skill.uri] = (
        skill.label, Double(skill.postings) / Double(max(1, left.postings)), 0, skill.isCovered,
        false
      )
    }
    for skill in right.topSkills {
      var entry = skills[skill.uri] ?? (skill.label, 0, 0, false, false)
      entry.b = Double(skill.postings) / Double(max(1, right.postings))
      entry.coveredB = skill.isCovered
      skills[skill.uri] = entry
    }
    func change(
      _ entry: (
        key: String, value: (label: String, a: Double, b: Double, coveredA: Bool, coveredB: Bool)
      )
    ) -> Double {
      abs(entry.value.b - entry.value.a)
    }
    let changed = skills.sorted { first, second in
      let (x, y) = (change(first), change(second))
      return x != y ? x > y : first.key < second.key
    }.prefix(rows)
    html += "<h3>Skills whose demand changed most</h3>"
    html +=
      "<div class=\"scroll\"><table class=\"cards\" id=\"compare-skills\"><thead><tr><th>skill</th>"
    html +=
      "<th class=\"num\">A</th><th class=\"num\">B</th><th class=\"num\">change</th><th>taught (A / B)</th></tr></thead><tbody>"
    for (_, entry) in changed {
      let change = (entry.b - entry.a) * 100
      html +=
        "<tr><td data-label=\"skill\">\(escape(entry.label))</td>"
        + "<td class=\"num\" data-label=\"A\">\(percent(entry.a))</td>"
        + "<td class=\"num\" data-label=\"B\">\(percent(entry.b))</td>"
        + "<td class=\"num\" data-label=\"change\">\(change >= 0 ? "+" : "")\(JSONWriter.format(change, decimals: 1)) points</td>"
        + "<td data-label=\"taught\">\(entry.coveredA ? "yes" : "no") / \(entry.coveredB ? "yes" : "no")</td></tr>"
    }
    html += "</tbody></table></div>"
    let newlyTaught = skills.values.filter { !$0.coveredA && $0.coveredB }.map(\.label).sorted()
    let noLongerTaught = skills.values.filter {
      $0.coveredA && !$0.coveredB && $0.a > 0 && $0.b > 0
    }.map(\.label).sorted()
    html +=
      "<p>Demanded skills taught in B but not in A: \(escape(newlyTaught.isEmpty ? "none" : newlyTaught.joined(separator: ", "))).</p>"
    html +=
      "<p>Taught in A but not in B: \(escape(noLongerTaught.isEmpty ? "none" : noLongerTaught.joined(separator: ", "))).</p>"
    return html + "</section>"
  }
}
