import JobLensText

extension ConceptSearcher {
  /// Finds the labels of `kind` that a short query (a title, a search) covers, scored as a
  /// whole (see ``matchMentions(_:kind:minimumScore:)`` for running text). `boost` multiplies
  /// the weight of some terms in the query's coverage (the head noun of a title).
  /// - Complexity: O(Σ postings of the query's terms + length × longest label).
  package func matchLabels(
    _ query: QueryText, kind: ConceptKind, scoring: LabelScoring, boost: [Int32: Float] = [:]
  ) -> [LabelMatch] {
    let (queryTerms, queryMass) = distinctTerms(query, kind: kind, boost: boost)
    var exact = exactOccurrences(query, kind: kind)

    // Candidates come from the query's rarer terms (those in at most
    // ``ConceptIndex/frequentTermPostings`` labels) and from exact occurrences; frequent terms
    // ("manage", "equipment") are then added to those candidates. A label whose rarer terms
    // are all missing can still match word for word; this keeps a phrase's cost to the short
    // postings of its rarer terms.
    var overlap = self.overlap
    var touched = self.touched
    self.overlap = []
    self.touched = []
    defer {
      self.overlap = overlap
      self.touched = touched
    }
    let frequent = addRareTermOverlap(
      queryTerms, kind: kind, overlap: &overlap, touched: &touched)
    for label in exact.labels where overlap[label] == 0 {
      // Exact labels made of frequent terms only: their rarer-term overlap is zero.
      touched.append(label)
      overlap[label] = .leastNonzeroMagnitude
    }
    if !frequent.isEmpty {
      addFrequentTermOverlap(frequent, kind: kind, overlap: &overlap, touched: touched)
    }

    var matches = coveredMatches(
      query, kind: kind, scoring: scoring, boost: boost, queryMass: queryMass,
      overlap: &overlap, touched: touched, exact: &exact)
    touched.removeAll(keepingCapacity: true)
    // Exact labels made only of function words ("IT": "it" is one).
    for (label, range) in exact.sorted where toolNameCounts(label, at: range, in: query) {
      matches.append(
        makeMatch(label, labelCoverage: 1, queryCoverage: 0, exact: range, scoring: scoring))
    }
    return matches
  }

  /// The query's distinct known terms (closed compounds included), and its mass: the summed
  /// IDF of its content terms, each times its `boost`, a closed compound's parts counted once.
  private func distinctTerms(
    _ query: QueryText, kind: ConceptKind, boost: [Int32: Float]
  ) -> (terms: [Int32], mass: Float) {
    let idf = index.data.idf[Int(kind.rawValue)]
    let stop = index.data.stopTerms
    var queryTerms: [Int32] = []
    var queryMass: Float = 0
    var seen: Set<Int32> = []
    let allTerms = query.terms + (query.closedCompounds?.map(\.term) ?? [])
    for term in allTerms where term >= 0 && seen.insert(term).inserted {
      queryTerms.append(term)
      if stop[Int(term)] == 0 { queryMass += idf[Int(term)] * (boost[term] ?? 1) }
    }
    // Closed compounds repeat their parts' weight: count the parts once.
    if let closed = query.closedCompounds {
      for entry in closed where entry.first != entry.last && entry.term >= 0 {
        if seen.contains(entry.term) && stop[Int(entry.term)] == 0 {
          queryMass -= min(idf[Int(entry.term)], queryMass / 2)
        }
      }
    }
    return (queryTerms, queryMass)
  }

  /// Adds the IDF of each rarer content term of `terms` (in at most
  /// ``ConceptIndex/frequentTermPostings`` labels of `kind`) to the overlap of the labels that
  /// have it, noting the labels touched; returns the frequent terms, left for later.
  private func addRareTermOverlap(
    _ terms: [Int32], kind: ConceptKind, overlap: inout [Float], touched: inout [Int]
  ) -> [Int32] {
    let idf = index.data.idf[Int(kind.rawValue)]
    let stop = index.data.stopTerms
    let postings = index.labelsByTerm[Int(kind.rawValue)]
    var frequent: [Int32] = []
    for term in terms where stop[Int(term)] == 0 {
      let range = postings.range(Int(term))
      if range.count > ConceptIndex.frequentTermPostings {
        frequent.append(term)
        continue
      }
      let weight = idf[Int(term)]
      postings.values.withUnsafeBufferPointer { labels in
        overlap.withUnsafeMutableBufferPointer { overlap in
          for offset in range {
            let slot = Int(labels[offset])
            if overlap[slot] == 0 { touched.append(slot) }
            overlap[slot] += weight
          }
        }
      }
    }
    return frequent
  }

  /// Adds the IDF of the `frequent` terms to the overlap of the touched labels that have them.
  private func addFrequentTermOverlap(
    _ frequent: [Int32], kind: ConceptKind, overlap: inout [Float], touched: [Int]
  ) {
    let idf = index.data.idf[Int(kind.rawValue)]
    let labelTerms = index.data.labelTerms
    // Moved out, so that setting the weights does not copy the whole array.
    var frequentWeight = self.frequentWeight
    self.frequentWeight = []
    for term in frequent { frequentWeight[Int(term)] = idf[Int(term)] }
    labelTerms.values.withUnsafeBufferPointer { values in
      labelTerms.starts.withUnsafeBufferPointer { starts in
        frequentWeight.withUnsafeBufferPointer { weights in
          for slot in touched {
            overlap[slot] = Self.adding(
              weights, of: values, from: Int(starts[slot]), to: Int(starts[slot + 1]),
              total: overlap[slot])
          }
        }
      }
    }
    for term in frequent { frequentWeight[Int(term)] = 0 }
    self.frequentWeight = frequentWeight
  }

  /// `total` plus the weight of each distinct term of `terms[start..<end]`, added one by one in
  /// order (so that the sum rounds as it always has). A term the label repeats counts once.
  /// Plain offsets into the buffer: a slice's `indices` was called unspecialized from the
  /// standard library (about 900 instructions a label).
  private static func adding(
    _ weights: UnsafeBufferPointer<Float>, of terms: UnsafeBufferPointer<UInt32>,
    from start: Int, to end: Int, total: Float
  ) -> Float {
    var total = total
    var offset = start
    while offset < end {
      let term = terms[offset]
      let weight = weights[Int(term)]
      if weight > 0 {
        var before = start
        while before < offset && terms[before] != term { before += 1 }
        if before == offset { total += weight }
      }
      offset += 1
    }
    return total
  }

  /// The matches among the `touched` labels, by their `overlap` (cleared on the way); labels
  /// found word for word are taken out of `exact`.
  private func coveredMatches(
    _ query: QueryText, kind: ConceptKind, scoring: LabelScoring, boost: [Int32: Float],
    queryMass: Float, overlap: inout [Float], touched: [Int], exact: inout ExactOccurrences
  ) -> [LabelMatch] {
    let idf = index.data.idf[Int(kind.rawValue)]
    var matches: [LabelMatch] = []
    let mass = index.labelMass
    for slot in touched {
      let covered = overlap[slot]
      overlap[slot] = 0
      let labelMass = mass[slot]
      guard labelMass > 0 else { continue }
      let labelCoverage = min(1, covered / labelMass)
      // Labels found word for word are covered completely: only those need the lookup.
      let isExact = labelCoverage > 0.999 && !exact.isEmpty ? exact.take(slot) : nil
      guard labelCoverage >= scoring.minimumLabelCoverage || isExact != nil,
        toolNameCounts(slot, at: isExact, in: query)
      else { continue }
      var boosted = covered
      // Each boosted term the label has, once (a title boosts one term: its head noun).
      for (term, factor) in boost
      where term >= 0 && index.data.labelTerms[slot].contains(UInt32(term)) {
        boosted += idf[Int(term)] * (factor - 1)
      }
      let queryCoverage = queryMass > 0 ? min(1, boosted / queryMass) : 0
      matches.append(
        makeMatch(
          slot, labelCoverage: isExact != nil ? 1 : labelCoverage, queryCoverage: queryCoverage,
          exact: isExact, scoring: scoring))
    }
    return matches
  }

  /// Whether a label counts if it is a tool name (``ToolNames``): a proper name, so found word
  /// for word (at `exact`) and written with a capital where the phrase has capitals ("Slack",
  /// not "slack"). Other labels always count.
  package func toolNameCounts(_ label: Int, at exact: Range<Int>?, in query: QueryText) -> Bool {
    guard index.labelField(label) == .tool else { return true }
    guard let exact else { return false }
    return query.capitalised[exact.lowerBound] || !query.hasCapitals
  }

  /// A label's match scored by `scoring`: the label's field weight × coverage (see
  /// ``LabelScoring``), times the exact bonus when found word for word.
  func makeMatch(
    _ label: Int, labelCoverage: Float, queryCoverage: Float, exact: Range<Int>?,
    scoring: LabelScoring
  ) -> LabelMatch {
    let field = index.labelField(label).weight
    var score: Float
    if scoring.symmetric {
      let sum = labelCoverage + queryCoverage
      score = sum > 0 ? field * 2 * labelCoverage * queryCoverage / sum : 0
    } else {
      let blend = (1 - scoring.queryCoverageWeight) + scoring.queryCoverageWeight * queryCoverage
      score = field * labelCoverage * labelCoverage * blend
    }
    if exact != nil { score *= scoring.exactBonus }
    return LabelMatch(
      label: label, labelCoverage: labelCoverage, queryCoverage: queryCoverage, exact: exact,
      score: score)
  }

  /// The labels of `kind` found word for word in a query (with its hyphenated compounds written
  /// open or closed), each with the query positions of its first occurrence that no list
  /// separator breaks (``QueryText/listBreaks``), or else of its first.
  func exactOccurrences(_ query: QueryText, kind: ConceptKind) -> ExactOccurrences {
    var exact = ExactOccurrences()
    func record(_ label: Int, _ range: Range<Int>, _ crossesBreak: Bool) {
      exact.record(label, range, crossesBreak: crossesBreak)
    }
    findExact(
      query.terms.enumerated().map { ($1, $0, $0) }, kind: kind, breaks: query.listBreaks,
      found: record)
    if let closed = query.closedCompounds {
      findExact(
        closed.map { ($0.term, $0.first, $0.last) }, kind: kind, breaks: query.listBreaks,
        found: record)
    }
    // The shared words end where the object does: "monitor and direct service associates"
    // is no *monitor service*, "building and deploying machine learning" no *build machines*.
    func endsNounPhrase(_ position: Int) -> Bool {
      position == query.terms.count || query.listBreaks.contains(position)
        || (query.terms[position] >= 0
          && index.isStopTerm(TermID(rawValue: UInt32(query.terms[position]))))
    }
    if kind == .skill {
      for coordination in coordinations(query) {
        let shared = coordination.shared
        let breaks = query.listBreaks.filter { $0 > shared }
        let rest = (shared..<query.terms.count).map { (query.terms[$0], $0, $0) }
        for conjunct in coordination.conjuncts {
          findExact(
            [(query.terms[conjunct], conjunct, conjunct)] + rest, kind: kind, breaks: breaks,
            firstStartOnly: true
          ) { label, range, crossesBreak in
            if range.upperBound > shared, endsNounPhrase(range.upperBound),
              opensWithVerb(label, writtenAs: query.forms[conjunct])
            {
              record(label, range, crossesBreak)
            }
          }
        }
      }
    }
    return exact
  }

  /// Whether a label of a skill (not knowledge) opens with the verb of its concept's
  /// preferred label, and the word `form` is that verb or one of its inflections ("answer",
  /// "answers", "answering"): the coordinated word is the label's verb, not a noun its
  /// stem shares ("Manager and operations team" is no *manage team*) nor an adjective ("clean
  /// and safe work").
  private func opensWithVerb(_ label: Int, writtenAs form: FormID) -> Bool {
    let concept = index.labelConcept(label)
    func firstWord(_ text: String) -> String? {
      text.split(separator: " ").first?.lowercased()
    }
    guard concept.kind == .skill, index.skillType(concept.index) == .skill,
      let verb = firstWord(index.labelText(label)),
      firstWord(index.skillLabel(concept.index)) == verb
    else { return false }
    let word = tokenizer.key(form)
    if word == verb { return true }
    let stem = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
    return ["s", "es", "d", "ed", "ing"].contains { word == verb + $0 || word == stem + $0 }
  }

  /// Single words coordinated before what they share: "answer and process incoming calls",
  /// "locate, retrieve and archive documents" (words joined by commas and a last "and" or
  /// "or", ``StopWords/coordinators(for:)``), each read with the words after the last, so
  /// that *answer incoming calls* and *archive documents* are found word for word. What they
  /// share starts with a content word after no list separator.
  func coordinations(_ query: QueryText) -> [Coordination] {
    let terms = query.terms
    // Most phrases join no words: they are read only when they have a coordinator.
    guard terms.contains(where: { $0 >= 0 && coordinatorTerms.contains($0) }) else { return [] }
    let stop = index.data.stopTerms
    func isContent(_ position: Int) -> Bool {
      position < terms.count && terms[position] >= 0 && stop[Int(terms[position])] == 0
    }
    func isVerb(_ position: Int) -> Bool {
      isContent(position) && isTaskVerb(terms[position])
    }
    var found: [Coordination] = []
    var start = 0
    while start < terms.count {
      guard isVerb(start), terms.count - start >= 4 else {
        start += 1
        continue
      }
      var conjuncts = [start]
      var cursor = start + 1
      // Words after a comma, then the coordinator and the last word.
      while isVerb(cursor) && query.listBreaks.contains(cursor) {
        conjuncts.append(cursor)
        cursor += 1
      }
      if cursor + 2 < terms.count, terms[cursor] >= 0,
        coordinatorTerms.contains(terms[cursor]), isVerb(cursor + 1),
        isContent(cursor + 2), !query.listBreaks.contains(cursor + 2)
      {
        found.append(Coordination(conjuncts: conjuncts, shared: cursor + 2))
        start = cursor + 1
      } else {
        start += 1
      }
    }
    return found
  }

  /// Words coordinated before what they share (``coordinations(_:)``).
  struct Coordination {
    /// The positions of the words before the last.
    let conjuncts: [Int]
    /// The position that follows the last word.
    let shared: Int
  }

  /// Calls `found(label, positions, crosses a break)` for every label of `kind` whose whole
  /// term sequence occurs in `sequence` (entries: term, first position, last position) — or
  /// starts at its first entry, if `firstStartOnly`; `breaks`: the positions a list separator
  /// stands before, in order.
  private func findExact(
    _ sequence: [(Int32, Int, Int)], kind: ConceptKind, breaks: [Int],
    firstStartOnly: Bool = false, found: (Int, Range<Int>, Bool) -> Void
  ) {
    let limit = min(index.phrases.maxLength, Self.exactPhraseMaxTerms)
    let labelTerms = index.data.labelTerms
    let kinds = index.data.labelKinds
    // The first break after the start's last position (Int.max for none).
    var nextBreak = 0
    for start in sequence.indices where sequence[start].0 >= 0 {
      if firstStartOnly && start > 0 { break }
      while nextBreak < breaks.count && breaks[nextBreak] <= sequence[start].2 { nextBreak += 1 }
      let breakAfterStart = nextBreak < breaks.count ? breaks[nextBreak] : Int.max
      var hash = PhraseTable.seed
      for end in start..<min(sequence.count, start + limit) {
        let term = sequence[end].0
        guard term >= 0 else { break }
        let crossesBreak = sequence[end].1 >= breakAfterStart
        hash = PhraseTable.extend(hash, UInt32(term))
        let key = PhraseTable.finish(hash)
        guard index.phrases.mayBePrefix(key) else { break }
        let length = end - start + 1
        index.phrases.forEachLabel(withKey: key) { label in
          let range = labelTerms.range(label)
          guard kinds[label] == kind.rawValue, range.count == length else { return }
          for offset in 0..<length
          where labelTerms.values[range.lowerBound + offset] != UInt32(sequence[start + offset].0) {
            return
          }
          found(label, sequence[start].1..<(sequence[end].2 + 1), crossesBreak)
        }
      }
    }
  }
}
