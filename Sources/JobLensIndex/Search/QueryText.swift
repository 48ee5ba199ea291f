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
  /// The sequence with each hyphenated compound written closed ("e-mail" → "email"), when the
  /// text has compounds: entries are (term, first token position, last token position).
  package var closedCompounds: [(term: Int32, first: Int, last: Int)]? = nil

  package var isEmpty: Bool { terms.isEmpty }

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
    result.closedCompounds = nil
    return result
  }
}
