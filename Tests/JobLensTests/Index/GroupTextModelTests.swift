import Foundation
import Testing

@testable import JobLens

@Suite("Unit group word model")
struct GroupTextModelTests {
  /// Two groups over four terms; term 3 is a function word.
  static let model = GroupTextModel(
    counts: [[0: 2, 1: 1, 3: 5], [1: 3, 2: 1]], stop: [0, 0, 0, 1], termCount: 4)

  @Test func gainsAndNormsAreTheDocumentedOnes() {
    let model = Self.model
    // Vocabulary {0, 1, 2} (the function word is left out), α = 0.1.
    #expect(model.norms == [log(Float(3) + 0.3), log(Float(4) + 0.3)])
    #expect(model.gains.concepts.starts == [0, 1, 3, 4, 4])
    #expect(model.gains.concepts.values == [0, 0, 1, 1])
    #expect(
      model.gains.weights == [log(Float(21)), log(Float(11)), log(Float(31)), log(Float(11))])
    #expect(!model.knows(3) && !model.knows(-1) && !model.knows(4) && model.knows(2))
  }

  @Test func logLikelihoodsDifferLikeNaiveBayes() throws {
    // Unknown (-1) and function words (3) are skipped; repeated words count each time.
    let scores = try #require(Self.model.logLikelihoods([0, 0, 1, 3, -1], groups: [true, true]))
    func probability(_ count: Double, _ total: Double) -> Double { (count + 0.1) / (total + 0.3) }
    let first = 2 * log(probability(2, 3)) + log(probability(1, 3))
    let second = 2 * log(probability(0, 4)) + log(probability(3, 4))
    #expect(abs(Double(scores[0] - scores[1]) - (first - second)) < 1e-4)
    #expect(scores[0] > scores[1])
    // A group left out scores -∞; words the model does not know give no scores.
    #expect(Self.model.logLikelihoods([2], groups: [false, true])?[0] == -.infinity)
    #expect(Self.model.logLikelihoods([3, -1], groups: [true, true]) == nil)
  }

  /// The word model's groups for a text, as ISCO codes with their weights.
  static func distribution(_ text: String) -> [(String, Double)] {
    let analyzer = AnalyzerTests.analyzer
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
    #expect(groups.first?.1 == 1)
    #expect(groups.count == PostingAnalyzer.wordModelGroups)
    #expect(groups.allSatisfy { $0.0.count == 4 && $0.1 > 0 && $0.1 <= 1 })
  }

  @Test func wordsItDoesNotKnowGiveNothing() {
    #expect(Self.distribution("zqxv blorft").isEmpty)
    #expect(Self.distribution("").isEmpty)
  }

  @Test func theModelShiftsScoresButIsNoEvidence() {
    var groups = Evidence3()
    groups.add([1: 3, 2: 1], weight: 1, normalise: true)
    groups.add([2: 1], weight: 0.25, normalise: true, isEvidence: false)
    #expect(groups.scores == [1: 0.75, 2: 0.5])
    #expect(groups.total == 1)
  }

  @Test func aDamagedModelIsRejected() {
    var data = SharedIndex.v111.data
    #expect(IndexFile.validate(data) == nil)
    data.groupModel.norms.removeLast()
    #expect(IndexFile.validate(data) == "unit group word model")
    data = SharedIndex.v111.data
    data.groupModel.gains.concepts.values[0] = UInt32(data.iscoGroups.count)
    #expect(IndexFile.validate(data) == "unit group word model")
  }
}
