import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensInput

/// A chunk source handing out `bytes` in pieces of `size`.
func chunks(_ bytes: [UInt8], size: Int) -> () -> [UInt8]? {
  var offset = 0
  return {
    guard offset < bytes.count else { return nil }
    defer { offset += size }
    return Array(bytes[offset..<min(offset + size, bytes.count)])
  }
}

@Suite("Lines and records of bounded length")
struct LineReaderTests {
  @Test(arguments: [1, 3, 64])
  func aLineOverTheLimitIsSkippedAndReadingGoesOn(chunkSize: Int) throws {
    let text = "ab\r\n" + String(repeating: "x", count: 20) + "\r\ncd"
    let lines = LineReader(chunks: chunks(Array(text.utf8), size: chunkSize), lineLimit: 5)
    #expect(try lines.next() == Array("ab".utf8))
    #expect(lines.skippedLength == nil)
    #expect(try lines.next() == [])
    #expect(lines.skippedLength == 20 && lines.lineNumber == 2 && lines.consumed == 26)
    #expect(try lines.next() == Array("cd".utf8))
    #expect(lines.skippedLength == nil && lines.consumed == 28 && !lines.endedWithNewline)
    #expect(try lines.next() == nil)
  }

  @Test func aLongLineInTinyChunksTakesLinearTime() throws {
    // Scanning the whole buffer again for each chunk made this quadratic (minutes at 1 MB).
    let line = [UInt8](repeating: 0x61, count: 1 << 20)
    let lines = LineReader(chunks: chunks(line + [0x0A, 0x62], size: 1))
    #expect(try lines.next()?.count == 1 << 20)
    #expect(try lines.next() == [0x62])
  }

  @Test func aJSONLLineOverTheLimitIsOneFailureRecord() throws {
    let text =
      #"{"id":"a","title":"Clerk"}"# + "\n" + #"{"id":"b","text":"long text"}"# + "\n"
      + #"{"id":"c","title":"Typist"}"#
    let reader = JSONLPostingReader(
      lines: LineReader(chunks: chunks(Array(text.utf8), size: 7), lineLimit: 28), name: "in")
    var records: [InputRecord] = []
    while let record = reader.next() { records.append(record) }
    #expect(
      records == [
        .posting(Posting(id: "a", title: "Clerk", text: "", source: "in:1")),
        .failure(
          id: nil, source: "in:2",
          message: "line too long for one record: 29 bytes, over the 28-byte limit; skipped"),
        .posting(Posting(id: "c", title: "Typist", text: "", source: "in:3")),
      ])
  }

  @Test(arguments: [1, 5, 1000])
  func aCSVRecordOverTheLimitIsSkippedAndReadingGoesOn(chunkSize: Int) throws {
    let csv = "id,text\n1,short\n2,\"a long\nquoted, text\"\n3,end\n"
    let reader = try CSVReader(source: chunks(Array(csv.utf8), size: chunkSize))
    reader.recordLimit = 12
    #expect(try reader.next()?.fields == ["id", "text"])
    #expect(try reader.next()?.fields == ["1", "short"])
    #expect(
      throws: CSVError(
        line: 3, problem: "record too long: 23 bytes, over the 12-byte limit; skipped")
    ) {
      try reader.next()
    }
    #expect(try reader.next() == CSVRecord(fields: ["3", "end"], line: 5))
    #expect(try reader.next() == nil)
  }
}

@Suite("Line ends")
struct LineEndTests {
  @Test(arguments: [1, 2, 1000])
  func aLoneCarriageReturnEndsALine(chunkSize: Int) throws {
    let lines = LineReader(chunks: chunks(Array("a\rb\r\nc\nd\r\re\r".utf8), size: chunkSize))
    var read: [String] = []
    while let line = try lines.next() { read.append(String(decoding: line, as: UTF8.self)) }
    #expect(read == ["a", "b", "c", "d", "", "e"])
    #expect(lines.consumed == 12 && lines.endedWithNewline)
  }

  @Test func jsonlRecordsEndedByCarriageReturns() {
    let records = readRecords(#"{"id":"1","title":"A"}"# + "\r" + #"{"id":"2","title":"B"}"# + "\r")
    #expect(
      records == [
        .posting(Posting(id: "1", title: "A", text: "", source: "in.jsonl:1")),
        .posting(Posting(id: "2", title: "B", text: "", source: "in.jsonl:2")),
      ])
  }
}
