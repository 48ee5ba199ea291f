package import JobLensIndex

/// The rules that make a label found in a phrase a mention of its skill
/// (``MentionRules``, applied by the searcher's `matchMentions`):
/// - a label of one word must be the same word, not just the same stem ("securities" is not
///   "secure"; English plurals in -s and -es pass for a preferred label, not for an alternative
///   one: "right" is not "rights"), and an acronym ("SQL", "PR") must be written
///   as one (see `writtenAsAcronym`), in full; one-word alternative and hidden labels count
///   ``oneWordVariantFactor``;
/// - a label's specificity: labels whose weighted terms add up to little (a single common word
///   such as "experience") count less;
/// - proximity: a label whose words are spread far apart in the phrase counts less;
/// - a label with a short function word, an acronym ("use IT tools") or a letter prefix ("use
///   e-services"), needs that word;
/// - a label written as one word of several terms ("O&G", "PL/I", "e-learning") is a name,
///   and an alternative label of a verb and its particles ("stay with") a phrasal verb: both
///   are found only whole, never from one of their parts (the "O" of "P. O. Box", "stay up to
///   date");
/// - a knowledge label of two words found only the other way round, side by side and written
///   alike ("development team" for "team development"), names another compound;
/// - a label's noun for a person ("engineers") is not the work, which Snowball stems alike
///   ("Software Engineering");
/// - a knowledge label found word for word across a list separator names two items
///   ("architecture, design" is not *architectural design*), unless it has a comma of its own,
///   and one found in part across a separator with other words among its own ("Computer
///   Science, Electrical Engineering" is not *computer engineering*);
/// - a knowledge label's noun in -ing ("building automation", "marketing planning"), and any
///   skill label's plural in -ings ("design buildings", "fix meetings"), must be written in
///   -ing: "build automation", "marketing plans", "design, build" are other things.
///
/// Tool names ("Slack", not "slack") are checked by the searcher itself, which needs them for
/// whole-query search too.
///
/// Caches each label's match key: make one per searcher (not thread-safe).
package final class SkillMentionRules: MentionRules {
  /// The weighted mass (summed IDF of the content terms) from which a label counts fully;
  /// below it, its factor is sqrt(mass / this).
  package static let fullSpecificityMass: Float = 7
  /// The factor of a one-word alternative or hidden label.
  package static let oneWordVariantFactor: Float = 0.85

  /// Per label: its match key and whether it is an acronym.
  private var labelKeys: [Int: (String, Bool)] = [:]
  /// Per label, once a label is found in part: whether it is found only whole (a name written
  /// as one word, a phrasal verb). By label rather than hashed: it is read for every label
  /// found in part.
  private var wholeOnly: [Bool?] = []
  /// Per skill label, once found: its content words' terms and match keys, in label order
  /// (by label, like `wholeOnly`).
  private var contentWords: [[(term: Int32, key: String)]?] = []
  /// Per label, once found in part: the term of a short word among its function words (an
  /// acronym, "IT" of "use IT tools", or a letter prefix, "e" of "use e-services") and whether
  /// it is an acronym; term -1 for none (by label, like `wholeOnly`).
  private var shortWords: [(term: Int32, acronym: Bool)?] = []
  /// Per skill label, once found: the term of its first word that is a noun for persons
  /// (``MatchingLexicons/agentNouns``), -1 for none, -2 not yet known (by label, like
  /// `wholeOnly`).
  private var personTerms: [Int32] = []
  /// The terms of ``MatchingLexicons/agentNouns``, once asked for.
  private var agentNounTerms: Set<Int32>?
  /// Per label, once asked: whether it is an alternative or hidden label of common words.
  private var commonWords: [Bool?] = []
  /// Per label, once asked: 2 when it may have a noun in -ing (`mayHaveNounInIng`), 1 when not.
  private var nounsInIng: [UInt8] = []

  /// The IDF over ESCO's skills below which a word is common (in more than about 90 of the
  /// 13,896 skills' texts: "use", "data", "manage", "team", "project", "customer"): an
  /// alternative label of such words counts only where they stand in its order, close
  /// together (``standsInOrder``).
  static let commonWordMaximumIDF: Float = 5

  package init() {}

  package func factor(
    label: Int, query: QueryText, exact: Range<Int>?, searcher: ConceptSearcher
  ) -> Float? {
    let index = searcher.index
    // The label's terms by offset: a row's slice was copied and destroyed through the generic
    // value witnesses here (about 250 instructions a call).
    let terms = index.data.labelTerms.range(label)
    let values = index.data.labelTerms.values
    var contentCount = 0
    for offset in terms where index.data.stopTerms[Int(values[offset])] == 0 { contentCount += 1 }
    if exact == nil && terms.count > 1 && isFoundOnlyWhole(label, index: index) { return nil }
    if exact == nil && contentCount < terms.count
      && lacksItsShortWord(label, query: query, searcher: searcher)
    {
      return nil
    }
    if contentCount == 1 {
      let (key, acronym) = labelKey(label, searcher: searcher)
      let content = index.labelContent[label]
      let term = Int32(content[content.startIndex])
      let accepted = query.terms.indices.contains { position in
        guard query.terms[position] == term else { return false }
        let word = searcher.tokenizer.key(query.forms[position])
        if acronym {
          return word == key && writtenAsAcronym(position, in: query, searcher: searcher)
        }
        // An alternative label's word must be written as it is: "right" is not *patents*'
        // "rights", "window" not "Windows".
        return index.labelField(label) == .preferred
          ? SkillMentionRules.isSameWordOrPlural(word, key) : word == key
      }
      if !accepted { return nil }
    }
    if exact == nil && contentCount > 1 && isOfCommonWords(label, index: index)
      && !standsInOrder(label, query: query, index: index)
    {
      return nil
    }
    if exact == nil && terms.count == 2 && contentCount == 2
      && isReversedCompound(label, query: query, searcher: searcher)
    {
      return nil
    }
    if contentCount > 1 && writesItsNounInIngOtherwise(label, query: query, searcher: searcher) {
      return nil
    }
    if readsTheWorkAsAPerson(label, query: query, searcher: searcher) { return nil }
    if exact == nil && contentCount > 1 && isKnowledge(label, searcher: searcher)
      && liesAcrossItems(label, query: query, searcher: searcher)
    {
      return nil
    }
    if let exact, query.breaksList(exact), isKnowledge(label, searcher: searcher),
      !index.labelText(label).contains(where: { $0 == "," || $0 == ";" })
    {
      return nil
    }
    var factor = specificity(index.labelMass[label])
    if contentCount == 1 && index.labelField(label) != .preferred {
      factor *= SkillMentionRules.oneWordVariantFactor
    }
    if exact == nil && contentCount > 1 {
      factor *= proximity(of: label, labelLength: terms.count, in: query, index: index)
    }
    return factor
  }

  package func maximumFactor(labelMass: Float) -> Float { specificity(labelMass) }

  /// An acronym label ("IT", "ETCS") must be that one word ("ITS" is not "IT", "ETC" not
  /// "ETCS"), written as an acronym; other labels of function words count.
  package func functionWordLabelCounts(
    label: Int, at range: Range<Int>, query: QueryText, searcher: ConceptSearcher
  ) -> Bool {
    let (key, acronym) = labelKey(label, searcher: searcher)
    guard acronym else { return true }
    return range.count == 1 && searcher.tokenizer.form(query.forms[range.lowerBound]).key == key
      && writtenAsAcronym(range.lowerBound, in: query, searcher: searcher)
  }

  /// Whether a word of the text is a one-word label's word, or its English plural or
  /// singular in -s or -es (match keys, lower case).
  static func isSameWordOrPlural(_ word: String, _ key: String) -> Bool {
    word == key || word == key + "s" || key == word + "s" || word == key + "es"
      || key == word + "es"
  }

  /// A label's specificity: labels whose weighted terms add up to little (a single common word
  /// such as "experience") count less.
  @inline(__always) private func specificity(_ mass: Float) -> Float {
    min(1, (mass / SkillMentionRules.fullSpecificityMass).squareRoot())
  }

  /// The factor for how far apart a label's content terms stand in the query: 1 within
  /// 2 × the label's length + 2 words, sqrt(allowed / span) beyond.
  private func proximity(
    of label: Int, labelLength: Int, in query: QueryText, index: ConceptIndex
  ) -> Float {
    let allowed = 2 * labelLength + 2
    // No span is longer than the query.
    guard query.terms.count > allowed else { return 1 }
    let content = index.labelContent[label]
    let isContent = { (term: Int32) in term >= 0 && content.contains(UInt32(term)) }
    guard let first = query.terms.firstIndex(where: isContent),
      let last = query.terms.lastIndex(where: isContent)
    else { return 1 }
    let span = last - first + 1
    return span > allowed ? (Float(allowed) / Float(span)).squareRoot() : 1
  }

  /// Whether an alternative or hidden label has common words only (IDF over ESCO's skills
  /// below ``commonWordMaximumIDF``): such words meet by chance in a sentence, so the label
  /// counts only where they stand in its order, close together (``standsInOrder``).
  private func isOfCommonWords(_ label: Int, index: ConceptIndex) -> Bool {
    if commonWords.isEmpty { commonWords = Array(repeating: nil, count: index.labelCount) }
    if let known = commonWords[label] { return known }
    let field = index.labelField(label)
    let result =
      (field == .alternative || field == .hidden)
      && index.labelContent[label].allSatisfy {
        index.idf(TermID(rawValue: $0), kind: .skill) < SkillMentionRules.commonWordMaximumIDF
      }
    commonWords[label] = result
    return result
  }

  /// Whether a label's content words stand in the query in the label's order, spanning at
  /// most two words more than they are ("Assist the Finance Manager" for "assist managers";
  /// not "team and senior management" for "manage team", nor "the team will build" for
  /// "build teams", nor "Use a data" … "data" far apart).
  private func standsInOrder(_ label: Int, query: QueryText, index: ConceptIndex) -> Bool {
    let stop = index.data.stopTerms
    let wanted = index.data.labelTerms[label].filter { stop[Int($0)] == 0 }.map { Int32($0) }
    guard let head = wanted.first else { return true }
    for start in query.terms.indices where query.terms[start] == head {
      var next = 1
      var position = start + 1
      let limit = min(query.terms.count, start + wanted.count + 2)
      while next < wanted.count && position < limit {
        if query.terms[position] == wanted[next] { next += 1 }
        position += 1
      }
      if next == wanted.count { return true }
    }
    return false
  }

  /// Whether a label's content words stand in the query only across a list separator, with
  /// other words among them (in any order; function words aside): a knowledge label is a noun
  /// phrase, whose words in two items of a list name other things ("Computer Science,
  /// Electrical Engineering" is no *computer engineering*, "business development, financial
  /// statement analysis" no *business analysis*); a first word followed by the separator,
  /// "and" or "or" is coordinated with the words after it ("Civil, Naval or Ocean
  /// Engineering") and starts no such reading.
  private func liesAcrossItems(
    _ label: Int, query: QueryText, searcher: ConceptSearcher
  )
    -> Bool
  {
    guard !query.listBreaks.isEmpty else { return false }
    let index = searcher.index
    let stop = index.data.stopTerms
    let content = index.labelContent[label]
    var wanted = 0
    for (offset, term) in content.enumerated() where !content.prefix(offset).contains(term) {
      wanted += 1
    }
    let coordinators = searcher.coordinatorTerms
    let isWanted = { (term: Int32) in term >= 0 && content.contains(UInt32(term)) }
    var across = false
    for start in query.terms.indices where isWanted(query.terms[start]) {
      if start + 1 < query.terms.count
        && (query.listBreaks.contains(start + 1) || coordinators.contains(query.terms[start + 1]))
      {
        continue
      }
      var seen: [Int32] = []
      var others = 0
      var crossed = false
      for position in start..<query.terms.count {
        let term = query.terms[position]
        if position > start && query.listBreaks.contains(position) { crossed = true }
        if isWanted(term) {
          if !seen.contains(term) { seen.append(term) }
          if seen.count == wanted {
            if !crossed || others == 0 { return false }
            across = true
            break
          }
        } else if term < 0 || stop[Int(term)] == 0 {
          others += 1
        }
      }
    }
    return across
  }

  /// Whether a knowledge label of two words ("team development") is found only the other way
  /// round, side by side, each word written as in the label or in its singular or plural
  /// ("development team"): another compound, whose head is the label's first word. Only
  /// knowledge labels, which are noun phrases: a skill's verb and object written as a
  /// compound keep their sense ("API design" for *design API*, "car wash" for *wash cars*);
  /// and not where the label's head is a verb in -ing ("building teams" for "team building")
  /// or a word is an adverb in -ly ("effectively communicate" for "communicate effectively").
  private func isReversedCompound(
    _ label: Int, query: QueryText, searcher: ConceptSearcher
  ) -> Bool {
    guard isKnowledge(label, searcher: searcher),
      let words = skillWords(label, searcher: searcher), words.count == 2
    else { return false }
    let (first, second) = (words[0], words[1])
    guard first.term != second.term, !second.key.hasSuffix("ing"),
      !first.key.hasSuffix("ly"), !second.key.hasSuffix("ly"),
      // Found in the label's order somewhere: the label stands.
      let firstStart = query.terms.firstIndex(of: first.term),
      let secondEnd = query.terms.lastIndex(of: second.term), firstStart > secondEnd
    else { return false }
    return query.terms.indices.dropLast().contains { position in
      query.terms[position] == second.term && query.terms[position + 1] == first.term
        && SkillMentionRules.isSameWordOrPlural(
          Self.word(at: position, in: query, searcher: searcher), second.key)
        && SkillMentionRules.isSameWordOrPlural(
          Self.word(at: position + 1, in: query, searcher: searcher), first.key)
    }
  }

  /// Whether the query writes a knowledge label's noun in -ing ("building", "marketing",
  /// "planning", "buildings": Snowball stems it as the verb) only otherwise: "build
  /// automation" is not *building automation* ("automation of buildings"), "marketing plans"
  /// not "marketing planning", "Business Model" not "business process modelling". A
  /// knowledge label is a noun phrase; its -ing word names the activity or the thing, which
  /// the verb or another noun of the stem does not. In a skill's label, whose -ing word may
  /// be its verb ("building teams"), only a plural in -ings, or a word in -ing before another
  /// ("meeting scheduling"), is surely a noun: "design, build" is not *design buildings*,
  /// "meet deadlines" and "meets schedules" not *fix meetings*; but not after a light
  /// verb (``MatchingLexicons/lightVerbs``: "make bookings" is to book). A noun for the person
  /// ("engineers", "modeler") is left to the analyser's rule for persons read as the work
  /// (`readsAPersonAsWork`).
  private func writesItsNounInIngOtherwise(
    _ label: Int, query: QueryText, searcher: ConceptSearcher
  ) -> Bool {
    let index = searcher.index
    let knowledge = isKnowledge(label, searcher: searcher)
    // Most skills' labels have no noun in -ing: told from the text, not tokenised.
    if !knowledge && !mayHaveNounInIng(label, index: index) { return false }
    guard let words = skillWords(label, searcher: searcher) else { return false }
    // After a light verb the noun is the deed, which its verb names too: "Arrange and book"
    // for *arrange bookings*, "train staff" for "conduct trainings".
    if !knowledge && MatchingLexicons.lightVerbs.contains(firstWord(of: label, index: index)) {
      return false
    }
    return words.indices.contains { place in
      let noun = words[place]
      // A word Snowball shortens by its -ing ("accounting" → "account", "buildings" →
      // "build"; not "string"); in a skill's label, one in -ings or one in -ing right before
      // another ("meeting scheduling").
      let isNoun =
        noun.key.hasSuffix("ings")
        || (noun.key.hasSuffix("ing")
          && (knowledge || beforeAnotherInIng(place, of: words, label: label, index: index)))
      guard isNoun,
        index.termString(TermID(rawValue: UInt32(noun.term)))
          != MatchingLexicons.singular(noun.key)
      else { return false }
      var seen = false
      for position in query.terms.indices where query.terms[position] == noun.term {
        // The person who does it is left to the rule for persons ("mechanical engineers").
        let word = MatchingLexicons.singular(Self.word(at: position, in: query, searcher: searcher))
        if word.hasSuffix("ing") || word.hasSuffix("er") || word.hasSuffix("or") { return false }
        seen = true
      }
      return seen
    }
  }

  /// Whether the content word at `place` of a label is in -ing and right before another
  /// ("meeting scheduling"; not "coaching and mentoring", two verbs' nouns).
  private func beforeAnotherInIng(
    _ place: Int, of words: [(term: Int32, key: String)], label: Int, index: ConceptIndex
  ) -> Bool {
    guard place + 1 < words.count, words[place + 1].key.hasSuffix("ing") else { return false }
    return index.labelText(label).lowercased().contains(
      words[place].key + " " + words[place + 1].key)
  }

  /// Whether a label with a short word among its function words, an acronym ("IT" of "use IT
  /// tools", "business IT systems") or a letter prefix ("e" of "use e-services"), is found
  /// without it: the short word is what the label is about, but as a function word it does
  /// not count towards the match, so that "using analytical tooling" would be *use IT tools*
  /// and "using your excellent customer service" *use e-services*. An acronym must be written
  /// as one.
  private func lacksItsShortWord(
    _ label: Int, query: QueryText, searcher: ConceptSearcher
  )
    -> Bool
  {
    let index = searcher.index
    if shortWords.isEmpty { shortWords = Array(repeating: nil, count: index.labelCount) }
    let short: (term: Int32, acronym: Bool)
    if let known = shortWords[label] {
      short = known
    } else if !index.withLabelBytes(label, SkillMentionRules.mayHaveShortWord) {
      short = (-1, false)
      shortWords[label] = short
    } else {
      let tokenized = searcher.tokenizer.tokenize(index.labelText(label))
      let bytes = tokenized.text.bytes
      var found: (term: Int32, acronym: Bool) = (-1, false)
      for token in tokenized.tokens {
        let term = searcher.term(token.form)
        guard term >= 0, !searcher.isContentTerm(term) else { continue }
        let written = bytes[token.byteRange]
        if (2...5).contains(written.count) && written.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
          found = (term, true)
          break
        }
        if written.count == 1, token.byteRange.upperBound < bytes.count,
          bytes[token.byteRange.upperBound] == 0x2D
        {
          found = (term, false)
          break
        }
      }
      short = found
      shortWords[label] = found
    }
    guard short.term >= 0 else { return false }
    return !query.terms.indices.contains {
      query.terms[$0] == short.term
        && (!short.acronym || writtenAsAcronym($0, in: query, searcher: searcher))
    }
  }

  /// Whether a label's text (UTF-8) has two capitals in a row or a letter before a hyphen:
  /// what an acronym or a letter prefix needs, told without tokenising it.
  private static func mayHaveShortWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let isCapital = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
    return bytes.indices.dropFirst().contains { position in
      (isCapital(bytes[position - 1]) && isCapital(bytes[position])) || bytes[position] == 0x2D
    }
  }

  /// Whether a label has a word in -ings, or a word in -ing followed by a space (cached by
  /// label): what a noun in -ing in a skill's label needs, told without tokenising it.
  private func mayHaveNounInIng(_ label: Int, index: ConceptIndex) -> Bool {
    if nounsInIng.isEmpty { nounsInIng = Array(repeating: 0, count: index.labelCount) }
    if nounsInIng[label] == 0 {
      let found = index.withLabelBytes(label) { bytes in
        // "ings" at the end of a word (before a space, a comma or the end), or "ing ".
        bytes.indices.contains { end in
          end >= 3 && bytes[end - 3] == 0x69 && bytes[end - 2] == 0x6E && bytes[end - 1] == 0x67
            && (bytes[end] == 0x20
              || (bytes[end] == 0x73
                && (end + 1 == bytes.count || bytes[end + 1] == 0x20 || bytes[end + 1] == 0x2C)))
        }
      }
      nounsInIng[label] = found ? 2 : 1
    }
    return nounsInIng[label] == 2
  }

  /// A label's first word, in lower case.
  private func firstWord(of label: Int, index: ConceptIndex) -> String {
    index.labelText(label).prefix { $0 != " " }.lowercased()
  }

  /// Whether the query has the word of a skill label that is a noun for the person who does
  /// some work (``MatchingLexicons/agentNouns``: "engineers" of *collaborate with engineers*,
  /// "managers" of *liaise with managers*) only as the work, which Snowball stems alike
  /// ("experience in Software Engineering", "Work with community management tools", "design
  /// aesthetics, and collaborative"). The work's people ("the engineering team", "management
  /// staff": ``MatchingLexicons/people``) are persons, and so is the work one works with
  /// ("work closely with management"). A computer is no person: "computing" names what
  /// computers do.
  private func readsTheWorkAsAPerson(
    _ label: Int, query: QueryText, searcher: ConceptSearcher
  ) -> Bool {
    if personTerms.isEmpty {
      personTerms = Array(repeating: -2, count: searcher.index.labelCount)
    }
    if personTerms[label] == -2 {
      // Most labels have no term of a person's noun: told from their terms, not tokenised.
      if agentNounTerms == nil {
        agentNounTerms = Set(
          searcher.query(MatchingLexicons.agentNouns.sorted().joined(separator: " ")).1.terms
            .filter { $0 >= 0 })
      }
      let agentTerms = agentNounTerms ?? []
      let mayHave = searcher.index.labelContent[label].contains {
        agentTerms.contains(Int32($0))
      }
      personTerms[label] =
        (mayHave ? skillWords(label, searcher: searcher) ?? [] : []).first { word in
          let key = MatchingLexicons.singular(word.key)
          return key != "computer" && MatchingLexicons.agentNouns.contains(key)
        }?.term ?? -1
    }
    let person = personTerms[label]
    guard person >= 0 else { return false }
    let tokenizer = searcher.tokenizer
    var seen = false
    for position in query.terms.indices where query.terms[position] == person {
      if MatchingLexicons.agentNouns.contains(
        MatchingLexicons.singular(tokenizer.key(query.forms[position])))
      {
        return false
      }
      if position + 1 < query.terms.count,
        MatchingLexicons.people.contains(tokenizer.key(query.forms[position + 1]))
      {
        return false
      }
      if position > 0, tokenizer.key(query.forms[position - 1]) == "with" { return false }
      seen = true
    }
    return seen
  }

  /// Whether a label is a knowledge skill's.
  private func isKnowledge(_ label: Int, searcher: ConceptSearcher) -> Bool {
    let concept = searcher.index.labelConcept(label)
    return concept.kind == .skill && searcher.index.skillType(concept.index) == .knowledge
  }

  /// A skill label's content words, in label order; nil for another label.
  private func skillWords(
    _ label: Int, searcher: ConceptSearcher
  ) -> [(term: Int32, key: String)]? {
    let index = searcher.index
    guard index.labelConcept(label).kind == .skill else { return nil }
    if contentWords.isEmpty { contentWords = Array(repeating: nil, count: index.labelCount) }
    if let known = contentWords[label] { return known }
    let tokenizer = searcher.tokenizer
    var words: [(term: Int32, key: String)] = []
    for token in tokenizer.tokenize(index.labelText(label)).tokens {
      let term = searcher.term(token.form)
      if term >= 0 && searcher.isContentTerm(term) {
        words.append((term, tokenizer.form(token.form).key))
      }
    }
    contentWords[label] = words
    return words
  }

  /// The match key of the word at a query position, without a possessive ("Engineering's" →
  /// "engineering").
  private static func word(
    at position: Int, in query: QueryText, searcher: ConceptSearcher
  )
    -> String
  {
    let key = searcher.tokenizer.key(query.forms[position])
    return PostingText.possessor(key) ?? key
  }

  /// Whether the word at a query position can stand for an acronym: written in capitals, or
  /// a content word in text with no capitals at all ("sql" in "ruby-on-rails sql heroku", but
  /// never "it").
  private func writtenAsAcronym(
    _ position: Int, in query: QueryText, searcher: ConceptSearcher
  ) -> Bool {
    if query.allCaps[position] { return true }
    return !query.hasCapitals && searcher.isContentTerm(query.terms[position])
  }

  /// Whether a label of several terms is found only whole: written as one word ("O&G",
  /// "PL/I", "e-learning"), or an alternative label of a verb and its particles ("stay with").
  private func isFoundOnlyWhole(_ label: Int, index: ConceptIndex) -> Bool {
    if wholeOnly.isEmpty { wholeOnly = Array(repeating: nil, count: index.labelCount) }
    if let known = wholeOnly[label] { return known }
    // Most labels are one word or preferred: only the others' texts are read. Split by
    // scalars, not characters: labels have no white space with marks attached.
    let result =
      index.labelTextFacts(label).contains(.oneWord)
      || (index.labelField(label) != .preferred
        && index.labelText(label).unicodeScalars.split(
          whereSeparator: SkillMentionRules.isWhitespace
        ).dropFirst().allSatisfy {
          MatchingLexicons.particles.contains(String(Substring($0)).lowercased())
        })

    wholeOnly[label] = result
    return result
  }

  /// Whether a scalar is white space (as `Character.isWhitespace` has it for the character it
  /// starts), ASCII ones without a look-up in Unicode's tables.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
  }

  /// The match key of a one-word label and whether it is an acronym (two to five capitals).
  private func labelKey(_ label: Int, searcher: ConceptSearcher) -> (String, Bool) {
    if let known = labelKeys[label] { return known }
    let index = searcher.index
    let tokenizer = searcher.tokenizer
    let text = index.labelText(label)
    let tokenized = tokenizer.tokenize(text)
    let content = tokenized.tokens.first { token in
      searcher.isContentTerm(searcher.term(token.form))
    }
    let key = content.map { tokenizer.form($0.form).key } ?? text.lowercased()
    let written = content.map { tokenized.string($0.byteRange) } ?? text
    let acronym =
      (2...5).contains(written.count) && written.allSatisfy { $0.isUppercase || $0.isNumber }
    let result = (key, acronym)
    labelKeys[label] = result
    return result
  }
}
