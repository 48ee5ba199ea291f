import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

/// A posting's text, read: its title and body tokenised, the title's reading, and the body's
/// phrases with their zones (``PostingZone``): duties, requirements, and what is not about the
/// job.
struct PostingText {
  /// The title and the body as UTF-8 (with the count of invalid sequences replaced).
  var titleText: UTF8Text
  var bodyText: UTF8Text
  /// The title (unknown closed compounds read as their parts) and the body, tokenised.
  var title: TokenizedText
  var body: TokenizedText
  /// The title's job words and attributes.
  var reading: TitleReader.Reading
  /// The body's phrases…
  var phrases: [TaskPhrase]
  /// …and their zones.
  var zones: [PostingZone] = []
  /// The phrases about the company, the offer, legal text and applying.
  var boilerplate: [BoilerplatePhrase] = []
  /// The phrases that describe the candidate.
  var requirements: [Evidence] = []
  /// The phrases matched for skills (duties and requirements, their headings included)…
  var contentPhrases: [TaskPhrase] = []
  /// …their zones…
  var contentZones: [PostingZone] = []
  /// …and whether each is a task (headings and requirements name skills, but are not tasks).
  var isTask: [Bool] = []
  /// The match keys of the employer's names (``employerNames(in:tokenizer:)``).
  var employer: Set<String> = []

  /// The task phrases, in order.
  var taskPhrases: [TaskPhrase] { zip(contentPhrases, isTask).filter(\.1).map(\.0) }

  /// The phrases with their zones and offsets, for output.
  var zonedPhrases: [ZonedPhrase] {
    zip(phrases, zones).map { phrase, zone in
      let span = body.codePointRange(phrase.byteRange)
      return ZonedPhrase(
        zone: zone, start: span.lowerBound, end: span.upperBound,
        isHeading: phrase.kind == .heading)
    }
  }

  /// The initials, in capitals, of the title's job words ending at its last one, of two to
  /// five words ("CSR" for "Customer Services Rep (full time)"): an acronym label written so in
  /// the body names the worker, not a skill (a customer service rep's "CSR" is not *corporate
  /// social responsibility*; an HR assistant's "HR" is still *human resource management*).
  var titleInitials: Set<String> {
    let letters = reading.kept.compactMap { title.string(title.tokens[$0].byteRange).first }
    var initials: Set<String> = []
    for count in 2...5 where count <= letters.count {
      initials.insert(letters.suffix(count).map { $0.uppercased() }.joined())
    }
    return initials
  }

  /// The match keys of the title's words, plurals in -s read as their singulars.
  func titleKeys(_ tokenizer: Tokenizer) -> Set<String> {
    Set(title.tokens.map { MatchingLexicons.singular(tokenizer.key($0.form)) })
  }

  /// The names that the company, offer, legal and application phrases (`boilerplate`) give
  /// the employer, by their match keys: a word written with a capital right after "at" or
  /// "join", or after "about" opening the phrase, or with a possessive ("At Canva, we …",
  /// "Join Zendesk's security team", "About Zoom", "Zoom’s mission"). Where a tool is named
  /// so, it is the employer, not a skill.
  func employerNames(in boilerplate: [TaskPhrase], tokenizer: Tokenizer) -> Set<String> {
    var names: Set<String> = []
    for phrase in boilerplate {
      // The word before, and how many words come before it in the phrase.
      var previous: (form: FormID, position: Int)?
      for token in body.tokens[phrase.tokens] where token.kind == .word {
        defer { previous = (token.form, (previous?.position ?? -1) + 1) }
        let first = body.text.bytes[token.byteRange.lowerBound]
        guard first >= 0x41 && first <= 0x5A else { continue }
        let key = tokenizer.key(token.form)
        if let name = PostingText.possessor(key) {
          names.insert(name)
        } else if let previous {
          let before = tokenizer.key(previous.form)
          if before == "at" || before == "join" || (previous.position == 0 && before == "about") {
            names.insert(key)
          }
        }
      }
    }
    return names
  }

  /// The possessor in a possessive's match key ("zoom's", also written "Zoom’s" → "zoom"), or
  /// nil.
  static func possessor(_ key: String) -> String? {
    guard key.count > 2, key.hasSuffix("'s") else { return nil }
    return String(key.dropLast(2))
  }

  /// The title's job words, as written.
  var codedTitle: String {
    reading.kept.map { title.string(title.tokens[$0].byteRange) }.joined(separator: " ")
  }
}

extension PostingAnalyzer {
  /// A phrase longer than this many code points may be lines glued together by scraping.
  static let longPhrase = 200

  /// Tokenises a posting and gives each phrase its zone (``ZoneClassifier``).
  func read(_ posting: Posting) -> PostingText {
    let titleText = UTF8Text(posting.title)
    let bodyText = UTF8Text(posting.text)
    let title = searcher.splittingUnknownCompounds(tokenizer.tokenize(titleText))
    var body = tokenizer.tokenize(bodyText)
    var phrases = tokenizer.phrases(in: body)
    // Lines glued together by scraping run into one long phrase: split their glued words.
    let long = phrases.filter {
      body.codePointRange($0.byteRange).count > PostingAnalyzer.longPhrase
    }
    if !long.isEmpty {
      let split = searcher.splittingGluedWords(body, in: long.map(\.tokens)) {
        searcher.isTaskVerb($0)
      }
      if split.tokens.count != body.tokens.count {
        body = split
        phrases = tokenizer.phrases(in: body)
      }
    }
    if tokenizer.formGeneration != cacheGeneration {
      phraseCache.removeAll()
      cacheGeneration = tokenizer.formGeneration
    }
    var text = PostingText(
      titleText: titleText, bodyText: bodyText, title: title, body: body,
      reading: TitleReader.read(title, tokenizer: tokenizer), phrases: phrases)
    let keys = phrases.map { PhraseLexicon.keys(of: $0, in: body, tokenizer: tokenizer) }
    text.zones = zoneClassifier.classify(phrases, keys: keys, in: body, searcher: searcher)
    var boilerplate: [TaskPhrase] = []
    for (position, (phrase, zone)) in zip(phrases, text.zones).enumerated() {
      // A duty or requirement section's name ("Job Description") names no skill.
      if phrase.kind == .heading, zone == .duty || zone == .requirement,
        SectionHeadings.isSectionName(keys[position])
      {
        continue
      }
      switch zone {
      case .duty, .requirement:
        text.contentPhrases.append(phrase)
        text.contentZones.append(zone)
        text.isTask.append(zone == .duty && phrase.kind != .heading)
        if zone == .requirement && phrase.kind != .heading {
          text.requirements.append(evidence(of: phrase, in: body))
        }
      case .company, .offer, .legal, .application:
        boilerplate.append(phrase)
        text.boilerplate.append(
          BoilerplatePhrase(kind: zone, evidence: evidence(of: phrase, in: body)))
      case .other where phrase.kind == .heading:
        // A heading that opens no known section often names a skill area ("Social Media:",
        // "Bookkeeping"): matched for skills, not a task.
        text.contentPhrases.append(phrase)
        text.contentZones.append(zone)
        text.isTask.append(false)
      case .other:
        continue
      }
    }
    text.employer = text.employerNames(in: boilerplate, tokenizer: tokenizer)
    return text
  }
}

/// What a posting's phrases matched: their skills, and each task phrase's spread over unit
/// groups and its words (for the word model).
struct PhraseMatches {
  var skills = SkillCollector()
  /// Per task phrase: its unit groups and shares (empty when it fits none).
  var taskGroups: [[(Int, Double)]] = []
  /// The task phrases' words without work-mode words (idioms' words masked: term -1).
  var taskWords: [Int32] = []
  /// Per content phrase: its query.
  var queries: [QueryText] = []
}

extension PostingAnalyzer {
  /// Matches each content phrase's skills and each task phrase's unit groups.
  func matchPhrases(of text: PostingText) -> PhraseMatches {
    var matches = PhraseMatches()
    let titleInitials = text.titleInitials
    let titleKeys = text.titleKeys(tokenizer)
    for (position, phrase) in text.contentPhrases.enumerated() {
      let query = maskingIdioms(searcher.query(text.body, tokens: phrase.tokens))
      let result = matchPhrase(query, in: text.body, withGroups: text.isTask[position])
      for (slot, (skill, match)) in result.skills.enumerated() {
        matches.skills.add(
          skill, match: match, context: result.context(at: slot), phrase: position,
          isRequirement: text.contentZones[position] == .requirement,
          modifies: modifies(match, in: query, of: text.body),
          bare: isBare(skill, match, in: query, of: text.body)
            || liesInsideLongerLabel(skill, match, among: result.skills)
            || sharesItsLabel(skill, match, among: result.skills)
            || (!titleInitials.isEmpty && match.exact != nil
              && index.labelTextFacts(match.label).contains(.oneWord)
              && titleInitials.contains(index.labelText(match.label)))
            || readsAPersonAsWork(match, in: query, titleKeys: titleKeys)
            || namesTheEmployer(match, in: query, employer: text.employer))
      }
      // Moved, not copied (a copy holds each of its arrays once more).
      matches.queries.append(consume query)
      if text.isTask[position] {
        matches.taskGroups.append(result.groups ?? [])
        matches.taskWords += result.occupationalTerms ?? []
      }
    }
    // The title names the job's main work ("Data Entry Clerk", "Customer Service Associate"):
    // a skill label it has word for word is demanded. It comes after the content phrases.
    let title = searcher.query(text.title, tokens: text.reading.kept)
    if !title.isEmpty {
      matches.queries.append(title)
      let result = matchPhrase(title, in: text.title, withGroups: false)
      for (slot, (skill, match)) in result.skills.enumerated()
      where !matches.skills.contains(skill) && namesTheWork(match, in: title, of: text.title) {
        matches.skills.add(
          skill, match: match, context: result.context(at: slot),
          phrase: text.contentPhrases.count, isRequirement: false,
          modifies: modifies(match, in: title, of: text.title),
          bare: isBare(skill, match, in: title, of: text.title)
            || liesInsideLongerLabel(skill, match, among: result.skills)
            || titleInitials.contains(index.labelText(match.label)))
      }
    }
    return matches
  }

  /// Whether a title's match names the job's work: a label found word for word with only
  /// spaces between its words ("Manager, Data" is no *manage data*, "Support - Managed" none
  /// of managers), of two content words or more or a tool's name ("Work-Pass Filing" is no
  /// *file documents*), that names no other person ("Consulting Architect" does not *consult
  /// architects*).
  func namesTheWork(
    _ match: LabelMatch, in title: QueryText, of tokenized: TokenizedText
  )
    -> Bool
  {
    guard let words = match.exact,
      contentCount(match.label) > 1 || index.labelField(match.label) == .tool,
      words.dropFirst().allSatisfy({ position in
        tokenized.text.bytes[bytesBefore(position, in: title, of: tokenized)].allSatisfy {
          $0 == 0x20
        }
      })
    else { return false }
    // Other people: a noun for a worker, or a plural that ends an occupation's label.
    return !tokenizer.tokenize(index.labelText(match.label)).tokens.contains { token in
      let key = tokenizer.key(token.form)
      let singular = MatchingLexicons.singular(key)
      return MatchingLexicons.agentNouns.contains(singular)
        || (singular != key && searcher.endsOccupationLabel(searcher.term(token.form)))
    }
  }

  /// The reported skills (``report(_:fitting:span:)``), with their evidence spans.
  func reportSkills(
    _ matches: PhraseMatches, of text: PostingText, fitting groups: Set<Int>
  ) -> [SkillMatch] {
    // The closure holds what it reads, not the whole text (copied on each call otherwise).
    let (queries, phrases, body, title) = (
      matches.queries, text.contentPhrases, text.body, text.title
    )
    return report(matches.skills, fitting: groups, lone: ZoneClassifier.isLone(text.phrases)) {
      phrase, match in
      queries.withUnsafeBufferPointer { queries in
        phrase == phrases.count
          ? self.span(of: match, query: queries[phrase], in: title, field: .title, phrase: nil)
          : self.evidence(of: match, query: queries[phrase], phrase: phrases[phrase], in: body)
      }
    }
  }

  /// The notes on a posting: no task phrases, invalid UTF-8 replaced, another language (the
  /// `language` note, made once for the code as well).
  func notes(_ posting: Posting, _ text: PostingText, language: String?) -> [String] {
    var notes: [String] = []
    if text.taskPhrases.isEmpty && !posting.text.isEmpty {
      notes.append(PostingAnalyzer.noTaskPhrasesNote)
    }
    let replaced = text.bodyText.replacedSequences + text.titleText.replacedSequences
    if replaced > 0 {
      notes.append("replaced \(replaced) invalid UTF-8 sequences with U+FFFD")
    }
    if let language { notes.append(language) }
    return notes
  }
}
