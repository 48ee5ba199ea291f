package import JobLensText

extension ConceptSearcher {
  /// The query terms of tokens `range` of a tokenised text.
  package func query(_ tokenized: TokenizedText, tokens range: Range<Int>) -> QueryText {
    query(tokenized, tokens: Array(range))
  }

  /// The query terms of the given tokens (in order) of a tokenised text.
  package func query(_ tokenized: TokenizedText, tokens selected: [Int]) -> QueryText {
    guard let first = selected.first, let last = selected.last else { return QueryText() }
    let range = first..<(last + 1)
    var query = QueryText()
    query.terms.reserveCapacity(selected.count)
    query.tokenIndices.reserveCapacity(selected.count)
    query.forms.reserveCapacity(selected.count)
    query.allCaps.reserveCapacity(selected.count)
    query.capitalised.reserveCapacity(selected.count)
    var previousEnd: Int?
    var formTerms = takeFormTerms()
    // Over the text's storage: a slice of the array per token would hold (retain) it.
    tokenized.text.bytes.withUnsafeBufferPointer { text in
      for position in selected {
        let token = tokenized.tokens[position]
        if token.kind == .url || token.kind == .email || token.kind == .handle { continue }
        query.terms.append(term(token.form, in: &formTerms))
        query.tokenIndices.append(position)
        query.forms.append(token.form)
        let bytes = text[token.byteRange]
        query.allCaps.append(
          bytes.count >= 2
            && bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) })
        let capitalised = bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
        query.capitalised.append(capitalised)
        query.hasCapitals = query.hasCapitals || capitalised
        if let before = previousEnd,
          text[before..<token.byteRange.lowerBound].contains(where: { $0 == 0x2C || $0 == 0x3B })
        {
          query.listBreaks.append(query.terms.count - 1)
        }
        previousEnd = token.byteRange.upperBound
      }
    }
    // Swapped back, not assigned: the local would still hold the array, and the next look-up
    // (a compound's term) would copy it to write to it.
    swap(&formTerms, &self.formTerms)
    for (position, term) in query.terms.enumerated()
    where term >= 0 && isConnectiveTerm[Int(term)] && isConnective(query.forms, at: position) {
      query.terms[position] = -1
    }
    let compounds = tokenized.groups.filter {
      $0.kind == .compound && range.contains($0.tokens.lowerBound)
        && $0.tokens.upperBound <= range.upperBound
        && $0.tokens.allSatisfy { selected.contains($0) }
    }
    if !compounds.isEmpty {
      // Labelled as the property's tuples: an array of unlabelled ones would be converted by
      // a run-time cast of every element.
      var closed: [(term: Int32, first: Int, last: Int)] = []
      var position = 0
      for group in compounds {
        guard let first = query.tokenIndices.firstIndex(of: group.tokens.lowerBound),
          let last = query.tokenIndices.firstIndex(of: group.tokens.upperBound - 1)
        else { continue }
        while position < first {
          closed.append((query.terms[position], position, position))
          position += 1
        }
        closed.append((term(group.form), first, last))
        position = last + 1
      }
      while position < query.terms.count {
        closed.append((query.terms[position], position, position))
        position += 1
      }
      query.closedCompounds = closed
    }
    return query
  }

  /// The query terms of a whole text.
  package func query(_ text: String) -> (TokenizedText, QueryText) {
    let tokenized = tokenizer.tokenize(text)
    return (tokenized, query(tokenized, tokens: 0..<tokenized.tokens.count))
  }

  /// `tokenized` with its closed compounds unknown to the index split in two ("Cheesemaker" →
  /// "Cheese" "maker", "Steamfitter" → "Steam" "fitter"): an ASCII word of 8 to 30 letters
  /// without a term of its own, split into two content terms of at least 4 letters that stand
  /// side by side in some label (*cheese maker*) or whose second ends some occupation label
  /// (*pipe fitter*); of several splits, the one whose shorter part is longest (the first on
  /// ties).
  package func splittingUnknownCompounds(_ tokenized: TokenizedText) -> TokenizedText {
    let splits = twoTermSplits(
      in: tokenized, tokens: 0..<tokenized.tokens.count, lowerCaseOnly: false
    ) { first, second in
      someLabelHas(first, before: second) || endsOccupationLabel(second)
    }
    return tokenizer.splitting(tokenized, at: splits)
  }

  /// `tokenized` with the words that scraping glued together when it dropped the line break
  /// between lower-case lines ("staff membertake messagesgreet visitors") split, and a phrase
  /// break put between the parts: in the given token ranges (the long phrases: text glued line
  /// after line runs into one), a lower-case ASCII word of 8 to 30 letters without a term of
  /// its own, split into two content terms of at least 4 letters of which the second starts a
  /// line (`startsLine`: a task's verb, as list items start), so that most unknown compounds
  /// stay whole.
  package func splittingGluedWords(
    _ tokenized: TokenizedText, in ranges: [Range<Int>], startsLine: (Int32) -> Bool
  )
    -> TokenizedText
  {
    let splits = ranges.flatMap { range in
      twoTermSplits(in: tokenized, tokens: range, lowerCaseOnly: true) { _, second in
        startsLine(second)
      }
    }
    return tokenizer.splitting(tokenized, at: splits, breaking: true)
  }

  /// Where words of `tokens` without a term of their own split into two content terms that
  /// `accept` takes: ASCII words of 8 to 30 letters (lower case only, if asked), parts of at
  /// least 4 letters; of several splits, the one whose shorter part is longest (the first on
  /// ties). In token order.
  private func twoTermSplits(
    in tokenized: TokenizedText, tokens: Range<Int>, lowerCaseOnly: Bool,
    accept: (Int32, Int32) -> Bool
  ) -> [(token: Int, offset: Int)] {
    var splits: [(token: Int, offset: Int)] = []
    let bytes = tokenized.text.bytes
    for position in tokens {
      let token = tokenized.tokens[position]
      let range = token.byteRange
      guard token.kind == .word, Self.compoundSplitLengths.contains(range.count),
        term(token.form) < 0,
        bytes[range].allSatisfy({
          let letter = lowerCaseOnly ? $0 : $0 | 0x20
          return letter >= 0x61 && letter <= 0x7A
        })
      else { continue }
      var best: (offset: Int, shorter: Int)?
      let part = Self.compoundPartMinimum
      for offset in (range.lowerBound + part)...(range.upperBound - part) {
        let shorter = min(offset - range.lowerBound, range.upperBound - offset)
        guard shorter > best?.shorter ?? 0 else { continue }
        let first = term(tokenizer.wordForm(bytes[range.lowerBound..<offset]))
        let second = term(tokenizer.wordForm(bytes[offset..<range.upperBound]))
        if isContentTerm(first) && isContentTerm(second) && accept(first, second) {
          best = (offset, shorter)
        }
      }
      if let best { splits.append((position, best.offset)) }
    }
    return splits
  }

  /// Whether a term is in the index and not a stop word.
  package func isContentTerm(_ term: Int32) -> Bool {
    term >= 0 && index.data.stopTerms[Int(term)] == 0
  }

  /// Whether some occupation label ends in the term (an occupational head noun: "maker",
  /// "fitter", "master").
  package func endsOccupationLabel(_ term: Int32) -> Bool {
    index.labelsByTerm[Int(ConceptKind.occupation.rawValue)][Int(term)].contains {
      index.data.labelTerms[Int($0)].last == UInt32(term)
    }
  }

  /// Whether a label of any kind has term `first` right before term `second`.
  private func someLabelHas(_ first: Int32, before second: Int32) -> Bool {
    ConceptKind.allCases.contains { kind in
      index.labelsByTerm[Int(kind.rawValue)][Int(first)].contains { label in
        let terms = index.data.labelTerms[Int(label)]
        return zip(terms, terms.dropFirst()).contains {
          $0 == UInt32(first) && $1 == UInt32(second)
        }
      }
    }
  }
}
