import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// The language note reads the body's first this many words…
  static let languageSampleWords = 400
  /// …when there are at least this many…
  static let languageMinimumWords = 8
  /// …and fewer than this share of them are known to the index.
  static let languageKnownShare = 0.5

  /// A note when most words are unknown to the index (a posting in another language).
  func languageNote(title: TokenizedText, body: TokenizedText) -> String? {
    var known = 0
    var total = 0
    for token in body.tokens.prefix(PostingAnalyzer.languageSampleWords) where token.kind == .word {
      total += 1
      if searcher.term(token.form) >= 0 { known += 1 }
    }
    guard total >= PostingAnalyzer.languageMinimumWords,
      Double(known) / Double(total) < PostingAnalyzer.languageKnownShare
    else { return nil }
    return "most words are unknown to the \(index.metadata.language) index: the posting may be "
      + "in another language, so codes are unreliable"
  }

  /// A note when the code is not above the first occupation's unit group although the title
  /// names that occupation: why the answers differ.
  func codeNote(_ isco: ISCOAssignment, first occupation: OccupationMatch?) -> String? {
    guard let code = isco.code, let occupation, !occupation.isco.hasPrefix(code),
      let title = occupation.evidence.first(where: { $0.kind == .title })
    else { return nil }
    func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    let why =
      title.weight < options.codes.occupationTitleScore
        && occupation.score < options.codes.occupationScore
      ? "the title matches it only weakly (\(rounded(title.weight)) < "
        + "\(options.codes.occupationTitleScore)) and it scores \(rounded(occupation.score)) < "
        + "\(options.codes.occupationScore)"
      : "no task phrase bears the title out"
    return "the code \(code) is not the group of the first occupation, \(occupation.label) "
      + "(\(occupation.isco)): \(why), so the code follows the other evidence"
  }
}
