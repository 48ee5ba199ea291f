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

  static func read(_ tokenized: TokenizedText, tokenizer: Tokenizer) -> Reading {
    let tokens = tokenized.tokens
    var kept: [Int] = []
    var attributes = TitleAttributes()
    var index = 0
    func key(_ position: Int) -> String { tokenizer.form(tokens[position].form).key }
    while index < tokens.count {
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
    return Reading(kept: kept, attributes: attributes)
  }

  private static func append(_ value: String, to list: inout [String]) {
    if !list.contains(value) { list.append(value) }
  }
}
