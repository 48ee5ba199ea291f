import JobLensText

/// Word lists for reading job titles and spotting boilerplate: written by us, compiled in.
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

  /// Title words that say nothing about the job.
  static let noise: Set<String> = [
    "urgent", "urgently", "hiring", "now hiring", "now", "today", "here", "we are hiring",
    "immediate", "immediately",
    "immediate start", "start", "asap", "needed", "wanted", "required", "seeking", "looking for",
    "apply", "apply now", "job", "jobs", "position", "opening", "vacancy", "opportunity", "role",
    "m f d", "m w d", "f m d", "w m d", "h f", "f h", "m f", "all genders", "gn", "d f m",
    "hrs", "hr", "hours", "hour", "week", "weekly", "month", "monthly", "per", "day", "daily",
    "usd", "eur", "gbp", "php", "salary", "pay", "paid", "new", "great", "amazing", "exciting",
    "dynamic", "fast", "growing", "team", "our", "a", "an", "the", "for", "with", "and", "or",
    "to", "of", "in", "at", "is", "be", "we", "you", "your",
  ]

  /// Section headings that open boilerplate, by kind.
  static let boilerplateHeadings: [String: String] = [
    "about us": "company", "about the company": "company", "who we are": "company",
    "our company": "company", "company overview": "company", "company description": "company",
    "the company": "company", "about": "company", "our story": "company", "our mission": "company",
    "benefits": "benefits", "what we offer": "benefits", "we offer": "benefits",
    "perks": "benefits",
    "perks and benefits": "benefits", "compensation": "salary", "salary": "salary",
    "pay": "salary", "why join us": "benefits", "why work with us": "benefits",
    "what's in it for you": "benefits", "equal opportunity": "equal-opportunity",
    "equal employment opportunity": "equal-opportunity", "eeo": "equal-opportunity",
    "diversity": "equal-opportunity", "how to apply": "how-to-apply", "to apply": "how-to-apply",
    "application process": "how-to-apply", "apply": "how-to-apply", "next steps": "how-to-apply",
    "disclaimer": "legal", "privacy": "legal", "privacy notice": "legal",
    "salary range": "salary", "annual salary": "salary", "compensation and benefits": "benefits",
    "compensation benefits": "benefits", "benefits include": "benefits",
    "benefits and perks": "benefits", "perks benefits": "benefits", "what is offered": "benefits",
    "our values": "company", "our culture": "company",
    "diversity and inclusion": "equal-opportunity",
    "interview process": "how-to-apply", "terms and conditions": "legal",
  ]

  /// Section headings of the job's tasks (they, and requirement headings, end boilerplate).
  static let taskHeadings: [String] = [
    "responsibilities", "responsibility", "duties", "tasks", "what you will do", "what you'll do",
    "your role", "the role", "about the role", "role", "job description", "description",
    "you will", "key responsibilities", "day to day", "summary", "overview", "position summary",
    "job summary", "scope", "main tasks", "your tasks", "deliverables", "what you'll be doing",
    "what you will be doing", "your impact", "the opportunity", "in this role", "accountabilities",
  ]

  /// Section headings of what the job asks of the candidate: the phrases under them name
  /// skills, but they are not tasks.
  static let requirementHeadings: [String] = [
    "requirements", "qualifications", "skills", "what we're looking for",
    "what we are looking for", "who you are", "about you", "profile", "your profile",
    "must have", "must haves", "nice to have", "nice to haves", "experience", "what you need",
    "what you'll need", "what you bring", "what you'll bring", "what you will bring", "you have",
    "what you have", "competencies", "education", "bonus points", "mandatory", "required",
    "desirable", "preferred", "requirement", "qualification", "certifications", "skill set",
    "our stack", "tech stack",
  ]

  /// Openings of a phrase that describes the candidate rather than the work ("You are
  /// organised", "Must be fluent in English", "Looking for a virtual assistant").
  static let requirementOpenings: [String] = [
    "you are", "you're", "you have", "you've got", "you should", "you must", "you bring",
    "do you have", "are you", "have you", "must be", "must have", "should be", "should have",
    "looking for", "we are looking for", "we're looking for", "we are seeking", "we're seeking",
    "seeking", "ideal candidate", "the ideal candidate", "the successful candidate",
    "candidates must", "experience with", "experience in", "experience of", "knowledge of",
    "working knowledge", "understanding of", "proficiency in", "proficient in", "fluent in",
    "fluency in", "confident with", "comfortable with", "familiarity with", "familiar with",
    "excellent", "strong", "a strong", "solid", "proven", "demonstrated", "ability to",
    "able to", "at least", "minimum of", "a minimum of", "degree in", "a degree", "bachelor",
    "bachelor's", "master's",
  ]

  /// Phrases that make a phrase a requirement wherever they stand ("2+ years of experience").
  static let requirementCues: [String] = [
    "years of experience", "years experience", "years as", "years of professional", "is a plus",
    "are a plus", "is an advantage", "would be an advantage", "is preferred", "is desirable",
  ]

  /// Phrases that make a sentence boilerplate wherever it stands, by kind.
  static let boilerplateCues: [(String, String)] = [
    ("equal opportunity employer", "equal-opportunity"),
    ("equal opportunities", "equal-opportunity"),
    ("regardless of race", "equal-opportunity"), ("without regard to", "equal-opportunity"),
    ("all qualified applicants", "equal-opportunity"),
    ("reasonable accommodation", "equal-opportunity"),
    ("sexual orientation", "equal-opportunity"), ("protected veteran", "equal-opportunity"),
    ("competitive salary", "benefits"), ("competitive pay", "benefits"),
    ("health insurance", "benefits"), ("dental", "benefits"), ("401 k", "benefits"),
    ("401k", "benefits"), ("paid time off", "benefits"), ("pto", "benefits"),
    ("pension", "benefits"), ("stock options", "benefits"), ("annual leave", "benefits"),
    ("we offer", "benefits"), ("you will receive", "benefits"), ("bonus", "benefits"),
    ("send your cv", "how-to-apply"), ("send your resume", "how-to-apply"),
    ("send us your", "how-to-apply"), ("apply now", "how-to-apply"),
    ("click apply", "how-to-apply"),
    ("to apply for", "how-to-apply"), ("to apply please", "how-to-apply"),
    ("apply via", "how-to-apply"), ("apply online", "how-to-apply"),
    ("please apply", "how-to-apply"),
    ("submit your application", "how-to-apply"), ("cover letter", "how-to-apply"),
    ("interested candidates", "how-to-apply"), ("apply with", "how-to-apply"),
    ("applications close", "how-to-apply"), ("send an email", "how-to-apply"),
    ("we are a", "company"), ("we're a", "company"), ("founded in", "company"),
    ("our mission", "company"), ("is a leading", "company"), ("is a global", "company"),
    ("headquartered", "company"), ("established in", "company"), ("our clients include", "company"),
    ("per hour", "salary"), ("per month", "salary"), ("per year", "salary"),
    ("salary range", "salary"), ("hourly rate", "salary"),
    ("background check", "legal"), ("e verify", "legal"), ("privacy policy", "legal"),
    ("available immediately", "conditions"), ("must be available", "conditions"),
    ("immediate start", "conditions"), ("start immediately", "conditions"),
    ("start date", "conditions"), ("work from anywhere", "conditions"),
    ("work from home", "conditions"), ("flexible hours", "conditions"),
    ("flexible schedule", "conditions"), ("flexible working hours", "conditions"),
  ]
}

/// A list of phrases (as key sequences, grouped by their first key), each with a tag, to look
/// for in the keys of a text.
struct PhraseLexicon {
  private let byFirst: [String: [(keys: [String], tag: String)]]

  /// A lexicon of phrases and their tags (the order of the list is the order of `tags`).
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

  /// The match keys of a phrase's words, with typographic apostrophes written straight
  /// ("you’ll" → "you'll") as the lexicons write them.
  static func keys(
    of phrase: TaskPhrase, in tokenized: TokenizedText, tokenizer: Tokenizer
  )
    -> [String]
  {
    phrase.tokens.map { index in
      let key = tokenizer.form(tokenized.tokens[index].form).key
      return key.utf8.contains(0xE2) ? String(key.map { $0 == "\u{2019}" ? "'" : $0 }) : key
    }
  }

  /// Whether `phrase` stands at `start` of `keys`.
  private static func stands(_ phrase: [String], in keys: [String], at start: Int) -> Bool {
    start + phrase.count <= keys.count
      && phrase.indices.allSatisfy { keys[start + $0] == phrase[$0] }
  }

  /// The tag of the first phrase (in lexicon order) that stands at `start` of `keys` and whose
  /// tag passes `accept`.
  func firstTag(
    _ keys: [String], at start: Int, where accept: (String) -> Bool = { _ in true }
  ) -> String? {
    byFirst[keys[start]]?.first { accept($0.tag) && Self.stands($0.keys, in: keys, at: start) }?
      .tag
  }

  /// Calls `body` with the tag of every phrase that stands at `start` of `keys`.
  func forEachTag(_ keys: [String], at start: Int, _ body: (String) -> Void) {
    for entry in byFirst[keys[start]] ?? [] where Self.stands(entry.keys, in: keys, at: start) {
      body(entry.tag)
    }
  }

  /// Whether one of the phrases stands at `start` of `keys`.
  func matches(_ keys: [String], at start: Int) -> Bool { firstTag(keys, at: start) != nil }

  /// Whether `keys` begin with one of the phrases.
  func starts(_ keys: [String]) -> Bool { !keys.isEmpty && matches(keys, at: 0) }

  /// Whether one of the phrases stands anywhere in `keys`.
  func containedIn(_ keys: [String]) -> Bool {
    keys.indices.contains { matches(keys, at: $0) }
  }

  static let taskHeadings = PhraseLexicon(MatchingLexicons.taskHeadings)
  static let requirementHeadings = PhraseLexicon(MatchingLexicons.requirementHeadings)
  static let requirementOpenings = PhraseLexicon(MatchingLexicons.requirementOpenings)
  static let requirementCues = PhraseLexicon(MatchingLexicons.requirementCues)
  static let boilerplateCues = PhraseLexicon(tagged: MatchingLexicons.boilerplateCues)
}
