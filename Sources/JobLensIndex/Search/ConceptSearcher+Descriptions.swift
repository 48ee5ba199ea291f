extension ConceptSearcher {
  /// BM25 scores of a query against the descriptions of `kind`, scaled to 0…1 by the best
  /// possible score of the query; only concepts with a positive score.
  /// - Complexity: O(Σ postings of the query's terms).
  /// `postings` replaces the kind's description postings (a subset of them: the scale stays
  /// the query's).
  package func descriptionScores(
    _ query: QueryText, kind: ConceptKind, postings subset: DescriptionPostings? = nil
  ) -> [(Int, Float)] {
    let idf = index.data.idf[Int(kind.rawValue)]
    let stop = index.data.stopTerms
    let postings = subset ?? index.data.descriptions[Int(kind.rawValue)]
    var scratch = descriptionScratch
    var present = self.present
    descriptionScratch = []
    self.present = []
    defer {
      descriptionScratch = scratch
      self.present = present
    }
    // The query's distinct terms, by stamp.
    let stamp = nextPresentStamp(&present)
    var maximum: Float = 0
    var hits: [Int] = []
    postings.concepts.values.withUnsafeBufferPointer { concepts in
      postings.weights.withUnsafeBufferPointer { weights in
        scratch.withUnsafeMutableBufferPointer { scratch in
          for term in query.terms
          where term >= 0 && stop[Int(term)] == 0 && present[Int(term)] != stamp {
            present[Int(term)] = stamp
            let weight = idf[Int(term)]
            maximum += weight * (IndexBuilder.k1 + 1)
            for offset in postings.concepts.range(Int(term)) {
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
}
