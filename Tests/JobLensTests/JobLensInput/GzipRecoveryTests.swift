import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensInput

@Suite("Gzip input that is damaged or padded")
struct GzipRecoveryTests {
  static let jsonl = (1...4).map { "{\"id\":\"\($0)\",\"title\":\"Clerk\"}\n" }.joined()

  @Test(arguments: [
    ([UInt8](repeating: 0, count: 512), " (zero padding)"),
    (Array("garbage after the member\n".utf8), ""),
  ])
  func bytesAfterTheLastMemberAreIgnoredWithAWarning(trailer: [UInt8], kind: String) throws {
    let folder = try TemporaryDirectory("gzip-trailer")
    defer { folder.remove() }
    let path = try folder.write("p.jsonl.gz", try gzip(Array(Self.jsonl.utf8)) + trailer)
    let reader = PostingInputs(paths: [path], fields: PostingFields())
    var records: [InputRecord] = []
    while let record = reader.next() { records.append(record) }
    #expect(records.map(\.id) == ["1", "2", "3", "4"])
    #expect(
      reader.warnings == [
        "\(path): ignored \(trailer.count) bytes after the end of the gzip data\(kind)"
      ])
  }

  @Test func aBadChecksumKeepsTheRecordsDecodedBeforeIt() throws {
    let folder = try TemporaryDirectory("gzip-crc")
    defer { folder.remove() }
    var compressed = try gzip(Array(Self.jsonl.utf8))
    // The CRC-32 of the data is the trailer's first four bytes.
    compressed[compressed.count - 8] ^= 0xFF
    let path = try folder.write("crc.jsonl.gz", compressed)
    let records = readAll([path])
    #expect(records.map(\.id) == ["1", "2", "3", "4", nil])
    #expect(
      records.last
        == .failure(
          id: nil, source: "\(path):5",
          message: "cannot read '\(path)': corrupt gzip data: incorrect data check"))
  }
}
