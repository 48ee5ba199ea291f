/// The labels of one kind by anchor, their rarest content term (highest IDF): finding labels
/// in running text starts from the anchors found in it (see
/// ``ConceptSearcher/matchMentions(_:kind:minimumScore:)``). A term's entries are stored
/// together, each with its label's content terms inline, so that a search reads them in
/// sequence.
struct AnchorTable: Sendable {
  /// One label to store.
  struct Entry {
    var anchor: UInt32
    var label: UInt32
    /// Where the label's distinct content terms (in label order) and their IDF are in the
    /// arrays given to ``init(termCount:entries:terms:weights:)``.
    var content: Range<Int>
    /// The label's mass (its terms' summed IDF).
    var mass: Float
  }

  /// Per term: the range of its entries.
  let starts: [UInt32]
  /// Per entry: the label.
  let labels: [UInt32]
  /// Per entry: the label's other content terms as a signature (see
  /// ``ConceptIndex/termBit(_:)``). A label whose signature shares no bit with the query's has
  /// no term in the query but its anchor.
  let signatures: [UInt64]
  /// Per entry: the label's mass, and its anchor's share of it.
  let masses: [Float]
  let anchorShares: [Float]
  /// Per entry: the range of its content terms in ``terms`` and ``weights``.
  let contentStarts: [UInt32]
  let terms: [UInt32]
  let weights: [Float]

  init(termCount: Int, entries: [Entry], terms allTerms: [UInt32], weights allWeights: [Float]) {
    let order = CSR(rows: termCount, pairs: entries.indices.map { (Int(entries[$0].anchor), $0) })
    starts = order.starts
    labels = order.values.map { entries[$0].label }
    signatures = order.values.map { index in
      allTerms[entries[index].content].reduce(0) { signature, term in
        term == entries[index].anchor ? signature : signature | ConceptIndex.termBit(term)
      }
    }
    masses = order.values.map { entries[$0].mass }
    anchorShares = order.values.map { index in
      let entry = entries[index]
      return allWeights[allTerms[entry.content].firstIndex(of: entry.anchor)!] / entry.mass
    }
    var contentStarts: [UInt32] = [0]
    var terms: [UInt32] = []
    var weights: [Float] = []
    for index in order.values {
      terms += allTerms[entries[index].content]
      weights += allWeights[entries[index].content]
      contentStarts.append(UInt32(terms.count))
    }
    self.contentStarts = contentStarts
    self.terms = terms
    self.weights = weights
  }

  /// The entries anchored on a term.
  /// - Complexity: O(1).
  @inline(__always) func entries(anchor term: Int) -> Range<Int> {
    Int(starts[term])..<Int(starts[term + 1])
  }

  /// The range of an entry's content terms in ``terms`` and ``weights``.
  @inline(__always) func content(_ entry: Int) -> Range<Int> {
    Int(contentStarts[entry])..<Int(contentStarts[entry + 1])
  }
}
