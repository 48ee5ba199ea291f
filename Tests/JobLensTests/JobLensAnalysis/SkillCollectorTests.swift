import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex

/// The skills gathered over a posting's phrases, kept in arrays, must hold what the dictionary
/// held, entry by entry.
@Suite("Skill collector")
struct SkillCollectorTests {
  /// What `add` did to a dictionary's entry before.
  static func reference(
    _ adds: [(
      skill: Int, match: LabelMatch, context: Double, phrase: Int, flags: (Bool, Bool, Bool)
    )]
  ) -> [Int: SkillCollector.Entry] {
    var all: [Int: SkillCollector.Entry] = [:]
    for add in adds {
      let score = Double(add.match.score)
      let (isRequirement, modifies, bare) = add.flags
      if var entry = all[add.skill] {
        if score > entry.score { entry.best = (add.phrase, add.match) }
        entry.score = max(entry.score, score)
        entry.context = max(entry.context, add.context)
        entry.isLiteral = entry.isLiteral || add.match.exact != nil
        entry.isRequired = entry.isRequired || isRequirement
        entry.onlyModifies = entry.onlyModifies && modifies
        entry.onlyBare = entry.onlyBare && bare
        if entry.matches.count < SkillCollector.matchesKept {
          entry.matches.append((add.phrase, add.match))
        }
        all[add.skill] = entry
      } else {
        all[add.skill] = SkillCollector.Entry(
          score: score, context: add.context, isLiteral: add.match.exact != nil,
          isRequired: isRequirement, onlyModifies: modifies, onlyBare: bare,
          best: (add.phrase, add.match), matches: [(add.phrase, add.match)])
      }
    }
    return all
  }

  static func same(_ lhs: SkillCollector.Entry, _ rhs: SkillCollector.Entry) -> Bool {
    lhs.score == rhs.score && lhs.context == rhs.context && lhs.isLiteral == rhs.isLiteral
      && lhs.isRequired == rhs.isRequired && lhs.onlyModifies == rhs.onlyModifies
      && lhs.onlyBare == rhs.onlyBare && lhs.best.phrase == rhs.best.phrase
      && lhs.best.match == rhs.best.match
      && lhs.matches.map(\.phrase) == rhs.matches.map(\.phrase)
      && lhs.matches.map(\.match) == rhs.matches.map(\.match)
  }

  @Test(arguments: [1, 2, 3])
  func equalsTheDictionary(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for _ in 0..<200 {
      let adds = (0..<Int.random(in: 0...60, using: &random)).map { phrase in
        (
          skill: Int.random(in: 0..<15, using: &random) * 7,
          match: LabelMatch(
            label: Int.random(in: 0..<50, using: &random), labelCoverage: 1, queryCoverage: 0.5,
            exact: Bool.random(using: &random) ? 0..<1 : nil,
            score: Float(Int.random(in: 1...4, using: &random)) / 4),
          context: Double(Int.random(in: 0...3, using: &random)) / 3, phrase: phrase,
          flags: (
            Bool.random(using: &random), Bool.random(using: &random), Bool.random(using: &random)
          )
        )
      }
      var collector = SkillCollector()
      for add in adds {
        collector.add(
          add.skill, match: add.match, context: add.context, phrase: add.phrase,
          isRequirement: add.flags.0, modifies: add.flags.1, bare: add.flags.2)
      }
      let expected = Self.reference(adds)
      // In the order first found, each once.
      var firsts: [Int] = []
      for add in adds where !firsts.contains(add.skill) { firsts.append(add.skill) }
      #expect(collector.entries.map(\.skill) == firsts)
      for (skill, entry) in expected {
        #expect(collector.contains(skill))
        let found = collector[skill]
        #expect(found.map { Self.same($0, entry) } == true)
      }
      #expect(!collector.contains(-1) && collector[1_000] == nil)
    }
  }
}
