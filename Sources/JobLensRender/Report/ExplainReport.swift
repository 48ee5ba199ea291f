public import JobLensAnalysis
import JobLensCore
public import JobLensInput

/// A posting's analysis laid out for a person (`joblens explain`): the text with the matched
/// spans marked and numbered, then each code with its evidence and scores. Control characters
/// are made visible (``TextTable/terminalText(_:)``).
public enum ExplainReport {
  /// The report: title, attributes, the marked text, skills, ISCO code by level,
  /// occupations with their evidence, the mix, requirements and notes.
  public static func text(_ analysis: PostingAnalysis, posting: Posting) -> String {
    TextTable.terminalText(report(analysis, posting: posting))
  }

  private static func report(_ analysis: PostingAnalysis, posting: Posting) -> String {
    var out = "posting \(analysis.id)\n"
    out += "title: \(posting.title.isEmpty ? "(none)" : posting.title)\n"
    if analysis.codedTitle != posting.title {
      out +=
        "coded title: \(analysis.codedTitle.isEmpty ? "(nothing left)" : analysis.codedTitle)\n"
    }
    let attributes = analysis.attributes
    for (name, values) in [
      ("work mode", attributes.workMode), ("employment", attributes.employment),
      ("seniority", attributes.seniority), ("removed noise", attributes.noise),
    ] where !values.isEmpty {
      out += "\(name): \(values.joined(separator: ", "))\n"
    }

    // Number skill spans in text order; mark them in the text.
    var spans: [(Evidence, Int)] = []
    for (number, skill) in analysis.skills.enumerated() {
      for evidence in skill.evidence where evidence.field == .text {
        spans.append((evidence, number + 1))
      }
    }
    out += "\ntext (⟦matched⟧ⁿ = skill n, ░…░ = boilerplate):\n"
    out += marked(posting.text, spans: spans, boilerplate: analysis.boilerplate.map(\.evidence))
    out += "\n"

    out += "\nskills:\n"
    out += skillList(analysis.skills)

    out += iscoSection(analysis.isco)
    out += occupationSection(analysis.occupations)
    out += mixSection(analysis.mix)
    if !analysis.requirements.isEmpty {
      out += "\nrequirements (matched for skills, not tasks):\n"
      for phrase in analysis.requirements { out += "  - \(phrase.text)\n" }
    }
    out += zoneSection(analysis.zones, text: posting.text)
    for note in analysis.notes { out += "\nnote: \(note)\n" }
    out += "\nThis product uses the ESCO classification of the European Commission.\n"
    return out
  }

  /// The ISCO code with its confidence, or uncodable, then each level with its sources.
  private static func iscoSection(_ isco: ISCOAssignment) -> String {
    var out = "\nisco:\n"
    if let code = isco.code {
      out +=
        "  \(code) \(isco.label ?? "") — level \(isco.level), confidence "
        + JSONWriter.format(isco.confidence, decimals: 3) + "\n"
    } else {
      out += "  uncodable\n"
    }
    if let reason = isco.reason { out += "  (\(reason))\n" }
    for level in isco.levels {
      let sources = level.sources.map {
        "\($0.source.name) \(Int(($0.share * 100).rounded()))%"
      }
      out +=
        "  \(level.level) digit\(level.level == 1 ? "" : "s"): \(level.code) \(level.label) "
        + JSONWriter.format(level.confidence, decimals: 3)
        + (sources.isEmpty ? "" : " (\(sources.joined(separator: ", ")))") + "\n"
    }
    return out
  }

  /// The occupations with their scores and the evidence for each.
  private static func occupationSection(_ occupations: [OccupationMatch]) -> String {
    var out = "\noccupations:\n"
    for occupation in occupations {
      out +=
        "  \(occupation.label) (\(occupation.isco)) score "
        + JSONWriter.format(occupation.score, decimals: 3) + ", margin "
        + JSONWriter.format(occupation.margin, decimals: 3) + "\n"
      for support in occupation.evidence {
        switch support.kind {
        case .title:
          out +=
            "     title “\(support.evidence?.text ?? "")” matched “\(support.evidence?.label ?? "")”\n"
        case .skill:
          let essential = support.isEssential == true ? "essential" : "optional"
          out += "     \(essential) skill: \(support.skill ?? "")\n"
        case .task:
          out += "     task: \(support.evidence?.text ?? "")\n"
        }
      }
    }
    return out
  }

  /// The occupation mix: each unit group's share with its task phrases.
  private static func mixSection(_ mix: OccupationMix) -> String {
    var out =
      "\noccupation mix (top share "
      + JSONWriter.format(mix.topShare, decimals: 3) + ", Herfindahl "
      + JSONWriter.format(mix.herfindahl, decimals: 3) + "):\n"
    for share in mix.shares {
      out += "  \(Int((share.share * 100).rounded()))% \(share.isco) \(share.label)\n"
      for phrase in share.phrases { out += "     - \(phrase.text)\n" }
    }
    if mix.unassigned > 0 {
      out += "  \(mix.unassigned) task phrases without unit group evidence\n"
    }
    return out
  }

  /// Skills numbered from 1, in the analysis's order (by rank), each with its
  /// type, group, scores, URI and evidence spans (also `joblens skills`).
  public static func skillList(_ skills: [SkillMatch]) -> String {
    if skills.isEmpty { return "  (none above the threshold)\n" }
    return TextTable.terminalText(skillLines(skills))
  }

  private static func skillLines(_ skills: [SkillMatch]) -> String {
    var out = ""
    for (number, skill) in skills.enumerated() {
      let score = JSONWriter.format(skill.score, decimals: 3)
      let group = skill.group.isEmpty ? "" : " [\(skill.group) \(skill.groupLabel)]"
      let context = JSONWriter.format(skill.context, decimals: 3)
      let literal = skill.isLiteral ? ", literal" : ""
      out +=
        "  \(number + 1). \(skill.label) (\(skill.type.name))\(group) score \(score), context "
        + "\(context)\(literal)\n"
      out += "     \(skill.uri)\n"
      for evidence in skill.evidence {
        out +=
          "     “\(evidence.text)” [\(evidence.field.rawValue) \(evidence.start)–\(evidence.end)]"
        out += " matched “\(evidence.label)”\n"
      }
    }
    return out
  }

  /// Every phrase's zone, in text order, with its offsets and its first 80 characters.
  private static func zoneSection(_ zones: [ZonedPhrase], text: String) -> String {
    guard !zones.isEmpty else { return "" }
    let scalars = Array(text.unicodeScalars)
    var out = "\nzones (duty and requirement phrases are coded, the others left out):\n"
    for phrase in zones where phrase.end <= scalars.count {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[phrase.start..<phrase.end])
      let words = String(view)
      let name = phrase.zone.rawValue + (phrase.isHeading ? " (heading)" : "")
      out +=
        "  " + name.padding(toLength: 22, withPad: " ", startingAt: 0)
        + "[\(phrase.start)–\(phrase.end)] " + words.collapsingWhitespace.clipped(to: 80) + "\n"
    }
    return out
  }

  /// One line naming a phrase left out as boilerplate: its kind, its offsets and its first 80
  /// characters (`joblens skills`).
  public static func boilerplateLine(_ phrase: BoilerplatePhrase) -> String {
    let evidence = phrase.evidence
    return "left out as boilerplate (\(phrase.kind)) [\(evidence.start)–\(evidence.end)]: "
      + TextTable.singleLine(evidence.text.collapsingWhitespace).clipped(to: 80)
  }

  /// The text with skill spans and boilerplate marked; overlapping spans keep the first.
  static func marked(_ text: String, spans: [(Evidence, Int)], boilerplate: [Evidence]) -> String {
    let scalars = Array(text.unicodeScalars)
    var opening: [Int: [String]] = [:]
    var closing: [Int: [String]] = [:]
    var covered = 0
    for (evidence, number) in spans.sorted(by: { ($0.0.start, $0.1) < ($1.0.start, $1.1) })
    where evidence.start >= covered && evidence.end <= scalars.count
      && evidence.start < evidence.end
    {
      opening[evidence.start, default: []].append("⟦")
      closing[evidence.end, default: []].append("⟧" + superscript(number))
      covered = evidence.end
    }
    for evidence in boilerplate where evidence.end <= scalars.count {
      opening[evidence.start, default: []].insert("░", at: 0)
      closing[evidence.end, default: []].append("░")
    }
    var out = ""
    for position in 0...scalars.count {
      for mark in closing[position] ?? [] { out += mark }
      for mark in opening[position] ?? [] { out += mark }
      if position < scalars.count { out.unicodeScalars.append(scalars[position]) }
    }
    return out
  }

  static func superscript(_ number: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(String(number).map { digits[Int(String($0))!] })
  }
}
