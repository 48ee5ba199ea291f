/// One kind's BM25 description scores prepared per term: each term's contribution to each
/// concept (its IDF × the posting's term-frequency weight, the products that
/// ``ConceptSearcher/descriptionScores(_:kind:)`` sums), so that a query's scores are sums of
/// its terms' rows. A term in many of the descriptions has a dense row over all concepts
/// (summed without indirection); the others keep their postings.
package struct DescriptionContributions: Sendable {
  /// The number of concepts (the length of a dense row).
  package let conceptCount: Int
  /// The IDF of each term (as in ``IndexData/idf``).
  let idf: [Float]
  /// Per term: the offset of its dense row in ``dense``, or -1.
  private let denseStart: [Int32]
  private let dense: [Float]
  /// Per term without a dense row: the concepts whose description has it.
  private let concepts: CSR<UInt32>
  /// The contributions of ``concepts``' postings, aligned with their values.
  private let contributions: [Float]

  /// A term gets a dense row when more than 1 in this many concepts have it.
  static let denseFraction = 16

  /// Prepares `postings` (of a kind with `conceptCount` concepts, or a subset of them) with the
  /// kind's IDF.
  /// - Complexity: O(terms × concepts) at most.
  package init(postings: DescriptionPostings, idf: [Float], conceptCount: Int) {
    self.conceptCount = conceptCount
    self.idf = idf
    var denseStart = [Int32](repeating: -1, count: postings.concepts.rowCount)
    var dense: [Float] = []
    var concepts = CSR<UInt32>(starts: [0], values: [])
    var contributions: [Float] = []
    for term in 0..<postings.concepts.rowCount {
      let range = postings.concepts.range(term)
      if range.count * DescriptionContributions.denseFraction > conceptCount {
        denseStart[term] = Int32(dense.count)
        dense.append(contentsOf: repeatElement(0, count: conceptCount))
      }
      for offset in range {
        let concept = postings.concepts.values[offset]
        let contribution = idf[term] * postings.weights[offset]
        if denseStart[term] >= 0 {
          dense[Int(denseStart[term]) + Int(concept)] = contribution
        } else {
          concepts.values.append(concept)
          contributions.append(contribution)
        }
      }
      concepts.starts.append(UInt32(concepts.values.count))
    }
    self.denseStart = denseStart
    self.dense = dense
    self.concepts = concepts
    self.contributions = contributions
  }

  /// Adds a term's contributions to `scores` (``conceptCount`` long).
  /// - Complexity: O(concepts) for a dense term, O(postings) for the others.
  func add(_ term: Int, to scores: UnsafeMutableBufferPointer<Float>) {
    let start = Int(denseStart[term])
    if start >= 0 {
      dense.withUnsafeBufferPointer { dense in
        let row = UnsafeBufferPointer(rebasing: dense[start..<(start + conceptCount)])
        for concept in 0..<conceptCount { scores[concept] += row[concept] }
      }
      return
    }
    concepts.values.withUnsafeBufferPointer { values in
      contributions.withUnsafeBufferPointer { contributions in
        for offset in concepts.range(term) {
          scores[Int(values[offset])] += contributions[offset]
        }
      }
    }
  }
}
