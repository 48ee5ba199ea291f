import Testing

@testable import JobLensIndex

/// The index file's readers: floats copied once, records made in one pass, and reads past the
/// end refused.
@Suite("Binary reading")
struct BinaryIOTests {
  @Test(arguments: [[], [0, 1.5, -2.25, .infinity, .leastNonzeroMagnitude]] as [[Float]])
  func floatArraysRoundTrip(values: [Float]) throws {
    var writer = BinaryWriter()
    writer.write(array: values)
    try writer.bytes.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      let read = try reader.readFloatArray()
      #expect(read.map(\.bitPattern) == values.map(\.bitPattern))
      #expect(reader.isAtEnd)
    }
  }

  @Test func recordsAreReadInOnePass() throws {
    var writer = BinaryWriter()
    writer.write(UInt64(3))
    for index in 0..<3 {
      writer.write(UInt32(index))
      writer.write(UInt64(index) << 40)
    }
    try writer.bytes.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      let records = try reader.readRecords(stride: 12) { bytes, at in
        (
          bytes.loadLittleEndian(UInt32.self, at: at),
          bytes.loadLittleEndian(UInt64.self, at: at + 4)
        )
      }
      #expect(records.map(\.0) == [0, 1, 2])
      #expect(records.map(\.1) == [0, 1 << 40, 2 << 40])
      #expect(reader.isAtEnd)
    }
  }

  /// A count larger than the bytes left is refused before anything is allocated.
  @Test func countsPastTheEndAreRefused() throws {
    var writer = BinaryWriter()
    writer.write(UInt64(1_000_000))
    writer.write(UInt32(7))
    writer.bytes.withUnsafeBytes { raw in
      var floats = BinaryReader(raw)
      #expect(throws: BinaryReader.OutOfBounds.self) { try floats.readFloatArray() }
      var records = BinaryReader(raw)
      #expect(throws: BinaryReader.OutOfBounds.self) {
        try records.readRecords(stride: 4) { bytes, at in
          bytes.loadLittleEndian(UInt32.self, at: at)
        }
      }
    }
  }
}
