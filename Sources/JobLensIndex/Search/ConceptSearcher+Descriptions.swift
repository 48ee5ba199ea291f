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
    withScaledDescriptionScores(query, contributions: contributions) { scores in
      var result: [(Int, Float)] = []
      result.reserveCapacity(scores.count)
      for position in scores.indices where scores[position] > 0 {
        result.append((contributions.concepts[position], scores[position]))
      }
      return result
    }
  }

  /// The `count` best of ``descriptionScores(_:contributions:)``, best first (of equal scores,
  /// the lower ID first), read off the scores without listing the others: a concept that does
  /// not beat the current `count`th best costs one comparison.
  /// - Complexity: O(Σ postings of the query's sparse terms + (dense terms + 1) × concepts
  ///   + count × the concepts that enter the selection).
  package func strongestDescriptionScores(
    _ query: QueryText, contributions: DescriptionContributions, count: Int
  ) -> [(Int, Float)] {
    guard count > 0 else { return [] }
    return withScaledDescriptionScores(query, contributions: contributions) { scores in
      var top: [(Int, Float)] = []
      top.reserveCapacity(count + 1)
      // Positions are in ID order, so a later one beats an equal score never: it must be
      // above the `count`th best, or above 0 while fewer are kept.
      var floor: Float = 0
      for position in scores.indices where scores[position] > floor {
        let score = scores[position]
        top.insert((position, score), at: top.firstIndex { score > $0.1 } ?? top.count)
        if top.count > count { top.removeLast() }
        if top.count == count { floor = top[count - 1].1 }
      }
      return top.map { (contributions.concepts[$0.0], $0.1) }
    }
  }

  /// Sums a query's description scores from prepared contributions into the scratch (a row:
  /// by position in ``DescriptionContributions/concepts``), scales them by the query's best
  /// possible score and lends them to `body` (nothing when the query has no scored term), then
  /// clears them.
  private func withScaledDescriptionScores<Result>(
    _ query: QueryText, contributions: DescriptionContributions,
    _ body: (UnsafeMutableBufferPointer<Float>) -> [Result]
  ) -> [Result] {
    var scratch = descriptionScratch
    descriptionScratch = []
    defer { descriptionScratch = scratch }
    let count = contributions.rowLength
    return scratch.withUnsafeMutableBufferPointer { scratch in
      let scores = UnsafeMutableBufferPointer(rebasing: scratch[..<count])
      let maximum = forEachDistinctTerm(of: query, idf: contributions.idf) { term, _ in
        contributions.add(term, to: scores)
      }
      defer { scores.update(repeating: 0) }
      guard maximum > 0 else { return [] }
      // Scaled in place first, in a loop the compiler vectorises.
      for concept in 0..<count { scores[concept] /= maximum }
      return body(scores)
    }
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
