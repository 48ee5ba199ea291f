/// Finds the phrases of a posting that describe the candidate rather than the work: the
/// phrases under a requirements heading ("Requirements", "About you", "Skills"), and phrases
/// that open like a requirement ("You are organised…", "Must be available…", "Excellent
/// written English") or name years of experience. They are matched for skills, but they are
/// not tasks: they take no part in the occupation mix or the task evidence.
///
/// A task heading ("Responsibilities", "What you will do") or any other heading ends a
/// requirements section.
enum RequirementDetector {
  /// Per phrase: whether it is a requirement. Headings are not.
  static func classify(
    _ phrases: [TaskPhrase], in tokenized: TokenizedText, tokenizer: Tokenizer
  ) -> [Bool] {
    var inRequirements = false
    return phrases.map { phrase in
      let keys = PhraseLexicon.keys(of: phrase, in: tokenized, tokenizer: tokenizer)
      if phrase.kind == .heading {
        inRequirements =
          !PhraseLexicon.taskHeadings.containedIn(keys)
          && PhraseLexicon.requirementHeadings.containedIn(keys)
        return false
      }
      return inRequirements || PhraseLexicon.requirementOpenings.starts(keys)
        || PhraseLexicon.requirementCues.containedIn(keys)
    }
  }
}

/// A list of phrases (as key sequences, grouped by their first key), to look for in the keys
/// of a text.
struct PhraseLexicon {
  private let byFirst: [String: [[String]]]

  init(_ phrases: [String]) {
    var byFirst: [String: [[String]]] = [:]
    for phrase in phrases {
      let keys = phrase.split(separator: " ").map(String.init)
      byFirst[keys[0], default: []].append(keys)
    }
    self.byFirst = byFirst
  }

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

  /// Whether one of the phrases stands at `start` of `keys`.
  func matches(_ keys: [String], at start: Int) -> Bool {
    byFirst[keys[start]]?.contains { phrase in
      start + phrase.count <= keys.count
        && phrase.indices.allSatisfy { keys[start + $0] == phrase[$0] }
    } ?? false
  }

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
}
