import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Ranks occupations: their unit group's score, plus title and skill support of their own;
  /// the first `count`.
  func rankOccupations(
    groups: DenseScores, titleOccupations: ConceptMatches,
    skillOccupations: DenseScores, title: TokenizedText, titleQuery: QueryText,
    skills: [SkillMatch], count: Int
  ) -> [OccupationMatch] {
    let groupTotal = max(groups.sum(), 1e-9)
    let skillMax = max(skillOccupations.max() ?? 0, 1e-9)
    // Each candidate once, with its score when all are known; their order does not matter
    // (`strongest` breaks ties by ID). Loops, not a local function: one that captures the
    // scores is checked for exclusive access at every call.
    var candidates = scoresPool.take(count: occupationGroup.count)
    // The title's scores by occupation, read once per candidate without hashing.
    var titleScores = scoresPool.take(count: occupationGroup.count)
    for (occupation, match) in titleOccupations {
      titleScores[occupation] = Double(match.score)
      if !candidates.contains(occupation) { candidates[occupation] = 0 }
    }
    candidates.include(skillOccupations.touched)
    for (group, _) in PostingAnalyzer.strongest(
      options.occupations.candidateGroups, of: groups.entries)
    {
      candidates.include(groupOccupations[group])
    }
    let (titleWeight, skillWeight) = (
      options.occupations.titleWeight, options.occupations.skillWeight
    )
    candidates.update { occupation in
      let group = occupationGroup[occupation]
      let groupShare = group >= 0 ? groups[group] / groupTotal : 0
      let titleScore = titleScores[occupation]
      let skillScore = skillOccupations[occupation] / skillMax
      return groupShare + titleWeight * titleScore + skillWeight * skillScore
    }
    // One more than reported: the last one's margin is to the next.
    let ranked = PostingAnalyzer.strongest(
      count < .max ? count + 1 : .max, of: candidates.entries)
    scoresPool.giveBack(&candidates)
    scoresPool.giveBack(&titleScores)
    // The strongest skills first (in the reported order: by their rank).
    let byScore = skills.enumerated().sorted {
      ($0.element.score, $1.offset) > ($1.element.score, $0.offset)
    }.map(\.element)
    // Moved out for the loops below: each read and write of the property would be checked for
    // exclusive access.
    var needed = neededScratch
    neededScratch = []
    defer { neededScratch = needed }
    return ranked.prefix(max(0, count)).enumerated().map { position, entry in
      let (occupation, score) = entry
      var support: [OccupationEvidence] = []
      if let match = titleOccupations[concept: occupation] {
        let weight = Double(match.score)
        // The match's positions are in the title query (the title without work-mode words).
        support.append(
          OccupationEvidence(
            kind: .title,
            evidence: span(of: match, query: titleQuery, in: title, field: .title, phrase: nil),
            skill: nil, isEssential: nil, weight: weight))
      }
      // Per skill the occupation needs: 2 essential, 1 optional (its first listing counts).
      let needs = index.skills(ofOccupation: occupation)
      for (skill, isEssential) in needs where needed[skill] == 0 {
        needed[skill] = isEssential ? 2 : 1
      }
      for skill in byScore where needed[skill.skill] != 0 {
        support.append(
          OccupationEvidence(
            kind: .skill, evidence: skill.evidence.first, skill: skill.label,
            isEssential: needed[skill.skill] == 2, weight: skill.score))
        if support.count >= options.occupations.supportingSkills { break }
      }
      for (skill, _) in needs { needed[skill] = 0 }
      let next = position + 1 < ranked.count ? ranked[position + 1].1 : 0
      let texts = searcher.occupationTexts(occupation)
      return OccupationMatch(
        occupation: occupation, uri: texts.uri, label: texts.label, isco: texts.isco,
        score: score, margin: score - next, evidence: support)
    }
  }

  /// The unit group of the first occupation when it decides the code: the posting has task
  /// evidence, and its title match is that strong (``CodeOptions/occupationTitleScore``) or
  /// the occupation scores that much (``CodeOptions/occupationScore``); nil otherwise.
  func decidingOccupationGroup(_ occupations: [OccupationMatch], taskStrength: Double) -> Int? {
    guard let witness = witness(occupations, taskStrength: taskStrength),
      let title = occupations.first?.evidence.first(where: { $0.kind == .title }),
      title.weight >= options.codes.occupationTitleScore
        || witness.score >= options.codes.occupationScore
    else { return nil }
    return witness.group
  }

  /// A first occupation's unit group and score.
  typealias Witness = (group: Int, score: Double)

  /// The first occupation's unit group and score when it can witness the code: the title
  /// names it and the posting has task evidence (a title alone, or tasks alone, are the
  /// evidence the unit groups already weigh); nil otherwise.
  func witness(_ occupations: [OccupationMatch], taskStrength: Double) -> Witness? {
    guard taskStrength > 0, let first = occupations.first,
      first.evidence.contains(where: { $0.kind == .title })
    else { return nil }
    let group = occupationGroup[first.occupation]
    return group >= 0 ? (group, first.score) : nil
  }
}
