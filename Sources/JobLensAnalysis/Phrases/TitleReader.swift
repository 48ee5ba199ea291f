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

/// Finds the phrases of a posting that are not about the job: company blurbs, benefits,
/// equal-opportunity statements, how-to-apply and salary text, and legal notices.
///
/// A boilerplate heading ("About us", "Benefits", "How to apply") makes the phrases after it
/// boilerplate until a content heading ("Responsibilities", "Requirements"); a cue phrase
/// ("equal opportunity employer", "send your CV") marks a phrase wherever it stands; a
/// sentence describing the company ("We are a…", "…is a leading…") counts only among the first
/// three phrases, before any list.
struct BoilerplateDetector {
  /// Per phrase: the boilerplate kind, or nil for content. `keys`: the phrases' match keys
  /// (``PhraseLexicon/keys(of:in:tokenizer:)``).
  static func classify(_ phrases: [TaskPhrase], keys phraseKeys: [[String]]) -> [String?] {
    var result: [String?] = []
    var section: String?
    var seenList = false
    for (position, (phrase, keys)) in zip(phrases, phraseKeys).enumerated() {
      if phrase.kind == .heading {
        let heading = keys.joined(separator: " ")
        if let kind = MatchingLexicons.boilerplateHeadings[heading]
          ?? (keys.count <= 4 && keys.first == "about" && !keys.contains("role")
            && !keys.contains("you") ? "company" : nil)
        {
          section = kind
          result.append(kind)
          continue
        }
        // Task and requirement headings open content again.
        if PhraseLexicon.taskHeadings.containedIn(keys)
          || PhraseLexicon.requirementHeadings.containedIn(keys)
        {
          section = nil
        }
        result.append(nil)
        continue
      }
      if phrase.kind == .bullet { seenList = true }
      // A company description counts only among the first three phrases, before any list.
      let found = keys.indices.lazy.compactMap { start in
        PhraseLexicon.boilerplateCues.firstTag(keys, at: start) { kind in
          kind != "company" || (position < 3 && !seenList)
        }
      }.first
      // A cue names the kind; otherwise the section does.
      result.append(found ?? section)
    }
    return result
  }
}
