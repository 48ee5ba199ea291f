import Foundation
import Testing

@testable import JobLensBatch
@testable import JobLensRender

@Suite("SQLite output: messages that name the file", .needsESCO)
struct SQLiteMessageTests {
  @Test func aFullDatabaseNamesItsFile() throws {
    let folder = try TemporaryDirectory("sqlite-full")
    defer { folder.remove() }
    let path = folder.file("out.db")
    let database = try AnalysisDatabase(
      path: path, manifest: RunManifest(index: try SharedIndex.v111, options: []), resume: false)
    database.batchSize = 1
    // No more pages than it has: the next record does not fit, as on a full disk.
    let pages = try #require(database.rows("PRAGMA page_count").first?.first?.text)
    _ = try database.rows("PRAGMA max_page_count = \(pages)")
    let failure = BatchResult.failure(
      id: "x", source: "in:1", message: String(repeating: "long message ", count: 2000))
    #expect {
      for _ in 0..<20 { try database.add(failure) }
    } throws: { error in
      "\(error)" == "sqlite: '\(path)': database or disk is full (code 13)"
    }
  }
}
