import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// A phrase's skills and, `withGroups`, its spread over unit groups; from the cache when the
  /// same words were seen before.
  func matchPhrase(
    _ query: QueryText, in body: TokenizedText, withGroups: Bool
  )
    -> PhraseResult
  {
    let key = PhraseKey(query)
    let result: PhraseResult
    if let cached = phraseCache[key] {
      result = cached
    } else {
      let skills =
        query.isEmpty
        ? ConceptMatches()
        : searcher.bestMatches(
          searcher.matchMentions(
            query, kind: .skill, minimumScore: Float(options.skills.threshold),
            rules: mentionRules))
      result = PhraseResult(skills: skills, contexts: contexts(of: skills, in: query))
      if phraseCache.count >= PostingAnalyzer.phraseCacheLimit { phraseCache.removeAll() }
      phraseCache[key] = result
    }
    if withGroups && result.groups == nil {
      // Work-mode words ("virtual assistant", "remote") say nothing about the occupation.
      let occupational = withoutWorkMode(query, in: body)
      result.groups = occupational.isEmpty ? [] : groupDistribution(occupational)
      result.occupationalTerms = occupational.terms
    }
    return result
  }
}

/// A phrase's query as a cache key: everything skill and unit group matching read from it.
struct PhraseKey: Hashable {
  private var words: [UInt32]
  /// FNV-1a of ``words``: hashed instead of the words (one value, not one per word).
  private var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325

  init(_ query: QueryText) {
    // The length, then each form with its capitals flag in the top bit (form IDs stay far
    // below 2³¹: the tokenizer clears its table long before), then the compounds.
    words = []
    words.reserveCapacity(2 + query.forms.count + 3 * (query.closedCompounds?.count ?? 0))
    words.append(UInt32(query.forms.count))
    words.append(query.hasCapitals ? 1 : 0)
    for (form, isCapital) in zip(query.forms, query.allCaps) {
      words.append(form.rawValue | (isCapital ? 1 << 31 : 0))
    }
    for entry in query.closedCompounds ?? [] {
      words.append(UInt32(bitPattern: entry.term))
      words.append(UInt32(entry.first))
      words.append(UInt32(entry.last))
    }
    for word in words { fingerprint = (fingerprint ^ UInt64(word)) &* 0x0000_0100_0000_01b3 }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

  static func == (lhs: PhraseKey, rhs: PhraseKey) -> Bool {
    lhs.fingerprint == rhs.fingerprint && lhs.words == rhs.words
  }
}

/// What was found in one phrase: its skills (best label match per skill, in skill order) with
/// their contexts, and its spread over unit groups with the terms it was read from (its terms
/// without work-mode words); both nil until needed (headings have none). A class: the cache
/// and each use share one object (the groups, added when first needed, are then in the cache
/// too), and handing it on holds one object, not four collections.
final class PhraseResult {
  let skills: ConceptMatches
  /// Per skill of ``skills``, in the same order, its context; empty when none scores
  /// (``PostingAnalyzer/contexts(of:in:)``).
  let contexts: [Double]
  var groups: [(Int, Double)]?
  var occupationalTerms: [Int32]?

  init(skills: ConceptMatches, contexts: [Double]) {
    self.skills = skills
    self.contexts = contexts
  }

  /// The context of the skill at `position` of ``skills``.
  func context(at position: Int) -> Double {
    position < contexts.count ? contexts[position] : 0
  }
}
