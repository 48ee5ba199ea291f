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

  /// What a search reads of one entry, stored together (32 bytes), since the entries of a term
  /// are read in sequence but each term's entries lie elsewhere.
  struct Record {
    /// The label's other content terms as a signature (see ``ConceptIndex/termBit(_:)``). A
    /// label whose signature shares no bit with the query's has no term in the query but its
    /// anchor.
    var signature: UInt64
    var label: UInt32
    /// The range of the label's content terms in ``content``.
    var contentStart: UInt32
    var contentEnd: UInt32
    /// The label's mass, and its anchor's share of it.
    var mass: Float
    var anchorShare: Float

    /// Whether a record lies in memory as an index file stores it (the fields in this order,
    /// 32 bytes with 4 of padding), so that a mapped file's records are read in place.
    static let isFileLayout =
      MemoryLayout<Record>.stride == 32 && MemoryLayout<Record>.offset(of: \.label) == 8
      && MemoryLayout<Record>.offset(of: \.contentStart) == 12
      && MemoryLayout<Record>.offset(of: \.contentEnd) == 16
      && MemoryLayout<Record>.offset(of: \.mass) == 20
      && MemoryLayout<Record>.offset(of: \.anchorShare) == 24
  }

  /// One content term of an entry and its weight (IDF), stored together.
  struct Term {
    var term: UInt32
    var weight: Float

    /// Whether a term lies in memory as an index file stores it (term, then weight).
    static let isFileLayout =
      MemoryLayout<Term>.stride == 8 && MemoryLayout<Term>.offset(of: \.weight) == 4
  }

  /// Per term: the range of its entries.
  let starts: FlatArray<UInt32>
  /// Per entry, in anchor order.
  let records: FlatArray<Record>
  /// The entries' content terms (in label order), each entry's together.
  let content: FlatArray<Term>

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
    var records = ContiguousArray<Record>()
    var content = ContiguousArray<Term>()
    records.reserveCapacity(entries.count)
    for index in order {
      let entry = entries[index]
      var signature: UInt64 = 0
      var anchorWeight: Float = 0
      let contentStart = UInt32(content.count)
      for offset in entry.content {
        let term = allTerms[offset]
        content.append(Term(term: term, weight: allWeights[offset]))
        if term == entry.anchor {
          anchorWeight = allWeights[offset]
        } else {
          signature |= ConceptIndex.termBit(term)
        }
      }
      records.append(
        Record(
          signature: signature, label: entry.label, contentStart: contentStart,
          contentEnd: UInt32(content.count), mass: entry.mass,
          anchorShare: anchorWeight / entry.mass))
    }
    self.starts = FlatArray(starts)
    self.records = FlatArray(Array(records))
    self.content = FlatArray(Array(content))
  }

  /// A table as stored in an index file (``IndexFile``), checked by ``problem(termCount:labelCount:)``.
  init(starts: FlatArray<UInt32>, records: FlatArray<Record>, content: FlatArray<Term>) {
    self.starts = starts
    self.records = records
    self.content = content
  }

  /// What is wrong with a stored table (ranges out of order or outside its arrays, IDs out of
  /// range), or nil: searches read records and content terms without bounds checks.
  /// - Complexity: O(n) in the table's size.
  func problem(termCount: Int, labelCount: Int) -> String? {
    guard starts.count == termCount + 1, starts.first == 0, Int(starts.last!) == records.count,
      starts.withUnsafeBufferPointer({ zip($0, $0.dropFirst()).allSatisfy({ $0 <= $1 }) })
    else { return "anchor table offsets" }
    let contentCount = content.count
    let recordsValid = records.withUnsafeBufferPointer { records in
      records.allSatisfy {
        Int($0.label) < labelCount && $0.contentStart <= $0.contentEnd
          && Int($0.contentEnd) <= contentCount
      }
    }
    guard recordsValid else { return "anchor table records" }
    guard content.withUnsafeBufferPointer({ $0.allSatisfy({ Int($0.term) < termCount }) }) else {
      return "anchor table terms"
    }
    return nil
  }

  /// The entries anchored on a term.
  /// - Complexity: O(1).
  @inline(__always) func entries(anchor term: Int) -> Range<Int> {
    Int(starts[term])..<Int(starts[term + 1])
  }

  /// The range of an entry's content terms in ``content``.
  @inline(__always) func content(_ entry: Int) -> Range<Int> {
    Int(records[entry].contentStart)..<Int(records[entry].contentEnd)
  }
}
