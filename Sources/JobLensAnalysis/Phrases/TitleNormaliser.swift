package import JobLensIndex
package import JobLensText

/// Rewrites a job title's words before they are matched against occupation labels: common
/// abbreviations are written out ("Admin Asst" → administrative assistant, "CSR" → customer
/// service representative, "Mgr" → manager), a misspelt word becomes the occupation-label word
/// it is one or two letters away from ("Assitstant" → assistant, "Adminitrative" →
/// administrative), and a team lead is a supervisor ("Customer Service Team Lead" → customer
/// service supervisor), and a technology's name before the developer or engineer it qualifies
/// says that the job is software's ("PHP Developer", "Salesforce Developer", "Python Engineer"
/// → software developer, software engineer; no occupation label names the technology).
///
/// Only the terms change: every rewritten word keeps its token, so evidence spans still point
/// into the title as written.
package struct TitleNormaliser {
  /// Abbreviations and their expansions (match keys). "admin" is written out by position
  /// (see ``normalise(_:tokenizer:searcher:)``).
  static let abbreviations: [String: [String]] = [
    "asst": ["assistant"], "assist": ["assistant"], "assistent": ["assistant"],
    "rep": ["representative"], "reps": ["representatives"], "mgr": ["manager"],
    "mngr": ["manager"], "exec": ["executive"], "coord": ["coordinator"],
    "coordr": ["coordinator"], "acct": ["account"], "acctg": ["accounting"],
    "accts": ["accounts"], "csr": ["customer", "service", "representative"],
    "cust": ["customer"], "svc": ["service"], "svcs": ["services"], "ops": ["operations"],
    "mgmt": ["management"], "mktg": ["marketing"], "supv": ["supervisor"],
    "supvr": ["supervisor"], "spec": ["specialist"], "tech": ["technician"],
    "techs": ["technicians"], "dev": ["developer"], "devs": ["developers"],
    "eng": ["engineer"], "engr": ["engineer"], "recep": ["receptionist"],
    "recept": ["receptionist"], "ea": ["executive", "assistant"],
    "pa": ["personal", "assistant"], "hr": ["human", "resources"],
    "lead": ["supervisor"], "leader": ["supervisor"],
  ]
  /// Abbreviations that are also ordinary words count only written in capitals ("HR", "EA",
  /// "PA"; "pa" and "ea" are not job words in lower case).
  static let capitalsOnly: Set<String> = ["hr", "ea", "pa", "csr"]
  /// Words this short or shorter are never corrected.
  static let shortestCorrected = 5
  /// The job words a technology's name can qualify ("PHP Developer").
  static let softwareHeads: Set<String> = [
    "developer", "developers", "engineer", "engineers", "programmer", "programmers",
  ]
  /// Written before one of ``softwareHeads``, these say "software" too.
  static let softwareWords: Set<String> = [
    "backend", "frontend", "fullstack", "stack", "android", "ios",
  ]

  /// Words of rank: a label with one names a manager or supervisor.
  static let rankWords = [
    "manager", "managers", "supervisor", "supervisors", "director", "directors", "head",
    "chief", "chiefs", "superintendent", "foreman", "leader", "leaders", "lead", "president",
    "vp", "ceo", "cto", "cfo", "coo", "cio", "cmo",
  ]
  /// ``rankWords`` as a set of match keys.
  static let rankKeys = Set(rankWords)
  /// The terms of ``rankWords``.
  package let rankTerms: Set<Int32>
  /// Per index term: whether it is one of ``rankTerms`` (read per label term, unhashed).
  private let isRankTerm: [Bool]

  /// Terms that are the whole of a skill label in the information and communication
  /// technologies (knowledge group K06, or a tool name: "JavaScript", "PHP", "Salesforce") and
  /// in no occupation label ("web" and "cloud" are: web developer, cloud engineer). A
  /// capitalised word the index does not know ("Golang", "Firebase") counts as one too.
  private let technologies: Set<Int32>

  /// Per first letter of an occupation-label term: (stem, term), the vocabulary typos are
  /// corrected to.
  private let vocabulary: [Character: [(stem: [UInt8], term: Int32)]]

  package init(index: ConceptIndex, searcher: ConceptSearcher) {
    rankTerms = Set(
      TitleNormaliser.rankWords.map {
        searcher.term(searcher.tokenizer.wordForm(Array($0.utf8)[...]))
      }.filter { $0 >= 0 })
    var isRankTerm = [Bool](repeating: false, count: index.termCount)
    for term in rankTerms { isRankTerm[Int(term)] = true }
    self.isRankTerm = isRankTerm
    var vocabulary: [Character: [(stem: [UInt8], term: Int32)]] = [:]
    for term in 0..<index.termCount
    where index.labelPostingCount(term: term, kind: .occupation) > 0
      && !index.isStopTerm(TermID(rawValue: UInt32(term)))
    {
      let stem = index.termString(TermID(rawValue: UInt32(term)))
      guard stem.count >= TitleNormaliser.shortestCorrected - 1, let first = stem.first else {
        continue
      }
      vocabulary[first, default: []].append((Array(stem.utf8), Int32(term)))
    }
    self.vocabulary = vocabulary
    var technologies: Set<Int32> = []
    for label in 0..<index.labelCount {
      let content = index.labelContent[label]
      guard content.count == 1, index.labelConcept(label).kind == .skill else { continue }
      let term = Int(content[content.startIndex])
      guard index.labelPostingCount(term: term, kind: .occupation) == 0 else { continue }
      let skill = index.labelConcept(label).index
      if index.labelField(label) == .tool || index.skillTopGroups(skill).contains("K06") {
        technologies.insert(Int32(term))
      }
    }
    self.technologies = technologies
  }

  /// The title's query with abbreviations written out and misspellings corrected.
  /// - Complexity: O(n) in the title's words, plus O(v) per unknown word for v vocabulary
  ///   terms of its first letter.
  package func normalise(
    _ query: QueryText, tokenizer: Tokenizer, searcher: ConceptSearcher
  ) -> QueryText {
    var result = query
    result.terms = []
    result.tokenIndices = []
    result.forms = []
    result.allCaps = []
    result.capitalised = []
    result.closedCompounds = nil
    var changed = false
    for position in query.terms.indices {
      let key = tokenizer.form(query.forms[position]).key
      var words = TitleNormaliser.abbreviations[key]
      if words != nil && TitleNormaliser.capitalsOnly.contains(key) && !query.allCaps[position] {
        words = nil
      }
      if key == "admin" {
        // "Admin Assistant" is an administrative assistant, "Systems Admin" an administrator.
        words = [position + 1 < query.terms.count ? "administrative" : "administrator"]
      }
      if position + 1 < query.terms.count,
        TitleNormaliser.softwareHeads.contains(tokenizer.form(query.forms[position + 1]).key),
        TitleNormaliser.softwareWords.contains(key) || technologies.contains(query.terms[position])
          || (query.terms[position] < 0 && query.capitalised[position])
      {
        words = ["software"]
      }
      var terms: [(Int32, FormID)] = []
      if let words {
        for word in words {
          let form = tokenizer.wordForm(Array(word.utf8)[...])
          terms.append((searcher.term(form), form))
        }
      } else if query.terms[position] < 0,
        let corrected = correction(of: query.forms[position], tokenizer: tokenizer)
      {
        terms.append((corrected, query.forms[position]))
      }
      guard !terms.isEmpty else {
        append(
          position, term: query.terms[position], form: query.forms[position], from: query,
          to: &result)
        continue
      }
      changed = true
      for (term, form) in terms {
        append(position, term: term, form: form, from: query, to: &result)
      }
    }
    return changed ? result : query
  }

  /// Whether a label names a rank (a manager, a supervisor) that the title does not: such a
  /// label is an occupation above the one the title names ("Customer Service Associate" is not
  /// a customer service manager, "Assistant" not an assistant manager).
  package func ranksAbove(
    _ query: QueryText, label: Int, in index: ConceptIndex, tokenizer: Tokenizer
  ) -> Bool {
    guard index.data.labelTerms[label].contains(where: { isRankTerm[Int($0)] }) else {
      return false
    }
    // By key as well: "VP" and "CTO" are no index terms.
    return !query.terms.indices.contains {
      rankTerms.contains(query.terms[$0])
        || TitleNormaliser.rankKeys.contains(tokenizer.form(query.forms[$0]).key)
    }
  }

  private func append(
    _ position: Int, term: Int32, form: FormID, from query: QueryText, to result: inout QueryText
  ) {
    result.terms.append(term)
    result.tokenIndices.append(query.tokenIndices[position])
    result.forms.append(form)
    result.allCaps.append(query.allCaps[position])
    result.capitalised.append(query.capitalised[position])
  }

  /// The occupation-label term a misspelt word is closest to: one edit away (two for words of
  /// eight letters or more), the same first letter, and the only such term; nil otherwise.
  private func correction(of form: FormID, tokenizer: Tokenizer) -> Int32? {
    let written = tokenizer.form(form)
    guard written.key.count >= TitleNormaliser.shortestCorrected,
      written.key.allSatisfy(\.isLetter), let first = written.stem.first
    else { return nil }
    let stem = Array(written.stem.utf8)
    let allowed = written.key.count >= 8 ? 2 : 1
    var best: (distance: Int, term: Int32)?
    var tied = false
    for entry in vocabulary[first] ?? [] where abs(entry.stem.count - stem.count) <= allowed {
      let distance = TitleNormaliser.editDistance(stem, entry.stem, limit: allowed)
      guard distance <= allowed else { continue }
      if let current = best, current.distance == distance {
        tied = true
      } else if best.map({ distance < $0.distance }) ?? true {
        best = (distance, entry.term)
        tied = false
      }
    }
    return tied ? nil : best?.term
  }

  /// The Levenshtein distance of two byte strings, or more than `limit` once it must exceed it.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count > limit ? limit + 1 : a.count }
    // The two rows on the stack: this runs for many vocabulary entries per misspelt word.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
      var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
      var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
      for j in 0...b.count { previous[j] = j }
      for i in 1...a.count {
        current[0] = i
        var rowBest = current[0]
        for j in 1...b.count {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          rowBest = min(rowBest, current[j])
        }
        if rowBest > limit { return limit + 1 }
        swap(&previous, &current)
      }
      return previous[b.count]
    }
  }
}
