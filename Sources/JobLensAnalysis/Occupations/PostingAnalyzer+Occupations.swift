import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Ranks occupations: their unit group's score, plus title and skill support of their own;
  /// the first `count`.
  func rankOccupations(
    groups: [Int: Double], titleOccupations: [Int: (Double, LabelMatch)],
    skillOccupations: [Int: Double], title: TokenizedText, titleQuery: QueryText,
    skills: [SkillMatch], count: Int
  ) -> [OccupationMatch] {
    let groupTotal = max(PostingAnalyzer.sum(groups), 1e-9)
    let skillMax = max(skillOccupations.values.max() ?? 0, 1e-9)
    var candidates = Set(titleOccupations.keys).union(skillOccupations.keys)
    for (group, _) in PostingAnalyzer.strongest(
      options.occupations.candidateGroups, of: groups.lazy.map { ($0.key, $0.value) })
    {
      candidates.formUnion(groupOccupations[group])
    }
    let scored = candidates.map { occupation -> (Int, Double) in
      let group = occupationGroup[occupation]
      let groupShare = group >= 0 ? (groups[group] ?? 0) / groupTotal : 0
      let titleScore = titleOccupations[occupation]?.0 ?? 0
      let skillScore = (skillOccupations[occupation] ?? 0) / skillMax
      return (
        occupation,
        groupShare + options.occupations.titleWeight * titleScore
          + options.occupations.skillWeight * skillScore
      )
    }
    // One more than reported: the last one's margin is to the next.
    let ranked = PostingAnalyzer.strongest(count < .max ? count + 1 : .max, of: scored)
    // The strongest skills first (in the reported order: by their rank).
    let byScore = skills.enumerated().sorted {
      ($0.element.score, $1.offset) > ($1.element.score, $0.offset)
    }.map(\.element)
    return ranked.prefix(max(0, count)).enumerated().map { position, entry in
      let (occupation, score) = entry
      var support: [OccupationEvidence] = []
      if let (weight, match) = titleOccupations[occupation] {
        // The match's positions are in the title query (the title without work-mode words).
        support.append(
          OccupationEvidence(
            kind: .title,
            evidence: span(of: match, query: titleQuery, in: title, field: .title, phrase: nil),
            skill: nil, isEssential: nil, weight: weight))
      }
      let needed = Dictionary(
        index.skills(ofOccupation: occupation).map { ($0.skill, $0.isEssential) },
        uniquingKeysWith: { first, _ in first })
      for skill in byScore where needed[skill.skill] != nil {
        support.append(
          OccupationEvidence(
            kind: .skill, evidence: skill.evidence.first, skill: skill.label,
            isEssential: needed[skill.skill], weight: skill.score))
        if support.count >= options.occupations.supportingSkills { break }
      }
      let next = position + 1 < ranked.count ? ranked[position + 1].1 : 0
      return OccupationMatch(
        occupation: occupation, uri: index.uri(of: ConceptID(.occupation, occupation)),
        label: index.occupationLabel(occupation), isco: index.occupationISCO(occupation),
        score: score, margin: score - next, evidence: support)
    }
  }

  /// The unit group of the first occupation when it decides the code
  /// (``CodeOptions/occupationTitleScore``): its title match is that strong and the posting
  /// has task evidence; nil otherwise.
  func decidingOccupationGroup(_ occupations: [OccupationMatch], taskStrength: Double) -> Int? {
    guard taskStrength > 0, let first = occupations.first,
      let title = first.evidence.first(where: { $0.kind == .title }),
      title.weight >= options.codes.occupationTitleScore
    else { return nil }
    let group = occupationGroup[first.occupation]
    return group >= 0 ? group : nil
  }
}
