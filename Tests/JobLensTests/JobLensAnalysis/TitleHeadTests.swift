import Foundation
import Testing

@testable import JobLensAnalysis

/// What ends a title's head noun phrase between two words, read from bytes, must be what the
/// string search found.
@Suite("Title head")
struct TitleHeadTests {
  static func bySearch(_ gap: String) -> Bool {
    gap.contains("(") || gap.contains(" - ") || gap.contains(",") || gap.contains("|")
  }

  @Test(arguments: [
    " ", " (", ") ", " - ", "-", " -", "- ", "  -  ", ", ", " | ", " / ", " – ", " — ", "",
    " -- ", "( ", " - - ", "\t-\t", " ‐ ",
  ])
  func gap(_ gap: String) {
    #expect(PostingAnalyzer.endsHead(ArraySlice(Array(gap.utf8))) == Self.bySearch(gap))
  }

  @Test(arguments: [5, 6, 7])
  func randomGaps(seed: UInt64) {
    var random = SplitMix(seed: seed)
    let pieces = [" ", "-", "(", ")", ",", "|", "/", "&", "–", "a"]
    for _ in 0..<2_000 {
      let gap = (0..<Int.random(in: 0...6, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      #expect(PostingAnalyzer.endsHead(ArraySlice(Array(gap.utf8))) == Self.bySearch(gap), "\(gap)")
    }
  }
}
