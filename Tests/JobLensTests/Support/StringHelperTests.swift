import Testing

@testable import JobLens

@Suite("String helpers")
struct StringHelperTests {
  @Test func clippedKeepsShortStringsAndMarksCuts() {
    #expect("Benefits".clipped(to: 8) == "Benefits")
    #expect("Benefits:".clipped(to: 8) == "Benefit…")
    // Characters, not bytes: "ï" and "ö" are one each.
    #expect("Ünïcödé text".clipped(to: 5) == "Ünïc…")
    #expect("Benefits".clipped(to: 1) == "…")
    #expect("Benefits".clipped(to: 0) == "")
    #expect("".clipped(to: 0) == "")
  }
}
