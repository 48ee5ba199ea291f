import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensBatch
@testable import JobLensCore
@testable import JobLensInput
@testable import JobLensRender

/// The documented schema (`python/joblens/tables.json`, shipped with the Python package) and
/// the writers agree: same tables, columns, order and types in CSV, SQLite and JSONL.
@Suite("Table schema")
struct TableSchemaTests {
  /// The schema's tables: name → [(column, type)].
  static let schema: [String: [(String, String)]] = {
    let url = Fixtures.projectFile("python/joblens/tables.json")
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let value = try? JSONParser.parse(text), case .object(let tables)? = value["tables"]
    else { return [:] }
    var schema: [String: [(String, String)]] = [:]
    for (name, table) in tables {
      guard case .array(let columns)? = table["columns"] else { continue }
      schema[name] = columns.map {
        ($0["name"]?.stringValue ?? "", $0["type"]?.stringValue ?? "")
      }
    }
    return schema
  }()

  @Test(arguments: AnalysisTables.Table.allCases)
  func writersFollowTheSchema(table: AnalysisTables.Table) throws {
    let documented = try #require(Self.schema[table.rawValue])
    let columns = AnalysisTables.columns(table)
    #expect(columns.map(\.name) == documented.map(\.0))
    #expect(columns.map(\.type.rawValue) == documented.map(\.1))
    #expect(AnalysisCSV.header(table) == documented.map(\.0).joined(separator: ",") + "\n")
  }

  @Test func sqliteTablesHaveTheSchemasColumns() throws {
    let database = try SQLiteDatabase(path: ":memory:")
    try database.execute(AnalysisDatabase.schema)
    for table in AnalysisTables.Table.allCases {
      let rows = try database.rows("PRAGMA table_info(\(table.rawValue))")
      let names = rows.map { row -> String in
        if case .text(let name) = row[1] { return name }
        return ""
      }
      #expect(names == Self.schema[table.rawValue]?.map(\.0))
    }
  }

  @Test func namesAreSnakeCase() {
    #expect(JSONWriter.snakeCase("wordModel") == "word_model")
    #expect(JSONWriter.snakeCase("skillThreshold") == "skill_threshold")
    #expect(JSONWriter.snakeCase("isco_code") == "isco_code")
    #expect(JSONWriter.snakeCase("option.idField") == "option.id_field")
    for (_, columns) in Self.schema {
      for (name, _) in columns { #expect(JSONWriter.snakeCase(name) == name) }
    }
  }

  @Test(.needsESCO) func jsonlKeysAreDocumentedAndLeanLeavesTextsOut() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 1)
    let records = readAll([Fixtures.projectFile("Data/samples/va-postings.jsonl").path])
    let (results, _) = try runBatch(runner, records)
    let documented = Set(Self.schema["analyses"]?.map(\.0) ?? [])
    for case .analysis(let analysis, _) in results {
      for options in [AnalysisJSON.Options(), .lean] {
        let line = AnalysisJSON.line(analysis, options: options)
        guard case .object(let members) = try JSONParser.parse(line) else {
          Issue.record("not an object")
          continue
        }
        #expect(Set(members.map(\.0)).isSubset(of: documented))
        if options.contains(.lean) {
          #expect(!line.contains(#""text":"#) && !line.contains(#""skill":"#))
          #expect(members.first { $0.0 == "boilerplate" } == nil)
          #expect(line.utf8.count < AnalysisJSON.line(analysis).utf8.count)
          #expect(line.contains(#""phrase_count":"#))
        }
      }
      // Lean tables keep the rows and offsets but not the texts.
      let full = AnalysisTables.rows(.analysis(analysis, source: "x"), ordinal: 1, table: .evidence)
      let lean = AnalysisTables.rows(
        .analysis(analysis, source: "x"), ordinal: 1, table: .evidence, lean: true)
      #expect(lean.count == full.filter { $0[2] != .text("mix") }.count)
      #expect(lean.allSatisfy { $0[7] == .null && $0[8] == .null })
    }
  }

  @Test(.needsESCO) func theTableStreamCarriesTheCSVTables() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 1)
    let records =
      readAll([Fixtures.projectFile("Data/samples/va-postings.jsonl").path])
      + [.failure(id: "bad", source: "x:9", message: "broken")]
    let (results, _) = try runBatch(runner, records)
    var stream = AnalysisTableStream()
    stream.batchSize = 3
    var text = ""
    for (offset, result) in results.enumerated() {
      text += stream.add(result, ordinal: offset + 1)
    }
    text += stream.flush()
    #expect(stream.flush().isEmpty)
    // Blocks: "@TABLE ROWS BYTES\n" and the bytes; per table, the rows equal the CSV's.
    var bytes = Array(text.utf8)[...]
    var tables: [String: (rows: Int, text: String)] = [:]
    var blocks = 0
    while let newline = bytes.firstIndex(of: 0x0A) {
      let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self)
        .split(separator: " ")
      try #require(header.count == 3 && header[0].hasPrefix("@"))
      let size = Int(header[2]) ?? -1
      let body = bytes[(newline + 1)..<(newline + 1 + size)]
      let name = String(header[0].dropFirst())
      tables[name, default: (0, "")].rows += Int(header[1]) ?? -1
      tables[name, default: (0, "")].text += String(decoding: body, as: UTF8.self)
      bytes = bytes[(newline + 1 + size)...]
      blocks += 1
    }
    #expect(bytes.isEmpty)
    #expect(blocks == 3 * AnalysisTables.Table.allCases.count)  // 9 records in batches of 3
    for table in AnalysisTables.Table.allCases {
      let csv = results.enumerated().map { AnalysisCSV.rows($1, table, ordinal: $0 + 1) }
      #expect(tables[table.rawValue]?.text == csv.joined())
      let rows = results.enumerated().map {
        AnalysisTables.rows($1, ordinal: $0 + 1, table: table).count
      }
      #expect(tables[table.rawValue]?.rows == rows.reduce(0, +))
    }
    #expect(tables["postings"]?.rows == 9)
    // The stream names the columns first, so that a reader needs no schema of its own.
    let columns = AnalysisTableStream.columnsBlock.split(separator: "\n").map(String.init)
    #expect(columns[0].hasPrefix("@columns 6 "))
    #expect(
      Array(columns.dropFirst())
        == AnalysisTables.Table.allCases.map {
          ([$0.rawValue] + AnalysisTables.columns($0).map(\.name)).joined(separator: ",")
        })
  }

  @Test func gzipOutputDecodesToWhatWasWritten() throws {
    let text = (0..<5_000).map { "{\"id\":\"\($0)\",\"text\":\"line \($0)\"}\n" }.joined()
    let encoder = GzipEncoder()
    var compressed: [UInt8] = []
    let bytes = Array(text.utf8)
    // In pieces, as the output buffer flushes them.
    for start in stride(from: 0, to: bytes.count, by: 30_000) {
      let piece = bytes[start..<min(start + 30_000, bytes.count)]
      try piece.withUnsafeBytes { try encoder.compress($0) { compressed += $0 } }
    }
    try encoder.finish { compressed += $0 }
    #expect(compressed.starts(with: [0x1F, 0x8B]))
    #expect(compressed.count < bytes.count / 4)
    #expect(try ByteStream(bytes: compressed, name: "x.gz").readAll() == bytes)
  }
}
