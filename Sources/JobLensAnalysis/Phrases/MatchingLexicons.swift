import JobLensText

/// Word lists for reading job titles: written by us, compiled in.
/// Entries are match keys (case-folded, without diacritics); multi-word entries are matched as
/// consecutive tokens, hyphenated compounds as their parts ("part-time" = "part time").
enum MatchingLexicons {
  /// Title words that say how or where the work is done, by attribute name.
  static let workMode: [String: String] = [
    "virtual": "virtual", "virtuel": "virtual", "virtuelle": "virtual", "virtual based": "virtual",
    "remote": "remote", "remotely": "remote", "fully remote": "remote", "100 remote": "remote",
    "wfh": "remote", "work from home": "home-based", "work at home": "home-based",
    "from home": "home-based", "home based": "home-based", "homebased": "home-based",
    "home office": "home-based", "homeoffice": "home-based", "online": "online",
    "telecommute": "remote", "telecommuting": "remote", "teletravail": "remote",
    "a distance": "remote", "remoto": "remote", "teletrabajo": "remote", "hybrid": "hybrid",
    "onsite": "on-site", "on site": "on-site", "in office": "on-site", "anywhere": "remote",
    "worldwide": "remote", "distributed": "remote",
  ]

  /// Title words about the employment relation.
  static let employment: [String: String] = [
    "freelance": "freelance", "freelancer": "freelance", "contract": "contract",
    "contractor": "contract", "contractual": "contract", "part time": "part-time",
    "parttime": "part-time", "temps partiel": "part-time", "teilzeit": "part-time",
    "full time": "full-time", "fulltime": "full-time", "temps plein": "full-time",
    "vollzeit": "full-time", "temporary": "temporary", "temp": "temporary",
    "interim": "temporary", "permanent": "permanent", "cdi": "permanent", "cdd": "temporary",
    "internship": "internship", "intern": "internship", "stage": "internship",
    "apprenticeship": "apprenticeship", "apprentice": "apprenticeship",
    "seasonal": "seasonal", "casual": "casual", "hourly": "hourly", "per hour": "hourly",
    "self employed": "self-employed", "independent contractor": "contract",
    "long term": "long-term", "short term": "short-term", "project based": "project-based",
  ]

  /// Title words about seniority.
  static let seniority: [String: String] = [
    "senior": "senior", "sr": "senior", "junior": "junior", "jr": "junior", "lead": "lead",
    "principal": "principal", "entry level": "entry-level", "mid level": "mid-level",
    "trainee": "trainee", "graduate": "graduate", "experienced": "experienced",
    "ii": "level 2", "iii": "level 3", "iv": "level 4",
  ]

  /// Words that, followed by the word given, frame the duties rather than name one: "responsible
  /// for filing" says whose duty follows, "reports to the Director" whom the worker answers to.
  /// Not a skill of their own. (Stems: "reporting to" is a frame too.)
  static let dutyFrames: [String: String] = [
    "responsible": "for", "accountable": "for", "report": "to",
  ]

  /// Words for people that a verb acts on ("lead a team", "direct staff"): without one of
  /// them after it, "lead" or "direct" is not ESCO's *lead others*.
  static let people: Set<String> = [
    "others", "team", "teams", "staff", "employees", "people", "colleagues", "members",
    "personnel", "workers", "volunteers", "interns", "juniors", "reports",
  ]

  /// Adjectives that say how a worker is ("reliable", "flexible", "punctual"): written right
  /// before a noun that is no person nor their conduct (``conduct``), they describe that thing
  /// ("reliable transportation", "a flexible schedule", "a friendly environment"). Not those
  /// that describe the worker's work as well as the worker ("innovative solutions", "creative
  /// content", "proactive communication").
  static let traits: Set<String> = [
    "reliable", "dependable", "flexible", "punctual", "efficient", "honest", "independent",
    "motivated", "friendly", "positive", "patient", "adaptable", "resourceful", "versatile",
    "energetic", "enthusiastic", "trustworthy", "diligent", "confident", "organised",
    "organized", "professional", "responsible",
  ]

  /// Nouns (singular) for a worker and their conduct, which a trait adjective describes ("a
  /// reliable person", "a professional manner", "positive attitude"), besides ``people``.
  static let conduct: Set<String> = [
    "person", "individual", "candidate", "applicant", "worker", "employee", "member", "self",
    "professional", "communicator", "player", "attitude", "manner", "approach", "personality",
    "character", "demeanor", "demeanour", "work", "behaviour", "behavior", "mindset", "starter",
    "learner", "thinker", "solver",
  ]

  /// Forms of "be": an adjective after one says how someone is ("be flexible regarding
  /// changes", "are responsible during …"), whatever follows.
  static let copulas: Set<String> = ["be", "is", "are", "am", "was", "were", "been", "being"]

  /// Words that go before a verb ("to plan", "help plan", "will plan", "plan and
  /// organise"); after another word, with only a space between, a verb's form is read as a
  /// noun ("an action plan", "business plans").
  static let beforeVerbs: Set<String> = [
    "to", "and", "or", "will", "shall", "can", "could", "would", "must", "should", "may",
    "might", "help", "helps", "also", "then", "you", "we", "i", "they", "who", "not", "ll",
  ]

  /// Nouns for the people who do a kind of work, which Snowball stems as the work itself
  /// ("manager" and "management" to "manag", "developer" and "development" to "develop"):
  /// another person named so is not the work the posting asks for ("assist the Finance
  /// Manager", "Project Managers"). Singular; a plural in -s is read as its singular.
  static let agentNouns: Set<String> = [
    "manager", "developer", "designer", "producer", "coordinator", "administrator",
    "accountant", "operator", "consultant", "assistant", "participant", "organiser",
    "organizer", "adviser", "engineer", "researcher", "recruiter", "marketer", "promoter",
    "investigator", "regulator", "translator", "negotiator", "facilitator", "educator",
    "supporter", "controller", "publisher", "provider", "employer", "computer",
  ]

  /// A word's match key without a plural -s ("managers" → "manager"; not "business").
  static func singular(_ key: String) -> String {
    key.count > 3 && key.hasSuffix("s") && !key.hasSuffix("ss") ? String(key.dropLast()) : key
  }

  /// Particles of phrasal verbs ("stay with", "hang out with"): a verb without them is
  /// another verb ("stay up to date").
  static let particles: Set<String> = [
    "with", "up", "in", "on", "off", "out", "over", "after", "for", "to", "into", "about",
    "by", "at", "from", "down", "through", "around", "along", "back", "away",
  ]

  /// Light verbs: with a noun for a deed they mean the deed's own verb ("make bookings" is to
  /// book, "conduct trainings" to train).
  static let lightVerbs: Set<String> = [
    "make", "take", "do", "perform", "conduct", "carry", "arrange", "hold", "give", "run",
  ]

  /// Makers' names: a maker's name names its many products as often as the concept a label
  /// gives it to ("Google Sheets", "Google Cloud", "Google Analytics" beside *search engines*'
  /// "Google").
  static let makers: Set<String> = [
    "google", "yahoo", "microsoft", "apple", "amazon", "adobe", "oracle", "ibm", "meta",
  ]

  /// Nouns that ESCO gives a skill as a one-word alternative label but that real postings
  /// write as a topic or a thing ("get feedback on next steps", "a related discipline",
  /// "site reliability", "the technical interview", "zero tolerance", "time to experiment",
  /// "the strength of our systems"): like a maker's name, they count only with another word
  /// of the skill's preferred label ("accept feedback and criticism").
  static let topics: Set<String> = [
    "feedback", "discipline", "reliability", "interview", "tolerance", "experiment", "strength",
  ]

  /// Idioms whose words name no skill, though ESCO's labels have them: "play a key role"
  /// (*express yourself creatively*: "role play"), "cutting-edge" (*cutting technologies*),
  /// "shape the future" (*think innovately*'s own label, but written so in company texts and
  /// duty lists alike), "take place" (*collect samples*: "take samples"), "high energy" (a
  /// person's drive, not *energy*), "hands-on" (*use hand tools*), "the leadership team" and
  /// "thought leadership" (*lead others*). Keys, every inflection written.
  static let idioms: PhraseLexicon = {
    var phrases = ["cutting edge"]
    let adjectives = [
      "", "key", "pivotal", "crucial", "vital", "major", "important", "central", "critical",
      "direct", "big", "significant", "leading", "active", "instrumental", "integral",
      "strategic", "huge", "meaningful", "large",
    ]
    for verb in ["play", "plays", "playing", "played"] {
      for adjective in adjectives {
        let article = adjective.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        phrases.append(
          [verb, article, adjective, "role"].filter { !$0.isEmpty }.joined(separator: " "))
      }
    }
    for verb in ["shape", "shapes", "shaping", "shaped"] { phrases.append("\(verb) the future") }
    for verb in ["take", "takes", "taking", "took", "taken"] { phrases.append("\(verb) place") }
    // A person's drive, not the energy sector ("a high energy level", "positive energy").
    phrases += ["high energy", "energy level", "energy levels", "positive energy"]
    // Practical, not the hand ("hands-on experience with tools" is not *use hand tools*).
    phrases.append("hands on")
    // The leaders, or a company's published expertise, not leading others ("keep the
    // leadership team informed", "deliver thought leadership").
    phrases += [
      "leadership team", "leadership teams", "senior leadership", "thought leadership",
    ]
    return PhraseLexicon(phrases)
  }()

  /// Currency codes: noise next to an amount ("PHP 20,000", "$25 USD"), a job word elsewhere
  /// ("PHP Developer").
  static let currencies: Set<String> = ["usd", "eur", "gbp", "php", "aud", "cad", "inr"]

  /// Title words that say nothing about the job.
  static let noise: Set<String> = [
    "urgent", "urgently", "hiring", "now hiring", "now", "today", "here", "we are hiring",
    "immediate", "immediately",
    "immediate start", "start", "asap", "needed", "wanted", "required", "seeking", "looking for",
    "apply", "apply now", "job", "jobs", "position", "opening", "vacancy", "opportunity", "role",
    "m f d", "m w d", "f m d", "w m d", "h f", "f h", "m f", "all genders", "gn", "d f m",
    "hrs", "hr", "hours", "hour", "week", "weekly", "month", "monthly", "per", "day", "daily",
    "salary", "pay", "paid", "new", "great", "amazing", "exciting",
    "dynamic", "fast", "growing", "team", "our", "a", "an", "the", "for", "with", "and", "or",
    "to", "of", "in", "at", "is", "be", "we", "you", "your",
  ]
}

/// A list of phrases (as key sequences, grouped by their first key), each with a tag, to look
/// for in the keys of a text.
struct PhraseLexicon {
  private let byFirst: [String: [(keys: [String], tag: String)]]

  /// A lexicon of phrases and their tags.
  init(tagged phrases: [(String, String)]) {
    var byFirst: [String: [(keys: [String], tag: String)]] = [:]
    for (phrase, tag) in phrases {
      let keys = phrase.split(separator: " ").map(String.init)
      byFirst[keys[0], default: []].append((keys, tag))
    }
    self.byFirst = byFirst
  }

  /// A lexicon of untagged phrases.
  init(_ phrases: [String]) { self.init(tagged: phrases.map { ($0, "") }) }

  /// The match keys of a phrase's words (the tokenizer writes a typographic apostrophe
  /// straight: "you’ll" → "you'll", as the lexicons write it).
  static func keys(
    of phrase: TaskPhrase, in tokenized: TokenizedText, tokenizer: Tokenizer
  )
    -> [String]
  {
    phrase.tokens.map { tokenizer.key(tokenized.tokens[$0].form) }
  }

  /// Whether `phrase` stands at `start` of `keys`.
  private static func stands(_ phrase: [String], in keys: [String], at start: Int) -> Bool {
    start + phrase.count <= keys.count
      && phrase.indices.allSatisfy { keys[start + $0] == phrase[$0] }
  }

  /// Whether some phrase starts with `key`.
  func starts(with key: String) -> Bool { byFirst[key] != nil }

  /// Calls `body` with the tag of every phrase that stands at `start` of `keys`.
  func forEachTag(_ keys: [String], at start: Int, _ body: (String) -> Void) {
    for entry in byFirst[keys[start]] ?? [] where Self.stands(entry.keys, in: keys, at: start) {
      body(entry.tag)
    }
  }

  /// The tag of the longest phrase that stands anywhere in `keys`; of equally long ones, the
  /// one that starts first, then the first in the lexicon.
  func longestTag(in keys: [String]) -> String? {
    var best: (length: Int, tag: String)?
    for start in keys.indices {
      for entry in byFirst[keys[start]] ?? []
      where entry.keys.count > (best?.length ?? 0) && Self.stands(entry.keys, in: keys, at: start) {
        best = (entry.keys.count, entry.tag)
      }
    }
    return best?.tag
  }

  /// The length of the longest phrase that stands at `start` of `keys`, or nil.
  func longestLength(_ keys: [String], at start: Int) -> Int? {
    var longest: Int?
    for entry in byFirst[keys[start]] ?? [] where Self.stands(entry.keys, in: keys, at: start) {
      longest = max(longest ?? 0, entry.keys.count)
    }
    return longest
  }

  /// Whether one of the phrases stands at `start` of `keys`.
  func matches(_ keys: [String], at start: Int) -> Bool {
    byFirst[keys[start]]?.contains { Self.stands($0.keys, in: keys, at: start) } ?? false
  }

  /// Whether `keys` begin with one of the phrases.
  func starts(_ keys: [String]) -> Bool { !keys.isEmpty && matches(keys, at: 0) }
}
