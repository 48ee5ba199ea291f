import Testing

@testable import JobLensCore
@testable import JobLensInput

@Suite("Numeric ids")
struct NumericIDTests {
  @Test(arguments: [
    "9007199254740993", "9007199254740992", "12345678901234567890", "-7", "1.0", "1e3", "0.5",
  ])
  func aNumericIDKeepsItsJSONText(id: String) {
    let records = readRecords(#"{"id":\#(id),"title":"Clerk"}"#)
    #expect(records == [.posting(Posting(id: id, title: "Clerk", text: "", source: "in.jsonl:1"))])
  }

  @Test func numbersCompareByValueAndKeepTheirText() throws {
    let value = try JSONParser.parse(#"[1.0, 1, 2e0]"#)
    #expect(value == .array([.number(1), .number(1), .number(2)]))
    guard case .array(let numbers) = value else { return }
    #expect(numbers.compactMap(\.textValue) == ["1.0", "1", "2e0"])
  }
}
