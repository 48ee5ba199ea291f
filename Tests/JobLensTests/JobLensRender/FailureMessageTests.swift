import Foundation
import Testing

@testable import JobLens

@Suite("Failure messages that name their file and cause")
struct FailureMessageTests {
  @Test func anInconsistentIndexNamesItsFile() throws {
    var bytes = SharedIndex.v111.encoded()
    // A body whose first section tag is wrong, with a checksum that matches it.
    bytes[IndexFile.headerSize] ^= 0xFF
    let checksum = XXHash64.hash(Array(bytes[IndexFile.headerSize...]))
    withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
    #expect(throws: IndexError.corrupt(path: "bad.jlidx", detail: "section metadata missing")) {
      try IndexFile.decode(bytes, path: "bad.jlidx")
    }
  }

  @Test func anIndexThatCannotBeWrittenSaysWriteAndWhy() {
    #expect(
      IndexError.unwritable(path: "/ro/esco.jlidx", reason: "permission denied").description
        == "cannot write index '/ro/esco.jlidx': permission denied")
    // Not even root may create a file in /sys.
    #expect(throws: IndexError.self) { try SharedIndex.v111.write(to: "/sys/joblens.jlidx") }
    do {
      try SharedIndex.v111.write(to: "/sys/joblens.jlidx")
    } catch {
      #expect("\(error)".hasPrefix("cannot write index '/sys/joblens.jlidx': "))
    }
  }

  @Test(arguments: [
    (ENOENT, "no such file"), (EACCES, "permission denied"), (EPERM, "permission denied"),
    (ELOOP, "a symbolic link loop (too many levels of links)"), (EISDIR, "is a directory"),
    (ENOSPC, "no space left on device"),
  ])
  func reasonsComeFromTheFailedCall(code: Int32, reason: String) {
    #expect(FileProbe.reason(errno: code) == reason)
  }

  @Test func aFullDatabaseNamesItsFile() throws {
    let folder = try TemporaryDirectory("sqlite-full")
    defer { folder.remove() }
    let path = folder.file("out.db")
    let database = try AnalysisDatabase(
      path: path, manifest: RunManifest(index: SharedIndex.v111, options: []), resume: false)
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
