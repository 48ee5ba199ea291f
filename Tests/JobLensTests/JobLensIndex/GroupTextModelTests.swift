import Foundation
import Testing

@testable import JobLensIndex

@Suite("Unit group word model")
struct GroupTextModelTests {
  /// Three groups over four terms; term 3 is a function word; the third group has no words.
  static let model = GroupTextModel(
    counts: [[0: 2, 1: 1, 3: 5], [1: 3, 2: 1], [:]], stop: [0, 0, 0, 1], termCount: 4)

  static func close(_ a: [Float], _ b: [Float]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 }
  }

  @Test func gainsAndNormsAreTheDocumentedOnes() {
    let model = Self.model
    // Vocabulary {0, 1, 2} (the function word is left out), α = 0.1, so α·V = 0.3.
    #expect(Self.close(model.norms, [log(3.3), log(4.3), log(0.3)]))
    #expect(model.gains.concepts.starts == [0, 1, 3, 4, 4])
    #expect(model.gains.concepts.values == [0, 0, 1, 1])
    #expect(Self.close(model.gains.weights, [log(21), log(11), log(31), log(11)]))
    #expect(!model.knows(3) && !model.knows(-1) && !model.knows(4) && model.knows(2))
  }

  @Test func logLikelihoodsDifferLikeNaiveBayes() throws {
    // Unknown (-1) and function words (3) are skipped; repeated words count each time.
    let words: [Int32] = [0, 0, 1, 3, -1]
    let scores = try #require(Self.model.logLikelihoods(words, groups: [true, true, true]))
    func logProbability(_ counts: [Double], _ total: Double) -> Double {
      counts.reduce(0) { $0 + log(($1 + 0.1) / (total + 0.3)) }
    }
    let expected = [
      logProbability([2, 2, 1], 3), logProbability([0, 0, 3], 4), logProbability([0, 0, 0], 0),
    ]
    // Equal up to one constant.
    for group in 1..<3 {
      #expect(abs((scores[0] - scores[group]) - (expected[0] - expected[group])) < 1e-4)
    }
    // The group without words gives every word the uniform 1 / V: more likely here than the
    // second group, which has seen term 1 but never term 0.
    #expect(scores[0] > scores[2] && scores[2] > scores[1])
    // A group left out scores -∞; words the model does not know give no scores.
    #expect(Self.model.logLikelihoods([2], groups: [false, true, true])?[0] == -.infinity)
    #expect(Self.model.logLikelihoods([3, -1], groups: [true, true, true]) == nil)
  }

  @Test(.needsESCO) func theIndexModelIsChecked() throws {
    let valid = try SharedIndex.v111.data
    #expect(IndexFile.validate(valid) == nil)
    var damaged: [IndexData] = Array(repeating: valid, count: 5)
    damaged[0].groupModel.norms.removeLast()
    damaged[1].groupModel.norms[0] = .nan
    damaged[2].groupModel.gains.concepts.values[0] = UInt32(valid.iscoGroups.count)
    damaged[3].groupModel.gains.weights[0] = -1
    damaged[4].groupModel.gains.concepts.starts.removeLast()
    for data in damaged {
      #expect(IndexFile.validate(data) == "unit group word model")
    }
  }
}
