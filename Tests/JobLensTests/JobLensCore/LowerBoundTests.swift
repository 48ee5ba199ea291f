import Testing

@testable import JobLensCore

/// The lower bound against a linear search, on sorted arrays with repeats and on slices.
@Suite("Lower bound")
struct LowerBoundTests {
  @Test func theFirstPositionNotBeforeTheValue() {
    let values = [2, 4, 4, 4, 7, 9]
    for value in 0...10 {
      let expected = values.firstIndex { $0 >= value } ?? values.count
      #expect(values.lowerBound { $0 < value } == expected, "\(value)")
    }
    #expect([Int]().lowerBound { $0 < 3 } == 0)
    #expect([1].lowerBound { _ in true } == 1)
  }

  @Test func aSliceKeepsItsOwnIndices() {
    let slice = [1, 3, 5, 7, 9, 11][2..<5]
    #expect(slice.lowerBound { $0 < 0 } == 2)
    #expect(slice.lowerBound { $0 < 7 } == 3)
    #expect(slice.lowerBound { $0 < 100 } == 5)
  }

  @Test func tuplesByTheirKey() {
    let entries: [(label: Int, name: String)] = [(1, "a"), (5, "b"), (8, "c")]
    #expect(entries.lowerBound { $0.label < 5 } == 1)
    #expect(entries.lowerBound { $0.label < 6 } == 2)
  }
}
