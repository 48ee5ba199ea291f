import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensInput

@Suite("Word model in the analysis", .needsESCO)
struct WordModelTests {
  static func analyzer(_ change: (inout AnalysisOptions) -> Void = { _ in }) -> PostingAnalyzer {
    PostingAnalyzer.shared(change)
  }

  /// The word model's groups for a text, as ISCO codes with their weights, best first.
  static func distribution(
    _ text: String, analyzer: PostingAnalyzer = analyzer()
  )
    -> [(String, Double)]
  {
    let (_, query) = analyzer.searcher.query(text)
    return analyzer.wordModelDistribution(query.terms)
      .map { (analyzer.index.iscoCode($0.key), $0.value) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
  }

  @Test(arguments: [
    ("Fly the aircraft, check its instruments and talk to air traffic control", "3153"),
    ("Cut and style customers' hair", "5141"),
    ("Mix cocktails and pour beer behind the bar", "5132"),
  ])
  func theLikeliestGroupOfTaskWords(text: String, code: String) {
    let groups = Self.distribution(text)
    #expect(groups.first?.0 == code)
    #expect(groups.count == AnalysisOptions().wordModel.groups)
    #expect(groups.allSatisfy { $0.0.count == 4 })
  }

  @Test func theTemperatureSpreadsTheWeight() throws {
    let text = "Fly the aircraft, check its instruments and talk to air traffic control"
    let sharp = Self.distribution(text, analyzer: Self.analyzer { $0.wordModel.temperature = 0 })
    #expect(sharp.map(\.0) == ["3153"])
    let usual = Self.distribution(text)
    let flat = Self.distribution(text, analyzer: Self.analyzer { $0.wordModel.temperature = 20 })
    #expect(usual.map(\.0) == flat.map(\.0))
    let second = try #require(usual.dropFirst().first?.1)
    let flatSecond = try #require(flat.dropFirst().first?.1)
    #expect(second < 1 && second < flatSecond && flatSecond < 1)
  }

  /// Specificity sums each term's IDF once, in the order the terms first stand (as a set of
  /// seen terms did), and leaves the per-term scratch it marks them in cleared.
  @Test(arguments: [
    "Assistant assistant", "Senior software developer, software developer", "the and of", "",
  ])
  func specificityCountsEachTermOnce(text: String) {
    let analyzer = Self.analyzer()
    let index = analyzer.index
    let terms = analyzer.searcher.query(text).1.terms
    var seen: Set<Int32> = []
    var mass: Float = 0
    for term in terms where term >= 0 && seen.insert(term).inserted {
      if !index.isStopTerm(TermID(rawValue: UInt32(term))) {
        mass += index.idf(TermID(rawValue: UInt32(term)), kind: .occupation)
      }
    }
    let expected = min(1, Double(mass) / analyzer.options.title.specificMass)
    #expect(analyzer.specificity(terms, kind: .occupation) == expected)
    #expect(analyzer.specificity(terms + terms, kind: .occupation) == expected)
    #expect(analyzer.termScratch.allSatisfy { !$0 })
  }

  @Test func wordsItDoesNotKnowGiveNothing() {
    #expect(Self.distribution("zqxv blorft").isEmpty)
    #expect(Self.distribution("").isEmpty)
  }

  @Test func theModelShiftsScoresButIsNoEvidence() throws {
    var groups = GroupEvidence(count: 3)
    groups.add([1: 3, 2: 1], from: .title, weight: 1, normalise: true)
    groups.add([2: 1], from: .wordModel, weight: 0.25, normalise: true, isEvidence: false)
    #expect(groups.scores.dictionary == [1: 0.75, 2: 0.5])
    #expect(groups.total == 1)
    #expect(groups.bySource == [.title: [1: 0.75, 2: 0.25], .wordModel: [2: 0.25]])
    // With the model's scores alone, the candidates are kept but nothing is coded.
    let index = try SharedIndex.v111
    var alone = GroupEvidence(count: index.count(.iscoGroup))
    let bookkeepers = try #require(index.iscoGroupIndex(code: "4311"))
    alone.add([bookkeepers: 1], from: .wordModel, weight: 0.25, normalise: true, isEvidence: false)
    let assignment = Self.analyzer().assign(alone, coarse: alone, totalEvidence: alone.total)
    #expect(assignment.code == nil)
    #expect(assignment.reason == "no title or task evidence")
    #expect(assignment.levels.map(\.code) == ["4", "43", "431", "4311"])
    #expect(
      assignment.levels.allSatisfy { $0.sources == [SourceShare(source: .wordModel, share: 1)] })
  }

  @Test func levelsSayWhereTheirScoreCameFrom() throws {
    let analysis = Self.analyzer().analyze(Samples.posting("va-004"))
    #expect(analysis.isco.levels.count == 4)
    for level in analysis.isco.levels {
      #expect(abs(level.sources.reduce(0) { $0 + $1.share } - 1) < 1e-9)
      #expect(level.sources.allSatisfy { $0.share > 0 })
      let order = level.sources.compactMap { EvidenceSource.allCases.firstIndex(of: $0.source) }
      #expect(order == order.sorted())
    }
    // 3313 (ESCO's bookkeeper) mostly from the title.
    let unit = try #require(analysis.isco.levels.last)
    #expect(unit.code == "3313")
    #expect(unit.sources.map(\.source) == [.title, .tasks, .skills, .votes, .wordModel])
    #expect(unit.sources.max { $0.share < $1.share }?.source == .title)
    let explained = try CLI.run(["explain", CLITests.samples, "--id", "va-004"]).stdout
    #expect(
      explained.contains(
        "  4 digits: 3313 Accounting associate professionals 0.259 (title 54%, tasks 10%, "
          + "skills 1%, votes 17%, word model 18%)\n"))
  }

  /// The major and sub-major groups' evidence (with the word model's extra weight) can tip the
  /// unit group, and the levels above are always its own groups.
  @Test func coarseLevelsTipTheUnitGroupAndTheLevelsNest() throws {
    let index = try SharedIndex.v111
    let engineers = try #require(index.iscoGroupIndex(code: "2149"))
    let technicians = try #require(index.iscoGroupIndex(code: "3112"))
    var fine = GroupEvidence(count: index.count(.iscoGroup))
    fine.add([engineers: 1], from: .title, weight: 1, normalise: true)
    fine.add([technicians: 1], from: .tasks, weight: 0.8, normalise: true)
    var coarse = fine
    coarse.add([technicians: 1], from: .wordModel, weight: 0.5, normalise: true, isEvidence: false)
    let analyzer = Self.analyzer()
    // 2149: 1 + 0.3 × (4 × (1 + 1) + 1) = 3.7 against 3112: 0.8 + 0.3 × (4 × (0.8 + 0.8) + 0.8).
    let alone = analyzer.assign(fine, coarse: fine, totalEvidence: fine.total)
    #expect(alone.levels.map(\.code) == ["2", "21", "214", "2149"])
    // 3112 with the coarse evidence: 0.8 + 0.3 × (4 × (1.3 + 1.3) + 0.8) = 4.16.
    let assignment = analyzer.assign(fine, coarse: coarse, totalEvidence: fine.total)
    #expect(assignment.levels.map(\.code) == ["3", "31", "311", "3112"])
    // Confidence: the share of each level's own evidence (2.3 at 1 and 2 digits, 1.8 below).
    #expect(abs(assignment.levels[0].confidence - 1.3 / 2.3) < 1e-9)
    #expect(abs(assignment.levels[2].confidence - 0.8 / 1.8) < 1e-9)
    #expect(
      assignment.levels[0].sources.map(\.source) == [.tasks, .wordModel]
        && abs(assignment.levels[0].sources[1].share - 0.5 / 1.3) < 1e-9)
    // The most specific confident level is the answer.
    #expect(assignment.code == "3112")
  }

  @Test func theCoarseWeightGrowsWithTheTaskPhrases() throws {
    func levels(_ posting: Posting, _ change: (inout AnalysisOptions) -> Void) -> [ISCOLevel] {
      Self.analyzer(change).analyze(posting).isco.levels
    }
    func wordModelShare(_ level: ISCOLevel) -> Double {
      level.sources.first { $0.source == .wordModel }?.share ?? 0
    }
    let posting = Samples.posting("va-001")
    let without = levels(posting) { $0.wordModel.coarseWeight = 0 }
    let partly = levels(posting) { _ in }
    let fully = levels(posting) { $0.wordModel.fullPhrases = 1 }
    // 3 and 4 digits never change; at 1 and 2 digits the model's share grows with its weight
    // (5 of the 10 phrases that give the full weight, then all of them).
    #expect(without[2...] == partly[2...] && partly[2...] == fully[2...])
    for level in 0..<2 {
      #expect(wordModelShare(without[level]) < wordModelShare(partly[level]))
      #expect(wordModelShare(partly[level]) < wordModelShare(fully[level]))
    }
    // Below 1 phrase for the full weight counts as 1.
    #expect(levels(posting) { $0.wordModel.fullPhrases = 0 } == fully)
    #expect(levels(posting) { $0.wordModel.coarseWeight = -1 } == without)
    // A title alone assigns no task phrases: no coarse weight.
    let title = Posting(id: "t", title: "Bookkeeper", text: "")
    #expect(levels(title) { _ in } == levels(title) { $0.wordModel.coarseWeight = 0 })
  }

  @Test func aStrongTitleDecidesTheUnitGroupWhateverTheWordModel() {
    // ESCO files *bookkeeper* under 3313, and the title "Bookkeeper" names it: the first
    // occupation decides. When it may not, the duties alone (word model weight 0) say
    // bookkeeping clerks.
    let posting = Samples.posting("va-004")
    #expect(Self.analyzer().analyze(posting).isco.code == "3313")
    let withoutModel = Self.analyzer { $0.wordModel.weight = 0 }.analyze(posting).isco
    #expect(withoutModel.levels.map(\.code) == ["3", "33", "331", "3313"])
    let undecided = Self.analyzer {
      $0.wordModel.weight = 0
      $0.codes.occupationTitleScore = .infinity
      $0.codes.occupationScore = .infinity
    }
    #expect(undecided.analyze(posting).isco.levels.last?.code == "4311")
  }
}
