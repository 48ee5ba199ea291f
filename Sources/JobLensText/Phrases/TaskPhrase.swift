import JobLensCore

/// A task phrase: one bullet, sentence, clause or heading of a text, the unit that skills and
/// occupations are matched on.
public struct TaskPhrase: Sendable, Equatable {
  /// How the phrase was delimited.
  public enum Kind: String, Sendable {
    /// A bulleted or numbered list item.
    case bullet
    /// A sentence or clause of running text.
    case sentence
    /// A section heading ("Responsibilities:", "About Us").
    case heading
  }

  /// Byte range in the text, trimmed of white space and list markers.
  public var byteRange: Range<Int>
  /// Indices of the tokens inside the phrase.
  public var tokens: Range<Int>
  /// How the phrase was delimited.
  public var kind: Kind
}

extension Tokenizer {
  /// Splits a tokenised text into task phrases: one per bullet or numbered line, per sentence
  /// (ICU sentence break), per `;`-clause, per inline bullet (`•`, `▪`, `·`, ` * ` …), and at
  /// the lost line breaks of scraped text (words run together, runs of spaces). A short label
  /// before a colon ("Responsibilities: …") becomes a heading phrase of its own.
  /// - Complexity: O(n log n) in the length of the text.
  public func phrases(in tokenized: TokenizedText) -> [TaskPhrase] {
    tokenized.text.bytes.withUnsafeBufferPointer { bytes in
      var segmenter = PhraseSegmenter(bytes: bytes, tokenized: tokenized)
      var cuts = segmenter.structuralCuts()
      for boundary in sentenceBoundaries(bytes) { cuts.append(Cut(offset: boundary)) }
      for boundary in tokenized.runTogetherBreaks { cuts.append(Cut(offset: boundary)) }
      return segmenter.phrases(cuts: cuts)
    }
  }
}

/// A place where a phrase may end.
struct Cut {
  var offset: Int
  /// The cut is a line break: what follows starts a line.
  var startsLine = false
}

private struct PhraseSegmenter {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokenized: TokenizedText

  init(bytes: UnsafeBufferPointer<UInt8>, tokenized: TokenizedText) {
    self.bytes = bytes
    self.tokenized = tokenized
  }

  func byte(_ index: Int) -> UInt8 { index >= 0 && index < bytes.count ? bytes[index] : 0 }

  /// Line breaks, runs of three spaces or more, semicolons, inline bullets (" * " too) and
  /// " - Capital", "word- Capital" or "word-Capital" dashes.
  func structuralCuts() -> [Cut] {
    var cuts = [Cut(offset: 0, startsLine: true)]
    var index = 0
    while index < bytes.count {
      let value = bytes[index]
      switch value {
      case 0x0A:
        cuts.append(Cut(offset: index + 1, startsLine: true))
      case 0x0D where byte(index + 1) != 0x0A:
        cuts.append(Cut(offset: index + 1, startsLine: true))
      case UInt8(ascii: ";"):
        cuts.append(Cut(offset: index + 1))
      // " - Capital", and "word- Capital": list items run together ("team environment- Goal
      // Oriented- Strong work ethic"), but not a compound's first part ("Part- Time").
      case UInt8(ascii: "-") where byte(index + 1) == 0x20 && isUpperASCII(byte(index + 2)):
        if byte(index - 1) == 0x20
          || (isLowerASCII(byte(index - 1)) && !isCompoundPrefix(endingAt: index))
        {
          cuts.append(Cut(offset: index))
        }
      // "word-Capital": a list whose items were dashes at line starts, glued when the lines
      // were lost ("The role will involve:-Picking and packing-Despatching orders"); not a
      // compound ("non-English", "Day-to-Day") nor an acronym after it ("post-COVID").
      case UInt8(ascii: "-")
      where isUpperASCII(byte(index + 1)) && isLowerASCII(byte(index + 2))
        && isLowerCaseWord(endingAt: index) && !isCompoundPrefix(endingAt: index):
        cuts.append(Cut(offset: index))
      // " * ": a Markdown list flattened into one line ("* Warm, positive * Excellent
      // communication skills * Comfortable with computers"), not a product ("5 * 3").
      case UInt8(ascii: "*") where byte(index - 1) == 0x20 && byte(index + 1) == 0x20:
        if !(0x30...0x39).contains(byte(index + 2)) { cuts.append(Cut(offset: index)) }
      // (The condition is for 0xC2: a no-break space; other 0xC2 sequences are markers.)
      case 0x20, 0x09,
        0xC2 where spaceWidth(at: index) > 0:
        // A lost line break: scraped text keeps a run of three spaces or more (often no-break
        // spaces) where the lines of a list were.
        var end = index
        var count = 0
        while case let width = spaceWidth(at: end), width > 0 {
          end += width
          count += 1
        }
        if count >= 3 { cuts.append(Cut(offset: end, startsLine: true)) }
        index = end
        continue
      case 0xC2, 0xC3, 0xE2:
        let width = PhraseSegmenter.markerWidth(bytes, at: index)
        if width > 0 {
          if PhraseSegmenter.isLineSeparator(bytes, at: index) {
            cuts.append(Cut(offset: index + width, startsLine: true))
          } else if PhraseSegmenter.isEnDash(bytes, at: index) {
            if byte(index - 1) == 0x20 && byte(index + 3) == 0x20 && isUpperASCII(byte(index + 4)) {
              cuts.append(Cut(offset: index))
            }
          } else {
            cuts.append(Cut(offset: index))
          }
          index += width
          continue
        }
      default:
        break
      }
      index += 1
    }
    return cuts
  }

  private func isUpperASCII(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

  private func isLowerASCII(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

  /// The first parts of compounds written with a hyphen ("part-time", "self-motivated"),
  /// which scraped text sometimes splits with a space, or which a capitalised word follows.
  private static let compoundPrefixes: Set<[UInt8]> = Set(
    [
      "part", "full", "self", "cross", "co", "e", "non", "multi", "well", "high", "long", "short",
      "ex", "pre", "post", "anti", "pro", "mid", "sub", "semi", "inter", "trans", "to",
    ]
    .map { Array($0.utf8) })

  /// Whether the ASCII word right before `end` is one of ``compoundPrefixes``, in any case.
  private func isCompoundPrefix(endingAt end: Int) -> Bool {
    // Lower-cased, ASCII letters are a–z.
    let isLetter = { (index: Int) in self.isLowerASCII(self.byte(index) | 0x20) }
    var start = end
    while start > 0, end - start <= 5, isLetter(start - 1) { start -= 1 }
    return end - start <= 5
      && PhraseSegmenter.compoundPrefixes.contains(bytes[start..<end].map { $0 | 0x20 })
  }

  /// Whether the word right before `end` is of three ASCII letters or more, all in lower case
  /// ("packing", not "Work" of "Work-Life" nor "e" of "e-Commerce").
  private func isLowerCaseWord(endingAt end: Int) -> Bool {
    var start = end
    while start > 0, isLowerASCII(byte(start - 1)) { start -= 1 }
    let before = byte(start - 1)
    return end - start >= 3 && !isUpperASCII(before) && !(0x30...0x39).contains(before)
      && before < 0x80
  }

  /// Byte width of a space, tab or no-break space at `index`, or 0.
  private func spaceWidth(at index: Int) -> Int {
    switch byte(index) {
    case 0x20, 0x09: 1
    case 0xC2 where byte(index + 1) == 0xA0: 2
    default: 0
    }
  }

  /// Byte width of an inline bullet, a Unicode line separator or an en dash at `index`, or 0.
  static func markerWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    guard index + 1 < bytes.count else { return 0 }
    if bytes[index] == 0xC3 || (bytes[index] == 0xE2 && bytes[index + 1] == 0x82) {
      return misdecodedBulletWidth(bytes, at: index)
    }
    if bytes[index] == 0xC2 {
      // U+00B7 middle dot, U+0085 next line
      return bytes[index + 1] == 0xB7 || bytes[index + 1] == 0x85 ? 2 : 0
    }
    guard bytes[index] == 0xE2, index + 2 < bytes.count else { return 0 }
    switch (bytes[index + 1], bytes[index + 2]) {
    case (0x80, 0xA2), (0x80, 0xA3), (0x80, 0xA8), (0x80, 0xA9), (0x81, 0x83), (0x80, 0x93),
      (0x96, 0xAA), (0x96, 0xA0), (0x96, 0xBA), (0x96, 0xB8), (0x97, 0x8F), (0x97, 0xA6),
      (0x97, 0x8B), (0x9E, 0xA2), (0x9E, 0xA4), (0x9C, 0x93), (0x9C, 0x94), (0x9D, 0x96):
      // • ‣ LS PS ⁃ – ▪ ■ ► ▸ ● ◦ ○ ➢ ➤ ✓ ✔ ❖
      return 3
    default:
      return 0
    }
  }

  /// Byte width of a bullet "•" whose UTF-8 bytes were read as Windows-1252 ("â€¢"), as
  /// scraped postings often write it, mostly without the "â" ("Duties:€¢Answer phones€¢File
  /// invoices"), or 0.
  static func misdecodedBulletWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let bullet: [UInt8] = [0xE2, 0x82, 0xAC, 0xC2, 0xA2]  // "€¢"
    let start = bytes[index] == 0xC3 && bytes[index + 1] == 0xA2 ? index + 2 : index  // "â"
    guard start + bullet.count <= bytes.count,
      bytes[start..<start + bullet.count].elementsEqual(bullet)
    else { return 0 }
    return start + bullet.count - index
  }

  static func isLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    (bytes[index] == 0xC2 && bytes[index + 1] == 0x85)
      || (bytes[index] == 0xE2 && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
  }

  static func isEnDash(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93
  }

  /// The index of the first token starting at or after `offset`.
  func firstToken(atOrAfter offset: Int) -> Int {
    tokenized.tokens.lowerBound { $0.byteRange.lowerBound < offset }
  }

  /// Whether `offset` lies strictly inside a token (a cut there would tear it).
  func isInsideToken(_ offset: Int) -> Bool {
    let index = firstToken(atOrAfter: offset)
    guard index > 0 else { return false }
    return tokenized.tokens[index - 1].byteRange.upperBound > offset
  }

  mutating func phrases(cuts unsorted: [Cut]) -> [TaskPhrase] {
    var cuts = unsorted.filter { $0.offset <= bytes.count && !isInsideToken($0.offset) }
    cuts.append(Cut(offset: bytes.count))
    cuts.sort {
      $0.offset < $1.offset || ($0.offset == $1.offset && $0.startsLine && !$1.startsLine)
    }
    var phrases: [TaskPhrase] = []
    var lineStart = true
    var pendingBullet = false
    var index = 0
    while index < cuts.count - 1 {
      let start = cuts[index].offset
      if cuts[index].startsLine { lineStart = true }
      // Merge cuts at the same offset.
      var next = index + 1
      while next < cuts.count - 1 && cuts[next].offset == start {
        if cuts[next].startsLine { lineStart = true }
        next += 1
      }
      let end = cuts[next].offset
      let endsLine = cuts[next].startsLine || end == bytes.count
      if end > start {
        pendingBullet = appendPhrases(
          start..<end, startsLine: lineStart, endsLine: endsLine, bulleted: pendingBullet,
          to: &phrases)
        lineStart = false
      }
      index = next
    }
    return phrases
  }

  private func isSpace(_ index: Int) -> Int {
    let value = byte(index)
    if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0B
      || value == 0x0C
    {
      return 1
    }
    if value == 0xC2 && byte(index + 1) == 0xA0 { return 2 }
    if value == 0xE3 && byte(index + 1) == 0x80 && byte(index + 2) == 0x80 { return 3 }
    return 0
  }

  /// Length of a list marker at `index` (with the space after it), or 0.
  private func listMarker(at index: Int, end: Int, startsLine: Bool) -> Int {
    let width = PhraseSegmenter.markerWidth(bytes, at: index)
    if width > 0 && !PhraseSegmenter.isLineSeparator(bytes, at: index) { return width }
    let value = byte(index)
    if "-*+>".utf8.contains(value) {
      let after = byte(index + 1)
      return after == value ? 0 : 1
    }
    guard startsLine else { return 0 }
    // 1. 1) 12. a) (a) (1) i.
    var cursor = index
    let opened = value == UInt8(ascii: "(")
    if opened { cursor += 1 }
    let digitsStart = cursor
    while cursor < end, cursor - digitsStart < 3, byte(cursor) >= 0x30 && byte(cursor) <= 0x39 {
      cursor += 1
    }
    if cursor == digitsStart {
      let letter = byte(cursor) | 0x20
      guard letter >= 0x61 && letter <= 0x7A else { return 0 }
      cursor += 1
      // A lone letter needs ")" (or "(x)"), else "a. " would take the article "a".
      guard byte(cursor) == UInt8(ascii: ")") else { return 0 }
    } else if !opened && byte(cursor) == UInt8(ascii: ".") {
      guard isSpace(cursor + 1) > 0 || cursor + 1 >= end else { return 0 }
      return cursor + 1 - index
    }
    guard byte(cursor) == UInt8(ascii: ")") else { return 0 }
    return cursor + 1 - index
  }

  /// Appends the phrase(s) of one segment; returns true when the segment held only a list
  /// marker (ICU ends a sentence after "1."), so that the next segment is the list item.
  @discardableResult
  private func appendPhrases(
    _ range: Range<Int>, startsLine: Bool, endsLine: Bool, bulleted pending: Bool,
    to phrases: inout [TaskPhrase]
  ) -> Bool {
    let (start, end, markerFound) = trimming(range, startsLine: startsLine)
    let bulleted = pending || markerFound
    guard end > start else { return markerFound }
    let first = firstToken(atOrAfter: start)
    var last = first
    while last < tokenized.tokens.count && tokenized.tokens[last].byteRange.upperBound <= end {
      last += 1
    }
    guard last > first else { return false }

    // "Responsibilities: answer calls" → a heading and a phrase.
    if let colon = headingColon(start..<end, tokens: first..<last) {
      let splitToken = firstToken(atOrAfter: colon)
      phrases.append(
        TaskPhrase(byteRange: start..<(colon + 1), tokens: first..<splitToken, kind: .heading))
      var restStart = colon + 1
      while restStart < end, isSpace(restStart) > 0 { restStart += isSpace(restStart) }
      phrases.append(
        TaskPhrase(
          byteRange: restStart..<end, tokens: splitToken..<last,
          kind: bulleted ? .bullet : .sentence
        ))
      return false
    }
    let kind = phraseKind(
      of: start..<end, tokens: first..<last, bulleted: bulleted, startsLine: startsLine,
      endsLine: endsLine)
    phrases.append(TaskPhrase(byteRange: start..<end, tokens: first..<last, kind: kind))
    return false
  }

  /// The bounds of a segment without its leading spaces and list markers and its trailing
  /// spaces, and whether it had a list marker.
  private func trimming(
    _ range: Range<Int>, startsLine: Bool
  ) -> (start: Int, end: Int, markerFound: Bool) {
    var start = range.lowerBound
    var end = range.upperBound
    var markerFound = false
    while start < end {
      let space = isSpace(start)
      if space > 0 {
        start += space
        continue
      }
      let marker = listMarker(at: start, end: end, startsLine: startsLine)
      if marker > 0 && !isInsideToken(start + marker) {
        markerFound = true
        start += marker
        continue
      }
      break
    }
    while end > start {
      var back = end - 1
      while back > start && bytes[back] & 0xC0 == 0x80 { back -= 1 }
      if isSpace(back) > 0 { end = back } else { break }
    }
    return (start, end, markerFound)
  }

  /// A phrase's kind: a bullet after a list marker, a heading when it ends in a colon or is a
  /// line of its own that reads as a heading, else a sentence.
  private func phraseKind(
    of range: Range<Int>, tokens: Range<Int>, bulleted: Bool, startsLine: Bool, endsLine: Bool
  ) -> TaskPhrase.Kind {
    if bulleted { return .bullet }
    if bytes[range.upperBound - 1] == UInt8(ascii: ":")
      || (startsLine && endsLine
        && (isHeadingLine(range, tokens: tokens) || isMarkdownHeading(range, tokens: tokens)))
    {
      return .heading
    }
    return .sentence
  }

  /// The offset of a colon that ends a short label (one to four words) followed by more words.
  private func headingColon(_ range: Range<Int>, tokens: Range<Int>) -> Int? {
    let limit = min(tokens.lowerBound + 5, tokens.upperBound)
    for tokenIndex in tokens.lowerBound..<limit {
      let tokenEnd = tokenized.tokens[tokenIndex].byteRange.upperBound
      var cursor = tokenEnd
      while cursor < range.upperBound && bytes[cursor] == 0x20 { cursor += 1 }
      guard cursor < range.upperBound, bytes[cursor] == UInt8(ascii: ":") else { continue }
      let count = tokenIndex + 1 - tokens.lowerBound
      if count <= 4 && tokenIndex + 1 < tokens.upperBound
        && !tokenized.tokens[tokenIndex].kind.isProtected
      {
        return cursor
      }
      return nil
    }
    return nil
  }

  /// A whole line of at most eight words marked as a heading in Markdown: after "#" … "######"
  /// ("### What you'll be doing"), or all in bold ("**Nice to haves**"), not ending a sentence.
  private func isMarkdownHeading(_ range: Range<Int>, tokens: Range<Int>) -> Bool {
    guard tokens.count <= 8 else { return false }
    let hash = UInt8(ascii: "#")
    if bytes[range.lowerBound] == hash {
      var cursor = range.lowerBound
      while cursor < range.upperBound && bytes[cursor] == hash { cursor += 1 }
      return cursor - range.lowerBound <= 6 && cursor < range.upperBound && bytes[cursor] == 0x20
    }
    guard range.count > 4 else { return false }
    for marker in [UInt8(ascii: "*"), UInt8(ascii: "_")] {
      let opens = bytes[range.lowerBound] == marker && bytes[range.lowerBound + 1] == marker
      let closes = bytes[range.upperBound - 1] == marker && bytes[range.upperBound - 2] == marker
      if opens && closes { return !".!?".utf8.contains(bytes[range.upperBound - 3]) }
    }
    return false
  }

  private static let minorWords: Set<String> = [
    "and", "or", "of", "the", "a", "an", "to", "for", "in", "on", "at", "with",
  ]

  /// A whole line of at most five words, without closing punctuation, in title case or capitals
  /// ("Responsibilities", "About Us", "Content Management and Workflow").
  private func isHeadingLine(_ range: Range<Int>, tokens: Range<Int>) -> Bool {
    guard tokens.count <= 5, !".!?,".utf8.contains(bytes[range.upperBound - 1]) else {
      return false
    }
    for index in tokens {
      let token = tokenized.tokens[index]
      guard token.kind == .word else { continue }
      let first = bytes[token.byteRange.lowerBound]
      if first >= 0x61 && first <= 0x7A {
        let word = tokenized.string(token.byteRange)
        if index == tokens.lowerBound || !PhraseSegmenter.minorWords.contains(word) { return false }
      }
    }
    return true
  }
}
