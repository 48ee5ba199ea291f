import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensInput

/// All records of some inputs.
func readAll(
  _ paths: [String], format: PostingInputFormat = .auto, fields: PostingFields = PostingFields()
)
  -> [InputRecord]
{
  let reader = PostingInputs(paths: paths, format: format, fields: fields)
  var records: [InputRecord] = []
  while let record = reader.next() { records.append(record) }
  return records
}

@Suite("Input formats")
struct InputFormatTests {
  @Test func csvWithBOMCRLFQuotedLinesAndBadRows() throws {
    let folder = try TemporaryDirectory("csv")
    defer { folder.remove() }
    let csv =
      "\u{FEFF}ID,Title,Description,extra\r\n"
      + "1,Bookkeeper,\"Keep the books,\r\nreconcile accounts\",x\r\n"
      + "\r\n"
      + "2,\"Say \"\"hi\"\"\",Answer calls,y\r\n"
      + "3,Clerk,too few\r\n"
      + "4,Clerk,\"bad \"quote,z\r\n"
      + ",No id,Filing,w"
    let path = try folder.write("postings.csv", csv)
    let records = readAll([path])
    #expect(
      records == [
        .posting(
          Posting(
            id: "1", title: "Bookkeeper", text: "Keep the books,\r\nreconcile accounts",
            source: "\(path):2")),
        .posting(Posting(id: "2", title: "Say \"hi\"", text: "Answer calls", source: "\(path):5")),
        .failure(id: "3", source: "\(path):6", message: "row has 3 fields, the header has 4"),
        .failure(
          id: nil, source: "\(path):7",
          message: "text after the closing quote of field 3"),
        .posting(Posting(id: "\(path):8", title: "No id", text: "Filing", source: "\(path):8")),
      ])
  }

  @Test func tsvAndConfigurableColumns() throws {
    let folder = try TemporaryDirectory("tsv")
    defer { folder.remove() }
    let path = try folder.write("ads.tsv.txt", "ref\tjob\tad\nA7\tTypist\tType letters\n")
    let records = readAll(
      [path], format: .tsv, fields: PostingFields(id: "ref", title: "job", text: "ad"))
    #expect(
      records == [
        .posting(Posting(id: "A7", title: "Typist", text: "Type letters", source: "\(path):2"))
      ])
  }

  @Test func csvHeaderWithoutTitleOrTextIsOneFailure() throws {
    let folder = try TemporaryDirectory("csvheader")
    defer { folder.remove() }
    let path = try folder.write("x.csv", "a,b\n1,2\n")
    #expect(
      readAll([path]) == [
        .failure(
          id: nil, source: "\(path):1",
          message: "header has no 'title' or 'text' column (columns: a, b)")
      ])
  }

  @Test func jsonlWithBOMAndTruncatedLastLine() throws {
    let folder = try TemporaryDirectory("jsonl")
    defer { folder.remove() }
    let path = try folder.write(
      "p.jsonl", "\u{FEFF}{\"id\":\"a\",\"title\":\"Typist\"}\n{\"id\":\"b\",\"title\":\"Cl")
    let records = readAll([path])
    #expect(records.count == 2)
    #expect(
      records[0] == .posting(Posting(id: "a", title: "Typist", text: "", source: "\(path):1")))
    #expect(
      records[1]
        == .failure(
          id: nil, source: "\(path):2", message: "invalid JSON: column 22: string never closed"))
  }

  @Test func gzipIsDecodedWhateverTheName() throws {
    let folder = try TemporaryDirectory("gzip")
    defer { folder.remove() }
    let jsonl = (1...3000).map { "{\"id\":\"\($0)\",\"title\":\"Clerk \($0)\"}\n" }.joined()
    let compressed = try gzip(Array(jsonl.utf8))
    let plain = try folder.write("p.jsonl", jsonl)
    let zipped = try folder.write("p.jsonl.gz", compressed)
    let unnamed = try folder.write("q.data", compressed)
    let expected = readAll([plain]).map(\.id)
    #expect(expected.count == 3000)
    #expect(readAll([zipped]).map(\.id) == expected)
    #expect(readAll([unnamed]).map(\.id) == expected)
    // Two gzip members one after the other are one stream.
    let twice = try folder.write("twice.jsonl.gz", compressed + compressed)
    #expect(readAll([twice]).count == 6000)
  }

  @Test func gzipMemberEndingAtAnOutputBufferBoundary() throws {
    // 262,144 bytes decoded: the member ends exactly when the decoder's output buffer is full.
    let lines = String(repeating: "{\"title\":\"Clerk\"}\n", count: 14_000)
    let last = "{\"title\":\"" + String(repeating: "x", count: 262_144 - 252_000 - 13) + "\"}\n"
    #expect((lines + last).utf8.count == 262_144)
    let folder = try TemporaryDirectory("gzipboundary")
    defer { folder.remove() }
    let path = try folder.write("p.jsonl.gz", try gzip(Array((lines + last).utf8)))
    let records = readAll([path])
    #expect(records.count == 14_001)
    #expect(records.allSatisfy { if case .posting = $0 { true } else { false } })
  }

  @Test func hiddenDirectoriesAndBadCSVHeaders() throws {
    let folder = try TemporaryDirectory("hidden")
    defer { folder.remove() }
    try folder.write(".git/config", "x")
    try folder.write("ok.txt", "Clerk\nFile letters.")
    let bad = try folder.write("bad.csv", "id,\"title\"x,text\n1,Clerk,File\n")
    let reader = PostingInputs(paths: [folder.path], fields: PostingFields())
    var records: [InputRecord] = []
    while let record = reader.next() { records.append(record) }
    #expect(
      records == [
        .failure(
          id: nil, source: "\(bad):1",
          message: "header: text after the closing quote of field 2"),
        .posting(
          Posting(
            id: "ok.txt", title: "Clerk", text: "File letters.", source: folder.file("ok.txt"),
            isDerived: true)),
      ])
    #expect(reader.skippedFiles == ["\(folder.path)/.git: a hidden directory"])
  }

  @Test func corruptAndTruncatedGzipAreFailureRecords() throws {
    let folder = try TemporaryDirectory("badgzip")
    defer { folder.remove() }
    let jsonl = (1...2000).map { "{\"id\":\"\($0)\",\"title\":\"Typist number \($0)\"}\n" }.joined()
    let compressed = try gzip(Array(jsonl.utf8))
    var corrupt = compressed
    for offset in stride(from: 40, to: 60, by: 1) { corrupt[offset] ^= 0x5A }
    let corruptPath = try folder.write("corrupt.jsonl.gz", corrupt)
    let truncatedPath = try folder.write(
      "truncated.jsonl.gz", Array(compressed[..<(compressed.count / 2)]))
    let good = try folder.write("good.jsonl", "{\"id\":\"after\",\"title\":\"Clerk\"}\n")

    let records = readAll([corruptPath, good])
    guard case .failure(_, let source, let message) = records.last(where: { $0.id != "after" })
    else {
      Issue.record("no failure record for the corrupt file")
      return
    }
    #expect(source.hasPrefix(corruptPath + ":"))
    #expect(message.hasPrefix("cannot read '\(corruptPath)': corrupt gzip data"))
    #expect(records.last?.id == "after")

    let truncated = readAll([truncatedPath])
    #expect(truncated.count > 1)
    #expect(
      truncated.last
        == .failure(
          id: nil, source: "\(truncatedPath):\(truncated.count)",
          message: "cannot read '\(truncatedPath)': corrupt gzip data: truncated stream")
        || truncated.last?.id == nil)
  }

  @Test func directoriesOfTextHTMLAndJSONFiles() throws {
    let folder = try TemporaryDirectory("dir")
    defer { folder.remove() }
    try folder.write("b.txt", "Virtual Assistant\r\nAnswer emails.\nBook travel.\n")
    try folder.write(
      "a/one.json", "{\"id\": \"ignored\", \"title\": \"Bookkeeper\", \"text\": \"Books\"}")
    try folder.write(
      "c.html",
      "<html><head><title>Office clerk</title><script>x()</script></head><body><ul><li>File &amp; sort</li></ul></body></html>"
    )
    try folder.write("d.txt.gz", try gzip(Array("Only one line of text".utf8)))
    try folder.write("e.pdf", "%PDF")
    try folder.write("f.json", "[1]")
    try folder.write("g/rows.csv", "title,text\nTypist,Type\n")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("h.txt"), withDestinationPath: folder.file("missing.txt"))

    let reader = PostingInputs(paths: [folder.path], fields: PostingFields())
    var records: [InputRecord] = []
    while let record = reader.next() { records.append(record) }
    let root = folder.path
    #expect(
      records == [
        .posting(
          Posting(
            id: "a/one.json", title: "Bookkeeper", text: "Books", source: "\(root)/a/one.json")),
        .posting(
          Posting(
            id: "b.txt", title: "Virtual Assistant", text: "Answer emails.\nBook travel.\n",
            source: "\(root)/b.txt", isDerived: true)),
        .posting(
          Posting(
            id: "c.html", title: "Office clerk", text: "• File & sort", source: "\(root)/c.html",
            isDerived: true)),
        .posting(
          Posting(
            id: "d.txt.gz", title: "", text: "Only one line of text", source: "\(root)/d.txt.gz")),
        .failure(
          id: "f.json", source: "\(root)/f.json", message: "expected a JSON object, found array"),
        .posting(
          Posting(
            id: "\(root)/g/rows.csv:2", title: "Typist", text: "Type",
            source: "\(root)/g/rows.csv:2")),
        .failure(
          id: "h.txt", source: "\(root)/h.txt", message: "cannot read '\(root)/h.txt': no such file"
        ),
      ])
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("linked"), withDestinationPath: folder.file("a"))
    let again = PostingInputs(paths: [folder.path], fields: PostingFields())
    while again.next() != nil {}
    #expect(
      again.skippedFiles == [
        "\(root)/e.pdf: not a posting file (.txt, .html, .json, .jsonl, .csv, .tsv)",
        "\(root)/linked: a link to a directory (not followed)",
      ])
  }

  @Test func missingInputIsAFailureAndTheRunGoesOn() throws {
    let folder = try TemporaryDirectory("missing")
    defer { folder.remove() }
    let good = try folder.write("p.jsonl", "{\"id\":\"x\",\"title\":\"Clerk\"}\n")
    let records = readAll(["/no/such.jsonl", good])
    #expect(
      records == [
        .failure(
          id: nil, source: "/no/such.jsonl", message: "cannot read '/no/such.jsonl': no such file"),
        .posting(Posting(id: "x", title: "Clerk", text: "", source: "\(good):1")),
      ])
  }

  @Test func aTenMegabytePostingIsOneRecord() throws {
    let text = String(repeating: "Answer the phone and file the letters. ", count: 270_000)
    let line = "{\"id\":\"big\",\"title\":\"Clerk\",\"text\":\"\(text)\"}\n"
    let reader = JSONLPostingReader(lines: LineReader(bytes: Array(line.utf8)), name: "big.jsonl")
    guard case .posting(let posting) = reader.next() else {
      Issue.record("the big posting was not read")
      return
    }
    #expect(posting.text.utf8.count == text.utf8.count)
    #expect(posting.text.utf8.count > 10_000_000)
    #expect(reader.next() == nil)
  }
}
