import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Skills at or above the threshold, with their evidence: literal matches first, then by
  /// score plus ``SkillOptions/contextWeight`` × context (ties by skill order), the
  /// first ``SkillOptions/maximum``.
  func report(_ skills: SkillCollector, span: (Int, LabelMatch) -> Evidence) -> [SkillMatch] {
    let weight = options.skills.contextWeight
    let kept = skills.all.filter { $0.value.score >= options.skills.threshold }
      .map { (skill: $0.key, entry: $0.value, rank: $0.value.score + weight * $0.value.context) }
      .sorted {
        ($0.entry.isLiteral ? 1 : 0, $0.rank, $1.skill) > (
          $1.entry.isLiteral ? 1 : 0, $1.rank, $0.skill
        )
      }
      .prefix(options.skills.maximum)
      .map { ($0.skill, $0.entry) }
    return kept.map { skill, entry in
      let group = index.skillTopGroups(skill).first ?? ""
      return SkillMatch(
        skill: skill, uri: index.skillURI(skill), label: index.skillLabel(skill),
        type: index.skillType(skill), group: group,
        groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "",
        score: entry.score, context: entry.context, isLiteral: entry.isLiteral,
        evidence: entry.matches.map { span($0.phrase, $0.match) })
    }
  }
}
