import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

/// Skill evidence gathered over a posting's phrases.
struct SkillCollector {
  struct Entry {
    var score: Double
    /// The best context of the phrases it was found in (see ``PostingAnalyzer/contexts(of:in:)``).
    var context: Double
    var isLiteral: Bool
    /// Up to five (phrase position, match) pairs; spans are made only for reported skills.
    var matches: [(phrase: Int, match: LabelMatch)]
  }

  /// Matches kept per skill (spans are made only for reported skills).
  static let matchesKept = 5

  private(set) var all: [Int: Entry] = [:]

  mutating func add(_ skill: Int, match: LabelMatch, context: Double, phrase: Int) {
    let score = Double(match.score)
    if var entry = all[skill] {
      entry.score = max(entry.score, score)
      entry.context = max(entry.context, context)
      entry.isLiteral = entry.isLiteral || match.exact != nil
      if entry.matches.count < SkillCollector.matchesKept { entry.matches.append((phrase, match)) }
      all[skill] = entry
    } else {
      all[skill] = Entry(
        score: score, context: context, isLiteral: match.exact != nil, matches: [(phrase, match)])
    }
  }
}
