import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// A query without its work-mode words (see ``MatchingLexicons/workMode``).
  func withoutWorkMode(_ query: QueryText, in tokenized: TokenizedText) -> QueryText {
    guard anyForm(of: query.forms, has: .workMode) else { return query }
    return query.keeping(flags(of: query.forms).map { !$0.contains(.workMode) })
  }

  /// A phrase's spread over unit groups: BM25 against the ISCO unit group documents
  /// (definition, task items, example titles and the descriptions of the group's ESCO
  /// occupations). The ``TaskOptions/spreadGroups`` strongest groups are kept, scaled to the
  /// best (raised to ``TaskOptions/sharpening``) and normalised to sum to the phrase's strength
  /// (``TaskOptions/strengthScale`` × the best score, at most 1).
  func groupDistribution(_ query: QueryText) -> [(Int, Double)] {
    let top = searcher.strongestDescriptionScores(
      query, contributions: unitGroupContributions, count: options.tasks.spreadGroups
    ).map { ($0.0, Double($0.1)) }
    guard let best = top.first?.1, best > options.tasks.minimumBest else { return [] }
    // Sorted again: rounding in `pow` can make nearly equal scores equal.
    let sharpened = top.map { ($0.0, pow($0.1 / best, options.tasks.sharpening)) }.sorted {
      ($0.1, $1.0) > ($1.1, $0.0)
    }
    let sum = sharpened.reduce(0) { $0 + $1.1 }
    let strength = min(1, best * options.tasks.strengthScale)
    return sharpened.map { ($0.0, $0.1 / sum * strength) }
  }

  /// Adds the task phrases' unit groups (their shares summed), weighted by the task evidence's
  /// strength (full from ``TaskOptions/fullStrengthPhrases`` phrases with unit group
  /// evidence); returns that strength.
  func addTaskEvidence(_ taskGroups: [[(Int, Double)]], to groups: inout GroupEvidence) -> Double {
    var totals = scoresPool.take(count: groups.scores.capacity)
    for distribution in taskGroups {
      for (group, share) in distribution { totals[group] += share }
    }
    let strength = min(
      1,
      Double(taskGroups.filter { !$0.isEmpty }.count) / Double(options.tasks.fullStrengthPhrases))
    groups.add(totals, from: .tasks, weight: options.tasks.weight * strength, normalise: true)
    scoresPool.giveBack(&totals)
    return strength
  }
}
