import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// plus ``CodeOptions/ancestorWeight`` × their ancestors' scores, and picks the most
  /// specific level whose best group's confidence passes its threshold. Confidence = the
  /// group's share of the evidence × the evidence's strength (the weighted sources present, at
  /// most 1), so that a bare title such as "Virtual Assistant" cannot reach a confident 4-digit
  /// code. The 1- and 2-digit candidates, with their confidence and sources, are read from
  /// `coarse` (the same evidence with more of the word model) when given and not empty, the
  /// 3- and 4-digit ones from `groups`; as each level is chosen on its own, the levels need
  /// not nest.
  func assign(
    _ groups: GroupEvidence, coarse: GroupEvidence? = nil, totalEvidence: Double
  )
    -> ISCOAssignment
  {
    let fine = bestGroups(groups, through: 4, totalEvidence: totalEvidence)
    guard !fine.isEmpty else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: 0, levels: [],
        reason: "no title or task evidence")
    }
    let upper = coarse.map { bestGroups($0, through: 2, totalEvidence: totalEvidence) } ?? []
    let levels = upper.count == 2 ? upper + fine[2...] : fine
    // Too little evidence: uncodable, with the candidates and their low confidence (with
    // none at all, the candidates are the word model's alone).
    guard totalEvidence >= options.codes.minimumEvidence else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
        reason: totalEvidence > 0 ? "too little evidence" : "no title or task evidence")
    }
    for level in stride(from: 4, through: 1, by: -1) {
      let candidate = levels[level - 1]
      if candidate.confidence >= options.codes.backoffThresholds[level - 1] {
        return ISCOAssignment(
          code: candidate.code, level: level, label: candidate.label,
          confidence: candidate.confidence, levels: levels,
          reason: level < 4 ? "evidence too spread for \(level + 1) digits" : nil)
      }
    }
    return ISCOAssignment(
      code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
      reason: "evidence spread over several major groups")
  }

  /// The best group at each level from 1 to `last` digits, with its confidence and sources
  /// (see ``assign(_:coarse:totalEvidence:)``); empty when no group scores.
  /// - Complexity: O(g log g + levels × prefixes) for g scored unit groups.
  func bestGroups(_ groups: GroupEvidence, through last: Int, totalEvidence: Double) -> [ISCOLevel]
  {
    let total = PostingAnalyzer.sum(groups.scores)
    guard total > 0 else { return [] }
    var levels: [ISCOLevel] = []
    let sorted = groups.scores.sorted { $0.key < $1.key }
    let sourceScores = EvidenceSource.allCases.map { source in
      (source, (groups.bySource[source] ?? [:]).sorted { $0.key < $1.key })
    }
    // Per prefix of the level above: its rolled score plus those of its own ancestors.
    var above: [Double] = [0]
    for level in 1...last {
      let prefixes = codePrefixes[level - 1]
      var rolled = [Double](repeating: 0, count: prefixes.codes.count)
      for (group, score) in sorted { rolled[prefixes.ofGroup[group]] += score }
      let ranked = rolled.indices.map {
        rolled[$0] + options.codes.ancestorWeight * above[prefixes.parent[$0]]
      }
      // The best prefix; among equal ones, the first code.
      var best = 0
      for prefix in ranked.indices where ranked[prefix] > ranked[best] { best = prefix }
      above = rolled.indices.map { rolled[$0] + above[prefixes.parent[$0]] }
      let (code, score) = (prefixes.codes[best], rolled[best])
      // Each source's part of the chosen group's score (its unit groups' parts, in group order).
      let sources = sourceScores.compactMap { source, scores -> SourceShare? in
        let part = scores.reduce(0) { $0 + (prefixes.ofGroup[$1.key] == best ? $1.value : 0) }
        return part > 0 && score > 0 ? SourceShare(source: source, share: part / score) : nil
      }
      levels.append(
        ISCOLevel(
          level: level, code: code, label: index.iscoTitle(code: code) ?? "",
          confidence: score / total * min(1, totalEvidence), sources: sources))
    }
    return levels
  }
}
