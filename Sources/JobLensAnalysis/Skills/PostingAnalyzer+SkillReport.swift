import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// Skills at or above the threshold (plus ``SkillOptions/partialMargin`` for those of a
  /// posting found by no label word for word), with their evidence, in rank order
  /// (``rank(_:_:fit:)``), but for a word that names another field
  /// (``namesAnotherField(_:_:fit:span:)``) and those found by matches that are no evidence
  /// alone (``isBare(_:_:in:of:)``, ``liesInsideLongerLabel(_:_:among:)``,
  /// ``sharesItsLabel(_:_:among:)``, ``readsAPersonAsWork(_:in:titleKeys:)``, the title's
  /// acronym, ``namesTheEmployer(_:in:employer:)``),
  /// each phrase's skills spread out: a skill's rank is lowered by
  /// ``SkillOptions/samePhrasePenalty`` for each skill already listed from its best phrase and
  /// by ``SkillOptions/sameSpanPenalty`` for each found at the same words, so
  /// that the first skills cover the posting's duties and requirements rather than one phrase's
  /// many readings. The first ``SkillOptions/maximum`` are kept. `groups`: the posting's likely
  /// unit groups (a skill their occupations need fits). A lone phrase (`lone`: a sentence
  /// given to `joblens skills`) has no posting around it to read: its skills are ranked by how
  /// well they match it (``loneRank(_:)``).
  /// - Complexity: O(s²) for s skills at the threshold.
  func report(
    _ skills: SkillCollector, fitting groups: Set<Int>, lone: Bool,
    span: (Int, LabelMatch) -> Evidence
  ) -> [SkillMatch] {
    // A lone sentence's skills are mostly partial matches, and its words' several readings
    // are what it is asked for.
    let partialThreshold = options.skills.threshold + (lone ? 0 : options.skills.partialMargin)
    let sameSpanPenalty = lone ? 0 : options.skills.sameSpanPenalty
    // The likely groups as flags: each candidate's occupations are checked against them (a
    // hash per occupation otherwise).
    var fits = [Bool](repeating: false, count: isUnitGroup.count)
    for group in groups where fits.indices.contains(group) { fits[group] = true }
    let candidates = skills.entries.filter {
      $0.entry.score >= ($0.entry.isLiteral ? options.skills.threshold : partialThreshold)
        && !(options.skills.dropBare && $0.entry.onlyBare)
        && (lone || !namesAnotherField($0.skill, $0.entry, fit: fits, span: span))
    }
    .map {
      (
        skill: $0.skill, entry: $0.entry,
        rank: lone ? loneRank($0.entry) : rank($0.skill, $0.entry, fit: fits)
      )
    }
    .sorted { ($0.rank, $1.skill) > ($1.rank, $0.skill) }
    // The choice below is O(s²): it reads plain numbers per candidate (its rank, best phrase
    // and span, the span as a number among the distinct ones, -1 for none), counted in arrays;
    // no entry is copied and no key hashed per step.
    let ranks = candidates.map(\.rank)
    let phrases = candidates.map(\.entry.best.phrase)
    var spanNumbers: [Span: Int] = [:]
    let spans = candidates.map { candidate in
      Span(candidate.entry.best).map { span in
        if let number = spanNumbers[span] { return number }
        spanNumbers[span] = spanNumbers.count
        return spanNumbers.count - 1
      } ?? -1
    }
    var fromPhrase = [Int](repeating: 0, count: (phrases.max() ?? -1) + 1)
    var fromSpan = [Int](repeating: 0, count: spanNumbers.count)
    var remaining = Array(candidates.indices)
    var listed: [(skill: Int, entry: SkillCollector.Entry)] = []
    while !remaining.isEmpty && listed.count < options.skills.maximum {
      var chosen = 0
      var chosenRank = -Double.infinity
      for (position, candidate) in remaining.enumerated() {
        let spread =
          ranks[candidate] - options.skills.samePhrasePenalty
          * Double(fromPhrase[phrases[candidate]])
          - sameSpanPenalty
          * Double(spans[candidate] >= 0 ? fromSpan[spans[candidate]] : 0)
        // Ties keep the rank order.
        if spread > chosenRank {
          chosen = position
          chosenRank = spread
        }
      }
      let candidate = remaining.remove(at: chosen)
      fromPhrase[phrases[candidate]] += 1
      if spans[candidate] >= 0 { fromSpan[spans[candidate]] += 1 }
      listed.append((candidates[candidate].skill, candidates[candidate].entry))
    }
    return listed.map { skill, entry in
      let texts = searcher.skillTexts(skill)
      return SkillMatch(
        skill: skill, uri: texts.uri, label: texts.label, type: index.skillType(skill),
        group: texts.group, groupLabel: texts.groupLabel,
        score: entry.score, context: entry.context, isLiteral: entry.isLiteral,
        evidence: entry.matches.map { span($0.phrase, $0.match) })
    }
  }

  /// The words of a phrase where a label was found word for word.
  private struct Span: Hashable {
    let phrase: Int
    let words: Range<Int>

    init?(_ best: (phrase: Int, match: LabelMatch)) {
      guard let words = best.match.exact else { return nil }
      phrase = best.phrase
      self.words = words
    }
  }

  /// How likely a skill found is one the posting demands: a weighted sum (``SkillOptions``) of
  /// its score and context, whether it was found word for word or by a tool name, how often
  /// real postings name it (the background corpus), whether the occupations of the posting's
  /// likely unit groups need it, how much of its label was found, whether it is transversal,
  /// whether a requirement names it and whether more than one phrase does; less for a one-word
  /// label (a common noun such as "plan" or "ethics" that is the whole of a preferred label, or
  /// an alternative label), for a word that only qualifies the next (``modifies(_:in:of:)``)
  /// and for knowledge (a word such as "current" or "right" is more often not the subject).
  func rank(_ skill: Int, _ entry: SkillCollector.Entry, fit groups: [Bool]) -> Double {
    let weights = options.skills
    let label = entry.best.match.label
    let field = index.labelField(label)
    var rank = weights.scoreWeight * entry.score + weights.contextWeight * entry.context
    if entry.isLiteral { rank += weights.literalWeight }
    if field == .tool { rank += weights.toolWeight }
    rank += weights.frequencyWeight * index.background.skillRate(skill)
    if index.occupationEntries(ofSkill: skill).contains(where: {
      fits(occupationGroup[$0.occupation], groups)
    }) {
      rank += weights.fitWeight
    }
    rank += weights.coverageWeight * Double(entry.best.match.labelCoverage)
    if isTransversal[skill] { rank += weights.transversalWeight }
    if entry.isRequired { rank += weights.requirementWeight }
    if field != .preferred && contentCount(label) == 1 {
      rank -= weights.oneWordVariantPenalty
    }
    if field == .preferred && contentCount(label) == 1
      && index.labelTextFacts(label).contains(.startsLowercase)
    {
      rank -= weights.oneWordPenalty
    }
    if index.skillType(skill) == .knowledge { rank -= weights.knowledgePenalty }
    if entry.onlyModifies { rank -= weights.modifierPenalty }
    if entry.matches.contains(where: { $0.phrase != entry.matches[0].phrase }) {
      rank += weights.repeatedWeight
    }
    return rank
  }

  /// Whether knowledge (not transversal) or a sector's or an occupation's skill is found only
  /// as a one-word label of ESCO's without capitals, written in lower case, that real postings
  /// seldom name (background rate below ``SkillOptions/fieldWordMaximumRate``) and that no
  /// occupation of the posting's likely unit groups (`groups`) needs: the word then names
  /// something else — database "migrations" are not *migration*, software "logging" not
  /// forestry, "business logic" not *logic*, "clean code" no *conduct cleaning tasks*, nor are
  /// a "care philosophy", a "criminal history check" or "unit economics". A field written with
  /// a capital ("Economics", "a degree in History") is a subject the posting asks for, a word
  /// many postings name ("communication", "database") is asked for wherever it stands, and
  /// transversal and cross-sector skills (*show empathy*, *act reliably*) fit any work.
  func namesAnotherField(
    _ skill: Int, _ entry: SkillCollector.Entry, fit groups: [Bool],
    span: (Int, LabelMatch) -> Evidence
  ) -> Bool {
    guard index.background.skillRate(skill) < options.skills.fieldWordMaximumRate,
      !isTransversal[skill],
      entry.matches.allSatisfy({
        index.labelField($0.match.label) != .phrasing
          && contentCount($0.match.label) == 1
          && index.labelText($0.match.label).allSatisfy { !$0.isUppercase }
          && span($0.phrase, $0.match).text.first?.isLowercase == true
      }),
      index.skillType(skill) == .knowledge || index.skillReuseLevel(skill) != "cross-sector"
    else { return false }
    return !index.occupationEntries(ofSkill: skill).contains {
      fits(occupationGroup[$0.occupation], groups)
    }
  }

  /// Whether `group` (an index, -1 for none) is flagged in `groups` (a flag per ISCO group).
  @inline(__always)
  private func fits(_ group: Int, _ groups: [Bool]) -> Bool {
    group >= 0 && group < groups.count && groups[group]
  }

  /// The rank of a lone phrase's skill: found word for word first, then by score plus
  /// ``SkillOptions/loneContextWeight`` × context. The posting-level signals of ``rank(_:_:fit:)`` (fit to the likely groups,
  /// requirements, how often postings name a skill) have nothing to read in one sentence and
  /// were measured to order its skills worse (docs/Accuracy.md).
  func loneRank(_ entry: SkillCollector.Entry) -> Double {
    (entry.isLiteral ? PostingAnalyzer.literalFirst : 0) + entry.score
      + options.skills.loneContextWeight * entry.context
  }

  /// Added to a lone phrase's literal matches: more than any score plus context.
  static let literalFirst = 100.0

  /// How many content terms a label has. Read by offsets, as ``loneContentTerm(_:)``.
  func contentCount(_ label: Int) -> Int { index.labelContent.range(label).count }

  /// A label's content term when it has only one, else nil. Read by offset: a row's slice is
  /// copied and destroyed through the generic value witnesses here (about 250 instructions).
  func loneContentTerm(_ label: Int) -> Int32? {
    let range = index.labelContent.range(label)
    return range.count == 1 ? Int32(index.labelContent.values[range.lowerBound]) : nil
  }

  /// Whether a match is of a label with one content word, in lower case (not a tool's or a
  /// language's name), and that word is written right before another content word, with only
  /// a space between, wherever the phrase has it: a modifier ("computer proficiency", "lead
  /// generation", "long term project"), not the head of what the phrase names.
  func modifies(_ match: LabelMatch, in query: QueryText, of body: TokenizedText) -> Bool {
    guard let term = loneContentTerm(match.label), index.labelField(match.label) != .tool,
      index.labelTextFacts(match.label).contains(.startsLowercase)
    else { return false }
    var found = false
    for position in query.terms.indices where query.terms[position] == term {
      guard modifiesNext(at: position, in: query, of: body) else { return false }
      found = true
    }
    return found
  }

  /// Whether a match is of a label with one content word, in lower case, that the phrase has
  /// only as a trait adjective (``MatchingLexicons/traits``) written right before a noun, with
  /// only a space between, that is no person nor their conduct (``MatchingLexicons/people``,
  /// ``MatchingLexicons/conduct``): the adjective describes that thing, not the worker —
  /// "reliable transportation" or "a reliable internet connection" is no *act reliably*, "a
  /// flexible schedule" no *perform services in a flexible manner*; "a reliable person",
  /// "Reliable, hardworking" and "be flexible regarding changes" (after a form of "be",
  /// ``MatchingLexicons/copulas``) stay.
  func describesAThing(_ match: LabelMatch, in query: QueryText, of body: TokenizedText) -> Bool {
    guard let term = loneContentTerm(match.label), traitTerms.contains(term),
      index.labelTextFacts(match.label).contains(.startsLowercase)
    else { return false }
    var found = false
    for position in query.terms.indices where query.terms[position] == term {
      guard MatchingLexicons.traits.contains(tokenizer.key(query.forms[position])),
        position == 0
          || !MatchingLexicons.copulas.contains(tokenizer.key(query.forms[position - 1])),
        modifiesNext(at: position, in: query, of: body)
      else { return false }
      let noun = tokenizer.key(query.forms[position + 1])
      if MatchingLexicons.people.contains(noun)
        || MatchingLexicons.conduct.contains(MatchingLexicons.singular(noun))
      {
        return false
      }
      found = true
    }
    return found
  }

  /// Whether the query writes a term of ``MatchingLexicons/topics`` only as a topic noun or its
  /// plural ("feedback", "interviews"), not as a word of the same stem ("reliable" beside
  /// "reliability", "tolerant" beside "tolerance").
  func isTopic(_ term: Int32, in query: QueryText) -> Bool {
    query.terms.indices.allSatisfy {
      query.terms[$0] != term
        || MatchingLexicons.topics.contains(
          MatchingLexicons.singular(tokenizer.key(query.forms[$0])))
    }
  }

  /// Whether the query word at `position` is written right before a content word, with only a
  /// space between.
  func modifiesNext(at position: Int, in query: QueryText, of body: TokenizedText) -> Bool {
    guard position + 1 < query.terms.count else { return false }
    let next = query.terms[position + 1]
    if next >= 0 && index.isStopTerm(TermID(rawValue: UInt32(next))) { return false }
    let gap = bytesBefore(position + 1, in: query, of: body)
    return body.tokens[query.tokenIndices[position + 1]].kind == .word && gap.count == 1
      && body.text.bytes[gap.lowerBound] == 0x20
  }

  /// Whether a match is no evidence of its skill: a one-word label whose word is
  /// - a duty frame: "responsible for …" (``MatchingLexicons/dutyFrames``) says whose duty
  ///   follows, not a skill (*assume responsibility*), and "reports to …" whom the worker
  ///   answers to (*report facts*), wherever the phrase has it;
  /// - a trait adjective describing a thing (``describesAThing(_:in:of:)``: "reliable
  ///   transportation");
  /// - the verb of a label whose object is "others" (*lead others*, *direct others*) where
  ///   no word for people follows it within three words ("lead generation", "sales leads");
  /// - common in ESCO's skill texts (IDF below ``SkillOptions/bareMaximumIDF``; rare words such
  ///   as "git", "Scrum", "SaaS" name their concept by themselves) or a member of a category
  ///   (``namedByMembers``: "scale" for *design principles*, which then needs every other
  ///   word of the category's name), of an alternative or hidden label, and either
  ///   - a proper name's label ("Access" for *Microsoft Access*) written only in lower case in
  ///     a phrase that has capitals ("Internet access"), or with a capital only as the
  ///     phrase's first word before "to" ("Access to a laptop"), or
  ///   - a bare variant: in lower case, of a knowledge skill whose preferred label has other
  ///     content words, none of them in the phrase ("engineering" for *packaging engineering*,
  ///     "current" for *electricity principles*, "term" for *terminology*) — a common word
  ///     that only coincides with a narrower concept's label;
  /// - a maker's name (``MatchingLexicons/makers``: "Google" for *search engines*) or a topic
  ///   noun (``MatchingLexicons/topics``: "feedback" for *accept criticism and guidance*)
  ///   where no other word of the skill's preferred label is in the phrase: it names the
  ///   maker's other products ("Google Sheets", "Google Cloud") or the topic ("get feedback")
  ///   as often;
  /// - a verb that is the whole of a skill's preferred label (*plan*, *troubleshoot*), or an
  ///   alternative or hidden label that is the preferred label's verb alone, as written there
  ///   ("report" for *report facts*), where it is read as a noun wherever the phrase has it
  ///   (``isNoun(at:in:of:)``).
  func isBare(
    _ skill: Int, _ match: LabelMatch, in query: QueryText, of body: TokenizedText
  ) -> Bool {
    guard let word = loneContentTerm(match.label) else { return false }
    let field = index.labelField(match.label)
    // "an action plan", "business plans": the verb *plan* read as a noun; "a formal report":
    // *report facts*' verb (not a gerund label: "network troubleshooting" is the work).
    if field == .preferred || field == .alternative || field == .hidden,
      index.skillType(skill) == .skill,
      index.labelTextFacts(match.label).contains(.startsLowercase),
      query.terms.indices.allSatisfy({
        query.terms[$0] != word || isNoun(at: $0, in: query, of: body)
      }),
      field == .preferred || index.isFirstWordOfPreferredLabel(match.label, ofSkill: skill)
    {
      return true
    }
    // Most words are no duty frame: the phrase is read only for those that are.
    if dutyFrameTerms[word] != nil && query.terms.contains(word)
      && query.terms.indices.allSatisfy({
        query.terms[$0] != word || isDutyFrame(at: $0, in: query)
      })
    {
      return true
    }
    if describesAThing(match, in: query, of: body) { return true }
    // "lead others", "direct others" with no people after the verb ("Lead generation",
    // "sales leads", "direct deposit").
    if othersTerm >= 0 && index.data.labelTerms[match.label].contains(UInt32(othersTerm))
      && !query.terms.indices.contains(where: {
        query.terms[$0] == word && actsOnPeople(at: $0, in: query)
      })
    {
      return true
    }
    // A maker's name ("Google" for *search engines*) names its other products as often
    // ("Google Sheets", "Google Cloud"); a topic noun ("feedback" for *accept criticism and
    // guidance*) the topic.
    if makerTerms.contains(word) || (topicTerms.contains(word) && isTopic(word, in: query)) {
      return lacksOtherWords(ofSkill: skill, besides: word, query)
    }
    guard field == .alternative || field == .hidden else { return false }
    // A category's member, not a variant of its name ("ceramics" for *ceramic ware*).
    let member = namedByMembers[skill] && !preferredContentTerms(ofSkill: skill).contains(word)
    guard
      member
        || Double(index.idf(TermID(rawValue: UInt32(word)), kind: .skill))
          < options.skills.bareMaximumIDF
    else { return false }
    let facts = index.labelTextFacts(match.label)
    if facts.contains(.startsUppercase) {
      // A name, not an acronym ("IT", "SQL" have rules of their own).
      guard facts.contains(.hasLowercase) else { return false }
      return query.hasCapitals
        && !query.terms.indices.contains {
          query.terms[$0] == word && query.capitalised[$0] && !opensWithTo($0, in: query)
        }
    }
    guard facts.contains(.startsLowercase), index.skillType(skill) == .knowledge else {
      return false
    }
    return lacksOtherWords(ofSkill: skill, besides: word, query, all: member)
  }

  /// Whether the word at `position` opens the phrase and "to" follows it: a capital that only
  /// starts the phrase, on a common word ("Access to a reliable computer").
  private func opensWithTo(_ position: Int, in query: QueryText) -> Bool {
    position == 0 && query.forms.count > 1 && tokenizer.key(query.forms[1]) == "to"
  }

  /// Whether a match reads a person as the work: some word of its label is found only as a
  /// noun for the person who does that work (``MatchingLexicons/agentNouns``, which Snowball
  /// stems as the work: "Project Manager" for *project management*, "assist the Finance
  /// Manager" for *manage finances*, "Developer to join our team" for *team development*),
  /// and that person is not the worker: the noun is not a word of the posting's title
  /// (`titleKeys`, singular) nor the label's own, and no "a" or "an" stands in the two words
  /// before it ("a skilled communicator", "as an experienced engineer").
  func readsAPersonAsWork(
    _ match: LabelMatch, in query: QueryText, titleKeys: Set<String>
  ) -> Bool {
    let content = index.labelContent[match.label]
    guard content.contains(where: { agentNounTerms.contains(Int32($0)) }) else { return false }
    var labelKeys: Set<String>?
    var byPerson: Set<Int32> = []
    var byWork: Set<Int32> = []
    for position in query.terms.indices {
      let term = query.terms[position]
      guard term >= 0, content.contains(UInt32(term)) else { continue }
      guard agentNounTerms.contains(term) else {
        byWork.insert(term)
        continue
      }
      let key = MatchingLexicons.singular(tokenizer.key(query.forms[position]))
      if MatchingLexicons.agentNouns.contains(key), !titleKeys.contains(key) {
        let ownKeys =
          labelKeys
          ?? Set(
            tokenizer.tokenize(index.labelText(match.label)).tokens.map {
              MatchingLexicons.singular(tokenizer.key($0.form))
            })
        labelKeys = ownKeys
        let indefinite = (max(0, position - 2)..<position).contains {
          ["a", "an"].contains(tokenizer.key(query.forms[$0]))
        }
        if !ownKeys.contains(key) && !indefinite {
          byPerson.insert(term)
          continue
        }
      }
      byWork.insert(term)
    }
    return !byPerson.isSubset(of: byWork)
  }

  /// Whether a match is of a one-word label written with a capital (a tool's or a language's
  /// name) found word for word where the posting names its employer so (`employer`:
  /// ``PostingText/employerNames(in:tokenizer:)``): Canva's customer-service staff are not
  /// asked for *graphics editor software*, nor Zoom's engineers for *use communication and
  /// collaboration software*.
  func namesTheEmployer(_ match: LabelMatch, in query: QueryText, employer: Set<String>) -> Bool {
    guard !employer.isEmpty, let words = match.exact, words.count == 1,
      contentCount(match.label) == 1,
      index.labelTextFacts(match.label).contains(.startsUppercase)
    else { return false }
    let key = tokenizer.key(query.forms[words.lowerBound])
    return employer.contains(PostingText.possessor(key) ?? key)
  }

  /// Whether the skill's preferred label has content words besides `word` and `query` has
  /// none of them (with `all`, lacks any of them: a category's member needs the category's
  /// whole name, "design principles", not a "well-designed" API at "scale").
  func lacksOtherWords(
    ofSkill skill: Int, besides word: Int32, _ query: QueryText, all: Bool = false
  ) -> Bool {
    let preferred = preferredContentTerms(ofSkill: skill).filter { $0 != word }
    let present = { (term: Int32) in query.terms.contains(term) }
    return !preferred.isEmpty
      && (all ? !preferred.allSatisfy(present) : !preferred.contains(where: present))
  }

  /// The content terms of a skill's preferred label.
  func preferredContentTerms(ofSkill skill: Int) -> [Int32] {
    searcher.query(index.skillLabel(skill)).1.terms.filter { searcher.isContentTerm($0) }
  }

  /// Whether a one-word alternative or hidden label found word for word lies inside another
  /// skill's longer label found word for word in the phrase (`matches`: the phrase's best
  /// match per skill): the longer label reads those words ("attention" for *maintain concentration
  /// for long periods* inside "attention to detail", *attend to detail*'s).
  func liesInsideLongerLabel(
    _ skill: Int, _ match: LabelMatch, among matches: ConceptMatches
  ) -> Bool {
    guard let words = match.exact, contentCount(match.label) == 1,
      index.labelField(match.label) != .preferred
    else { return false }
    return matches.contains { other, otherMatch in
      guard other != skill, let longer = otherMatch.exact else { return false }
      return longer.count > words.count && longer.lowerBound <= words.lowerBound
        && words.upperBound <= longer.upperBound
    }
  }

  /// Whether a name or acronym (a label with a capital) found word for word is another skill's
  /// ESCO label too, found at the same words, and the other skill's name is what the acronym
  /// spells, or else real postings name the other skill more often (the background corpus's
  /// skill rates; `matches`: the phrase's best match per skill). ESCO gives "ML" to *machine
  /// learning* and to *ML (computer programming)*, "PPC" to *pay-per-click* and to *make
  /// strategic business decisions*: one reading stands.
  func sharesItsLabel(
    _ skill: Int, _ match: LabelMatch, among matches: ConceptMatches
  )
    -> Bool
  {
    guard let words = match.exact, index.labelField(match.label) != .phrasing else {
      return false
    }
    let terms = index.data.labelTerms[match.label]
    // Most labels are no other skill's: the text is read only for those that are.
    let others = matches.filter { other, otherMatch in
      other != skill && otherMatch.exact == words
        && index.labelField(otherMatch.label) != .phrasing
        && index.data.labelTerms[otherMatch.label].elementsEqual(terms)
    }
    guard !others.isEmpty else { return false }
    let text = index.labelText(match.label)
    guard text.contains(where: \.isUppercase) else { return false }
    let rate = index.background.skillRate(skill)
    // An acronym names the skill whose name it abbreviates.
    func abbreviates(_ skill: Int) -> Bool {
      text.count >= 2 && text.allSatisfy(\.isUppercase)
        && index.skillLabel(skill).split(whereSeparator: { $0 == " " || $0 == "-" })
          .compactMap(\.first).map { $0.uppercased() }.joined() == text
    }
    let spellsOut = abbreviates(skill)
    return others.contains { other, _ in
      let otherSpellsOut = abbreviates(other)
      if otherSpellsOut != spellsOut { return otherSpellsOut }
      let otherRate = index.background.skillRate(other)
      return otherRate > rate || (otherRate == rate && other < skill)
    }
  }

  /// Whether the query word at `position` comes right after a word, with only a space between,
  /// that does not go before a verb (``MatchingLexicons/beforeVerbs``): a noun ("an action
  /// plan", "business plans"; not "to plan", "help plan", "Plan and organise").
  func isNoun(at position: Int, in query: QueryText, of body: TokenizedText) -> Bool {
    guard position > 0, !beforeVerbTerms.contains(query.terms[position - 1]) else {
      return false
    }
    let gap = bytesBefore(position, in: query, of: body)
    return !gap.isEmpty && body.text.bytes[gap].allSatisfy { $0 == 0x20 }
  }

  /// The bytes between the query word at `position` and the one before it.
  func bytesBefore(_ position: Int, in query: QueryText, of body: TokenizedText) -> Range<Int> {
    body.tokens[query.tokenIndices[position - 1]].byteRange
      .upperBound..<body.tokens[query.tokenIndices[position]].byteRange.lowerBound
  }

  /// Whether one of the three query words after `position` names people
  /// (``MatchingLexicons/people``).
  func actsOnPeople(at position: Int, in query: QueryText) -> Bool {
    query.terms[(position + 1)..<min(query.terms.count, position + 4)].contains {
      peopleTerms.contains($0)
    }
  }

  /// Whether the query word at `position` (a duty frame's) is followed by the frame's word
  /// ("for" after "responsible", "to" after "report").
  func isDutyFrame(at position: Int, in query: QueryText) -> Bool {
    position + 1 < query.terms.count
      && dutyFrameTerms[query.terms[position]] == query.terms[position + 1]
  }
}
