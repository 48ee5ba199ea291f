import Testing

@testable import JobLensCore

/// Strings read back as written, whatever falls on the parser's eight-byte steps.
@Suite("JSON parser")
struct JSONParserTests {
  static let pieces = ["a", "abcdefgh", "\"", "\\", "\n", "\u{01}", "é", "€", "😀", " ", "/"]

  @Test("strings written by the writer parse back to themselves", arguments: [1, 2, 3])
  func stringsRoundTrip(seed: UInt64) throws {
    var random = SplitMix(seed: seed)
    for _ in 0..<300 {
      let count = Int.random(in: 0...40, using: &random)
      let string = (0..<count).map { _ in JSONParserTests.pieces.randomElement(using: &random)! }
        .joined()
      var writer = JSONWriter()
      writer.string(string)
      #expect(try JSONParser.parse(writer.text) == .string(string))
    }
  }

  @Test("a control character or an unclosed string is an error at any offset")
  func errorsPastTheFirstWord() throws {
    for length in [0, 7, 8, 9, 16, 17] {
      let plain = String(repeating: "x", count: length)
      #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"" + plain + "\u{01}\"") }
      #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"" + plain) }
      #expect(try JSONParser.parse("\"" + plain + "\\u00e9\"") == .string(plain + "é"))
    }
  }
}
