public import JobLensCore

/// Turns text into tokens: ICU word breaking over UTF-8, protected terms kept whole,
/// run-together scraped text split, hyphenated compounds and versioned products grouped,
/// every distinct form folded (NFKC case folding), keyed without diacritics, and stemmed with
/// Snowball for the language.
///
/// Holds ICU and Snowball objects, so it is not thread-safe: make one per thread.
public final class Tokenizer {
  /// ISO 639-1 code of the language (stemming only; word breaking works for every script).
  public let language: String
  /// The stemmer, or nil when Snowball has no algorithm for the language.
  public let stemmer: Stemmer?
  /// Set when the language has no stemmer.
  public let warning: String?
  /// Whether stems are made from diacritic-free keys (English, whose Snowball alphabet is
  /// ASCII) rather than from the folded form (languages whose stemmers know their accents).
  private let stemsKeys: Bool
  let words: BreakIterator
  let sentences: BreakIterator
  /// The forms. Not checked for exclusive access at run time: ``key(_:)`` and ``form(_:)`` are
  /// asked for every word, and no access to it overlaps another (a new form is made from the
  /// bytes alone, and the tokenizing pass moves the table out while it runs).
  @exclusivity(unchecked) private var table = FormTable()

  /// Forms kept before the table is cleared between two texts (never inside
  /// ``keepingForms(_:)``), bounding memory on long runs.
  public var formLimit = 2_000_000
  /// Nesting depth of ``keepingForms(_:)``: while positive, the table is not cleared.
  private var keepDepth = 0

  /// Makes a tokenizer for an ISO 639-1 language code.
  public init(language: String = "en") throws(TextError) {
    let code = Stemmer.baseLanguage(language)
    self.language = code
    stemmer = Stemmer(language: code)
    warning =
      stemmer == nil ? "no snowball stemmer for language '\(language)': words are not stemmed" : nil
    stemsKeys = stemmer.map { ["english", "porter", "indonesian"].contains($0.algorithm) } ?? false
    do {
      words = try BreakIterator(.word)
      sentences = try BreakIterator(.sentence)
    } catch {
      throw .icu(operation: "open a break iterator", code: error.code)
    }
  }

  /// The forms of a form ID from this tokenizer.
  public func form(_ id: FormID) -> Form { table[id] }

  /// ``Form/key`` of a form ID, without copying the other forms (hot callers read one).
  package func key(_ id: FormID) -> String { table.forms[Int(id.rawValue)].key }

  /// ``Form/stem`` of a form ID, without copying the other forms.
  package func stem(_ id: FormID) -> String { table.forms[Int(id.rawValue)].stem }

  /// The number of distinct forms seen since the table was last cleared.
  public var formCount: Int { table.count }

  /// Changes whenever the form table is cleared, invalidating earlier form IDs.
  public var formGeneration: Int { generation }
  /// ``formGeneration``, not checked for exclusive access at run time: every term look-up
  /// reads it, and it is written only when the table is cleared, outside
  /// ``keepingForms(_:)``. (Private behind a getter: another module reading the stored
  /// property would check it whatever its attribute says.)
  @exclusivity(unchecked) private var generation = 0

  /// Runs `body` with the form table kept: the form IDs of texts tokenised inside stay valid
  /// until it returns (the table is cleared first if it is full), so that several texts can be
  /// used together.
  public func keepingForms<Result>(_ body: () throws -> Result) rethrows -> Result {
    if keepDepth == 0 { clearFormsIfFull() }
    keepDepth += 1
    defer { keepDepth -= 1 }
    return try body()
  }

  private func clearFormsIfFull() {
    guard table.count > formLimit else { return }
    table.removeAll()
    generation += 1
  }

  /// Tokenises a string.
  public func tokenize(_ string: String) -> TokenizedText { tokenize(UTF8Text(string)) }

  /// Tokenises text.
  /// - Complexity: O(n) in the length of the text.
  public func tokenize(_ text: UTF8Text) -> TokenizedText {
    if keepDepth == 0 { clearFormsIfFull() }
    return text.bytes.withUnsafeBufferPointer { bytes in
      // The pass owns the form table while it runs; swapping (not copying) keeps it unique,
      // so that adding forms never copies the table.
      var pass = Pass(bytes: bytes, tokenizer: self, table: FormTable.placeholder)
      swap(&pass.table, &table)
      pass.run()
      swap(&pass.table, &table)
      return TokenizedText(
        text: text, tokens: pass.tokens, groups: pass.groups, runTogetherBreaks: pass.breaks)
    }
  }

  /// The form ID of a word, as if it stood alone in a text.
  package func wordForm(_ bytes: ArraySlice<UInt8>) -> FormID {
    bytes.withUnsafeBufferPointer { word in
      table.intern(word) { makeForm(word, kind: .word) }
    }
  }

  /// `tokenized` with some tokens split into two word tokens, each at a byte offset inside it
  /// (closed compounds read as their parts: "Stonecutter" → "Stone" "cutter"), given in token
  /// order. Token groups keep their tokens; a group that held a split token holds both parts.
  /// `breaking`: the splits are lost line breaks too (phrases end there).
  package func splitting(
    _ tokenized: TokenizedText, at splits: [(token: Int, offset: Int)], breaking: Bool = false
  )
    -> TokenizedText
  {
    guard !splits.isEmpty else { return tokenized }
    var tokens: [Token] = []
    tokens.reserveCapacity(tokenized.tokens.count + splits.count)
    // Where each old token starts among the new ones, and one past the last old token.
    var newPosition: [Int] = []
    newPosition.reserveCapacity(tokenized.tokens.count + 1)
    var next = splits.makeIterator()
    var split = next.next()
    for (position, token) in tokenized.tokens.enumerated() {
      newPosition.append(tokens.count)
      guard let (splitToken, offset) = split, splitToken == position else {
        tokens.append(token)
        continue
      }
      let range = token.byteRange
      precondition(range.lowerBound < offset && offset < range.upperBound)
      for part in [range.lowerBound..<offset, offset..<range.upperBound] {
        tokens.append(
          Token(byteRange: part, kind: .word, form: wordForm(tokenized.text.bytes[part])))
      }
      split = next.next()
    }
    newPosition.append(tokens.count)
    let groups = tokenized.groups.map { group in
      var group = group
      group.tokens = newPosition[group.tokens.lowerBound]..<newPosition[group.tokens.upperBound]
      return group
    }
    return TokenizedText(
      text: tokenized.text, tokens: tokens, groups: groups,
      runTogetherBreaks: breaking
        ? (tokenized.runTogetherBreaks + splits.map(\.offset)).sorted()
        : tokenized.runTogetherBreaks)
  }

  /// Counts ICU's word-like segments (numbers, letters, kana, ideographs) and nothing more: the
  /// raw ICU word-break baseline that benchmarks compare ``tokenize(_:)`` with.
  /// - Complexity: O(n) in the length of the text.
  public func countICUWords(_ text: UTF8Text) -> Int {
    var count = 0
    text.bytes.withUnsafeBufferPointer { bytes in
      try? words.withText(bytes) { _, iterator in
        if iterator.ruleStatus >= WordRuleStatus.number.lowerBound { count += 1 }
      }
    }
    return count
  }

  /// The typographic apostrophe (U+2019) written straight in a match key: "customer’s" and
  /// "customer's" are one word (and, without the possessive, one stem: "customer"), as "you’ll"
  /// and "you'll" are; ESCO and postings write both.
  /// - Complexity: O(n) in the length of `key`.
  static func straightApostrophes(_ key: [UInt8]) -> [UInt8] {
    guard key.contains(0xE2) else { return key }
    var straight: [UInt8] = []
    straight.reserveCapacity(key.count)
    var index = 0
    while index < key.count {
      if key[index] == 0xE2, index + 2 < key.count, key[index + 1] == 0x80, key[index + 2] == 0x99 {
        straight.append(UInt8(ascii: "'"))
        index += 3
      } else {
        straight.append(key[index])
        index += 1
      }
    }
    return straight
  }

  /// Builds the ``Form`` of a surface form seen for the first time.
  func makeForm(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> Form {
    let ascii = bytes.allSatisfy { $0 < 0x80 }
    let folded: [UInt8]
    let key: [UInt8]
    if ascii {
      folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
      key = folded
    } else {
      folded = (try? ICU.fold(bytes, mode: .caseFold)) ?? Array(bytes)
      key = Tokenizer.straightApostrophes((try? ICU.fold(bytes, mode: .matchKey)) ?? folded)
    }
    var stem = key
    if kind.isStemmed, let stemmer {
      if stemmer.algorithm == "english" {
        let british = EnglishSpelling.british(
          EnglishStems.withoutPossessive(String(decoding: key, as: UTF8.self)))
        stem =
          EnglishStems.exception(british).map { Array($0.utf8) }
          ?? Array(british.utf8).withUnsafeBufferPointer { stemmer.stem($0) }
      } else if stemsKeys {
        stem = key.withUnsafeBufferPointer { stemmer.stem($0) }
      } else {
        let stemmed = folded.withUnsafeBufferPointer { stemmer.stem($0) }
        stem =
          stemmed.allSatisfy { $0 < 0x80 }
          ? stemmed
          : stemmed.withUnsafeBufferPointer { (try? ICU.fold($0, mode: .matchKey)) ?? stemmed }
      }
    }
    return Form(
      folded: String(decoding: folded, as: UTF8.self), key: String(decoding: key, as: UTF8.self),
      stem: String(decoding: stem, as: UTF8.self))
  }
}
