import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Assigns each task phrase to a unit group: the best of its own groups, each weighted by
  /// ``MixOptions/baseWeight`` + the group's share of the whole posting's evidence (relative to the posting's top
  /// group), so that a phrase that fits several groups goes to the one the posting is about.
  /// Shares are the groups' shares of the assigned phrases.
  func mix(
    _ phrases: [TaskPhrase], _ distributions: [[(Int, Double)]], posting: DenseScores,
    in body: TokenizedText
  ) -> OccupationMix {
    let postingBest = max(posting.max() ?? 0, 1e-9)
    var byGroup: [Int: [Evidence]] = [:]
    var unassigned = 0
    for (phrase, distribution) in zip(phrases, distributions) {
      let weighted = distribution.map {
        ($0.0, $0.1 * (options.mix.baseWeight + posting[$0.0] / postingBest))
      }
      guard let best = weighted.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else {
        unassigned += 1
        continue
      }
      byGroup[best.0, default: []].append(evidence(of: phrase, in: body))
    }
    let assigned = byGroup.values.reduce(0) { $0 + $1.count }
    guard assigned > 0 else {
      return OccupationMix(shares: [], topShare: 0, herfindahl: 0, unassigned: unassigned)
    }
    let shares = byGroup.map { group, phrases in
      let texts = searcher.iscoTexts(group)
      return MixShare(
        isco: texts.code, label: texts.title, share: Double(phrases.count) / Double(assigned),
        phrases: phrases)
    }.sorted { ($0.share, $1.isco) > ($1.share, $0.isco) }
    return OccupationMix(
      shares: shares, topShare: shares[0].share,
      herfindahl: shares.reduce(0) { $0 + $1.share * $1.share }, unassigned: unassigned)
  }

  /// Adds the task phrases' votes (the mix's shares) when at least
  /// ``VoteOptions/minimumPhrases`` phrases were assigned: with several phrases, their votes
  /// are evidence of their own, steadier than the summed phrase scores (one phrase that fits
  /// many groups weakly cannot outweigh several that each fit one group).
  func addVotes(_ mix: OccupationMix, taskStrength: Double, to groups: inout GroupEvidence) {
    guard mix.assignedPhrases >= options.votes.minimumPhrases else { return }
    var votes: [Int: Double] = [:]
    for share in mix.shares {
      if let group = index.iscoGroupIndex(code: share.isco) { votes[group] = share.share }
    }
    groups.add(
      votes, from: .votes, weight: options.votes.weight * options.tasks.weight * taskStrength,
      normalise: true)
  }
}

extension OccupationMix {
  /// The number of task phrases assigned to unit groups.
  var assignedPhrases: Int { shares.reduce(0) { $0 + $1.phrases.count } }
}
