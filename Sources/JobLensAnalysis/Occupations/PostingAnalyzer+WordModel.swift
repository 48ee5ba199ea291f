import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// The unit groups that best explain `words` by the word model (``GroupTextModel``): the
  /// ``WordModelOptions/groups`` likeliest (ties by group order), each weighted
  /// exp((log-likelihood − best) / temperature); empty when the model knows none of the words.
  /// - Complexity: O(g × ``WordModelOptions/groups`` + Σ postings of the words) for g unit groups.
  func wordModelDistribution(_ words: [Int32]) -> [Int: Double] {
    guard
      let scores = index.data.groupModel.logLikelihoods(words, groups: isUnitGroup)
    else { return [:] }
    let top = PostingAnalyzer.strongest(
      options.wordModel.groups,
      of: scores.indices.lazy.filter { self.isUnitGroup[$0] }.map { ($0, scores[$0]) })
    guard let best = top.first?.1 else { return [:] }
    let temperature = options.wordModel.temperature
    var result: [Int: Double] = [:]
    for (group, score) in top {
      let gap = score - best
      result[group] = temperature > 0 ? exp(gap / temperature) : (gap == 0 ? 1 : 0)
    }
    return result.filter { $0.value > 0 }
  }

  /// Adds the word model over the title's and the task phrases' words (without work-mode
  /// words), weighted by how much they say (a bare "Assistant" says little); it is not
  /// evidence of its own (see ``WordModelOptions/weight``). Returns the same evidence with
  /// more of the model for the 1- and 2-digit levels, the more task phrases it pooled
  /// (``WordModelOptions/coarseWeight``).
  func addWordModel(
    _ words: [Int32], assignedPhrases: Int, to groups: inout GroupEvidence
  ) -> GroupEvidence {
    let model = wordModelDistribution(words)
    let specificity = specificity(words, kind: .occupation)
    groups.add(
      model, from: .wordModel, weight: options.wordModel.weight * specificity,
      normalise: true, isEvidence: false)
    var coarse = groups.copy()
    coarse.add(
      model, from: .wordModel,
      weight: options.wordModel.coarseWeight * specificity
        * min(1, Double(assignedPhrases) / Double(max(1, options.wordModel.fullPhrases))),
      normalise: true, isEvidence: false)
    return coarse
  }
}
