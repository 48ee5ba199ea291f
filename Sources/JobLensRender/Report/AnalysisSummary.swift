public import JobLensAnalysis
import JobLensCore

/// A short readable summary of one analysis (`joblens classify --format summary`), with control
/// characters made visible.
public enum AnalysisSummary {
  public static func text(_ analysis: PostingAnalysis, skills: Int = 8) -> String {
    TextTable.terminalText(lines(analysis, skills: skills))
  }

  private static func lines(_ analysis: PostingAnalysis, skills: Int) -> String {
    var lines: [String] = []
    let title = analysis.title.isEmpty ? "(no title)" : analysis.title
    lines.append("\(analysis.id): \(title)")
    let attributes = analysis.attributes
    let tags = attributes.workMode + attributes.employment + attributes.seniority
    if !tags.isEmpty { lines.append("  attributes: \(tags.joined(separator: ", "))") }
    if let code = analysis.isco.code {
      let confidence = JSONWriter.format(analysis.isco.confidence, decimals: 2)
      lines.append(
        "  isco: \(code) \(analysis.isco.label ?? "") (level \(analysis.isco.level), confidence \(confidence))"
      )
    } else {
      lines.append("  isco: uncodable (\(analysis.isco.reason ?? "no evidence"))")
    }
    if let reason = analysis.isco.reason, analysis.isco.code != nil {
      lines.append("        \(reason)")
    }
    for occupation in analysis.occupations.prefix(3) {
      lines.append(
        "  occupation: \(occupation.label) (\(occupation.isco)) "
          + JSONWriter.format(occupation.score, decimals: 3))
    }
    if !analysis.skills.isEmpty {
      let names = analysis.skills.prefix(skills).map(\.label)
      let more = analysis.skills.count > skills ? " (+\(analysis.skills.count - skills) more)" : ""
      lines.append("  skills: \(names.joined(separator: "; "))\(more)")
    }
    if !analysis.mix.shares.isEmpty {
      let shares = analysis.mix.shares.prefix(4).map {
        "\($0.isco) \($0.label) \(Int(($0.share * 100).rounded()))%"
      }
      lines.append("  mix: \(shares.joined(separator: ", "))")
    }
    if !analysis.requirements.isEmpty {
      lines.append(
        "  requirements: \(phrases(analysis.requirements.count)) (skills only, not tasks)")
    }
    if !analysis.boilerplate.isEmpty {
      lines.append("  boilerplate: \(phrases(analysis.boilerplate.count)) excluded")
    }
    for note in analysis.notes { lines.append("  note: \(note)") }
    return lines.joined(separator: "\n") + "\n\n"
  }

  private static func phrases(_ count: Int) -> String {
    count == 1 ? "1 phrase" : "\(count) phrases"
  }
}
