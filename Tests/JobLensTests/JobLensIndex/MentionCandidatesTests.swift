import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex

/// The anchor entries grouped by what they need (``MentionCandidates``): a search visiting
/// only the groups' candidates finds what a plain scan of every entry finds, and no entry
/// that can pass is left out of the candidates.
@Suite("Mention candidates", .needsESCO)
struct MentionCandidatesTests {
  /// Rules whose largest factor grows with a label's mass up to 1 at `fullMass`, as the
  /// analysis's specificity does, and which give every label that factor.
  final class ScaledRules: MentionRules {
    let fullMass: Float

    init(fullMass: Float) { self.fullMass = fullMass }

    func factor(
      label: Int, query: QueryText, exact: Range<Int>?, searcher: ConceptSearcher
    )
      -> Float?
    { maximumFactor(labelMass: searcher.index.labelMass[label]) }

    func maximumFactor(labelMass: Float) -> Float { min(1, (labelMass / fullMass).squareRoot()) }

    func functionWordLabelCounts(
      label: Int, at range: Range<Int>, query: QueryText, searcher: ConceptSearcher
    ) -> Bool { true }
  }

  static let minimumScores: [Float] = [0, 0.3, 0.5, 0.7]

  /// Phrases made of labels of a kind (every `step`th): the label, its words reversed, with
  /// the next label, its first word before the next label, and in a sentence.
  static func phrases(_ index: ConceptIndex, kind: ConceptKind, step: Int) -> [String] {
    let labels = (0..<index.labelCount).filter { index.labelConcept($0).kind == kind }
    var phrases: [String] = []
    for offset in stride(from: 0, to: labels.count - 1, by: step) {
      let text = index.labelText(labels[offset])
      let next = index.labelText(labels[offset + 1])
      let words = text.split(separator: " ")
      phrases.append(text)
      phrases.append(words.reversed().joined(separator: " "))
      phrases.append(text + " and " + next)
      phrases.append(words[0] + " " + next)
      phrases.append("You will " + text + " with our team and " + next + " daily.")
    }
    return phrases
  }

  /// The matches of each phrase with the groups, and with every entry visited.
  static func expectSameMatches(
    _ index: ConceptIndex, kind: ConceptKind, phrases: [String], rules: some MentionRules
  ) throws {
    let grouped = try ConceptSearcher(index: index)
    let scanning = try ConceptSearcher(index: index)
    let table = index.anchors[Int(kind.rawValue)]
    var found = 0
    for minimumScore in minimumScores {
      scanning.mentionGroups[Int(kind.rawValue)] = MentionCandidates(
        everyEntryOf: table, idf: index.data.idf[Int(kind.rawValue)],
        labelCount: index.labelCount, minimumScore: minimumScore, rules: rules)
      for phrase in phrases {
        let query = grouped.query(phrase).1
        let matches = grouped.matchMentions(
          query, kind: kind, minimumScore: minimumScore, rules: rules)
        let expected = scanning.matchMentions(
          scanning.query(phrase).1, kind: kind, minimumScore: minimumScore, rules: rules)
        #expect(matches == expected, "\(phrase) at \(minimumScore)")
        found += matches.count
      }
      // The groups were made for this score and rules, not replaced by a scan.
      let groups = try #require(grouped.mentionGroups[Int(kind.rawValue)])
      #expect(groups.isMade(for: minimumScore, rules: rules))
      // Of the same anchors, fewer entries are visited alone than by the scan.
      let scan = try #require(scanning.mentionGroups[Int(kind.rawValue)])
      #expect(groups.aloneEntries.count < scan.aloneEntries.count)
    }
    #expect(found > phrases.count)
  }

  @Test(arguments: [Float(6), 12, 24]) func fixtureSkillsAsAScanFindsThem(fullMass: Float) throws {
    let index = try FixtureTaxonomy.index
    try Self.expectSameMatches(
      index, kind: .skill, phrases: Self.phrases(index, kind: .skill, step: 1),
      rules: ScaledRules(fullMass: fullMass))
  }

  @Test func escoSkillsAsAScanFindsThem() throws {
    let index = try SharedIndex.v111
    let phrases = Self.phrases(index, kind: .skill, step: 97)
    try Self.expectSameMatches(index, kind: .skill, phrases: phrases, rules: SkillMentionRules())
    try Self.expectSameMatches(
      index, kind: .skill, phrases: phrases, rules: ScaledRules(fullMass: 20))
  }

  @Test func escoOccupationsAsAScanFindsThem() throws {
    let index = try SharedIndex.v111
    try Self.expectSameMatches(
      index, kind: .occupation, phrases: Self.phrases(index, kind: .occupation, step: 31),
      rules: ScaledRules(fullMass: 12))
  }

  /// Every entry whose label's terms in a query cover what the search asks (the minimum
  /// coverage, and the score with the rules' largest factor) is a candidate of its anchor,
  /// once, in entry order.
  @Test(arguments: minimumScores) func noEntryThatCanPassIsLeftOut(minimumScore: Float) throws {
    let index = try SharedIndex.v111
    let kind = ConceptKind.skill
    let table = index.anchors[Int(kind.rawValue)]
    let idf = index.data.idf[Int(kind.rawValue)]
    let rules = SkillMentionRules()
    let minimumCoverage = LabelScoring.mention.minimumLabelCoverage
    let groups = MentionCandidates(
      table: table, idf: idf, labelCount: index.labelCount, minimumCoverage: minimumCoverage,
      minimumScore: minimumScore, rules: rules)
    let searcher = try ConceptSearcher(index: index)
    var present = [UInt32](repeating: 0, count: index.termCount)
    var stamp: UInt32 = 0
    var (passing, visited) = (0, 0)
    for phrase in Self.phrases(index, kind: kind, step: 53) {
      let terms = Set(searcher.query(phrase).1.terms.filter { $0 >= 0 })
      stamp += 1
      for term in terms { present[Int(term)] = stamp }
      groups.make(terms)
      for anchor in terms {
        var candidates: [UInt32] = []
        present.withUnsafeBufferPointer { present in
          groups.withBuffers {
            $0.append(anchor: Int(anchor), present: present, stamp: stamp, to: &candidates)
          }
        }
        let entries = table.entries(anchor: Int(anchor))
        #expect(candidates == candidates.sorted() && Set(candidates).count == candidates.count)
        #expect(candidates.allSatisfy { entries.contains(Int($0)) })
        for entry in entries {
          let record = table.records[entry]
          var covered: Float = 0
          for offset in table.content(entry) where present[Int(table.content[offset].term)] == stamp
          {
            covered += table.content[offset].weight
          }
          let coverage = min(1, covered / record.mass)
          let passes =
            covered / record.mass >= minimumCoverage
            && (minimumScore <= 0
              || coverage * coverage * rules.maximumFactor(labelMass: record.mass) >= minimumScore)
          if passes {
            passing += 1
            #expect(candidates.contains(UInt32(entry)), "\(index.labelText(Int(record.label)))")
          }
        }
        visited += candidates.count
      }
    }
    #expect(passing > 100)
    // Fewer entries visited than a scan would, but not many more than pass.
    #expect(visited < 3 * passing)
  }
}
