import Foundation
import Testing

@testable import JobLensAnalysis

@Suite("Scores lent per posting")
struct ScoresPoolTests {
  @Test func scoresGivenBackAreLentAgainCleared() {
    let pool = ScoresPool()
    var scores = pool.take(count: 5)
    scores[3] = 2.5
    scores[1] = 0
    scores[3] += 1
    #expect(scores.touched == [3, 1])
    pool.giveBack(&scores)
    #expect(scores.capacity == 0)
    #expect(pool.count == 1)
    let again = pool.take(count: 5)
    #expect(pool.count == 0)
    #expect(again.capacity == 5)
    #expect(again.isEmpty && again.touched.isEmpty)
    #expect(again.values == [0, 0, 0, 0, 0])
    #expect((0..<5).allSatisfy { !again.contains($0) })
    #expect(again.sum() == 0 && again.max() == nil)
  }

  @Test func aTakeOfAnotherCapacityMakesNewScores() {
    let pool = ScoresPool()
    var small = pool.take(count: 3)
    small[2] = 1
    pool.giveBack(&small)
    let large = pool.take(count: 7)
    #expect(large.capacity == 7 && large.isEmpty)
    #expect(pool.count == 1)
    #expect(pool.take(count: 3).capacity == 3)
  }

  @Test func includeSetsTheUnsetToZeroAndUpdateRescoresInOrder() {
    var scores = DenseScores(count: 6)
    scores[4] = 2
    scores.include([1, 4, 5, 1])
    #expect(scores.touched == [4, 1, 5])
    #expect(scores.values == [0, 0, 0, 0, 2, 0])
    var order: [Int] = []
    let before = scores.values
    scores.update { id in
      order.append(id)
      return Double(id) + before[id]
    }
    #expect(order == [4, 1, 5])
    #expect(scores.dictionary == [4: 6, 1: 1, 5: 5])
    #expect(!scores.contains(0) && !scores.contains(2))
  }

  @Test func evidenceGivenBackLeavesNothingForTheNext() {
    let pool = ScoresPool()
    var first = GroupEvidence(count: 4, pool: pool)
    first.add([1: 3, 2: 1], from: .title, weight: 1, normalise: true)
    first.add([0: 1], from: .tasks, weight: 0.5, normalise: true)
    first.giveBack()
    #expect(pool.count == 3)
    var next = GroupEvidence(count: 4, pool: pool)
    #expect(next.scores.isEmpty && next.total == 0 && next.bySource.isEmpty)
    next.add([2: 1], from: .skills, weight: 1, normalise: true)
    #expect(next.scores.dictionary == [2: 1])
    #expect(next.bySource == [.skills: [2: 1]])
    #expect(next.part(from: .title) == nil && next.part(from: .tasks) == nil)
  }

  @Test func aCopyHasTheSameEvidenceAndIsChangedAlone() {
    let pool = ScoresPool()
    var groups = GroupEvidence(count: 4, pool: pool)
    groups.add([3: 1, 1: 3], from: .title, weight: 1, normalise: true)
    groups.add([2: 1], from: .wordModel, weight: 0.25, normalise: true, isEvidence: false)
    var copy = groups.copy()
    #expect(copy.scores.touched == groups.scores.touched)
    #expect(copy.scores.values == groups.scores.values)
    #expect(copy.bySource == groups.bySource && copy.total == groups.total)
    copy.add([0: 1], from: .wordModel, weight: 1, normalise: true, isEvidence: false)
    #expect(groups.scores.dictionary == [3: 0.25, 1: 0.75, 2: 0.25])
    #expect(copy.scores.dictionary == [3: 0.25, 1: 0.75, 2: 0.25, 0: 1])
  }
}

@Suite("Scores lent per posting, in the analysis", .needsESCO)
struct ScoresPoolAnalysisTests {
  /// A posting analysed after others is analysed as by a new analyzer: the scores lent to
  /// the postings before it were cleared.
  @Test func aPostingAfterOthersIsAnalysedAsAlone() throws {
    let postings = Samples.postings
    try #require(postings.count >= 3)
    let used = try PostingAnalyzer(index: try SharedIndex.v111)
    for posting in postings.dropLast() { _ = used.analyze(posting) }
    #expect(used.scoresPool.count > 0)
    let last = try #require(postings.last)
    let fresh = try PostingAnalyzer(index: try SharedIndex.v111)
    #expect(used.analyze(last) == fresh.analyze(last))
    // And the first again, after all the others.
    #expect(used.analyze(postings[0]) == fresh.analyze(postings[0]))
  }
}
