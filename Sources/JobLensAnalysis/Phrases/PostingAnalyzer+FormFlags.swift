import JobLensIndex
import JobLensText

/// What a word form is, for the phrase readers (``PostingAnalyzer/formFlags``).
struct FormFlags: OptionSet {
  let rawValue: UInt8

  /// Looked up (a form with no other flag is still not looked up again).
  static let lookedUp = FormFlags(rawValue: 1)
  /// A work-mode word (``MatchingLexicons/workMode``).
  static let workMode = FormFlags(rawValue: 2)
  /// The first word of an idiom (``MatchingLexicons/idioms``).
  static let idiomStart = FormFlags(rawValue: 4)
}

extension PostingAnalyzer {
  /// The flags of each of `forms` (``withFormFlags(_:)``).
  func flags(of forms: [FormID]) -> [FormFlags] {
    withFormFlags { flags in forms.map(flags) }
  }

  /// Whether one of `forms` has `flag` (``withFormFlags(_:)``).
  func anyForm(of forms: [FormID], has flag: FormFlags) -> Bool {
    withFormFlags { flags in forms.contains { flags($0).contains(flag) } }
  }

  /// Calls `body` with a function giving a form's flags, each form's looked up once while the
  /// tokenizer's form IDs are valid. The cache is moved out for the call, so that a phrase's
  /// forms cost one exclusivity check of the analyzer's property, not several per form.
  private func withFormFlags<Result>(_ body: ((FormID) -> FormFlags) -> Result) -> Result {
    if tokenizer.formGeneration != formFlagsGeneration {
      formFlags.removeAll(keepingCapacity: true)
      formFlagsGeneration = tokenizer.formGeneration
    }
    var cache: [FormFlags] = []
    swap(&cache, &formFlags)
    defer { swap(&cache, &formFlags) }
    let tokenizer = tokenizer
    return body { form in
      let id = Int(form.rawValue)
      if id >= cache.count {
        cache.append(contentsOf: repeatElement([], count: id + 1 - cache.count))
      }
      if cache[id].isEmpty {
        let key = tokenizer.form(form).key
        var flags = FormFlags.lookedUp
        if MatchingLexicons.workMode[key] != nil { flags.insert(.workMode) }
        if MatchingLexicons.idioms.starts(with: key) { flags.insert(.idiomStart) }
        cache[id] = flags
      }
      return cache[id]
    }
  }

  /// A phrase's query with its idioms' words masked (``QueryText/maskingIdioms(keys:)``);
  /// the keys are made only for a phrase with an idiom's first word.
  func maskingIdioms(_ query: QueryText) -> QueryText {
    guard anyForm(of: query.forms, has: .idiomStart) else {
      return query
    }
    return query.maskingIdioms(keys: query.forms.map { tokenizer.key($0) })
  }
}

extension QueryText {
  /// The query with the words of its idioms (``MatchingLexicons/idioms``: "play a key role",
  /// "cutting-edge") unknown to the index, as connectives are (term -1, and so is every closed
  /// compound that covers one): they name no skill and no unit group, and the words around
  /// them are not read as side by side. `keys`: each position's match key.
  /// - Complexity: O(n) in the query's length.
  func maskingIdioms(keys: [String]) -> QueryText {
    var masked = [Bool](repeating: false, count: terms.count)
    var start = 0
    while start < keys.count {
      guard let length = MatchingLexicons.idioms.longestLength(keys, at: start) else {
        start += 1
        continue
      }
      for position in start..<(start + length) { masked[position] = true }
      start += length
    }
    guard masked.contains(true) else { return self }
    var query = self
    for position in terms.indices where masked[position] { query.terms[position] = -1 }
    query.closedCompounds = closedCompounds?.map { entry in
      masked[entry.first...entry.last].contains(true) ? (-1, entry.first, entry.last) : entry
    }
    return query
  }
}
