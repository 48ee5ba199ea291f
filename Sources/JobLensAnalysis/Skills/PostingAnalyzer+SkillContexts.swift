import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// The context of each skill found in a phrase: the phrase's BM25 score against the skill's
  /// labels and description together (Σ idf × weight over the phrase's distinct content
  /// terms), scaled by the phrase's best possible score, Σ idf × (k1 + 1) (0…1); one per skill,
  /// in the skills' order, or none when the phrase has no content term.
  /// - Complexity: O(Σ context length over the skills + p log p) for a phrase of p terms.
  func contexts(of skills: ConceptMatches, in query: QueryText) -> [Double] {
    guard !skills.isEmpty else { return [] }
    let idf = index.data.idf[Int(ConceptKind.skill.rawValue)]
    // The phrase's distinct content terms, with its hyphenated compounds also written closed
    // (one array, sorted and made distinct in place).
    let stop = index.data.stopTerms
    var phrase: [UInt32] = []
    phrase.reserveCapacity(query.terms.count + (query.closedCompounds?.count ?? 0))
    for term in query.terms where term >= 0 && stop[Int(term)] == 0 { phrase.append(UInt32(term)) }
    for entry in query.closedCompounds ?? [] where entry.term >= 0 && stop[Int(entry.term)] == 0 {
      phrase.append(UInt32(entry.term))
    }
    phrase.sort()
    var distinct = 0
    for position in phrase.indices where distinct == 0 || phrase[distinct - 1] != phrase[position] {
      phrase[distinct] = phrase[position]
      distinct += 1
    }
    phrase.removeLast(phrase.count - distinct)
    let maximum = phrase.reduce(Float(0)) { $0 + idf[Int($1)] * (IndexBuilder.k1 + 1) }
    guard maximum > 0 else { return [] }
    let terms = index.data.skillContextTerms
    let weights = index.data.skillContextWeights
    // The phrase's terms marked in the per-term scratch (moved out for the loops, cleared
    // after): each context term is one look-up, where a merge with the phrase branched on
    // every step.
    var inPhrase = termScratch
    termScratch = []
    defer {
      for term in phrase { inPhrase[Int(term)] = false }
      termScratch = inPhrase
    }
    for term in phrase { inPhrase[Int(term)] = true }
    var result: [Double] = []
    result.reserveCapacity(skills.count)
    for (skill, _) in skills {
      // In context-term order, as the merge added them.
      var sum: Float = 0
      for offset in terms.range(skill) {
        let term = terms.values[offset]
        if inPhrase[Int(term)] { sum += idf[Int(term)] * weights[offset] }
      }
      result.append(Double(sum / maximum))
    }
    return result
  }
}
