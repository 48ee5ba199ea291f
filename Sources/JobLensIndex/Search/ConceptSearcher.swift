public import JobLensText

/// Queries a ``ConceptIndex``: maps text to index terms (caching per surface form), finds
/// labels in it, and scores descriptions.
///
/// Holds a tokenizer and scratch buffers, so it is not thread-safe: make one per thread.
public final class ConceptSearcher {
  /// The index queried.
  public let index: ConceptIndex
  /// The tokenizer for the index's language.
  public let tokenizer: Tokenizer
  /// Per form ID: its term, -1 for none, -2 until looked up (``term(_:)``); for the
  /// tokenizer's form IDs of ``formGeneration``. Not checked for exclusive access at run time:
  /// ``term(_:)`` is asked for every word (a check cost more than the look-up), and no access
  /// to it overlaps another (the term of a new form is made from the tokenizer and the index).
  @exclusivity(unchecked) var formTerms: [Int32] = []
  /// The tokenizer's ``Tokenizer/formGeneration`` that ``formTerms`` is for; unchecked as it is
  /// (read with every look-up, written only when the table was cleared, between texts).
  @exclusivity(unchecked) private var formGeneration = 0
  // Scratch buffers (internal: the `ConceptSearcher+Concern.swift` files use them). A search
  // moves one out of the searcher while it works and puts it back cleared.
  /// Scratch: per label, its coverage so far.
  var overlap: [Float]
  /// Scratch: the labels whose ``overlap`` is set.
  var touched: [Int] = []
  /// Per kind: its anchor entries grouped for the last minimum score and rules asked for in
  /// running text (``matchMentions(_:kind:minimumScore:rules:)``).
  var mentionGroups: [MentionCandidates?] = Array(
    repeating: nil, count: ConceptKind.allCases.count)
  /// Scratch: the anchor entries to visit for one anchor in running text.
  var candidateScratch: [UInt32] = []
  /// Scratch: the query positions of one anchor.
  var positionScratch: [Int] = []
  /// Scratch: a query's distinct known terms with their first positions.
  var distinctScratch: [(term: Int32, first: Int)] = []
  /// Scratch: per term, ``presentStamp`` when the current query has it.
  var present: [UInt32]
  var presentStamp: UInt32 = 0
  /// Scratch: per concept, its description score so far.
  var descriptionScratch: [Float]
  /// Scratch: the IDF of the query's frequent terms, by term (0 elsewhere).
  var frequentWeight: [Float]
  /// Per skill: its ``SkillTexts`` once asked for (empty until the first).
  var skillTextsCache: [SkillTexts?] = []
  /// Per occupation: its ``OccupationTexts`` once asked for (empty until the first).
  var occupationTextsCache: [OccupationTexts?] = []
  /// Per ISCO group: its code and title once asked for (empty until the first).
  var iscoTextsCache: [(code: String, title: String)?] = []
  /// The connectives of the index's language (``StopWords/connectives(for:)``), and per term
  /// whether it is the inner word of one.
  private let connectives: [String: [(before: String?, after: String?)]]
  let isConnectiveTerm: [Bool]
  /// The terms of the index language's coordinators (``StopWords/coordinators(for:)``).
  package let coordinatorTerms: [Int32]
  /// Per term, whether it opens an ESCO skill's preferred label (``isTaskVerb(_:)``).
  private let opensSkillLabel: [Bool]

  /// Weight of the description score beside the label score in ``search(_:kinds:limit:)``.
  public var descriptionWeight: Float = 0.35

  /// How far from its anchor a label's other terms count in running text
  /// (``matchMentions(_:kind:minimumScore:rules:)``): this many words per term of the label,
  /// plus ``mentionReachSlack``. A label of three terms reaches 2 × 3 + 2 = 8 words each way.
  static let mentionReachPerTerm = 2
  /// Words added to a label's reach in running text (see ``mentionReachPerTerm``).
  static let mentionReachSlack = 2
  /// The longest label, in terms, looked for word for word: longer labels (ISCO task items)
  /// are matched by coverage only.
  static let exactPhraseMaxTerms = 12
  /// The lengths, in letters, of an unknown closed compound that
  /// ``splittingUnknownCompounds(_:)`` tries to split.
  static let compoundSplitLengths = 8...30
  /// The shortest part, in letters, of a split compound.
  static let compoundPartMinimum = 4

  /// Makes a searcher for an index.
  public init(index: ConceptIndex) throws {
    self.index = index
    let tokenizer = try Tokenizer(language: index.metadata.language)
    self.tokenizer = tokenizer
    // The term of a word of the index's language, as its first token stems.
    func term(ofWord word: String) -> Int32? {
      tokenizer.tokenize(word).tokens.first.flatMap { token in
        index.termIDs[tokenizer.form(token.form).stem].map { Int32($0) }
      }
    }
    overlap = [Float](repeating: 0, count: index.labelCount)
    present = [UInt32](repeating: 0, count: index.termCount)
    frequentWeight = [Float](repeating: 0, count: index.termCount)
    descriptionScratch = [Float](
      repeating: 0, count: ConceptKind.allCases.map(index.count).max() ?? 0)
    connectives = StopWords.connectives(for: index.metadata.language)
    var isConnectiveTerm = [Bool](repeating: false, count: index.termCount)
    for word in connectives.keys {
      if let term = term(ofWord: word) { isConnectiveTerm[Int(term)] = true }
    }
    self.isConnectiveTerm = isConnectiveTerm
    var opensSkillLabel = [Bool](repeating: false, count: index.termCount)
    for label in 0..<index.labelCount where index.labelField(label) == .preferred {
      let concept = index.labelConcept(label)
      guard concept.kind == .skill, index.skillType(concept.index) == .skill,
        let first = index.data.labelTerms[label].first
      else { continue }
      opensSkillLabel[Int(first)] = true
    }
    self.opensSkillLabel = opensSkillLabel
    coordinatorTerms = StopWords.coordinators(for: index.metadata.language).compactMap(
      term(ofWord:))
  }

  /// Whether a term opens an ESCO skill's preferred label: the verb of a task ("answer",
  /// "file", "schedule").
  package func isTaskVerb(_ term: Int32) -> Bool { term >= 0 && opensSkillLabel[Int(term)] }

  // MARK: Terms

  /// The term of a form, or -1.
  package func term(_ form: FormID) -> Int32 {
    if tokenizer.formGeneration != formGeneration {
      formTerms.removeAll(keepingCapacity: true)
      formGeneration = tokenizer.formGeneration
    }
    // One access to the property for the look-up (not one per read and write).
    return term(form, in: &formTerms)
  }

  /// ``formTerms``, moved out (cleared first when the tokenizer's form IDs changed), so that
  /// looking up many forms costs one exclusivity check of the property, not several per form;
  /// put it back when done.
  func takeFormTerms() -> [Int32] {
    if tokenizer.formGeneration != formGeneration {
      formTerms.removeAll(keepingCapacity: true)
      formGeneration = tokenizer.formGeneration
    }
    var terms: [Int32] = []
    swap(&terms, &formTerms)
    return terms
  }

  /// The term of a form, looked up in (and, the first time, recorded in) `terms`, taken by
  /// ``takeFormTerms()``.
  func term(_ form: FormID, in terms: inout [Int32]) -> Int32 {
    let id = Int(form.rawValue)
    if id >= terms.count {
      terms.append(contentsOf: repeatElement(-2, count: id + 1 - terms.count))
    }
    if terms[id] == -2 {
      terms[id] = index.termIDs[tokenizer.stem(form)].map { Int32($0) } ?? -1
    }
    return terms[id]
  }

  /// Whether the word at `position` of a query's forms is the inner word of a connective
  /// ("well" in "as well as"). Only the query's own words are read, so that its forms decide
  /// its terms (the analyzer's phrase cache relies on that).
  func isConnective(_ forms: [FormID], at position: Int) -> Bool {
    func key(_ offset: Int) -> String? {
      let neighbour = position + offset
      guard forms.indices.contains(neighbour) else { return nil }
      return tokenizer.key(forms[neighbour])
    }
    guard let word = key(0), let contexts = connectives[word] else { return false }
    let (before, after) = (key(-1), key(1))
    return contexts.contains { context in
      (context.before == nil || context.before == before)
        && (context.after == nil || context.after == after)
    }
  }

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
      for (concept, match) in bestMatches(matchLabels(query, kind: kind, scoring: .whole)) {
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
