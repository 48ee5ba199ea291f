package import JobLensText

/// The terms of a stretch of tokenised text, as index term IDs.
package struct QueryText {
  /// Per token: the term ID, or -1 when the index does not know the term.
  package var terms: [Int32] = []
  /// Per token: its index in the tokenised text.
  package var tokenIndices: [Int] = []
  /// Per token: its form (for comparing surface keys).
  package var forms: [FormID] = []
  /// Per token: whether it is written in capitals (two letters or more: "SQL", "PR").
  package var allCaps: [Bool] = []
  /// Per token: whether it has a capital letter ("Slack", "eBay"; for tool names).
  package var capitalised: [Bool] = []
  /// Whether any token has a capital letter (in text written all in lower case, capitals say
  /// nothing about acronyms).
  package var hasCapitals = false
  /// The positions of the tokens that follow a list separator (a comma or semicolon after the
  /// token before): "security, data" are two items, not the label "secure data".
  package var listBreaks: [Int] = []
  /// The sequence with each hyphenated compound written closed ("e-mail" → "email"), when the
  /// text has compounds: entries are (term, first token position, last token position).
  package var closedCompounds: [(term: Int32, first: Int, last: Int)]? = nil

  package var isEmpty: Bool { terms.isEmpty }

  /// Whether a list separator stands between two of the positions in `range`.
  package func breaksList(_ range: Range<Int>) -> Bool {
    listBreaks.contains { $0 > range.lowerBound && $0 < range.upperBound }
  }

  /// The query with only the tokens whose position `keep` marks, every per-token list filtered
  /// alike; without closed compounds (their positions would no longer hold).
  package func keeping(_ keep: [Bool]) -> QueryText {
    func kept<Value>(_ values: [Value]) -> [Value] {
      values.indices.filter { keep[$0] }.map { values[$0] }
    }
    var result = self
    result.terms = kept(terms)
    result.tokenIndices = kept(tokenIndices)
    result.forms = kept(forms)
    result.allCaps = kept(allCaps)
    result.capitalised = kept(capitalised)
    // A break before a dropped token stands before the next token kept.
    var breaks: [Int] = []
    var next = 0
    var keptCount = 0
    for position in keep.indices where keep[position] {
      var broken = false
      while next < listBreaks.count && listBreaks[next] <= position {
        broken = true
        next += 1
      }
      if broken && keptCount > 0 { breaks.append(keptCount) }
      keptCount += 1
    }
    result.listBreaks = breaks
    result.closedCompounds = nil
    return result
  }
}
