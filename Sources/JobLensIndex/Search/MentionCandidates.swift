/// One kind's anchor entries grouped by what they need to pass in running text, at one
/// minimum score and for one rules object (see
/// ``ConceptSearcher/matchMentions(_:kind:minimumScore:rules:)``), so that a search visits
/// only the entries that may pass instead of every entry of each anchor it finds.
///
/// An entry passes when its label's terms in the query cover enough of its mass: the
/// ``LabelScoring/mention`` minimum coverage, and the coverage whose score times the rules'
/// ``MentionRules/maximumFactor(labelMass:)`` reaches the minimum score. Entries whose anchor
/// alone may cover that are *alone* entries, visited wherever their anchor is. The others need
/// more of their terms: of those, the heaviest ones without which the rest cannot make up the
/// coverage (their *keys*), and each is stored under the pair of its anchor and a key, reached
/// only when the query has both. Labels found word for word pass on weaker terms, so their
/// entries are visited whatever they need (``entry(label:)``).
///
/// The groups of an anchor are made the first time a search meets it, so that making them
/// costs nothing at start-up and anchors a run never meets (rare terms) are not made.
final class MentionCandidates {
  /// Where an anchor's groups are: its alone entries in ``aloneEntries``, its keys in
  /// ``keys``; not made yet while `aloneStart` is `UInt32.max`.
  struct Groups {
    var aloneStart: UInt32
    var aloneEnd: UInt32
    var keyStart: UInt32
    var keyEnd: UInt32

    /// An anchor whose groups are not made yet.
    static let unmade = Groups(aloneStart: .max, aloneEnd: 0, keyStart: 0, keyEnd: 0)
  }

  /// The minimum score the groups are made for.
  let minimumScore: Float
  /// The rules the groups are made for (held, so that their identity is not reused).
  let rules: any MentionRules
  private let table: AnchorTable
  private let idf: [Float]
  private let minimumCoverage: Float
  /// Whether every entry is an alone entry (a plain scan, for tests).
  private let visitsEveryEntry: Bool
  /// The groups made so far (moved out while more are made, so that their arrays grow in
  /// place without an exclusivity check per access).
  private var storage = Storage()
  /// The alone entries made so far, each anchor's together, in entry order.
  var aloneEntries: [UInt32] { storage.aloneEntries }

  /// The arrays of the groups made so far.
  private struct Storage {
    /// Per anchor term: where its groups are (``Groups/unmade`` until made).
    var groups: [Groups] = []
    /// The alone entries, each anchor's together, in entry order.
    var aloneEntries: [UInt32] = []
    /// The keys of the entries that need more than their anchor, each anchor's together,
    /// ascending (each once per anchor).
    var keys: [UInt32] = []
    /// Per key (and one more): where its entries are in ``keyEntries``.
    var keyEntryStarts: [UInt32] = [0]
    /// The entries of each of ``keys``, ascending.
    var keyEntries: [UInt32] = []
    /// Scratch: key × 2³² + entry, sorted as numbers.
    var pairs: [UInt64] = []
    /// Scratch: an entry's other terms and their weights.
    var others: [(term: UInt32, weight: Double)] = []
  }

  /// Per label: its entry in the table, or -1 (another kind, or no entry).
  private let labelEntries: [Int32]

  /// How much lower than the exact requirement the keys are worked out for, as a fraction of
  /// the label's mass: a term is a key while the other terms without it might still reach
  /// what is needed less this, so that float rounding in the search's sums (relative errors
  /// near 10⁻⁷) never drops a label that passes.
  static let keyMargin = 1e-3

  /// The groups of `table`'s entries (of a kind whose IDF is `idf`) at `minimumScore`, with
  /// the rules' largest factor; each anchor's made by ``make(_:)``.
  /// - Complexity: O(n) for n entries (the labels' entries are listed).
  convenience init(
    table: AnchorTable, idf: [Float], labelCount: Int, minimumCoverage: Float,
    minimumScore: Float, rules: some MentionRules
  ) {
    self.init(
      table: table, idf: idf, labelCount: labelCount, minimumCoverage: minimumCoverage,
      minimumScore: minimumScore, rules: rules, visitsEveryEntry: false)
  }

  /// Every entry of `table` as an alone entry: a search with these visits every entry of each
  /// anchor it finds, as searches did before the groups (tests compare the two).
  convenience init(
    everyEntryOf table: AnchorTable, idf: [Float], labelCount: Int, minimumScore: Float,
    rules: some MentionRules
  ) {
    self.init(
      table: table, idf: idf, labelCount: labelCount, minimumCoverage: 0,
      minimumScore: minimumScore, rules: rules, visitsEveryEntry: true)
  }

  private init(
    table: AnchorTable, idf: [Float], labelCount: Int, minimumCoverage: Float,
    minimumScore: Float, rules: some MentionRules, visitsEveryEntry: Bool
  ) {
    self.minimumScore = minimumScore
    self.rules = rules
    self.table = table
    self.idf = idf
    self.minimumCoverage = minimumCoverage
    self.visitsEveryEntry = visitsEveryEntry
    storage.groups = Array(repeating: .unmade, count: table.starts.count - 1)
    var labelEntries = [Int32](repeating: -1, count: labelCount)
    table.records.withUnsafeBufferPointer { records in
      for (entry, record) in records.enumerated() {
        labelEntries[Int(record.label)] = Int32(entry)
      }
    }
    self.labelEntries = labelEntries
  }

  /// Makes the groups of the anchors among `terms` not made yet.
  /// - Complexity: O(n log k) for the n terms of the anchors' entries, k per label.
  func make(_ terms: some Sequence<Int32>) {
    var storage = self.storage
    self.storage = Storage()
    defer { self.storage = storage }
    for term in terms where term >= 0 && storage.groups[Int(term)].aloneStart == .max {
      make(anchor: Int(term), in: &storage)
    }
  }

  /// Makes an anchor's groups.
  private func make(anchor: Int, in storage: inout Storage) {
    let aloneStart = UInt32(storage.aloneEntries.count)
    let keyStart = UInt32(storage.keys.count)
    storage.pairs.removeAll(keepingCapacity: true)
    for entry in table.entries(anchor: anchor) {
      let record = table.records[entry]
      guard !visitsEveryEntry else {
        storage.aloneEntries.append(UInt32(entry))
        continue
      }
      guard
        let needed = Self.otherWeightNeeded(
          record, anchorWeight: idf[anchor], minimumCoverage: minimumCoverage,
          minimumScore: minimumScore, rules: rules)
      else { continue }
      if needed <= 0 {
        storage.aloneEntries.append(UInt32(entry))
        continue
      }
      storage.others.removeAll(keepingCapacity: true)
      for offset in table.content(entry) where table.content[offset].term != UInt32(anchor) {
        storage.others.append(
          (table.content[offset].term, Double(table.content[offset].weight)))
      }
      // Heaviest first (a few terms: the standard library sorts them by insertion).
      storage.others.sort {
        $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term)
      }
      // The heaviest terms while the rest could still make up what is needed.
      let threshold = needed - Self.keyMargin * Double(record.mass)
      var rest = storage.others.reduce(0) { $0 + $1.weight }
      for other in storage.others where rest >= threshold {
        storage.pairs.append(UInt64(other.term) << 32 | UInt64(entry))
        rest -= other.weight
      }
    }
    storage.pairs.sort()
    var offset = 0
    while offset < storage.pairs.count {
      let key = UInt32(storage.pairs[offset] >> 32)
      storage.keys.append(key)
      while offset < storage.pairs.count && UInt32(storage.pairs[offset] >> 32) == key {
        storage.keyEntries.append(UInt32(truncatingIfNeeded: storage.pairs[offset]))
        offset += 1
      }
      storage.keyEntryStarts.append(UInt32(storage.keyEntries.count))
    }
    storage.groups[anchor] = Groups(
      aloneStart: aloneStart, aloneEnd: UInt32(storage.aloneEntries.count), keyStart: keyStart,
      keyEnd: UInt32(storage.keys.count))
  }

  /// The weight an entry's terms other than its anchor must add up to for it to pass (0 or
  /// less when the anchor alone may do), or nil when it cannot pass unless found word for
  /// word. Entries whose figures are not finite are counted as passing alone (visited).
  private static func otherWeightNeeded(
    _ record: AnchorTable.Record, anchorWeight: Float, minimumCoverage: Float,
    minimumScore: Float, rules: some MentionRules
  ) -> Double? {
    let mass = record.mass
    guard mass > 0, mass.isFinite, anchorWeight.isFinite else { return 0 }
    // What the search asks of an entry with no other term in the query, as it asks it.
    let aloneCoverage = record.anchorShare >= minimumCoverage
    if minimumScore <= 0 {
      if aloneCoverage { return 0 }
      return Double(minimumCoverage) * Double(mass) - Double(anchorWeight)
    }
    let factor = rules.maximumFactor(labelMass: mass)
    guard factor.isFinite else { return 0 }
    let coverage = min(1, anchorWeight / mass)
    if aloneCoverage && coverage * coverage * factor >= minimumScore { return 0 }
    // min(1, c)² × factor ≥ minimum: c ≥ √(minimum / factor), which above 1 no coverage
    // meets.
    guard factor > 0 else { return nil }
    let fromScore = (Double(minimumScore) / Double(factor)).squareRoot()
    guard fromScore <= 1 + Self.keyMargin else { return nil }
    return max(Double(minimumCoverage), fromScore) * Double(mass) - Double(anchorWeight)
  }

  /// Whether the groups were made for `minimumScore` and `rules`.
  func isMade(for minimumScore: Float, rules: AnyObject) -> Bool {
    self.minimumScore == minimumScore && self.rules === rules
  }

  /// Calls `body` with the groups' arrays as buffers (no bounds checks in the search's loop);
  /// only the groups made before (``make(_:)``) may be read.
  func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
    storage.groups.withUnsafeBufferPointer { groups in
      storage.aloneEntries.withUnsafeBufferPointer { aloneEntries in
        storage.keys.withUnsafeBufferPointer { keys in
          storage.keyEntryStarts.withUnsafeBufferPointer { keyEntryStarts in
            storage.keyEntries.withUnsafeBufferPointer { keyEntries in
              body(
                Buffers(
                  groups: groups, aloneEntries: aloneEntries, keys: keys,
                  keyEntryStarts: keyEntryStarts, keyEntries: keyEntries))
            }
          }
        }
      }
    }
  }

  /// The groups' arrays as buffers, valid inside ``withBuffers(_:)``.
  struct Buffers {
    let groups: UnsafeBufferPointer<Groups>
    let aloneEntries: UnsafeBufferPointer<UInt32>
    let keys: UnsafeBufferPointer<UInt32>
    let keyEntryStarts: UnsafeBufferPointer<UInt32>
    let keyEntries: UnsafeBufferPointer<UInt32>

    /// Appends to `candidates` the entries anchored on `anchor` that may pass in a query
    /// whose terms are marked with `stamp` in `present`: its alone entries and those with a
    /// key in the query, in entry order, each once. The anchor's groups must be made.
    /// - Complexity: O(a + k) for a alone entries and k keys of the anchor (plus sorting the
    ///   entries found by key).
    @inline(__always)
    func append(
      anchor: Int, present: UnsafeBufferPointer<UInt32>, stamp: UInt32,
      to candidates: inout [UInt32]
    ) {
      let before = candidates.count
      let made = groups[anchor]
      for offset in Int(made.aloneStart)..<Int(made.aloneEnd) {
        candidates.append(aloneEntries[offset])
      }
      let found = candidates.count
      // A key's term tested in the query costs a load that nearly always says no: cheaper
      // than looking the query's terms up among the keys.
      for offset in Int(made.keyStart)..<Int(made.keyEnd)
      where present[Int(keys[offset])] == stamp {
        for entry in Int(keyEntryStarts[offset])..<Int(keyEntryStarts[offset + 1]) {
          candidates.append(keyEntries[entry])
        }
      }
      // An entry is found once per key in the query, and after the alone ones.
      if candidates.count > found + 1 || (found > before && candidates.count > found) {
        // Through a buffer: sorting the array's slice in place copies it first.
        candidates.withUnsafeMutableBufferPointer { all in
          var added = UnsafeMutableBufferPointer(rebasing: all[before...])
          added.sort()
        }
        var kept = before
        for position in before..<candidates.count
        where kept == before || candidates[kept - 1] != candidates[position] {
          candidates[kept] = candidates[position]
          kept += 1
        }
        candidates.removeLast(candidates.count - kept)
      }
    }
  }

  /// The entry of a label in the table, or nil.
  /// - Complexity: O(1).
  func entry(label: Int) -> Int? {
    let entry = labelEntries[label]
    return entry >= 0 ? Int(entry) : nil
  }
}
