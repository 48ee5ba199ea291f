public import JobLensCore

/// Errors of the Text module.
public enum TextError: Error, Equatable, CustomStringConvertible {
  /// ICU refused an operation.
  case icu(operation: String, code: Int32)

  public var description: String {
    switch self {
    case .icu(let operation, let code): "icu failed to \(operation) (error \(code))"
    }
  }
}

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
  fileprivate let words: BreakIterator
  private let sentences: BreakIterator
  private var table = FormTable()

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

  /// The number of distinct forms seen since the table was last cleared.
  public var formCount: Int { table.count }

  /// Changes whenever the form table is cleared, invalidating earlier form IDs.
  public private(set) var formGeneration = 0

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
    formGeneration += 1
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
  package func splitting(
    _ tokenized: TokenizedText, at splits: [(token: Int, offset: Int)]
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
      runTogetherBreaks: tokenized.runTogetherBreaks)
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

  /// Sentence boundaries (byte offsets) from ICU.
  func sentenceBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var boundaries: [Int] = []
    try? sentences.withText(bytes) { boundary, _ in boundaries.append(boundary) }
    return boundaries
  }

  /// Builds the ``Form`` of a surface form seen for the first time.
  fileprivate func makeForm(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> Form {
    let ascii = bytes.allSatisfy { $0 < 0x80 }
    let folded: [UInt8]
    let key: [UInt8]
    if ascii {
      folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
      key = folded
    } else {
      folded = (try? ICU.fold(bytes, mode: .caseFold)) ?? Array(bytes)
      key = (try? ICU.fold(bytes, mode: .matchKey)) ?? folded
    }
    var stem = key
    if kind.isStemmed, let stemmer {
      if stemmer.algorithm == "english" {
        let british = EnglishSpelling.british(String(decoding: key, as: UTF8.self))
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

/// One tokenisation: the state of a single pass over a text.
private struct Pass {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokenizer: Tokenizer
  /// The tokenizer's form table, owned by the pass while it runs.
  var table: FormTable
  var tokens: [Token] = []
  var groups: [TokenGroup] = []
  var breaks: [Int] = []

  init(bytes: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, table: FormTable) {
    self.bytes = bytes
    self.tokenizer = tokenizer
    self.table = table
    // Enough for English text (about one token per 6.5 bytes) without regrowing.
    tokens.reserveCapacity(bytes.count / 5 + 16)
  }

  mutating func run() {
    let protected = ProtectedTermScanner.scan(bytes)
    atomic = protected.atomic
    var previous = 0
    try? tokenizer.words.withText(bytes) { boundary, iterator in
      let start = previous
      previous = boundary
      // A segment starting with ASCII punctuation or space is never a word (ICU words start
      // with a letter, digit or `_`), so ICU need not be asked for its status.
      let first = bytes[start]
      if first < 0x80 && !ProtectedTermScanner.isWordStartByte(first)
        && !self.overlapsProtected(start..<boundary)
      {
        return
      }
      self.segment(start..<boundary, status: iterator.ruleStatus)
    }
    groupCompounds()
    groupProducts(protected.products)
  }

  private var atomic: [ProtectedTermScanner.Span] = []
  /// The next protected span that may overlap a segment.
  private var nextAtomic = 0
  /// The last protected span already emitted (spans can cover several segments).
  private var emittedAtomic = -1

  /// Whether a protected span overlaps `range` (it may start at a `#`, `@` or `.`).
  private mutating func overlapsProtected(_ range: Range<Int>) -> Bool {
    while nextAtomic < atomic.count && atomic[nextAtomic].range.upperBound <= range.lowerBound {
      nextAtomic += 1
    }
    return nextAtomic < atomic.count && atomic[nextAtomic].range.lowerBound < range.upperBound
  }

  /// Handles one ICU segment, replacing what protected spans cover by their tokens.
  private mutating func segment(_ range: Range<Int>, status: Int32) {
    var cursor = range.lowerBound
    while cursor < range.upperBound {
      while nextAtomic < atomic.count && atomic[nextAtomic].range.upperBound <= cursor {
        nextAtomic += 1
      }
      guard nextAtomic < atomic.count, atomic[nextAtomic].range.lowerBound < range.upperBound
      else {
        emitSegment(cursor..<range.upperBound, status: status, clipped: cursor != range.lowerBound)
        return
      }
      let span = atomic[nextAtomic]
      if span.range.lowerBound > cursor {
        emitSegment(cursor..<span.range.lowerBound, status: status, clipped: true)
      }
      if emittedAtomic != nextAtomic {
        emittedAtomic = nextAtomic
        append(span.range, kind: span.kind)
      }
      cursor = min(span.range.upperBound, range.upperBound)
    }
  }

  /// Interns a surface form, building its ``Form`` on first sight.
  private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind) -> FormID {
    let tokenizer = tokenizer
    return table.intern(bytes) { tokenizer.makeForm(bytes, kind: kind) }
  }

  private mutating func append(_ range: Range<Int>, kind: TokenKind) {
    let form = intern(UnsafeBufferPointer(rebasing: bytes[range]), kind: kind)
    tokens.append(Token(byteRange: range, kind: kind, form: form))
  }

  /// Emits the word-like part of one ICU segment (or of a piece of one, when a protected term
  /// cut it), splitting run-together words.
  private mutating func emitSegment(_ range: Range<Int>, status: Int32, clipped: Bool) {
    let kind: TokenKind
    switch status {
    case WordRuleStatus.number: kind = .number
    case WordRuleStatus.letter: kind = .word
    case WordRuleStatus.kana: kind = .kana
    case WordRuleStatus.ideograph: kind = .ideograph
    default: return
    }
    var range = range
    // ICU attaches format characters (zero-width space, BOM, soft hyphen) to the word before.
    while let width = trailingFormatCharacterWidth(range), width < range.count {
      range = range.lowerBound..<(range.upperBound - width)
    }
    if clipped {
      // A piece of a segment: trim what is not a letter or digit at either end.
      while let first = range.first, !isWordByte(bytes[first]) { range = range.dropFirst() }
      while let last = range.last, !isWordByte(bytes[last]) { range = range.dropLast() }
      if range.isEmpty { return }
    }
    guard kind == .word else {
      append(range, kind: kind)
      return
    }
    // One pass over the word: its form-table key, and whether it may be run-together text.
    var hash = FormTable.Key.seed
    var packed: UInt64 = 0
    var mayNeedSplit = false
    var previous: UInt8 = 0
    var offset = 0
    for index in range {
      let byte = bytes[index]
      hash = FormTable.Key.step(hash, byte)
      if offset < FormTable.Key.shortLimit { packed |= UInt64(byte) << (offset * 8) }
      mayNeedSplit = mayNeedSplit || byte >= 0x80 || RunTogether.asciiHint(previous, byte)
      previous = byte
      offset += 1
    }
    if mayNeedSplit, let pieces = RunTogether.split(bytes, range) {
      for (index, piece) in pieces.enumerated() {
        if index > 0 { breaks.append(piece.lowerBound) }
        append(piece, kind: .word)
      }
      return
    }
    let key = FormTable.Key(
      hash: FormTable.Key.finish(hash),
      packed: range.count <= FormTable.Key.shortLimit ? packed | UInt64(range.count) << 56 : 0)
    // The form is looked up after the ICU pass (see resolvePendingForms()).
    let word = UnsafeBufferPointer(rebasing: bytes[range])
    let tokenizer = tokenizer
    let form = table.intern(word, key: key) { tokenizer.makeForm(word, kind: .word) }
    tokens.append(Token(byteRange: range, kind: .word, form: form))
  }

  /// The byte width of an invisible format character ending `range` (U+00AD, U+200B–U+200F,
  /// U+2060–U+2064, U+FEFF), or nil.
  private func trailingFormatCharacterWidth(_ range: Range<Int>) -> Int? {
    let end = range.upperBound
    if range.count >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xAD { return 2 }
    guard range.count >= 3 else { return nil }
    let (first, second, third) = (bytes[end - 3], bytes[end - 2], bytes[end - 1])
    if first == 0xE2 && second == 0x80 && (0x8B...0x8F).contains(third) { return 3 }
    if first == 0xE2 && second == 0x81 && (0xA0...0xA4).contains(third) { return 3 }
    if first == 0xEF && second == 0xBB && third == 0xBF { return 3 }
    return nil
  }

  private func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
  }

  /// Whether the bytes between two tokens are one hyphen (ASCII or U+2010/U+2011).
  private func isHyphen(_ gap: Range<Int>) -> Bool {
    if gap.count == 1 { return bytes[gap.lowerBound] == UInt8(ascii: "-") }
    if gap.count == 3 {
      let start = gap.lowerBound
      return bytes[start] == 0xE2 && bytes[start + 1] == 0x80
        && (bytes[start + 2] == 0x90 || bytes[start + 2] == 0x91)
    }
    return false
  }

  private mutating func groupCompounds() {
    var index = 1
    while index < tokens.count {
      let first = index - 1
      var last = first
      while last + 1 < tokens.count, !tokens[last].kind.isProtected,
        !tokens[last + 1].kind.isProtected,
        isHyphen(tokens[last].byteRange.upperBound..<tokens[last + 1].byteRange.lowerBound)
      {
        last += 1
      }
      if last > first {
        var joined: [UInt8] = []
        for token in tokens[first...last] { joined.append(contentsOf: bytes[token.byteRange]) }
        let kind: TokenKind =
          tokens[first...last].allSatisfy { $0.kind == .number } ? .number : .word
        let form = joined.withUnsafeBufferPointer { intern($0, kind: kind) }
        groups.append(
          TokenGroup(
            tokens: first..<(last + 1),
            byteRange: tokens[first].byteRange.lowerBound..<tokens[last].byteRange.upperBound,
            kind: .compound, form: form))
      }
      index = last + 2
    }
  }

  private mutating func groupProducts(_ products: [Range<Int>]) {
    guard !products.isEmpty else { return }
    var productGroups: [TokenGroup] = []
    var tokenIndex = 0
    for product in products {
      while tokenIndex < tokens.count
        && tokens[tokenIndex].byteRange.lowerBound < product.lowerBound
      {
        tokenIndex += 1
      }
      var end = tokenIndex
      while end < tokens.count && tokens[end].byteRange.upperBound <= product.upperBound {
        end += 1
      }
      guard end - tokenIndex >= 2 else { continue }
      let form = intern(UnsafeBufferPointer(rebasing: bytes[product]), kind: .code)
      productGroups.append(
        TokenGroup(tokens: tokenIndex..<end, byteRange: product, kind: .product, form: form))
    }
    if groups.isEmpty {
      groups = productGroups
    } else {
      groups = (groups + productGroups).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
  }
}
