import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// A phrase as evidence: its span in the text.
  func evidence(of phrase: TaskPhrase, in body: TokenizedText) -> Evidence {
    let span = body.codePointRange(phrase.byteRange)
    return Evidence(
      field: .text, start: span.lowerBound, end: span.upperBound,
      text: body.string(phrase.byteRange), label: "", phraseStart: span.lowerBound,
      phraseEnd: span.upperBound)
  }

  func evidence(
    of match: LabelMatch, query: QueryText, phrase: TaskPhrase, in body: TokenizedText
  )
    -> Evidence
  {
    span(of: match, query: query, in: body, field: .text, phrase: phrase)
  }

  /// The span of a label match: its exact occurrence, or from the first to the last token
  /// whose term is in the label.
  func span(
    of match: LabelMatch, query: QueryText, in tokenized: TokenizedText, field: PostingField,
    phrase: TaskPhrase?
  ) -> Evidence {
    var positions: Range<Int>
    if let exact = match.exact {
      positions = exact
    } else {
      // The label's few terms scanned, not hashed into a set per span.
      let labelTerms = index.data.labelTerms.range(match.label)
      let values = index.data.labelTerms.values
      let hits = query.terms.indices.filter { position in
        labelTerms.contains { Int32(values[$0]) == query.terms[position] }
      }
      positions = (hits.first ?? 0)..<((hits.last ?? 0) + 1)
    }
    positions = positions.clamped(to: 0..<max(1, query.tokenIndices.count))
    let first = tokenized.tokens[query.tokenIndices[positions.lowerBound]]
    let last = tokenized.tokens[query.tokenIndices[positions.upperBound - 1]]
    let bytes = first.byteRange.lowerBound..<last.byteRange.upperBound
    let span = tokenized.codePointRange(bytes)
    let phraseSpan = phrase.map { tokenized.codePointRange($0.byteRange) } ?? span
    return Evidence(
      field: field, start: span.lowerBound, end: span.upperBound, text: tokenized.string(bytes),
      label: index.labelText(match.label), phraseStart: phraseSpan.lowerBound,
      phraseEnd: phraseSpan.upperBound)
  }
}
