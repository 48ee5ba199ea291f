import Testing

@testable import JobLensCore

@Suite("String helpers")
struct StringHelperTests {
  @Test(
    arguments: [
      ("Benefits", 8, "Benefits"),
      ("Benefits:", 8, "Benefit…"),
      // Characters, not bytes: "Ü", "ï" and "ö" are one each.
      ("Ünïcödé text", 5, "Ünïc…"),
      ("Benefits", 1, "…"),
      ("Benefits", 0, ""),
    ])
  func clippedKeepsShortStringsAndMarksCuts(text: String, maximum: Int, expected: String) {
    #expect(text.clipped(to: maximum) == expected)
  }
}
