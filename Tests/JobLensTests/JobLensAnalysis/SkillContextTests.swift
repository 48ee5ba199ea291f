import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensInput

@Suite("Skill contexts", .needsESCO)
struct SkillContextTests {
  /// With a lower skill threshold (0.3), so that weak matches show.
  static func analyzer(_ change: (inout AnalysisOptions) -> Void = { _ in }) -> PostingAnalyzer {
    PostingAnalyzer.shared {
      $0.skills.threshold = 0.3
      change(&$0)
    }
  }

  @Test func theContextOrdersTheSkillsFound() throws {
    let posting = Posting(id: "t", title: "", text: "Book flights and hotels for the director")
    let skills = Self.analyzer().analyze(posting).skills
    // *make reservations* matches its label less well than *hotel operations* but its
    // description ("Book restaurants, hotels or flights.") far better.
    let reservations = try #require(skills.first { $0.label == "make reservations" })
    let hotels = try #require(skills.first { $0.label == "hotel operations" })
    #expect(reservations.score < hotels.score && reservations.context > hotels.context)
    func place(_ label: String, in skills: [SkillMatch]) -> Int {
      skills.firstIndex { $0.label == label } ?? .max
    }
    #expect(place("make reservations", in: skills) < place("hotel operations", in: skills))
    // Without the context, by score (and the other features) alone; the same skills are
    // reported.
    let byScore = Self.analyzer {
      $0.skills.contextWeight = 0
      $0.skills.loneContextWeight = 0
    }.analyze(posting).skills
    #expect(place("hotel operations", in: byScore) < place("make reservations", in: byScore))
    #expect(Set(byScore.map(\.uri)) == Set(skills.map(\.uri)))
    #expect(skills.allSatisfy { $0.context >= 0 && $0.context <= 1 })
  }

  /// An analyzer whose rank has only its score, context and literal weights (the others set
  /// to 0, so that it can be worked out by hand: 3.4 × score + 2.9 × context + 1.4 when
  /// literal), one threshold for all matches and no skill left out as another field's word,
  /// then `change`d.
  static func rankByHand(_ change: (inout SkillOptions) -> Void = { _ in }) -> PostingAnalyzer {
    PostingAnalyzer.shared {
      $0.skills.toolWeight = 0
      $0.skills.frequencyWeight = 0
      $0.skills.fitWeight = 0
      $0.skills.coverageWeight = 0
      $0.skills.transversalWeight = 0
      $0.skills.requirementWeight = 0
      $0.skills.oneWordVariantPenalty = 0
      $0.skills.oneWordPenalty = 0
      $0.skills.knowledgePenalty = 0
      $0.skills.modifierPenalty = 0
      $0.skills.repeatedWeight = 0
      $0.skills.samePhrasePenalty = 0
      $0.skills.sameSpanPenalty = 0
      $0.skills.partialMargin = 0
      $0.skills.fieldWordMaximumRate = 0
      change(&$0.skills)
    }
  }

  /// The skills `analyzer` reports from `collector`, in order (every span the same).
  static func reported(
    _ collector: SkillCollector, by analyzer: PostingAnalyzer, lone: Bool = false
  ) -> [Int] {
    let evidence = Evidence(
      field: .text, start: 0, end: 1, text: "x", label: "x", phraseStart: 0, phraseEnd: 1)
    return analyzer.report(collector, fitting: [], lone: lone) { _, _ in evidence }.map(\.skill)
  }

  /// A match of label 0 scoring `score`, found word for word at `words` when given.
  static func match(_ score: Float, at words: Range<Int>? = nil) -> LabelMatch {
    LabelMatch(label: 0, labelCoverage: 1, queryCoverage: 1, exact: words, score: score)
  }

  /// The rank by hand: 3.4 × score + 2.9 × context + 1.4 when literal.
  @Test func theRankWeighsScoreContextAndLiteralness() {
    let analyzer = Self.rankByHand()
    func match(_ score: Float, exact: Bool) -> LabelMatch {
      LabelMatch(
        label: 0, labelCoverage: 1, queryCoverage: 1, exact: exact ? 0..<1 : nil, score: score)
    }
    var collector = SkillCollector()
    collector.add(
      1, match: match(0.9, exact: false), context: 0.9, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    collector.add(
      2, match: match(0.6, exact: true), context: 0, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    collector.add(
      3, match: match(0.5, exact: false), context: 0.5, phrase: 1, isRequirement: false,
      modifies: false, bare: false)
    collector.add(
      4, match: match(0.2, exact: true), context: 1, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    let evidence = Evidence(
      field: .text, start: 0, end: 1, text: "x", label: "x", phraseStart: 0, phraseEnd: 1)
    let reported = analyzer.report(collector, fitting: [], lone: false) { _, _ in evidence }
    // 5.67, 3.44 (literal), 3.15; skill 4 is under the threshold (0.5) whatever its context.
    #expect(reported.map(\.skill) == [1, 2, 3])
    #expect(reported.map(\.isLiteral) == [false, true, false])
    // Past the cap, the rank decides which are kept: skill 5 (3.4 × 0.7 = 2.38) loses to
    // skill 3 (3.15) although it scores higher.
    collector.add(
      5, match: match(0.7, exact: false), context: 0, phrase: 2, isRequirement: false,
      modifies: false, bare: false)
    let capped = PostingAnalyzer.shared {
      $0.skills = analyzer.options.skills
      $0.skills.maximum = 3
    }
    #expect(
      capped.report(collector, fitting: [], lone: false) { _, _ in evidence }.map(\.skill) == [
        1, 2, 3,
      ])
    // Each skill already listed from the same best phrase takes 0.75 off: after skill 1
    // (phrase 0), skill 2 (phrase 0) ranks 2.69 and falls behind skill 3 (phrase 1, 3.15).
    let spread = PostingAnalyzer.shared {
      $0.skills = analyzer.options.skills
      $0.skills.samePhrasePenalty = 0.75
    }
    #expect(
      spread.report(collector, fitting: [], lone: false) { _, _ in evidence }.map(\.skill) == [
        1, 3, 2, 5,
      ])
  }

  /// A posting's skill found by no label word for word needs ``SkillOptions/partialMargin``
  /// (0.1) above the threshold (0.5); one found word for word, or a lone sentence's, the
  /// threshold.
  @Test func aPartialMatchNeedsAHigherScore() {
    var collector = SkillCollector()
    for (skill, score, exact) in [(1, 0.55, false), (2, 0.55, true), (3, 0.65, false)] {
      collector.add(
        skill, match: Self.match(Float(score), at: exact ? 0..<1 : nil), context: 0,
        phrase: skill, isRequirement: false, modifies: false, bare: false)
    }
    let analyzer = Self.rankByHand { $0.partialMargin = 0.1 }
    // 3.61 (literal 0.55: 1.87 + 1.4), 2.21 (partial 0.65); partial 0.55 is left out.
    #expect(Self.reported(collector, by: analyzer) == [2, 3])
    #expect(Self.reported(collector, by: analyzer, lone: true) == [2, 3, 1])
    #expect(Self.reported(collector, by: Self.rankByHand()) == [2, 3, 1])
  }

  /// Each skill already listed that was found word for word at the same words of the same
  /// phrase takes ``SkillOptions/sameSpanPenalty`` off: one mention read as two skills.
  @Test func aSecondReadingOfTheSameWordsRanksLower() {
    var collector = SkillCollector()
    // Ranks 3.4 × score + 1.4: 5.14, 4.97, 4.46 (skill 3 at other words of the same phrase).
    collector.add(
      1, match: Self.match(1.1, at: 0..<2), context: 0, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    collector.add(
      2, match: Self.match(1.05, at: 0..<2), context: 0, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    collector.add(
      3, match: Self.match(0.9, at: 3..<4), context: 0, phrase: 0, isRequirement: false,
      modifies: false, bare: false)
    #expect(Self.reported(collector, by: Self.rankByHand()) == [1, 2, 3])
    // Skill 2 falls to 3.47 after skill 1, behind skill 3.
    let spread = Self.rankByHand { $0.sameSpanPenalty = 1.5 }
    #expect(Self.reported(collector, by: spread) == [1, 3, 2])
    // Not for a lone sentence: its words' readings are what it asks for.
    #expect(Self.reported(collector, by: spread, lone: true) == [1, 2, 3])
  }

  @Test func theContextIsTheScaledBM25OfThePhrase() throws {
    let analyzer = Self.analyzer()
    let index = analyzer.index
    // Repeated words count once.
    let (_, query) = analyzer.searcher.query("hotels: book flights, book hotels")
    let skill = try #require(
      (0..<index.count(.skill)).first { index.skillLabel($0) == "make reservations" })
    let match = LabelMatch(label: 0, labelCoverage: 1, queryCoverage: 1, exact: nil, score: 1)
    let one = ConceptMatches(uniqueConcepts: [(skill, match)])
    let context = try #require(analyzer.contexts(of: one, in: query).first)
    // By hand: Σ idf × weight over the phrase's content terms in the skill's context document,
    // over Σ idf × (k1 + 1).
    let idf = index.data.idf[Int(ConceptKind.skill.rawValue)]
    let terms = Set(query.terms.filter { $0 >= 0 && index.data.stopTerms[Int($0)] == 0 })
    var sum: Float = 0
    for offset in index.data.skillContextTerms.range(skill)
    where terms.contains(Int32(index.data.skillContextTerms.values[offset])) {
      sum +=
        idf[Int(index.data.skillContextTerms.values[offset])]
        * index.data.skillContextWeights[offset]
    }
    let maximum = terms.reduce(Float(0)) { $0 + idf[Int($1)] * (IndexBuilder.k1 + 1) }
    #expect(sum > 0)
    #expect(abs(context - Double(sum / maximum)) < 1e-6)
    // The phrase's terms, marked in the analyzer's per-term scratch, are unmarked after: the
    // same phrase asked again, and another phrase, read only their own terms.
    #expect(analyzer.termScratch.allSatisfy { !$0 })
    #expect(analyzer.contexts(of: one, in: query).first == context)
    let (_, other) = analyzer.searcher.query("answer the telephone")
    let alone = try #require(Self.analyzer().contexts(of: one, in: other).first)
    #expect(analyzer.contexts(of: one, in: other).first == alone)
    // Function words and unknown words alone give no context.
    let (_, empty) = analyzer.searcher.query("and the of zqxv")
    #expect(analyzer.contexts(of: one, in: empty).isEmpty)
  }

  @Test func contextDocumentsHoldLabelsAndDescription() throws {
    let index = try SharedIndex.v111
    let skill = try #require(
      (0..<index.count(.skill)).first { index.skillLabel($0) == "make reservations" })
    let searcher = try ConceptSearcher(index: index)
    let reservations = try #require(searcher.query("reservations").1.terms.first)
    let flights = try #require(searcher.query("flights").1.terms.first)
    try #require(reservations >= 0 && flights >= 0)
    let row = Set(index.data.skillContextTerms[skill])
    // "reservations" (its label) and "flights" (its description).
    #expect(row.contains(UInt32(reservations)) && row.contains(UInt32(flights)))
    var damaged = index.data
    damaged.skillContextWeights[0] = .nan
    #expect(IndexFile.validate(damaged) == "skill contexts")
    damaged = index.data
    damaged.skillContextTerms.values[0] = UInt32(index.data.terms.count)
    #expect(IndexFile.validate(damaged) == "skill contexts")
    damaged = index.data
    damaged.skillContextWeights.removeLast()
    #expect(IndexFile.validate(damaged) == "skill contexts")
    damaged = index.data
    damaged.skillContextTerms.starts.removeLast()
    #expect(IndexFile.validate(damaged) == "skill contexts")
    // A row out of term order.
    damaged = index.data
    let first = damaged.skillContextTerms.range(skill).lowerBound
    damaged.skillContextTerms.values.swapAt(first, first + 1)
    #expect(IndexFile.validate(damaged) == "skill contexts")
  }

  /// A lone sentence has no posting around it: its skills come literal matches first, then
  /// by score plus context, unlike a posting's (whose rank reads its zones and groups).
  @Test func aLoneSentenceRanksItsSkillsByHowWellTheyMatch() {
    let sentence = "Keep the books in QuickBooks and prepare reports in Excel."
    let skills = Self.analyzer().analyze(Posting(id: "t", title: "", text: sentence)).skills
    #expect(skills.count >= 4)
    let keys = skills.map { ($0.isLiteral ? 1 : 0, $0.score + $0.context) }
    for (earlier, later) in zip(keys, keys.dropFirst()) {
      #expect(earlier.0 > later.0 || (earlier.0 == later.0 && earlier.1 >= later.1))
    }
    #expect(skills.first?.label == "write work-related reports")
  }

  /// A skill that more than one phrase names gains ``SkillOptions/repeatedWeight``: 3.4 × 0.75
  /// + 0.6 = 3.15 passes 3.4 × 0.9 = 3.06 named once; without the weight it does not.
  @Test func aSkillNamedInTwoPhrasesRanksHigher() {
    func match(_ score: Float) -> LabelMatch {
      LabelMatch(label: 0, labelCoverage: 1, queryCoverage: 1, exact: nil, score: score)
    }
    var collector = SkillCollector()
    collector.add(
      1, match: match(0.9), context: 0, phrase: 0, isRequirement: false, modifies: false,
      bare: false)
    for phrase in [1, 2] {
      collector.add(
        2, match: match(0.75), context: 0, phrase: phrase, isRequirement: false, modifies: false,
        bare: false)
    }
    func ranked(_ weight: Double) -> [Int] {
      Self.reported(
        collector,
        by: Self.rankByHand {
          $0.contextWeight = 0
          $0.repeatedWeight = weight
        })
    }
    #expect(ranked(0.6) == [2, 1])
    #expect(ranked(0) == [1, 2])
  }

  /// A common noun that is the whole of a preferred label (*ethics*) ranks lower by
  /// ``SkillOptions/oneWordPenalty``: 3.4 × 0.9 − 1 = 2.06 falls behind 3.4 × 0.7 = 2.38.
  @Test func aOneWordPreferredLabelRanksLower() throws {
    let index = Self.analyzer().index
    let ethics = try #require(
      (0..<index.labelCount).first {
        index.labelText($0) == "ethics" && index.labelField($0) == .preferred
      })
    let longer = try #require(
      (0..<index.labelCount).first {
        index.labelText($0) == "schedule meetings" && index.labelField($0) != .tool
      })
    var collector = SkillCollector()
    for (skill, label, score) in [(1, ethics, Float(0.9)), (2, longer, 0.7)] {
      collector.add(
        skill,
        match: LabelMatch(
          label: label, labelCoverage: 1, queryCoverage: 1, exact: nil, score: score),
        context: 0, phrase: 0, isRequirement: false, modifies: false, bare: false)
    }
    func ranked(_ penalty: Double) -> [Int] {
      Self.reported(collector, by: Self.rankByHand { $0.oneWordPenalty = penalty })
    }
    #expect(ranked(1) == [2, 1])
    #expect(ranked(0) == [1, 2])
  }

  /// A skill found only as a word qualifying the next ranks lower by
  /// ``SkillOptions/modifierPenalty``: 3.4 × 0.9 − 1 = 2.06 falls behind 3.4 × 0.7 = 2.38.
  @Test func aWordQualifyingTheNextRanksLower() {
    var collector = SkillCollector()
    for (skill, score, modifies) in [(1, Float(0.9), true), (2, 0.7, false)] {
      collector.add(
        skill, match: Self.match(score), context: 0, phrase: 0, isRequirement: false,
        modifies: modifies, bare: false)
    }
    func ranked(_ penalty: Double) -> [Int] {
      Self.reported(collector, by: Self.rankByHand { $0.modifierPenalty = penalty })
    }
    #expect(ranked(1) == [2, 1])
    #expect(ranked(0) == [1, 2])
  }
}
