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
    /// Whether a requirement names it.
    var isRequired: Bool
    /// Whether every match is a one-word label qualifying the word after it ("computer
    /// proficiency", "lead generation", "long term project"): the word is then seldom the
    /// skill's subject.
    var onlyModifies: Bool
    /// Whether every match is no evidence of the skill (``PostingAnalyzer/isBare(_:_:in:of:)``,
    /// ``PostingAnalyzer/liesInsideLongerLabel(_:_:among:)``,
    /// ``PostingAnalyzer/sharesItsLabel(_:_:among:)``,
    /// ``PostingAnalyzer/readsAPersonAsWork(_:in:titleKeys:)``, the title's acronym,
    /// ``PostingAnalyzer/namesTheEmployer(_:in:employer:)``): a duty frame, a common word that
    /// only coincides with a name or a narrower concept's label, a maker's name, a verb read as
    /// a noun, a word that a longer label reads, a label another skill's reading takes, another
    /// person read as the work, the worker's acronym, or the employer's name.
    var onlyBare: Bool
    /// The best-scoring match (the first of equal ones) and its phrase.
    var best: (phrase: Int, match: LabelMatch)
    /// Up to five (phrase position, match) pairs; spans are made only for reported skills.
    var matches: [(phrase: Int, match: LabelMatch)]
  }

  /// Matches kept per skill (spans are made only for reported skills).
  static let matchesKept = 5

  /// The skills found, in the order they were first found, with their evidence.
  private(set) var entries: [(skill: Int, entry: Entry)] = []
  /// Each skill of ``entries`` with its position there, ascending by skill: a posting has some
  /// dozens, looked up by a binary search (no key hashed, and an entry updated in place, where
  /// a dictionary's copy out and back copied its matches on each append).
  private var positions: [(skill: Int, position: Int)] = []

  /// Where `skill` is in ``positions`` (`found`), or where it would go.
  /// - Complexity: O(log n).
  private func slot(_ skill: Int) -> (index: Int, found: Bool) {
    let index = positions.lowerBound { $0.skill < skill }
    return (index, index < positions.count && positions[index].skill == skill)
  }

  /// Whether `skill` was found.
  /// - Complexity: O(log n).
  func contains(_ skill: Int) -> Bool { slot(skill).found }

  /// The evidence of `skill`, if it was found.
  /// - Complexity: O(log n).
  subscript(skill: Int) -> Entry? {
    let slot = slot(skill)
    return slot.found ? entries[positions[slot.index].position].entry : nil
  }

  mutating func add(
    _ skill: Int, match: LabelMatch, context: Double, phrase: Int, isRequirement: Bool,
    modifies: Bool, bare: Bool
  ) {
    let score = Double(match.score)
    let slot = slot(skill)
    if slot.found {
      Self.update(
        &entries[positions[slot.index].position].entry, score: score, match: match,
        context: context,
        phrase: phrase, isRequirement: isRequirement, modifies: modifies, bare: bare)
    } else {
      positions.insert((skill, entries.count), at: slot.index)
      entries.append(
        (
          skill,
          Entry(
            score: score, context: context, isLiteral: match.exact != nil,
            isRequired: isRequirement, onlyModifies: modifies, onlyBare: bare,
            best: (phrase, match), matches: [(phrase, match)])
        ))
    }
  }

  private static func update(
    _ entry: inout Entry, score: Double, match: LabelMatch, context: Double, phrase: Int,
    isRequirement: Bool, modifies: Bool, bare: Bool
  ) {
    if score > entry.score { entry.best = (phrase, match) }
    entry.score = max(entry.score, score)
    entry.context = max(entry.context, context)
    entry.isLiteral = entry.isLiteral || match.exact != nil
    entry.isRequired = entry.isRequired || isRequirement
    entry.onlyModifies = entry.onlyModifies && modifies
    entry.onlyBare = entry.onlyBare && bare
    if entry.matches.count < SkillCollector.matchesKept { entry.matches.append((phrase, match)) }
  }
}
