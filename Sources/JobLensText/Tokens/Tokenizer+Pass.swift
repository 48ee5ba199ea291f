import JobLensCore

extension Tokenizer {
  /// One tokenisation: the state of a single pass over a text.
  struct Pass {
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
      tokenizer.wordSegments(bytes) { range, status in
        // A segment starting with ASCII punctuation or space is never a word (ICU words start
        // with a letter, digit or `_`; an `@` starts a handle, which is a protected term).
        let first = bytes[range.lowerBound]
        if first < 0x80 && !ProtectedTermScanner.isWordStartByte(first)
          && !self.overlapsProtected(range)
        {
          return
        }
        self.segment(range, status: status)
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
          emitSegment(
            cursor..<range.upperBound, status: status, clipped: cursor != range.lowerBound)
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
      intern(bytes, key: FormTable.Key(bytes), kind: kind)
    }

    /// ``intern(_:kind:)`` with the key already computed. The tokenizer (which makes a new
    /// form) is held only for a form the table does not have.
    private mutating func intern(
      _ bytes: UnsafeBufferPointer<UInt8>, key: FormTable.Key, kind: TokenKind
    ) -> FormID {
      if let found = table.find(bytes, key: key) { return found }
      let tokenizer = tokenizer
      return table.intern(bytes, key: key) { tokenizer.makeForm(bytes, kind: kind) }
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
      if let plain = plainShortWord(range) {
        // Most words: the key's packed bytes read at once, and no split hint.
        for index in range { hash = FormTable.Key.step(hash, bytes[index]) }
        packed = plain
      } else {
        var previous: UInt8 = 0
        var capitals = 0
        var offset = 0
        for index in range {
          let byte = bytes[index]
          hash = FormTable.Key.step(hash, byte)
          if offset < FormTable.Key.shortLimit { packed |= UInt64(byte) << (offset * 8) }
          mayNeedSplit =
            mayNeedSplit || byte >= 0x80
            || RunTogether.asciiHint(previous, byte, capitalsBefore: capitals)
          capitals = byte >= 0x41 && byte <= 0x5A ? capitals + 1 : 0
          previous = byte
          offset += 1
        }
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
      let form = intern(UnsafeBufferPointer(rebasing: bytes[range]), key: key, kind: .word)
      tokens.append(Token(byteRange: range, kind: .word, form: form))
    }

    /// For a word of at most eight bytes, all ASCII, with no capital after its first byte (so
    /// that ``RunTogether/asciiHint(_:_:capitalsBefore:)`` holds for none of them): its first
    /// seven bytes packed as the form table's key packs them. Nil for other words, which the
    /// byte loop reads.
    @inline(__always) private func plainShortWord(_ range: Range<Int>) -> UInt64? {
      guard range.count <= 8, range.lowerBound + 8 <= bytes.count else { return nil }
      let word = ByteWord.load(bytes, at: range.lowerBound)
      let inWord: UInt64 = range.count == 8 ? ~0 : (1 << (UInt64(range.count) * 8)) &- 1
      guard !ByteWord.hasNonASCII(word & inWord),
        ByteWord.asciiCapitals(word) & inWord & ~0xFF == 0
      else { return nil }
      return word & inWord & 0x00FF_FFFF_FFFF_FFFF
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
}
