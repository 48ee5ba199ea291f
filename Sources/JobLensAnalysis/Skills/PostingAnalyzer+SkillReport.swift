import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Skills at or above the threshold, with their evidence, in rank order (``rank(_:_:fit:)``),
  /// each phrase's skills spread out: a skill's rank is lowered by
  /// ``SkillOptions/samePhrasePenalty`` for each skill already listed from its best phrase, so
  /// that the first skills cover the posting's duties and requirements rather than one phrase's
  /// many readings. The first ``SkillOptions/maximum`` are kept. `groups`: the posting's likely
  /// unit groups (a skill their occupations need fits).
  /// - Complexity: O(s²) for s skills at the threshold.
  func report(
    _ skills: SkillCollector, fitting groups: Set<Int>, span: (Int, LabelMatch) -> Evidence
  ) -> [SkillMatch] {
    var candidates = skills.all.filter { $0.value.score >= options.skills.threshold }
      .map { (skill: $0.key, entry: $0.value, rank: rank($0.key, $0.value, fit: groups)) }
      .sorted { ($0.rank, $1.skill) > ($1.rank, $0.skill) }
    var listed: [(skill: Int, entry: SkillCollector.Entry)] = []
    var fromPhrase: [Int: Int] = [:]
    while !candidates.isEmpty && listed.count < options.skills.maximum {
      var chosen = 0
      var chosenRank = -Double.infinity
      for (position, candidate) in candidates.enumerated() {
        let spread =
          candidate.rank - options.skills.samePhrasePenalty
          * Double(fromPhrase[candidate.entry.best.phrase] ?? 0)
        // Ties keep the rank order.
        if spread > chosenRank {
          chosen = position
          chosenRank = spread
        }
      }
      let candidate = candidates.remove(at: chosen)
      fromPhrase[candidate.entry.best.phrase, default: 0] += 1
      listed.append((candidate.skill, candidate.entry))
    }
    return listed.map { skill, entry in
      let group = index.skillTopGroups(skill).first ?? ""
      return SkillMatch(
        skill: skill, uri: index.skillURI(skill), label: index.skillLabel(skill),
        type: index.skillType(skill), group: group,
        groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "",
        score: entry.score, context: entry.context, isLiteral: entry.isLiteral,
        evidence: entry.matches.map { span($0.phrase, $0.match) })
    }
  }

  /// How likely a skill found is one the posting demands: a weighted sum (``SkillOptions``) of
  /// its score and context, whether it was found word for word or by a tool name, how often
  /// real postings name it (the background corpus), whether the occupations of the posting's
  /// likely unit groups need it, how much of its label was found, whether it is transversal
  /// and whether a requirement names it; less for a one-word alternative label and for
  /// knowledge (a word such as "current" or "right" is more often not the subject).
  func rank(_ skill: Int, _ entry: SkillCollector.Entry, fit groups: Set<Int>) -> Double {
    let weights = options.skills
    let label = entry.best.match.label
    let field = index.labelField(label)
    var rank = weights.scoreWeight * entry.score + weights.contextWeight * entry.context
    if entry.isLiteral { rank += weights.literalWeight }
    if field == .tool { rank += weights.toolWeight }
    rank += weights.frequencyWeight * index.background.skillRate(skill)
    if index.occupations(ofSkill: skill).contains(where: {
      groups.contains(occupationGroup[$0.occupation])
    }) {
      rank += weights.fitWeight
    }
    rank += weights.coverageWeight * Double(entry.best.match.labelCoverage)
    if isTransversal[skill] { rank += weights.transversalWeight }
    if entry.isRequired { rank += weights.requirementWeight }
    if field != .preferred && index.labelContent[label].count == 1 {
      rank -= weights.oneWordVariantPenalty
    }
    if index.skillType(skill) == .knowledge { rank -= weights.knowledgePenalty }
    return rank
  }
}
