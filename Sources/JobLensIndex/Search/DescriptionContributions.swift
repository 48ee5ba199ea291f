/// One kind's BM25 description scores prepared per term: each term's contribution to each
/// concept (its IDF × the posting's term-frequency weight, the products that
/// ``ConceptSearcher/descriptionScores(_:kind:)`` sums), so that a query's scores are sums of
/// its terms' rows. Rows run over the concepts that have a description term (the others never
/// score; for the unit groups, 436 of the 619 ISCO groups), in ID order. A term in many of the
/// descriptions has a dense row (summed without indirection); the others keep their postings.
package struct DescriptionContributions: Sendable {
  /// The number of concepts of the kind.
  package let conceptCount: Int
  /// The concepts with a description term, in ID order: a row's positions.
  let concepts: [Int]
  /// The length of a row.
  var rowLength: Int { concepts.count }
  /// The IDF of each term (as in ``IndexData/idf``).
  let idf: [Float]
  /// Per term: the offset of its dense row in ``dense``, or -1.
  private let denseStart: [Int32]
  private let dense: [Float]
  /// Per term without a dense row: the row positions of the concepts whose description has it.
  private let positions: CSR<UInt32>
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
    var position = [UInt32](repeating: .max, count: conceptCount)
    for concept in postings.concepts.values { position[Int(concept)] = 0 }
    let concepts = position.indices.filter { position[$0] == 0 }
    for (offset, concept) in concepts.enumerated() { position[concept] = UInt32(offset) }
    self.concepts = concepts
    let rowLength = concepts.count
    var denseStart = [Int32](repeating: -1, count: postings.concepts.rowCount)
    var dense: [Float] = []
    var positions = CSR<UInt32>(starts: [0], values: [])
    var contributions: [Float] = []
    for term in 0..<postings.concepts.rowCount {
      let range = postings.concepts.range(term)
      if range.count * DescriptionContributions.denseFraction > rowLength {
        denseStart[term] = Int32(dense.count)
        dense.append(contentsOf: repeatElement(0, count: rowLength))
      }
      for offset in range {
        let concept = position[Int(postings.concepts.values[offset])]
        let contribution = idf[term] * postings.weights[offset]
        if denseStart[term] >= 0 {
          dense[Int(denseStart[term]) + Int(concept)] = contribution
        } else {
          positions.values.append(concept)
          contributions.append(contribution)
        }
      }
      positions.starts.append(UInt32(positions.values.count))
    }
    self.denseStart = denseStart
    self.dense = dense
    self.positions = positions
    self.contributions = contributions
  }

  /// Adds a term's contributions to `scores` (a row: ``rowLength`` long).
  /// - Complexity: O(row length) for a dense term, O(postings) for the others.
  func add(_ term: Int, to scores: UnsafeMutableBufferPointer<Float>) {
    let start = Int(denseStart[term])
    if start >= 0 {
      dense.withUnsafeBufferPointer { dense in
        let row = UnsafeBufferPointer(rebasing: dense[start..<(start + rowLength)])
        for position in 0..<rowLength { scores[position] += row[position] }
      }
      return
    }
    positions.values.withUnsafeBufferPointer { values in
      contributions.withUnsafeBufferPointer { contributions in
        for offset in positions.range(term) {
          scores[Int(values[offset])] += contributions[offset]
        }
      }
    }
  }
}
