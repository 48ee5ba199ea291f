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
    // Entries in anchor order (a counting sort, stable within a term).
    var starts = [UInt32](repeating: 0, count: termCount + 1)
    for entry in entries { starts[Int(entry.anchor) + 1] += 1 }
    for term in 0..<termCount { starts[term + 1] += starts[term] }
    var next = starts
    var order = [Int](repeating: 0, count: entries.count)
    for (index, entry) in entries.enumerated() {
      order[Int(next[Int(entry.anchor)])] = index
      next[Int(entry.anchor)] += 1
    }
    var labels: [UInt32] = []
    var signatures: [UInt64] = []
    var masses: [Float] = []
    var anchorShares: [Float] = []
    var contentStarts: [UInt32] = [0]
    var terms: [UInt32] = []
    var weights: [Float] = []
    labels.reserveCapacity(entries.count)
    signatures.reserveCapacity(entries.count)
    masses.reserveCapacity(entries.count)
    anchorShares.reserveCapacity(entries.count)
    contentStarts.reserveCapacity(entries.count + 1)
    for index in order {
      let entry = entries[index]
      var signature: UInt64 = 0
      var anchorWeight: Float = 0
      for offset in entry.content {
        let term = allTerms[offset]
        terms.append(term)
        weights.append(allWeights[offset])
        if term == entry.anchor {
          anchorWeight = allWeights[offset]
        } else {
          signature |= ConceptIndex.termBit(term)
        }
      }
      labels.append(entry.label)
      signatures.append(signature)
      masses.append(entry.mass)
      anchorShares.append(anchorWeight / entry.mass)
      contentStarts.append(UInt32(terms.count))
    }
    self.starts = starts
    self.labels = labels
    self.signatures = signatures
    self.masses = masses
    self.anchorShares = anchorShares
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
