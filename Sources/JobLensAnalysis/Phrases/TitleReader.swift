import JobLensText

/// Reads a job title: finds work-mode, employment, seniority and noise words (single tokens or
/// runs of tokens, compared by match key), so that only the words that name the job are coded.
/// "Virtual Assistant (Remote, part-time)" keeps "Assistant".
struct TitleReader {
  /// What was found: the tokens that name the job, and the attributes.
  struct Reading {
    var kept: [Int]
    var attributes: TitleAttributes
  }

  private static let longest = 3

  /// Lexicon words that name the job in some places: a lead or leader at the head of a title
  /// is a supervisor ("Customer Service Team Lead"), not a seniority, and "HR" in capitals is
  /// human resources, not hours.
  private static func namesJob(_ position: Int, in tokenized: TokenizedText, key: String) -> Bool {
    let tokens = tokenized.tokens
    switch key {
    case "lead", "leader":
      // At the head: the last word, or the last before a separator ("Team Lead - Sales").
      guard let next = tokens[(position + 1)...].first(where: { $0.kind == .word }) else {
        return true
      }
      let gap = tokenized.string(tokens[position].byteRange.upperBound..<next.byteRange.lowerBound)
      return gap.contains { "-–—/|(,:".contains($0) }
    case "hr":
      // "HR Assistant", not "$19/HR" or "per HR".
      let previous = position > 0 ? tokens[position - 1] : nil
      return tokenized.string(tokens[position].byteRange) == "HR"
        && previous?.kind != .number
        && previous.map { tokenized.string($0.byteRange).lowercased() } != "per"
    default:
      return false
    }
  }

  static func read(_ tokenized: TokenizedText, tokenizer: Tokenizer) -> Reading {
    let tokens = tokenized.tokens
    var kept: [Int] = []
    var attributes = TitleAttributes()
    var index = 0
    func key(_ position: Int) -> String { tokenizer.form(tokens[position].form).key }
    while index < tokens.count {
      if namesJob(index, in: tokenized, key: key(index)) {
        kept.append(index)
        index += 1
        continue
      }
      var matched = false
      for length in stride(from: min(longest, tokens.count - index), through: 1, by: -1) {
        let phrase = (index..<(index + length)).map(key).joined(separator: " ")
        if let mode = MatchingLexicons.workMode[phrase] {
          append(mode, to: &attributes.workMode)
        } else if let employment = MatchingLexicons.employment[phrase] {
          append(employment, to: &attributes.employment)
        } else if let level = MatchingLexicons.seniority[phrase] {
          append(level, to: &attributes.seniority)
        } else if MatchingLexicons.noise.contains(phrase)
          || (length == 1 && tokens[index].kind == .number)
          || (length == 1 && MatchingLexicons.currencies.contains(phrase)
            && isNextToNumber(index, in: tokens))
        {
          append(
            tokenized.string(
              tokens[index].byteRange.lowerBound..<tokens[index + length - 1].byteRange.upperBound
            ).lowercased(), to: &attributes.noise)
        } else {
          continue
        }
        index += length
        matched = true
        break
      }
      if !matched {
        kept.append(index)
        index += 1
      }
    }
    if let end = purposeStart(tokenized, key: key) { kept.removeAll { $0 >= end } }
    return Reading(kept: kept, attributes: attributes)
  }

  /// Where a title's job words end: at its first "to" when two words or more come before it and
  /// a word after it, which says whom the job serves or what for ("Executive Assistant to the
  /// CEO", "Customer Service Representative to Enroll People in …"), not the job. Nil for none
  /// ("Assistant to Head of Music", "Intermediate to Senior Developer", "Program to use a CSV
  /// file to …" and "1.9 to 2.3" keep their words).
  private static func purposeStart(_ tokenized: TokenizedText, key: (Int) -> String) -> Int? {
    let tokens = tokenized.tokens
    var words = 0
    for (position, token) in tokens.enumerated() where token.kind == .word {
      if key(position) == "to" {
        let wordAfter = position + 1 < tokens.count && tokens[position + 1].kind == .word
        return words >= 2 && wordAfter ? position : nil
      }
      words += 1
    }
    return nil
  }

  /// Whether the token before or after a position is a number.
  private static func isNextToNumber(_ position: Int, in tokens: [Token]) -> Bool {
    (position > 0 && tokens[position - 1].kind == .number)
      || (position + 1 < tokens.count && tokens[position + 1].kind == .number)
  }

  private static func append(_ value: String, to list: inout [String]) {
    if !list.contains(value) { list.append(value) }
  }
}
