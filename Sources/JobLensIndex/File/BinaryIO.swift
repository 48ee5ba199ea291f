/// Appends little-endian values and arrays to a byte buffer.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func write(_ value: UInt8) { bytes.append(value) }

  mutating func write(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ value: Float) { write(value.bitPattern) }

  /// A length-prefixed UTF-8 string.
  mutating func write(_ value: String) {
    let utf8 = Array(value.utf8)
    write(UInt32(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  /// A count-prefixed array of fixed-size values, written as raw little-endian memory.
  mutating func write<Element: FixedWidthInteger>(array: [Element]) {
    write(UInt64(array.count))
    for value in array {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
  }

  /// A count-prefixed array of floats.
  mutating func write(array: [Float]) { write(array: array.map(\.bitPattern)) }

  /// Raw bytes with a length prefix.
  mutating func write(blob: [UInt8]) {
    write(UInt64(blob.count))
    bytes.append(contentsOf: blob)
  }

  /// Appends raw bytes.
  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what ``BinaryWriter`` wrote, checking every read against the end of the data.
struct BinaryReader {
  let bytes: UnsafeRawBufferPointer
  private(set) var offset: Int
  let end: Int

  /// Thrown when a read would pass the end of the data.
  struct OutOfBounds: Error {
    let offset: Int
  }

  init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, end: Int? = nil) {
    self.bytes = bytes
    self.offset = offset
    self.end = end ?? bytes.count
  }

  var isAtEnd: Bool { offset >= end }

  private mutating func take(_ count: Int) throws(OutOfBounds) -> Int {
    guard count >= 0, offset <= end - count else { throw OutOfBounds(offset: offset) }
    defer { offset += count }
    return offset
  }

  mutating func readUInt8() throws(OutOfBounds) -> UInt8 { bytes[try take(1)] }

  mutating func readUInt32() throws(OutOfBounds) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
  }

  mutating func readUInt64() throws(OutOfBounds) -> UInt64 {
    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
  }

  mutating func readFloat() throws(OutOfBounds) -> Float { Float(bitPattern: try readUInt32()) }

  mutating func readString() throws(OutOfBounds) -> String {
    let count = Int(try readUInt32())
    let start = try take(count)
    return String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)]), as: UTF8.self)
  }

  /// Reads a count-prefixed array written by ``BinaryWriter/write(array:)``.
  mutating func readArray<Element: FixedWidthInteger>(
    of _: Element.Type
  ) throws(OutOfBounds)
    -> [Element]
  {
    let count = try readUInt64()
    guard count <= UInt64(end - offset) / UInt64(MemoryLayout<Element>.size) else {
      throw OutOfBounds(offset: offset)
    }
    let size = Int(count) * MemoryLayout<Element>.size
    let start = try take(size)
    return [Element](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
      let target = UnsafeMutableRawBufferPointer(buffer)
      target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + size)]))
      if Element.self != UInt8.self && UInt32(littleEndian: 1) != 1 {
        for index in 0..<Int(count) { buffer[index] = Element(littleEndian: buffer[index]) }
      }
      initialized = Int(count)
    }
  }

  /// Reads a count-prefixed array of records of `stride` bytes each, each made by `make` from
  /// the bytes at an offset (read with ``loadLittleEndian(_:at:)``), without an array per field.
  mutating func readRecords<Element>(
    stride: Int, _ make: (UnsafeRawBufferPointer, Int) -> Element
  ) throws(OutOfBounds) -> ContiguousArray<Element> {
    let count = try readUInt64()
    guard stride > 0, count <= UInt64(end - offset) / UInt64(stride) else {
      throw OutOfBounds(offset: offset)
    }
    let start = try take(Int(count) * stride)
    return ContiguousArray(unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
      for index in 0..<Int(count) {
        (buffer.baseAddress! + index).initialize(to: make(bytes, start + index * stride))
      }
      initialized = Int(count)
    }
  }

  /// Reads a count-prefixed array of floats (written as their bit patterns), copied once.
  mutating func readFloatArray() throws(OutOfBounds) -> [Float] {
    let count = try readUInt64()
    guard count <= UInt64(end - offset) / 4 else { throw OutOfBounds(offset: offset) }
    let start = try take(Int(count) * 4)
    return [Float](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + Int(count) * 4)]))
      if UInt32(littleEndian: 1) != 1 {
        for index in 0..<Int(count) {
          buffer[index] = Float(bitPattern: UInt32(littleEndian: buffer[index].bitPattern))
        }
      }
      initialized = Int(count)
    }
  }

  mutating func readBlob() throws(OutOfBounds) -> [UInt8] { try readArray(of: UInt8.self) }
}

extension UnsafeRawBufferPointer {
  /// The little-endian integer at a byte offset (any alignment).
  @inline(__always) func loadLittleEndian<Value: FixedWidthInteger>(
    _: Value.Type, at offset: Int
  ) -> Value {
    Value(littleEndian: loadUnaligned(fromByteOffset: offset, as: Value.self))
  }
}

/// Compressed sparse rows: for row `r`, the values `values[starts[r]..<starts[r + 1]]`.
package struct CSR<Value: Sendable>: Sendable {
  var starts: [UInt32]
  package var values: [Value]

  init(starts: [UInt32], values: [Value]) {
    self.starts = starts
    self.values = values
  }

  /// Builds rows from (row, value) pairs, keeping the pairs' order within each row.
  init(rows: Int, pairs: [(Int, Value)]) {
    var counts = [UInt32](repeating: 0, count: rows + 1)
    for (row, _) in pairs { counts[row + 1] += 1 }
    for row in 0..<rows { counts[row + 1] += counts[row] }
    starts = counts
    var next = counts
    var slots = [Value?](repeating: nil, count: pairs.count)
    for (row, value) in pairs {
      slots[Int(next[row])] = value
      next[row] += 1
    }
    values = slots.map { $0! }
  }

  var rowCount: Int { starts.count - 1 }

  /// The range of a row in ``values``.
  /// - Complexity: O(1).
  package func range(_ row: Int) -> Range<Int> { Int(starts[row])..<Int(starts[row + 1]) }

  /// The values of a row.
  package subscript(row: Int) -> ArraySlice<Value> { values[range(row)] }

  /// Whether the offsets are consistent with the values.
  var isValid: Bool {
    guard let first = starts.first, first == 0, Int(starts.last ?? 0) == values.count else {
      return false
    }
    for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
    return true
  }
}

/// Interned strings in one UTF-8 blob.
struct StringTable: Sendable {
  private(set) var blob: [UInt8] = []
  /// Offsets into ``blob``; string `i` is `blob[offsets[i]..<offsets[i + 1]]`.
  private(set) var offsets: [UInt32] = [0]

  var count: Int { offsets.count - 1 }

  init() {}

  init(blob: [UInt8], offsets: [UInt32]) {
    self.blob = blob
    self.offsets = offsets
  }

  /// Appends a string, returning its ID.
  mutating func append(_ string: String) -> UInt32 {
    blob.append(contentsOf: string.utf8)
    offsets.append(UInt32(blob.count))
    return UInt32(count - 1)
  }

  /// The string with an ID.
  subscript(id: UInt32) -> String {
    let start = Int(offsets[Int(id)])
    let end = Int(offsets[Int(id) + 1])
    return String(decoding: blob[start..<end], as: UTF8.self)
  }

  /// Whether the offsets are in order and inside the blob.
  var isValid: Bool {
    guard offsets.first == 0, Int(offsets.last ?? 0) <= blob.count else { return false }
    for index in 1..<offsets.count where offsets[index] < offsets[index - 1] { return false }
    return true
  }
}

/// Interns strings while building, so that repeated strings are stored once.
struct StringInterner {
  private(set) var table = StringTable()
  private var ids: [String: UInt32] = [:]

  mutating func id(_ string: String) -> UInt32 {
    if let known = ids[string] { return known }
    let id = table.append(string)
    ids[string] = id
    return id
  }
}
