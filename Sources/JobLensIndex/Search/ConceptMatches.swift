import JobLensCore

/// The best label match per concept of one kind, in concept order: what a phrase or a title
/// matched, kept as one sorted array rather than a dictionary (hashed at every look-up and
/// made anew for every phrase).
package struct ConceptMatches: RandomAccessCollection, Sendable {
  /// A concept and its best label match.
  package typealias Element = (concept: Int, match: LabelMatch)

  private var elements: [Element]

  /// No matches.
  package init() { elements = [] }

  /// The best of `matches` per concept (`concept` gives a match's concept): the first of the
  /// highest-scoring ones (``ConceptSearcher/bestMatches(_:)``).
  /// - Complexity: O(n log n) for n matches.
  package init(_ matches: [LabelMatch], concept: (Int) -> Int) {
    var keyed: [(concept: Int, order: Int, match: LabelMatch)] = []
    keyed.reserveCapacity(matches.count)
    for (order, match) in matches.enumerated() {
      keyed.append((concept(match.label), order, match))
    }
    keyed.sort { ($0.concept, $0.order) < ($1.concept, $1.order) }
    var best: [Element] = []
    best.reserveCapacity(keyed.count)
    for entry in keyed {
      if let last = best.last, last.concept == entry.concept {
        if entry.match.score > last.match.score { best[best.count - 1].match = entry.match }
      } else {
        best.append((entry.concept, entry.match))
      }
    }
    elements = best
  }

  /// Matches given one per concept (in any order).
  package init(uniqueConcepts matches: [Element]) {
    elements = matches.sorted { $0.concept < $1.concept }
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { elements.count }
  package subscript(position: Int) -> Element { elements[position] }

  /// The position of `concept`'s match, if it has one.
  /// - Complexity: O(log n).
  package func position(of concept: Int) -> Int? {
    let low = elements.lowerBound { $0.concept < concept }
    return low < elements.count && elements[low].concept == concept ? low : nil
  }

  /// The match of `concept`, if it has one.
  /// - Complexity: O(log n).
  package subscript(concept concept: Int) -> LabelMatch? {
    position(of: concept).map { elements[$0].match }
  }
}
