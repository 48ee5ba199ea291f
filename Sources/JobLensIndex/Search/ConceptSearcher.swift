public import JobLensText

/// The terms of a stretch of tokenised text, as index term IDs.
package struct QueryText {
  /// Per token: the term ID, or -1 when the index does not know the term.
  package var terms: [Int32] = []
  /// Per token: its index in the tokenised text.
  package var tokenIndices: [Int] = []
  /// Per token: its form (for comparing surface keys).
  package var forms: [FormID] = []
  /// Per token: whether it is written in capitals (two letters or more: "SQL", "PR").
  package var allCaps: [Bool] = []
  /// Per token: whether it has a capital letter ("Slack", "eBay"; for tool names).
  var capitalised: [Bool] = []
  /// Whether any token has a capital letter (in text written all in lower case, capitals say
  /// nothing about acronyms).
  package var hasCapitals = false
  /// The sequence with each hyphenated compound written closed ("e-mail" → "email"), when the
  /// text has compounds: entries are (term, first token position, last token position).
  package var closedCompounds: [(term: Int32, first: Int, last: Int)]? = nil

  package var isEmpty: Bool { terms.isEmpty }

  /// The query with only the tokens whose position `keep` marks, every per-token list filtered
  /// alike; without closed compounds (their positions would no longer hold).
  package func keeping(_ keep: [Bool]) -> QueryText {
    func kept<Value>(_ values: [Value]) -> [Value] {
      values.indices.filter { keep[$0] }.map { values[$0] }
    }
    var result = self
    result.terms = kept(terms)
    result.tokenIndices = kept(tokenIndices)
    result.forms = kept(forms)
    result.allCaps = kept(allCaps)
    result.capitalised = kept(capitalised)
    result.closedCompounds = nil
    return result
  }
}

/// How a label matched a query.
public struct LabelMatch: Sendable, Equatable {
  /// The label.
  public var label: Int
  /// The share of the label's weighted content terms found in the query (0…1).
  public var labelCoverage: Float
  /// The share of the query's weighted content terms that the label explains (0…1).
  public var queryCoverage: Float
  /// Positions (in the query's token sequence) of the label's exact occurrence, if any.
  public var exact: Range<Int>?
  /// The label's score: field weight × coverage, with a bonus for exact occurrence.
  public var score: Float
}

/// Options for scoring label matches.
public struct LabelScoring: Sendable {
  /// Whether label and query must cover each other (a title against occupation titles: the
  /// score is their Dice coefficient, 2·cL·cQ / (cL + cQ)); otherwise the label must be in the
  /// query (skills in a sentence: cL² × (1 − w + w·cQ), w = ``queryCoverageWeight``).
  public var symmetric: Bool
  /// How much the query's coverage counts beside the label's when not symmetric.
  public var queryCoverageWeight: Float
  /// Labels covered less than this are ignored.
  public var minimumLabelCoverage: Float
  /// Score multiplier for a label found word for word, in order.
  public var exactBonus: Float

  /// Finding concepts mentioned in running text.
  public static let mention = LabelScoring(
    symmetric: false, queryCoverageWeight: 0.15, minimumLabelCoverage: 0.5, exactBonus: 1.15)
  /// Matching a short query (a title, a search) as a whole.
  public static let whole = LabelScoring(
    symmetric: true, queryCoverageWeight: 0, minimumLabelCoverage: 0.34, exactBonus: 1.1)
}

/// A concept found by ``ConceptSearcher/search(_:kinds:limit:)``.
public struct SearchHit: Sendable, Equatable {
  /// The concept.
  public var concept: ConceptID
  /// The combined score.
  public var score: Float
  /// The score from labels.
  public var labelScore: Float
  /// The score from the description (BM25, scaled to 0…1).
  public var descriptionScore: Float
  /// The best-matching label, if a label matched.
  public var label: Int?
}

/// Queries a ``ConceptIndex``: maps text to index terms (caching per surface form), finds
/// labels in it, and scores descriptions.
///
/// Holds a tokenizer and scratch buffers, so it is not thread-safe: make one per thread.
public final class ConceptSearcher {
  /// The index queried.
  public let index: ConceptIndex
  /// The tokenizer for the index's language.
  public let tokenizer: Tokenizer
  private var formTerms: [Int32] = []
  private var formGeneration = 0
  private var overlap: [Float]
  private var touched: [Int] = []
  /// Scratch: per term, ``presentStamp`` when the current query has it.
  private var present: [UInt32]
  private var presentStamp: UInt32 = 0
  private var descriptionScratch: [Float]
  /// Scratch: the IDF of the query's frequent terms, by term (0 elsewhere).
  private var frequentWeight: [Float]
  /// The connectives of the index's language (``StopWords/connectives(for:)``), and per term
  /// whether it is the inner word of one.
  private let connectives: [String: [(before: String?, after: String?)]]
  private let isConnectiveTerm: [Bool]

  /// Weight of the description score beside the label score in ``search(_:kinds:limit:)``.
  public var descriptionWeight: Float = 0.35

  /// Makes a searcher for an index.
  public init(index: ConceptIndex) throws {
    self.index = index
    tokenizer = try Tokenizer(language: index.metadata.language)
    overlap = [Float](repeating: 0, count: index.labelCount)
    present = [UInt32](repeating: 0, count: index.termCount)
    frequentWeight = [Float](repeating: 0, count: index.termCount)
    descriptionScratch = [Float](
      repeating: 0, count: ConceptKind.allCases.map(index.count).max() ?? 0)
    connectives = StopWords.connectives(for: index.metadata.language)
    var isConnectiveTerm = [Bool](repeating: false, count: index.termCount)
    for word in connectives.keys {
      let tokenized = tokenizer.tokenize(word)
      if let token = tokenized.tokens.first,
        let term = index.termIDs[tokenizer.form(token.form).stem]
      {
        isConnectiveTerm[Int(term)] = true
      }
    }
    self.isConnectiveTerm = isConnectiveTerm
  }

  // MARK: Terms

  /// The term of a form, or -1.
  package func term(_ form: FormID) -> Int32 {
    if tokenizer.formGeneration != formGeneration {
      formTerms.removeAll(keepingCapacity: true)
      formGeneration = tokenizer.formGeneration
    }
    let id = Int(form.rawValue)
    if id >= formTerms.count {
      formTerms.append(contentsOf: repeatElement(-2, count: id + 1 - formTerms.count))
    }
    if formTerms[id] == -2 {
      formTerms[id] = index.termIDs[tokenizer.form(form).stem].map { Int32($0) } ?? -1
    }
    return formTerms[id]
  }

  /// Whether the word at `position` of a query's forms is the inner word of a connective
  /// ("well" in "as well as"). Only the query's own words are read, so that its forms decide
  /// its terms (the analyzer's phrase cache relies on that).
  func isConnective(_ forms: [FormID], at position: Int) -> Bool {
    func key(_ offset: Int) -> String? {
      let neighbour = position + offset
      guard forms.indices.contains(neighbour) else { return nil }
      return tokenizer.form(forms[neighbour]).key
    }
    guard let word = key(0), let contexts = connectives[word] else { return false }
    let (before, after) = (key(-1), key(1))
    return contexts.contains { context in
      (context.before == nil || context.before == before)
        && (context.after == nil || context.after == after)
    }
  }

  /// The query terms of tokens `range` of a tokenised text.
  package func query(_ tokenized: TokenizedText, tokens range: Range<Int>) -> QueryText {
    query(tokenized, tokens: Array(range))
  }

  /// The query terms of the given tokens (in order) of a tokenised text.
  package func query(_ tokenized: TokenizedText, tokens selected: [Int]) -> QueryText {
    guard let first = selected.first, let last = selected.last else { return QueryText() }
    let range = first..<(last + 1)
    var query = QueryText()
    query.terms.reserveCapacity(selected.count)
    for position in selected {
      let token = tokenized.tokens[position]
      if token.kind == .url || token.kind == .email || token.kind == .handle { continue }
      query.terms.append(term(token.form))
      query.tokenIndices.append(position)
      query.forms.append(token.form)
      let bytes = tokenized.text.bytes[token.byteRange]
      query.allCaps.append(
        bytes.count >= 2
          && bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) })
      let capitalised = bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
      query.capitalised.append(capitalised)
      query.hasCapitals = query.hasCapitals || capitalised
    }
    for (position, term) in query.terms.enumerated()
    where term >= 0 && isConnectiveTerm[Int(term)] && isConnective(query.forms, at: position) {
      query.terms[position] = -1
    }
    let compounds = tokenized.groups.filter {
      $0.kind == .compound && range.contains($0.tokens.lowerBound)
        && $0.tokens.upperBound <= range.upperBound
        && $0.tokens.allSatisfy { selected.contains($0) }
    }
    if !compounds.isEmpty {
      var closed: [(Int32, Int, Int)] = []
      var position = 0
      for group in compounds {
        guard let first = query.tokenIndices.firstIndex(of: group.tokens.lowerBound),
          let last = query.tokenIndices.firstIndex(of: group.tokens.upperBound - 1)
        else { continue }
        while position < first {
          closed.append((query.terms[position], position, position))
          position += 1
        }
        closed.append((term(group.form), first, last))
        position = last + 1
      }
      while position < query.terms.count {
        closed.append((query.terms[position], position, position))
        position += 1
      }
      query.closedCompounds = closed
    }
    return query
  }

  /// The query terms of a whole text.
  package func query(_ text: String) -> (TokenizedText, QueryText) {
    let tokenized = tokenizer.tokenize(text)
    return (tokenized, query(tokenized, tokens: 0..<tokenized.tokens.count))
  }

  /// `tokenized` with its closed compounds unknown to the index split in two ("Cheesemaker" →
  /// "Cheese" "maker", "Steamfitter" → "Steam" "fitter"): an ASCII word of 8 to 30 letters
  /// without a term of its own, split into two content terms of at least 4 letters that stand
  /// side by side in some label (*cheese maker*) or whose second ends some occupation label
  /// (*pipe fitter*); of several splits, the one whose shorter part is longest (the first on
  /// ties).
  package func splittingUnknownCompounds(_ tokenized: TokenizedText) -> TokenizedText {
    var splits: [(token: Int, offset: Int)] = []
    let bytes = tokenized.text.bytes
    for (position, token) in tokenized.tokens.enumerated() {
      let range = token.byteRange
      guard token.kind == .word, (8...30).contains(range.count), term(token.form) < 0,
        bytes[range].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
      else { continue }
      var best: (offset: Int, shorter: Int)?
      for offset in (range.lowerBound + 4)...(range.upperBound - 4) {
        let shorter = min(offset - range.lowerBound, range.upperBound - offset)
        guard shorter > best?.shorter ?? 0 else { continue }
        let first = term(tokenizer.wordForm(bytes[range.lowerBound..<offset]))
        let second = term(tokenizer.wordForm(bytes[offset..<range.upperBound]))
        if isContentTerm(first) && isContentTerm(second)
          && (someLabelHas(first, before: second) || endsOccupationLabel(second))
        {
          best = (offset, shorter)
        }
      }
      if let best { splits.append((position, best.offset)) }
    }
    return tokenizer.splitting(tokenized, at: splits)
  }

  /// Whether a term is in the index and not a stop word.
  package func isContentTerm(_ term: Int32) -> Bool {
    term >= 0 && index.data.stopTerms[Int(term)] == 0
  }

  /// Whether some occupation label ends in the term (an occupational head noun: "maker",
  /// "fitter", "master").
  private func endsOccupationLabel(_ term: Int32) -> Bool {
    index.labelsByTerm[Int(ConceptKind.occupation.rawValue)][Int(term)].contains {
      index.data.labelTerms[Int($0)].last == UInt32(term)
    }
  }

  /// Whether a label of any kind has term `first` right before term `second`.
  private func someLabelHas(_ first: Int32, before second: Int32) -> Bool {
    ConceptKind.allCases.contains { kind in
      index.labelsByTerm[Int(kind.rawValue)][Int(first)].contains { label in
        let terms = index.data.labelTerms[Int(label)]
        return zip(terms, terms.dropFirst()).contains {
          $0 == UInt32(first) && $1 == UInt32(second)
        }
      }
    }
  }

  // MARK: Labels

  /// Finds the labels of `kind` that a short query (a title, a search) covers, scored as a
  /// whole (see ``matchMentions(_:kind:minimumScore:)`` for running text). `boost` multiplies
  /// the weight of some terms in the query's coverage (the head noun of a title).
  /// - Complexity: O(Σ postings of the query's terms + length × longest label).
  package func matchLabels(
    _ query: QueryText, kind: ConceptKind, scoring: LabelScoring, boost: [Int32: Float] = [:]
  ) -> [LabelMatch] {
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

    var exact = exactOccurrences(query, kind: kind)

    // Candidates come from the query's rarer terms (those in at most
    // ``ConceptIndex/frequentTermPostings`` labels) and from exact occurrences; frequent terms
    // ("manage", "equipment") are then added to those candidates. A label whose rarer terms
    // are all missing can still match word for word; this keeps a phrase's cost to the short
    // postings of its rarer terms.
    let postings = index.labelsByTerm[Int(kind.rawValue)]
    var frequent: [Int32] = []
    var overlap = self.overlap
    var touched = self.touched
    self.overlap = []
    self.touched = []
    defer {
      self.overlap = overlap
      self.touched = touched
    }
    for term in queryTerms where stop[Int(term)] == 0 {
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
    let labelTerms = index.data.labelTerms
    for label in exact.keys.sorted() where overlap[label] == 0 {
      // Exact labels made of frequent terms only: their rarer-term overlap is zero.
      touched.append(label)
      overlap[label] = .leastNonzeroMagnitude
    }
    if !frequent.isEmpty {
      var frequentWeight = self.frequentWeight
      for term in frequent { frequentWeight[Int(term)] = idf[Int(term)] }
      labelTerms.values.withUnsafeBufferPointer { values in
        labelTerms.starts.withUnsafeBufferPointer { starts in
          frequentWeight.withUnsafeBufferPointer { weights in
            for slot in touched {
              let range = Int(starts[slot])..<Int(starts[slot + 1])
              for offset in range {
                let weight = weights[Int(values[offset])]
                guard weight > 0 else { continue }
                // Count a term once even when the label repeats it.
                if values[range.lowerBound..<offset].contains(values[offset]) { continue }
                overlap[slot] += weight
              }
            }
          }
        }
      }
      for term in frequent { frequentWeight[Int(term)] = 0 }
      self.frequentWeight = frequentWeight
    }

    var matches: [LabelMatch] = []
    let mass = index.labelMass
    for slot in touched {
      let covered = overlap[slot]
      overlap[slot] = 0
      let labelMass = mass[slot]
      guard labelMass > 0 else { continue }
      let labelCoverage = min(1, covered / labelMass)
      // Labels found word for word are covered completely: only those need the lookup.
      let isExact = labelCoverage > 0.999 && !exact.isEmpty ? exact.removeValue(forKey: slot) : nil
      guard labelCoverage >= scoring.minimumLabelCoverage || isExact != nil,
        toolNameCounts(slot, at: isExact, in: query)
      else { continue }
      var boosted = covered
      if !boost.isEmpty {
        for term in Set(index.data.labelTerms[slot]) {
          if let factor = boost[Int32(term)] { boosted += idf[Int(term)] * (factor - 1) }
        }
      }
      let queryCoverage = queryMass > 0 ? min(1, boosted / queryMass) : 0
      matches.append(
        makeMatch(
          slot, labelCoverage: isExact != nil ? 1 : labelCoverage, queryCoverage: queryCoverage,
          exact: isExact, scoring: scoring))
    }
    touched.removeAll(keepingCapacity: true)
    // Exact labels made only of function words ("IT": "it" is one).
    for (label, range) in exact.sorted(by: { $0.key < $1.key })
    where toolNameCounts(label, at: range, in: query) {
      matches.append(
        makeMatch(label, labelCoverage: 1, queryCoverage: 0, exact: range, scoring: scoring))
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

  private func makeMatch(
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
  /// open or closed), each with the query positions of its first occurrence.
  private func exactOccurrences(_ query: QueryText, kind: ConceptKind) -> [Int: Range<Int>] {
    var exact: [Int: Range<Int>] = [:]
    findExact(query.terms.enumerated().map { ($1, $0, $0) }, kind: kind) { label, range in
      if exact[label] == nil { exact[label] = range }
    }
    if let closed = query.closedCompounds {
      findExact(closed.map { ($0.term, $0.first, $0.last) }, kind: kind) { label, range in
        if exact[label] == nil { exact[label] = range }
      }
    }
    return exact
  }

  /// Calls `found(label, positions)` for every label of `kind` whose whole term sequence occurs
  /// in `sequence` (entries: term, first position, last position).
  private func findExact(
    _ sequence: [(Int32, Int, Int)], kind: ConceptKind, found: (Int, Range<Int>) -> Void
  ) {
    let limit = min(index.phrases.maxLength, 12)
    let labelTerms = index.data.labelTerms
    let kinds = index.data.labelKinds
    for start in sequence.indices where sequence[start].0 >= 0 {
      var hash = PhraseTable.seed
      for end in start..<min(sequence.count, start + limit) {
        let term = sequence[end].0
        guard term >= 0 else { break }
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
          found(label, sequence[start].1..<(sequence[end].2 + 1))
        }
      }
    }
  }

  /// Finds the labels of `kind` mentioned in running text. Each label is looked for around
  /// the occurrences of its anchor (its rarest content term): its other content terms count
  /// when they stand within 2 × its length + 2 words of the anchor. Labels found word for word
  /// (phrase table) count whatever their coverage. Scored as ``LabelScoring/mention``, times
  /// the factor of `rules` (``MentionRules/factor(label:query:exact:searcher:)``; labels of
  /// function words only, such as "IT", pass ``MentionRules/functionWordLabelCounts(label:at:query:searcher:)``
  /// instead); tool names count only as `toolNameCounts` says.
  ///
  /// Matches scoring below `minimumScore` are not returned; labels that cannot reach it (their
  /// coverage bounds the score) are skipped early.
  /// - Complexity: O(n × labels anchored on each word × label length) for n words.
  package func matchMentions(
    _ query: QueryText, kind: ConceptKind, minimumScore: Float = 0, rules: some MentionRules
  )
    -> [LabelMatch]
  {
    let scoring = LabelScoring.mention
    let idf = index.data.idf[Int(kind.rawValue)]
    let stop = index.data.stopTerms
    let anchors = index.anchors[Int(kind.rawValue)]
    let labelTerms = index.data.labelTerms
    let labelMass = index.labelMass
    var exact = exactOccurrences(query, kind: kind)
    // Scratch, moved out of the searcher for the loop: the best coverage per label (with the
    // labels touched) and which terms the query has.
    var best = self.overlap
    var touched = self.touched
    var present = self.present
    self.overlap = []
    self.touched = []
    self.present = []
    presentStamp &+= 1
    if presentStamp == 0 {
      for slot in present.indices { present[slot] = 0 }
      presentStamp = 1
    }
    let stamp = presentStamp
    defer {
      for label in touched { best[label] = 0 }
      touched.removeAll(keepingCapacity: true)
      self.overlap = best
      self.touched = touched
      self.present = present
    }
    var queryMass: Float = 0
    let terms = query.terms
    for term in terms where term >= 0 && present[Int(term)] != stamp {
      present[Int(term)] = stamp
      if stop[Int(term)] == 0 { queryMass += idf[Int(term)] }
    }
    var signature: UInt64 = 0
    for term in terms where term >= 0 { signature |= ConceptIndex.termBit(UInt32(term)) }
    // Labels exact only through closed compounds may have terms the query lacks.
    let compoundExact = exact.keys.filter { label in
      index.labelContent[label].contains { present[Int($0)] != stamp }
    }
    for (position, term) in terms.enumerated() where term >= 0 {
      for entry in anchors.entries(anchor: Int(term)) {
        // The coverage with the label's terms anywhere in the query bounds the coverage
        // within the window: skip labels that cannot improve or cannot pass. With no other
        // term in the query (by signature), that is the anchor's weight.
        let label = Int(anchors.labels[entry])
        let content = anchors.content(entry)
        let possible: Float
        if anchors.signatures[entry] & signature == 0 {
          guard
            anchors.anchorShares[entry] >= scoring.minimumLabelCoverage
              || compoundExact.contains(label)
          else { continue }
          possible = idf[Int(term)]
        } else {
          var sum: Float = 0
          for offset in content where present[Int(anchors.terms[offset])] == stamp {
            sum += anchors.weights[offset]
          }
          guard
            sum / anchors.masses[entry] >= scoring.minimumLabelCoverage
              || compoundExact.contains(label)
          else { continue }
          possible = sum
        }
        guard possible > best[label] else { continue }
        // The best score a label covered this much can reach (by preferred label, in any
        // order): ``LabelScoring/mention`` with full query coverage, times the rules' largest
        // factor for its mass.
        // Labels found word for word are kept (with their exact bonus, they may reach it).
        if minimumScore > 0 && exact[label] == nil {
          let mass = anchors.masses[entry]
          guard
            min(1, possible / mass) * min(1, possible / mass)
              * rules.maximumFactor(labelMass: mass)
              >= minimumScore
          else {
            continue
          }
        }
        let reach = 2 * labelTerms.range(label).count + 2
        let window = terms[max(0, position - reach)..<min(terms.count, position + reach + 1)]
        var covered: Float = 0
        for offset in content where window.contains(Int32(anchors.terms[offset])) {
          covered += anchors.weights[offset]
        }
        if covered > best[label] {
          if best[label] == 0 { touched.append(label) }
          best[label] = covered
        }
      }
    }
    for label in exact.keys.sorted() where best[label] == 0 {
      touched.append(label)
      best[label] = labelMass[label]
    }
    var matches: [LabelMatch] = []
    for label in touched {
      let covered = best[label]
      let mass = labelMass[label]
      guard mass > 0 else { continue }
      let labelCoverage = min(1, covered / mass)
      let isExact = exact.removeValue(forKey: label)
      guard labelCoverage >= scoring.minimumLabelCoverage || isExact != nil else { continue }
      let queryCoverage = queryMass > 0 ? min(1, covered / queryMass) : 0
      var match = makeMatch(
        label, labelCoverage: isExact != nil ? 1 : labelCoverage, queryCoverage: queryCoverage,
        exact: isExact, scoring: scoring)
      guard toolNameCounts(label, at: isExact, in: query),
        let factor = rules.factor(label: label, query: query, exact: isExact, searcher: self)
      else { continue }
      match.score *= factor
      if match.score >= minimumScore { matches.append(match) }
    }
    for (label, range) in exact.sorted(by: { $0.key < $1.key })
    where rules.functionWordLabelCounts(label: label, at: range, query: query, searcher: self)
      && toolNameCounts(label, at: range, in: query)
    {
      let match = makeMatch(
        label, labelCoverage: 1, queryCoverage: 0, exact: range, scoring: scoring)
      if match.score >= minimumScore { matches.append(match) }
    }
    return matches
  }

  /// The best label match per concept, scored; ties broken by concept order.
  package func bestPerConcept(_ matches: [LabelMatch]) -> [Int: LabelMatch] {
    var best: [Int: LabelMatch] = [:]
    for match in matches {
      let concept = Int(index.data.labelConcepts[match.label])
      if let current = best[concept], current.score >= match.score { continue }
      best[concept] = match
    }
    return best
  }

  // MARK: Descriptions

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
    descriptionScratch = []
    defer { descriptionScratch = scratch }
    var seen: Set<Int32> = []
    var maximum: Float = 0
    var hits: [Int] = []
    for term in query.terms where term >= 0 && stop[Int(term)] == 0 && seen.insert(term).inserted {
      let weight = idf[Int(term)]
      maximum += weight * (IndexBuilder.k1 + 1)
      for offset in postings.concepts.range(Int(term)) {
        let concept = Int(postings.concepts.values[offset])
        if scratch[concept] == 0 { hits.append(concept) }
        scratch[concept] += weight * postings.weights[offset]
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

  // MARK: Search

  /// Ranks concepts of the given kinds for a text: the best label match (the query as a whole
  /// against each label) plus ``descriptionWeight`` × the description score.
  /// - Complexity: O(Σ postings of the query's terms + n log n) for n concepts touched.
  public func search(
    _ text: String, kinds: [ConceptKind] = ConceptKind.allCases, limit: Int = 10
  )
    -> [SearchHit]
  {
    let (_, query) = query(text)
    var hits: [SearchHit] = []
    for kind in kinds {
      var byConcept: [Int: SearchHit] = [:]
      for (concept, match) in bestPerConcept(matchLabels(query, kind: kind, scoring: .whole)) {
        byConcept[concept] = SearchHit(
          concept: ConceptID(kind, concept), score: match.score, labelScore: match.score,
          descriptionScore: 0, label: match.label)
      }
      for (concept, score) in descriptionScores(query, kind: kind) {
        var hit =
          byConcept[concept]
          ?? SearchHit(
            concept: ConceptID(kind, concept), score: 0, labelScore: 0, descriptionScore: 0,
            label: nil)
        hit.descriptionScore = score
        hit.score = hit.labelScore + descriptionWeight * score
        byConcept[concept] = hit
      }
      hits += byConcept.values
    }
    hits.sort { ($0.score, $1.concept) > ($1.score, $0.concept) }
    return Array(hits.prefix(limit))
  }
}
