import Foundation

/// A word model of each ISCO unit group (multinomial naive Bayes with additive smoothing),
/// counted from ESCO's own text: the group's definition, task items and example titles, the
/// descriptions of its ESCO occupations, its title and its occupations' preferred and
/// alternative labels (each label word counted ``labelWeight`` times: a job's name says more
/// than a sentence about it), and the preferred labels of those occupations' essential skills.
///
/// A text's log-likelihood under group `c`, up to a constant that is the same for every group,
/// is `Σ gain(t, c) − n · norm(c)` over its `n` words the model knows, with
/// `gain(t, c) = ln(1 + count(t, c) / α)` and `norm(c) = ln(total(c) + α · V)` (α =
/// ``smoothing``, V the model's vocabulary). Function words are left out.
package struct GroupTextModel: Sendable {
  /// Per term: the groups whose words include it, with the term's gain there.
  var gains = DescriptionPostings()
  /// Per ISCO group: its norm.
  var norms: [Float] = []

  /// Additive smoothing α: a word a group never used counts as this fraction of a use.
  static let smoothing: Float = 0.1
  /// How many times a word of a title or label counts.
  static let labelWeight: Float = 3

  /// The model of per-group word counts (`counts[group][term]`), over `termCount` terms,
  /// without the terms `stop` marks. A group without words keeps the smoothing alone.
  /// - Complexity: O(Σ distinct words per group × log of that).
  init(counts: [[UInt32: Float]], stop: [UInt8], termCount: Int) {
    var vocabulary = Set<UInt32>()
    for words in counts {
      for term in words.keys where stop[Int(term)] == 0 { vocabulary.insert(term) }
    }
    let alpha = GroupTextModel.smoothing
    let smoothing = alpha * Float(max(1, vocabulary.count))
    var pairs: [(Int, (UInt32, Float))] = []
    norms = []
    for (group, words) in counts.enumerated() {
      // In term order, so that the sum does not depend on the dictionary's order.
      var total: Double = 0
      for (term, count) in words.sorted(by: { $0.key < $1.key }) where stop[Int(term)] == 0 {
        total += Double(count)
        pairs.append((Int(term), (UInt32(group), log(1 + count / alpha))))
      }
      norms.append(Float(log(total + Double(smoothing))))
    }
    gains = DescriptionPostings(rows: termCount, pairs: pairs)
  }

  /// A model read from an index file.
  init(gains: DescriptionPostings, norms: [Float]) {
    self.gains = gains
    self.norms = norms
  }

  /// Whether the model knows a term (some group used it).
  /// - Complexity: O(1).
  func knows(_ term: Int32) -> Bool {
    term >= 0 && Int(term) < gains.concepts.rowCount && !gains.concepts.range(Int(term)).isEmpty
  }

  /// The log-likelihood of the words `terms` (those the model knows; repeats count) under each
  /// group flagged in `groups` (-∞ for the others), up to a constant; nil when the model knows
  /// none of the words.
  /// - Complexity: O(groups + Σ postings of the known words).
  package func logLikelihoods(_ terms: [Int32], groups: [Bool]) -> [Double]? {
    let known = terms.filter(knows)
    guard !known.isEmpty else { return nil }
    let n = Double(known.count)
    var scores = norms.indices.map { groups[$0] ? -n * Double(norms[$0]) : -Double.infinity }
    gains.concepts.values.withUnsafeBufferPointer { concepts in
      gains.weights.withUnsafeBufferPointer { weights in
        scores.withUnsafeMutableBufferPointer { scores in
          for term in known {
            for offset in gains.concepts.range(Int(term)) {
              scores[Int(concepts[offset])] += Double(weights[offset])
            }
          }
        }
      }
    }
    return scores
  }
}
