import Testing

@testable import JobLensCore
@testable import JobLensInput

func readRecords(_ text: String, fields: PostingFields = PostingFields()) -> [InputRecord] {
  let reader = JSONLPostingReader(
    lines: LineReader(bytes: Array(text.utf8)), name: "in.jsonl", fields: fields)
  var records: [InputRecord] = []
  while let record = reader.next() { records.append(record) }
  return records
}

@Suite("JSON and JSONL input")
struct JSONLReaderTests {
  @Test func parsesJSONValues() throws {
    let value = try JSONParser.parse(
      #"{"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00\n", "c": {}}"#)
    #expect(value["a"] == .array([.number(1), .number(-2500), .bool(true), .null]))
    #expect(value["b"] == .string("x\"é😀\n"))
    #expect(value["c"] == .object([]))
  }

  @Test(arguments: [
    ("{", "column 2: expected a string key"), ("[1,]", "column 4: unexpected character"),
    ("{\"a\" 1}", "column 6: expected ':'"), ("\"abc", "column 5: string never closed"),
    ("01", "column 2: leading zero in number"), ("tru", "column 4: invalid literal"),
  ])
  func reportsSyntaxErrorsWithColumns(text: String, message: String) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func readsPostingsAndErrorRecords() throws {
    let text = """
      {"id": 1, "title": "Assistant", "text": "Answer calls"}
      {"id": "b", "title": "Clerk", "description": "Files records"}

      {"id": "c", "title": 5}
      [1, 2]
      {"id": "d"}
      not json
      {"id": "e", "text": null, "title": "Only a title"}
      {"id": "f", "title": "Truncated
      """
    let records = readRecords(text)
    #expect(records.count == 8)
    #expect(
      records[0]
        == .posting(
          Posting(id: "1", title: "Assistant", text: "Answer calls", source: "in.jsonl:1")))
    #expect(
      records[1]
        == .posting(Posting(id: "b", title: "Clerk", text: "Files records", source: "in.jsonl:2")))
    #expect(
      records[2]
        == .failure(
          id: "c", source: "in.jsonl:4", message: "field 'title' is number, expected a string"))
    #expect(
      records[3]
        == .failure(id: nil, source: "in.jsonl:5", message: "expected a JSON object, found array"))
    #expect(
      records[4] == .failure(id: "d", source: "in.jsonl:6", message: "no 'title' or 'text' field"))
    #expect(
      records[5]
        == .failure(
          id: nil, source: "in.jsonl:7", message: "invalid JSON: column 2: invalid literal"))
    #expect(
      records[6]
        == .posting(Posting(id: "e", title: "Only a title", text: "", source: "in.jsonl:8")))
    #expect(
      records[7]
        == .failure(
          id: nil, source: "in.jsonl:9", message: "invalid JSON: column 32: string never closed"))
  }

  @Test func configurableFieldNamesAndCRLF() throws {
    let records = readRecords(
      "{\"ref\": \"x1\", \"job\": \"Bookkeeper\", \"ad\": \"Keep books\"}\r\n",
      fields: PostingFields(id: "ref", title: "job", text: "ad"))
    #expect(
      records == [
        .posting(Posting(id: "x1", title: "Bookkeeper", text: "Keep books", source: "in.jsonl:1"))
      ])
  }

  @Test func invalidUTF8InALineIsRepaired() throws {
    var bytes = Array("{\"id\": \"u\", \"text\": \"caf".utf8)
    bytes += [0xC3, 0x28] + Array("\"}".utf8)
    let reader = JSONLPostingReader(lines: LineReader(bytes: bytes), name: "in.jsonl")
    let record = reader.next()
    #expect(
      record == .posting(Posting(id: "u", title: "", text: "caf\u{FFFD}(", source: "in.jsonl:1")))
  }
}
