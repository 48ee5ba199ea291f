import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensBatch
@testable import JobLensCore
@testable import JobLensInput
@testable import JobLensRender

/// Runs records through a runner, collecting results.
func runBatch(
  _ runner: BatchRunner, _ records: [InputRecord]
) throws -> (
  [BatchResult], BatchCounts
) {
  var pending = records.reversed() as [InputRecord]
  var results: [BatchResult] = []
  let counts = try runner.run(next: { pending.popLast() }, emit: { results.append($0) })
  return (results, counts)
}

/// The JSONL text of results.
func jsonl(_ results: [BatchResult]) -> String {
  results.map { result in
    switch result {
    case .analysis(let analysis, _): AnalysisJSON.line(analysis)
    case .failure(let id, let source, let message):
      AnalysisJSON.errorLine(id: id, error: message, source: source)
    }
  }.joined()
}

@Suite("Batch runs and outputs", .needsShared("corpus_dev.jsonl"))
struct BatchOutputTests {
  static let samples = readAll([Fixtures.projectFile("Data/samples/va-postings.jsonl").path])

  /// The first postings of the shared development corpus, with a bad line in the middle.
  static let corpus: [InputRecord] = {
    var records = readAll(
      [Fixtures.sharedFile("corpus_dev.jsonl").path],
      fields: PostingFields(text: "description"))
    records = Array(records.prefix(60))
    records.insert(.failure(id: "bad", source: "x:1", message: "broken"), at: 30)
    return records
  }()

  /// Many one-record batches on four workers, again and again: every run ends and emits every
  /// record in input order. (A batch that finished between the check for it and the wait for
  /// the next one was once missed, and the run hung.)
  @Test(.timeLimit(.minutes(2))) func manySmallBatchesAlwaysFinish() throws {
    let index = try SharedIndex.v111
    let records = (0..<24).map {
      InputRecord.posting(Posting(id: "p\($0)", title: "Assistant", text: "Answer the phones."))
    }
    for _ in 0..<40 {
      let runner = BatchRunner(index: index, jobs: 4)
      runner.batchSize = 1
      let (results, counts) = try runBatch(runner, records)
      #expect(counts.analysed == 24)
      #expect(
        results.map { result -> String? in
          if case .analysis(let analysis, _) = result { return analysis.id }
          return nil
        } == records.map(\.id))
    }
  }

  @Test func outputIsIdenticalForAnyNumberOfThreads() throws {
    let index = try SharedIndex.v111
    let outputs = try [1, 2, 4].map { jobs in
      let runner = BatchRunner(index: index, jobs: jobs)
      runner.batchSize = 3
      let (results, counts) = try runBatch(runner, Self.corpus)
      #expect(counts.read == 61 && counts.analysed == 60 && counts.failed == 1)
      return jsonl(results)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
    #expect(outputs[0].split(separator: "\n").count == 61)
  }

  /// Rendered on the workers into reused byte buffers, the lines are those of
  /// ``AnalysisJSON/line(_:options:source:)`` and ``AnalysisJSON/errorLine(id:error:source:)``,
  /// for any number of threads, lean or not.
  @Test(arguments: [AnalysisJSON.Options(), .lean])
  func renderedBytesAreTheLinesForAnyNumberOfThreads(options: AnalysisJSON.Options) throws {
    let index = try SharedIndex.v111
    for jobs in [1, 2] {
      let runner = BatchRunner(index: index, jobs: jobs)
      runner.batchSize = 3
      var pending = Self.corpus.reversed() as [InputRecord]
      var bytes: [UInt8] = []
      var expected = ""
      let counts = try runner.run(
        next: { pending.popLast() },
        render: { result, writer in AnalysisJSON.appendLine(result, options: options, to: &writer)
        },
        emit: { result, line in
          bytes.append(contentsOf: line)
          switch result {
          case .analysis(let analysis, let source):
            expected += AnalysisJSON.line(analysis, options: options, source: source)
          case .failure(let id, let source, let message):
            expected += AnalysisJSON.errorLine(id: id, error: message, source: source)
          }
        })
      #expect(counts.read == 61 && counts.failed == 1)
      #expect(String(decoding: bytes, as: UTF8.self) == expected, "jobs \(jobs)")
    }
  }

  @Test func resumeSkipsWrittenRecordsAndChecksTheirIDs() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 2)
    let (full, _) = try runBatch(runner, Self.samples)
    let resumed = BatchRunner(index: try SharedIndex.v111, jobs: 2)
    resumed.alreadyWritten = Self.samples.prefix(5).map(\.id)
    let (rest, counts) = try runBatch(resumed, Self.samples)
    #expect(counts.skipped == 5 && counts.read == 8 && counts.analysed == 3)
    #expect(jsonl(rest) == jsonl(Array(full.suffix(3))))

    let longer = BatchRunner(index: try SharedIndex.v111, jobs: 1)
    longer.alreadyWritten = Self.samples.map(\.id) + ["va-009"]
    longer.outputName = "out.jsonl"
    #expect(throws: ResumeError.inputEnded(path: "out.jsonl", records: 8, written: 9)) {
      try runBatch(longer, Self.samples)
    }

    let wrong = BatchRunner(index: try SharedIndex.v111, jobs: 1)
    wrong.alreadyWritten = ["va-001", "other"]
    wrong.outputName = "out.jsonl"
    #expect(
      throws: ResumeError.inputMismatch(
        path: "out.jsonl", record: 2, written: "other", input: "va-002")
    ) { try runBatch(wrong, Self.samples) }
  }

  @Test func resumePointKeepsWholeLinesOnly() throws {
    let folder = try TemporaryDirectory("resume")
    defer { folder.remove() }
    let manifest = #"{"manifest":{"joblens":"x"}}"# + "\n"
    let text = manifest + #"{"id":"a","title":"T"}"# + "\n" + #"{"id":null,"error":"e"}"# + "\n"
    let path = try folder.write("out.jsonl", text + #"{"id":"c","ti"#)
    let point = try #require(try ResumePoint.read(path: path, manifestLine: manifest))
    #expect(point.ids == ["a", nil])
    #expect(point.failed == 1)
    #expect(point.completeLength == text.utf8.count)
    try point.truncate(path: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    #expect(
      throws: ResumeError.manifestMismatch(path: path, differences: ["joblens x, now (none)"])
    ) { try ResumePoint.read(path: path, manifestLine: #"{"manifest":{}}"# + "\n") }
    // A run killed before its manifest line was complete starts afresh.
    let early = try folder.write("early.jsonl", #"{"manif"#)
    #expect(try ResumePoint.read(path: early, manifestLine: manifest) == nil)
    #expect(try ResumePoint.read(path: folder.file("none.jsonl"), manifestLine: manifest) == nil)
  }

  @Test func duplicatesAreMarkedWithTheFirstID() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 2)
    runner.detector = NearDuplicateDetector()
    var records = Self.samples
    guard case .posting(var copy) = records[2] else { return }
    copy.id = "copy-of-3"
    copy.text = copy.text.uppercased()
    records.append(.posting(copy))
    let (results, counts) = try runBatch(runner, records)
    #expect(counts.duplicates == 1)
    guard case .analysis(let analysis, _) = results.last else {
      Issue.record("no analysis for the copy")
      return
    }
    #expect(analysis.duplicate == DuplicateMark(of: "va-003", isExact: true, similarity: 1))
    #expect(AnalysisJSON.line(analysis).contains(#""duplicate":{"of":"va-003","exact":true"#))
  }

  @Test func csvTablesKeyEveryRowByOrdinalAndID() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 1)
    let records =
      Self.samples + [
        .failure(id: "x", source: "in.jsonl:9", message: "bad, \"quoted\""),
        .posting(Posting(id: "empty", title: "", text: "", source: "in.jsonl:10")),
      ]
    let (results, _) = try runBatch(runner, records)
    for layout in AnalysisCSV.Layout.allCases {
      let text =
        AnalysisCSV.header(layout)
        + results.enumerated().map { AnalysisCSV.rows($1, layout, ordinal: $0 + 1) }.joined()
      let reader = CSVReader(bytes: Array(text.utf8))
      var rows: [[String]] = []
      while let record = try reader.next() { rows.append(record.fields) }
      let width = AnalysisCSV.columns(layout).count
      #expect(rows.allSatisfy { $0.count == width })
      #expect(rows[0].prefix(2) == ["ordinal", "id"])
      // Every row names its posting by ordinal and id, in input order.
      let ordinals = rows.dropFirst().map { Int($0[0]) ?? 0 }
      #expect(ordinals == ordinals.sorted() && ordinals.allSatisfy((1...records.count).contains))
      #expect(
        zip(ordinals, rows.dropFirst()).allSatisfy {
          records.indices.contains($0 - 1) && records[$0 - 1].id == $1[1]
        })
      let keys = rows.dropFirst().map { $0[1] }
      if layout == .postings {
        // One row per record, the failed one with its error.
        #expect(keys == records.map { $0.id ?? "" })
        #expect(
          rows.contains { $0[1] == "x" && $0[2] == "in.jsonl:9" && $0.last == "bad, \"quoted\"" })
      } else {
        // Items only: neither the failed record nor the empty posting has any.
        #expect(!keys.isEmpty && !keys.contains("x") && !keys.contains("empty"))
      }
    }
    #expect(
      AnalysisCSV.rows(results[8], .postings, ordinal: 9)
        == "9,x,in.jsonl:9" + String(repeating: ",", count: 22) + "\"bad, \"\"quoted\"\"\"\n")
    #expect(AnalysisCSV.rows(results[8], .skills, ordinal: 9).isEmpty)
  }

  @Test func sqliteHoldsWhatTheAnalysesSay() throws {
    let folder = try TemporaryDirectory("sqlite")
    defer { folder.remove() }
    let path = folder.file("out.db")
    let index = try SharedIndex.v111
    let manifest = RunManifest(index: index, options: [("format", "jsonl")])
    let (results, _) = try runBatch(BatchRunner(index: index, jobs: 2), Self.samples)
    do {
      let database = try AnalysisDatabase(path: path, manifest: manifest, resume: false)
      database.batchSize = 3
      for result in results { try database.add(result) }
      try database.finish()
    }
    let database = try SQLiteDatabase(path: path, create: false)
    let analyses = results.compactMap { result -> PostingAnalysis? in
      if case .analysis(let analysis, _) = result { return analysis }
      return nil
    }
    #expect(try database.rows("SELECT count(*) FROM postings") == [[.integer(8)]])
    let codes = try database.rows("SELECT id, isco_code FROM postings ORDER BY ordinal")
    #expect(codes == analyses.map { [.text($0.id), $0.isco.code.map(SQLiteValue.text) ?? .null] })
    let skills = try database.rows("SELECT count(*) FROM skills")
    #expect(skills == [[.integer(Int64(analyses.map(\.skills.count).reduce(0, +)))]])
    let first = analyses[0].skills[0]
    let evidence = try database.rows(
      "SELECT start, end, text FROM evidence WHERE ordinal = 1 AND kind = 'skill' AND code = ? LIMIT 1",
      [.text(first.uri)])
    #expect(
      evidence == [
        [
          .integer(Int64(first.evidence[0].start)), .integer(Int64(first.evidence[0].end)),
          .text(first.evidence[0].text),
        ]
      ])
    let indexes = try database.rows(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'occupations_isco'")
    #expect(indexes.count == 1)
    #expect(
      try database.rows("SELECT value FROM manifest WHERE key = 'index_checksum'")
        == [[.text(index.checksum)]])

    // A second run into the same file must resume (same manifest) or stop.
    #expect(throws: ResumeError.notEmpty(path: path)) {
      try AnalysisDatabase(path: path, manifest: manifest, resume: false)
    }
    let other = RunManifest(index: index, options: [("format", "csv")])
    #expect(throws: ResumeError.self) {
      try AnalysisDatabase(path: path, manifest: other, resume: true)
    }
    let resumed = try AnalysisDatabase(path: path, manifest: manifest, resume: true)
    #expect(try resumed.writtenIDs() == Self.samples.map(\.id))
  }

  @Test func sqliteErrorsNameTheProblem() throws {
    #expect(throws: SQLiteError.self) { try SQLiteDatabase(path: "/no/such/dir/x.db") }
    let database = try SQLiteDatabase(path: ":memory:")
    do {
      try database.execute("SELECT * FROM nowhere")
      Issue.record("no error")
    } catch let error as SQLiteError {
      #expect(error.message == "no such table: nowhere")
    }
  }
}
