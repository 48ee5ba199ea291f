import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Occupation scores from the skills found: Σ skill score × (1 essential, ``SkillEvidenceOptions/optionalWeight`` optional) ×
  /// the skill's specificity, divided by √(the occupation's number of skills). The scores are
  /// lent by ``scoresPool``.
  func occupationsFromSkills(_ skills: [SkillMatch]) -> DenseScores {
    var scores = scoresPool.take(count: occupationGroup.count)
    for skill in skills {
      for (occupation, essential) in index.occupationEntries(ofSkill: skill.skill) {
        scores[occupation] +=
          skill.score * (essential ? 1 : options.skillEvidence.optionalWeight)
          * skillNorm[occupation]
          * skillSpecificity[skill.skill]
      }
    }
    return scores
  }

  /// Adds each unit group's best occupation score from the skills, weighted by the skill
  /// evidence's strength (the reported skills' scores summed, full from
  /// ``SkillEvidenceOptions/fullStrengthScore``).
  func addSkillEvidence(
    _ skillOccupations: DenseScores, skills: [SkillMatch], to groups: inout GroupEvidence
  ) {
    var skillGroups = scoresPool.take(count: groups.scores.capacity)
    for (occupation, score) in skillOccupations.entries {
      let group = occupationGroup[occupation]
      if group >= 0 { skillGroups[group] = max(skillGroups[group], score) }
    }
    let strength = min(
      1, skills.reduce(0) { $0 + $1.score } / options.skillEvidence.fullStrengthScore)
    groups.add(
      skillGroups, from: .skills, weight: options.skillEvidence.weight * strength,
      normalise: true)
    scoresPool.giveBack(&skillGroups)
  }
}
