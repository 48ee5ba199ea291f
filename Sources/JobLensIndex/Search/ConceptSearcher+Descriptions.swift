extension ConceptSearcher {
  /// BM25 scores of a query against the descriptions of `kind`, scaled to 0…1 by the best
  /// possible score of the query; only concepts with a positive score.
  /// - Complexity: O(Σ postings of the query's terms).
  package func descriptionScores(_ query: QueryText, kind: ConceptKind) -> [(Int, Float)] {
    let postings = index.data.descriptions[Int(kind.rawValue)]
    var scratch = descriptionScratch
    descriptionScratch = []
    defer { descriptionScratch = scratch }
    var hits: [Int] = []
    let maximum = forEachDistinctTerm(of: query, idf: index.data.idf[Int(kind.rawValue)]) {
      term, weight in
      postings.concepts.values.withUnsafeBufferPointer { concepts in
        postings.weights.withUnsafeBufferPointer { weights in
          scratch.withUnsafeMutableBufferPointer { scratch in
            for offset in postings.concepts.range(term) {
              let concept = Int(concepts[offset])
              if scratch[concept] == 0 { hits.append(concept) }
              scratch[concept] += weight * weights[offset]
            }
          }
        }
      }
    }
    var result: [(Int, Float)] = []
    result.reserveCapacity(hits.count)
    for concept in hits {
      result.append((concept, maximum > 0 ? scratch[concept] / maximum : 0))
      scratch[concept] = 0
    }
    return result
  }

  /// ``descriptionScores(_:kind:)`` from prepared contributions (of a kind or a subset of its
  /// concepts: the scale stays the query's): the concepts with a positive score, in ID order.
  /// - Complexity: O(Σ postings of the query's sparse terms + (dense terms + 1) × concepts).
  package func descriptionScores(
    _ query: QueryText, contributions: DescriptionContributions
  ) -> [(Int, Float)] {
    var scratch = descriptionScratch
    descriptionScratch = []
    defer { descriptionScratch = scratch }
    let count = contributions.conceptCount
    var result: [(Int, Float)] = []
    scratch.withUnsafeMutableBufferPointer { scratch in
      let scores = UnsafeMutableBufferPointer(rebasing: scratch[..<count])
      let maximum = forEachDistinctTerm(of: query, idf: contributions.idf) { term, _ in
        contributions.add(term, to: scores)
      }
      guard maximum > 0 else { return }
      // Scaled in place first, in a loop the compiler vectorises.
      for concept in 0..<count { scores[concept] /= maximum }
      result.reserveCapacity(count)
      for concept in 0..<count where scores[concept] != 0 {
        if scores[concept] > 0 { result.append((concept, scores[concept])) }
        scores[concept] = 0
      }
    }
    return result
  }

  /// Calls `body(term, idf)` for each distinct term of a query that is not a stop term, in
  /// order; returns the best score the query can reach (Σ idf × (k1 + 1)).
  private func forEachDistinctTerm(
    of query: QueryText, idf: [Float], _ body: (Int, Float) -> Void
  ) -> Float {
    let stop = index.data.stopTerms
    var present = self.present
    self.present = []
    defer { self.present = present }
    let stamp = nextPresentStamp(&present)
    var maximum: Float = 0
    for term in query.terms
    where term >= 0 && stop[Int(term)] == 0 && present[Int(term)] != stamp {
      present[Int(term)] = stamp
      let weight = idf[Int(term)]
      maximum += weight * (IndexBuilder.k1 + 1)
      body(Int(term), weight)
    }
    return maximum
  }
}
