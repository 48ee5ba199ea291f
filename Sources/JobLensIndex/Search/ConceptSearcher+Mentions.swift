extension ConceptSearcher {
  /// Finds the labels of `kind` mentioned in running text. Each label is looked for around
  /// the occurrences of its anchor (its rarest content term): its other content terms count
  /// when they stand within 2 × its length + 2 words of the anchor. Labels found word for word
  /// (phrase table) count whatever their coverage. Scored as ``LabelScoring/mention``, times
  /// the factor of `rules` (``MentionRules/factor(label:query:exact:searcher:)``; labels of
  /// function words only, such as "IT", pass ``MentionRules/functionWordLabelCounts(label:at:query:searcher:)``
  /// instead); tool names count only as `toolNameCounts` says.
  ///
  /// Matches scoring below `minimumScore` are not returned; labels that cannot reach it (their
  /// coverage bounds the score) are not visited: of each anchor, only the labels its
  /// ``MentionCandidates`` say may pass in the query.
  /// - Complexity: O(d × (n + alone labels and keys of each anchor) + candidates × label
  ///   length × window) for n words, d of them distinct.
  package func matchMentions(
    _ query: QueryText, kind: ConceptKind, minimumScore: Float = 0, rules: some MentionRules
  )
    -> [LabelMatch]
  {
    var exact = exactOccurrences(query, kind: kind)
    // Scratch, moved out of the searcher for the loop: the best coverage per label (with the
    // labels touched) and which terms the query has.
    var best = self.overlap
    var touched = self.touched
    var present = self.present
    self.overlap = []
    self.touched = []
    self.present = []
    let stamp = nextPresentStamp(&present)
    defer {
      for label in touched { best[label] = 0 }
      touched.removeAll(keepingCapacity: true)
      self.overlap = best
      self.touched = touched
      self.present = present
    }
    var distinct = self.distinctScratch
    self.distinctScratch = []
    defer {
      distinct.removeAll(keepingCapacity: true)
      self.distinctScratch = distinct
    }
    let queryMass = markPresent(
      query.terms, kind: kind, stamp: stamp, present: &present, distinct: &distinct)
    var signature: UInt64 = 0
    for term in query.terms where term >= 0 { signature |= ConceptIndex.termBit(UInt32(term)) }
    // Labels exact only through closed compounds may have terms the query lacks.
    let compoundExact = exact.labels.filter { label in
      index.labelContent[label].contains { present[Int($0)] != stamp }
    }
    let bound = MentionBound(
      anchors: index.anchors[Int(kind.rawValue)], idf: index.data.idf[Int(kind.rawValue)],
      present: present, stamp: stamp, signature: signature, compoundExact: compoundExact,
      minimumCoverage: LabelScoring.mention.minimumLabelCoverage)
    coverAnchoredLabels(
      query.terms, distinct: distinct, bound: bound,
      candidates: mentionCandidates(kind: kind, minimumScore: minimumScore, rules: rules),
      exact: exact, minimumScore: minimumScore, rules: rules, best: &best, touched: &touched)
    let labelMass = index.labelMass
    for label in exact.labels where best[label] == 0 {
      touched.append(label)
      best[label] = labelMass[label]
    }
    return mentionMatches(
      query, touched: touched, best: best, exact: &exact, queryMass: queryMass,
      minimumScore: minimumScore, rules: rules)
  }

  /// The next stamp for ``present`` (clearing `present` when the stamps wrap around).
  func nextPresentStamp(_ present: inout [UInt32]) -> UInt32 {
    presentStamp &+= 1
    if presentStamp == 0 {
      for slot in present.indices { present[slot] = 0 }
      presentStamp = 1
    }
    return presentStamp
  }

  /// Marks the known terms of a query in `present` with `stamp`, and lists them in `distinct`
  /// (each once, with its first position); returns the query's mass (the summed IDF of its
  /// distinct content terms).
  private func markPresent(
    _ terms: [Int32], kind: ConceptKind, stamp: UInt32, present: inout [UInt32],
    distinct: inout [(term: Int32, first: Int)]
  ) -> Float {
    let idf = index.data.idf[Int(kind.rawValue)]
    let stop = index.data.stopTerms
    var queryMass: Float = 0
    for (position, term) in terms.enumerated() where term >= 0 && present[Int(term)] != stamp {
      present[Int(term)] = stamp
      distinct.append((term, position))
      if stop[Int(term)] == 0 { queryMass += idf[Int(term)] }
    }
    return queryMass
  }

  /// The anchor entries of `kind` grouped by what they need at `minimumScore` with `rules`,
  /// made when first asked for and kept while they are asked for the same.
  private func mentionCandidates(
    kind: ConceptKind, minimumScore: Float, rules: some MentionRules
  ) -> MentionCandidates {
    let slot = Int(kind.rawValue)
    if let made = mentionGroups[slot], made.isMade(for: minimumScore, rules: rules) {
      return made
    }
    let made = MentionCandidates(
      table: index.anchors[slot], idf: index.data.idf[slot], labelCount: index.labelCount,
      minimumCoverage: LabelScoring.mention.minimumLabelCoverage, minimumScore: minimumScore,
      rules: rules)
    mentionGroups[slot] = made
    return made
  }

  /// Records in `best` the best coverage each label reaches in a window around an occurrence
  /// of its anchor, skipping labels that cannot improve on it or cannot pass (by `bound`, and
  /// by `minimumScore` for labels not found word for word). The labels are visited by anchor
  /// (the query's terms in order of first occurrence), of each anchor only the entries that
  /// `candidates` says may pass and those of labels found word for word, in entry order. What
  /// decides whether an entry passes is the same at every occurrence of its anchor, so an
  /// entry that passes does at the first: `touched` lists the labels in the order a visit of
  /// every entry at every position would.
  private func coverAnchoredLabels(
    _ terms: [Int32], distinct: [(term: Int32, first: Int)], bound: MentionBound,
    candidates groups: MentionCandidates, exact: ExactOccurrences, minimumScore: Float,
    rules: some MentionRules, best: inout [Float], touched: inout [Int]
  ) {
    // The labels found word for word: a few, scanned rather than hashed per candidate.
    let exactLabels = exact.labels
    let exactEntries = exactLabels.compactMap { groups.entry(label: $0) }.sorted()
    var candidates = self.candidateScratch
    var positions = self.positionScratch
    self.candidateScratch = []
    self.positionScratch = []
    defer {
      candidates.removeAll(keepingCapacity: true)
      positions.removeAll(keepingCapacity: true)
      self.candidateScratch = candidates
      self.positionScratch = positions
    }
    groups.make(distinct.lazy.map(\.term))
    bound.withBuffers { bound in
      groups.withBuffers { groups in
        for (term, first) in distinct {
          candidates.removeAll(keepingCapacity: true)
          groups.append(
            anchor: Int(term), present: bound.present, stamp: bound.bound.stamp, to: &candidates)
          let entries = bound.bound.anchors.entries(anchor: Int(term))
          for entry in exactEntries where entries.contains(entry) {
            Self.insertOnce(UInt32(entry), into: &candidates)
          }
          guard !candidates.isEmpty else { continue }
          positions.removeAll(keepingCapacity: true)
          for position in first..<terms.count where terms[position] == term {
            positions.append(position)
          }
          // By index: an iterator would hold (retain) the array once per anchor.
          for slot in candidates.indices {
            let record = bound.records[Int(candidates[slot])]
            let label = Int(record.label)
            guard let possible = bound.possibleCoverage(record, anchor: term, label: label),
              possible > 0
            else { continue }
            // Labels found word for word are kept (with their exact bonus, they may reach it).
            if minimumScore > 0 && !exactLabels.contains(label)
              && !Self.canReach(minimumScore, coverage: possible, mass: record.mass, rules: rules)
            {
              continue
            }
            let covered = bestWindowCoverage(
              record, of: label, in: bound.content, around: positions, upTo: possible, terms)
            if covered > 0 {
              touched.append(label)
              best[label] = covered
            }
          }
        }
      }
    }
  }

  /// Inserts an entry into ascending `entries` unless it is there.
  private static func insertOnce(_ entry: UInt32, into entries: inout [UInt32]) {
    let slot = entries.firstIndex { $0 >= entry } ?? entries.endIndex
    if slot == entries.endIndex || entries[slot] != entry { entries.insert(entry, at: slot) }
  }

  /// The best ``windowCoverage(_:of:in:around:_:)`` of an anchor entry around its anchor's
  /// `positions`, read until one reaches `possible` (the label's coverage by the whole query,
  /// which no window exceeds).
  private func bestWindowCoverage(
    _ record: AnchorTable.Record, of label: Int,
    in content: UnsafeBufferPointer<AnchorTable.Term>, around positions: [Int],
    upTo possible: Float, _ terms: [Int32]
  ) -> Float {
    var best: Float = 0
    for position in positions where possible > best {
      best = max(best, windowCoverage(record, of: label, in: content, around: position, terms))
    }
    return best
  }

  /// Whether a label of mass `mass` covered `coverage` can score `minimumScore`: the best score
  /// it can reach (by preferred label, in any order) is ``LabelScoring/mention`` with full
  /// query coverage, times the rules' largest factor for its mass.
  private static func canReach(
    _ minimumScore: Float, coverage possible: Float, mass: Float, rules: some MentionRules
  ) -> Bool {
    min(1, possible / mass) * min(1, possible / mass) * rules.maximumFactor(labelMass: mass)
      >= minimumScore
  }

  /// The weight of an anchor entry's content terms (in `content`) that stand within the
  /// label's reach of `position`: ``mentionReachPerTerm`` × its length + ``mentionReachSlack``
  /// words.
  private func windowCoverage(
    _ record: AnchorTable.Record, of label: Int,
    in content: UnsafeBufferPointer<AnchorTable.Term>, around position: Int, _ terms: [Int32]
  ) -> Float {
    let reach =
      Self.mentionReachPerTerm * index.data.labelTerms.range(label).count
      + Self.mentionReachSlack
    let window = terms[max(0, position - reach)..<min(terms.count, position + reach + 1)]
    var covered: Float = 0
    for offset in Int(record.contentStart)..<Int(record.contentEnd)
    where window.contains(Int32(content[offset].term)) {
      covered += content[offset].weight
    }
    return covered
  }

  /// The matches among the `touched` labels by their `best` coverage, then the labels found
  /// word for word and not touched (function words only, such as "IT"), scored with the
  /// factor of `rules`; only those scoring `minimumScore` or more.
  private func mentionMatches(
    _ query: QueryText, touched: [Int], best: [Float], exact: inout ExactOccurrences,
    queryMass: Float, minimumScore: Float, rules: some MentionRules
  ) -> [LabelMatch] {
    let scoring = LabelScoring.mention
    let labelMass = index.labelMass
    var matches: [LabelMatch] = []
    for label in touched {
      let covered = best[label]
      let mass = labelMass[label]
      guard mass > 0 else { continue }
      let labelCoverage = min(1, covered / mass)
      // Most phrases have no label word for word: no key hashed for them.
      let isExact = exact.isEmpty ? nil : exact.take(label)
      guard labelCoverage >= scoring.minimumLabelCoverage || isExact != nil else { continue }
      let queryCoverage = queryMass > 0 ? min(1, covered / queryMass) : 0
      var match = makeMatch(
        label, labelCoverage: isExact != nil ? 1 : labelCoverage, queryCoverage: queryCoverage,
        exact: isExact, scoring: scoring)
      // A label that cannot reach the minimum with the rules' largest factor is not asked for
      // its factor (whose rules are the costly part).
      guard toolNameCounts(label, at: isExact, in: query),
        match.score * rules.maximumFactor(labelMass: mass) >= minimumScore,
        let factor = rules.factor(label: label, query: query, exact: isExact, searcher: self)
      else { continue }
      match.score *= factor
      if match.score >= minimumScore { matches.append(match) }
    }
    for (label, range) in exact.sorted
    where rules.functionWordLabelCounts(label: label, at: range, query: query, searcher: self)
      && toolNameCounts(label, at: range, in: query)
    {
      let match = makeMatch(
        label, labelCoverage: 1, queryCoverage: 0, exact: range, scoring: scoring)
      if match.score >= minimumScore { matches.append(match) }
    }
    return matches
  }

  /// The best label match per concept (the first of the highest-scoring ones), in concept
  /// order.
  /// - Complexity: O(n log n) for n matches.
  package func bestMatches(_ matches: [LabelMatch]) -> ConceptMatches {
    let concepts = index.data.labelConcepts
    return ConceptMatches(matches) { Int(concepts[$0]) }
  }
}

/// What bounds a label's coverage in a query before its window is read: the query's terms (by
/// stamp in `present`, and as a signature) and the labels found word for word only through
/// closed compounds (which may have terms the query lacks).
private struct MentionBound {
  let anchors: AnchorTable
  let idf: [Float]
  let present: [UInt32]
  let stamp: UInt32
  let signature: UInt64
  let compoundExact: [Int]
  let minimumCoverage: Float

  /// Calls `body` with the bound over the tables' storage (no bounds checks in the hot loop).
  func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
    anchors.records.withUnsafeBufferPointer { records in
      anchors.content.withUnsafeBufferPointer { content in
        present.withUnsafeBufferPointer { present in
          body(Buffers(bound: self, records: records, content: content, present: present))
        }
      }
    }
  }

  /// The bound with the anchor table's entries and content terms and ``present`` as buffers,
  /// valid inside ``withBuffers(_:)``.
  struct Buffers {
    let bound: MentionBound
    let records: UnsafeBufferPointer<AnchorTable.Record>
    let content: UnsafeBufferPointer<AnchorTable.Term>
    let present: UnsafeBufferPointer<UInt32>

    /// The coverage of an anchor entry's label with its terms anywhere in the query, which
    /// bounds its coverage within the window; nil when even that cannot pass. With no other
    /// term in the query (by signature), that is the anchor's weight.
    @inline(__always)
    func possibleCoverage(_ record: AnchorTable.Record, anchor term: Int32, label: Int) -> Float? {
      if record.signature & bound.signature == 0 {
        guard
          record.anchorShare >= bound.minimumCoverage
            || bound.compoundExact.contains(label)
        else { return nil }
        return bound.idf[Int(term)]
      }
      var sum: Float = 0
      let stamp = bound.stamp
      for offset in Int(record.contentStart)..<Int(record.contentEnd) {
        let item = content[offset]
        if present[Int(item.term)] == stamp { sum += item.weight }
      }
      guard
        sum / record.mass >= bound.minimumCoverage
          || bound.compoundExact.contains(label)
      else { return nil }
      return sum
    }
  }

}
