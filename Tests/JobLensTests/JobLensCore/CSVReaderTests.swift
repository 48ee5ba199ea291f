import Testing

@testable import JobLensCore

/// Reads all records, collecting errors in place of records as "error line N: problem".
func readAll(_ reader: CSVReader) -> [String] {
  var results: [String] = []
  while true {
    do {
      guard let record = try reader.next() else { return results }
      results.append("\(record.line): " + record.fields.joined(separator: "|"))
    } catch let error as CSVError {
      results.append("error \(error)")
    } catch {
      results.append("unexpected \(error)")
    }
  }
}

/// A reader over `text` fed in chunks of `size` bytes.
func chunkedReader(
  _ text: String, size: Int, delimiter: UInt8 = UInt8(ascii: ",")
) throws -> CSVReader {
  var bytes = Array(text.utf8)[...]
  return try CSVReader(delimiter: delimiter) {
    guard !bytes.isEmpty else { return nil }
    let chunk = Array(bytes.prefix(size))
    bytes = bytes.dropFirst(size)
    return chunk
  }
}

@Suite("CSV reader")
struct CSVReaderTests {
  static let sample =
    "\u{FEFF}id,label,note\r\n1,plain,\"quoted, with comma\"\r\n\r\n2,\"multi\nline\",\"say \"\"hi\"\"\"\n3,,\n4,last"

  static let expected = [
    "1: id|label|note", "2: 1|plain|quoted, with comma", "4: 2|multi\nline|say \"hi\"",
    "6: 3||", "7: 4|last",
  ]

  @Test func rfc4180InMemory() {
    #expect(readAll(CSVReader(bytes: Array(Self.sample.utf8))) == Self.expected)
  }

  @Test(arguments: [1, 2, 3, 5, 64])
  func chunkedEqualsInMemory(size: Int) throws {
    #expect(readAll(try chunkedReader(Self.sample, size: size)) == Self.expected)
  }

  @Test func malformedRecordsAreReportedAndSkipped() {
    let text = "a,b\n1,x\"y\n2,\"ok\"\n3,\"closed\"junk,z\n4,fine\n5,\"never closed\n6,lost"
    #expect(
      readAll(CSVReader(bytes: Array(text.utf8))) == [
        "1: a|b", "error line 2: quote inside unquoted field 2", "3: 2|ok",
        "error line 4: text after the closing quote of field 2", "5: 4|fine",
        "error line 6: quoted field never closed",
      ])
  }

  @Test func tabDelimitedAndLoneCarriageReturns() {
    let text = "a\tb\rc\td\r"
    #expect(
      readAll(CSVReader(bytes: Array(text.utf8), delimiter: UInt8(ascii: "\t"))) == [
        "1: a|b", "2: c|d",
      ])
  }

  @Test func emptyInput() {
    #expect(readAll(CSVReader(bytes: [])).isEmpty)
    #expect(readAll(CSVReader(bytes: Array("\u{FEFF}\n\n".utf8))).isEmpty)
  }
}
