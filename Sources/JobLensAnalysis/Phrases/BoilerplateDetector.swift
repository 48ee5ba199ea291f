import JobLensText

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
