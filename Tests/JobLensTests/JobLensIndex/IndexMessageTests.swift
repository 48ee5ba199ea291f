import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensIndex

@Suite("Index files: messages that name the file and the cause", .needsESCO)
struct IndexMessageTests {
  @Test func anInconsistentIndexNamesItsFile() throws {
    var bytes = try SharedIndex.v111.encoded()
    // A body whose first section tag is wrong, with a checksum that matches it.
    bytes[IndexFile.headerSize] ^= 0xFF
    let checksum = XXHash64.hash(Array(bytes[IndexFile.headerSize...]))
    withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
    #expect(throws: IndexError.corrupt(path: "bad.jlidx", detail: "section metadata missing")) {
      try IndexFile.decode(bytes, path: "bad.jlidx")
    }
  }

  @Test func anIndexThatCannotBeWrittenSaysWriteAndWhy() throws {
    #expect(
      IndexError.unwritable(path: "/ro/esco.jlidx", reason: "permission denied").description
        == "cannot write index '/ro/esco.jlidx': permission denied")
    // Not even root may create a file in /sys.
    let index = try SharedIndex.v111
    #expect {
      try index.write(to: "/sys/joblens.jlidx")
    } throws: { error in
      "\(error)".hasPrefix("cannot write index '/sys/joblens.jlidx': ")
    }
  }
}
