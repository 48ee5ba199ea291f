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

  /// A count-prefixed array of fixed-size values, written as raw little-endian memory that
  /// starts at a multiple of the values' alignment (zeros between), so that a mapped file can
  /// be read in place (``BinaryReader/readFlat(of:)``).
  mutating func write<Values: Collection>(array: Values) where Values.Element: FixedWidthInteger {
    write(UInt64(array.count))
    pad(to: MemoryLayout<Values.Element>.alignment)
    for value in array {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
  }

  /// A count-prefixed array of floats.
  mutating func write<Values: Collection<Float>>(array: Values) {
    write(array: array.map(\.bitPattern))
  }

  /// Raw bytes with a length prefix.
  mutating func write<Values: Collection<UInt8>>(blob: Values) {
    write(UInt64(blob.count))
    bytes.append(contentsOf: blob)
  }

  /// Zeros up to a multiple of `alignment` bytes (from the start of these bytes).
  mutating func pad(to alignment: Int) {
    while bytes.count % alignment != 0 { bytes.append(0) }
  }

  /// Appends raw bytes.
  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Reads what ``BinaryWriter`` wrote, checking every read against the end of the data.
struct BinaryReader {
  let bytes: UnsafeRawBufferPointer
  private(set) var offset: Int
  let end: Int
  /// What keeps `bytes` valid when they are a file mapping that arrays may be read from in
  /// place (nil: arrays are copied).
  let owner: FlatArrayOwner?

  /// Thrown when a read would pass the end of the data.
  struct OutOfBounds: Error {
    let offset: Int
  }

  init(
    _ bytes: UnsafeRawBufferPointer, offset: Int = 0, end: Int? = nil,
    owner: FlatArrayOwner? = nil
  ) {
    self.bytes = bytes
    self.offset = offset
    self.end = end ?? bytes.count
    self.owner = owner
  }

  /// Skips the zeros that ``BinaryWriter/pad(to:)`` wrote.
  mutating func align(to alignment: Int) throws(OutOfBounds) {
    let remainder = offset % alignment
    if remainder != 0 { _ = try take(alignment - remainder) }
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
    try align(to: MemoryLayout<Element>.alignment)
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

  /// Reads a count-prefixed array of fixed-size values in place when the bytes are a mapped
  /// file on a little-endian machine and the values are aligned there, else as a copy.
  mutating func readFlat<Element: FixedWidthInteger>(
    of type: Element.Type
  ) throws(OutOfBounds) -> FlatArray<Element> {
    let saved = self
    let count = try readUInt64()
    try align(to: MemoryLayout<Element>.alignment)
    guard count <= UInt64(end - offset) / UInt64(MemoryLayout<Element>.size) else {
      throw OutOfBounds(offset: offset)
    }
    if let mapped = mapped(Element.self, count: Int(count), stride: MemoryLayout<Element>.size) {
      return mapped
    }
    self = saved
    return FlatArray(try readArray(of: type))
  }

  /// Reads a count-prefixed array of floats (written as their bit patterns) in place or as a
  /// copy, as ``readFlat(of:)``.
  mutating func readFlatFloats() throws(OutOfBounds) -> FlatArray<Float> {
    let saved = self
    let count = try readUInt64()
    try align(to: 4)
    guard count <= UInt64(end - offset) / 4 else { throw OutOfBounds(offset: offset) }
    if let mapped = mapped(Float.self, count: Int(count), stride: 4) { return mapped }
    self = saved
    return FlatArray(try readFloatArray())
  }

  /// Reads a count-prefixed array of records of `stride` bytes each (starting at a multiple of
  /// 8) in place when `stride` is the records' stride in memory and `inPlace` says their
  /// fields lie as in the file, else made one by one by `make` (as ``readRecords(stride:_:)``).
  mutating func readFlatRecords<Element>(
    stride: Int, inPlace: Bool, _ make: (UnsafeRawBufferPointer, Int) -> Element
  ) throws(OutOfBounds) -> FlatArray<Element> {
    let saved = self
    let count = try readUInt64()
    try align(to: 8)
    guard stride > 0, count <= UInt64(end - offset) / UInt64(stride) else {
      throw OutOfBounds(offset: offset)
    }
    if inPlace && stride == MemoryLayout<Element>.stride,
      let mapped = mapped(Element.self, count: Int(count), stride: stride)
    {
      return mapped
    }
    self = saved
    return FlatArray(Array(try readRecords(stride: stride, make)))
  }

  /// `count` values of `stride` bytes at the offset, in place, or nil when the bytes are not a
  /// mapping, the machine is big-endian or the values are not aligned.
  private mutating func mapped<Element>(
    _: Element.Type, count: Int, stride: Int
  ) -> FlatArray<Element>? {
    guard let owner, UInt32(littleEndian: 1) == 1, let base = bytes.baseAddress else { return nil }
    let start = base + offset
    guard Int(bitPattern: start) % MemoryLayout<Element>.alignment == 0 else { return nil }
    offset += count * stride
    let values = start.bindMemory(to: Element.self, capacity: count)
    return FlatArray(mapped: UnsafeBufferPointer(start: values, count: count), owner: owner)
  }

  /// Reads a count-prefixed array of records of `stride` bytes each (starting at a multiple of
  /// 8), each made by `make` from the bytes at an offset (read with ``loadLittleEndian(_:at:)``),
  /// without an array per field.
  mutating func readRecords<Element>(
    stride: Int, _ make: (UnsafeRawBufferPointer, Int) -> Element
  ) throws(OutOfBounds) -> ContiguousArray<Element> {
    let count = try readUInt64()
    try align(to: 8)
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
    try align(to: 4)
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
  @usableFromInline var starts: FlatArray<UInt32>
  package var values: FlatArray<Value>

  /// A row's values.
  package typealias Row = Slice<FlatArray<Value>>

  init(starts: [UInt32], values: [Value]) {
    self.starts = FlatArray(starts)
    self.values = FlatArray(values)
  }

  init(starts: FlatArray<UInt32>, values: FlatArray<Value>) {
    self.starts = starts
    self.values = values
  }

  /// Builds rows from (row, value) pairs, keeping the pairs' order within each row.
  init(rows: Int, pairs: [(Int, Value)]) {
    var counts = [UInt32](repeating: 0, count: rows + 1)
    for (row, _) in pairs { counts[row + 1] += 1 }
    for row in 0..<rows { counts[row + 1] += counts[row] }
    var next = counts
    var slots = [Value?](repeating: nil, count: pairs.count)
    for (row, value) in pairs {
      slots[Int(next[row])] = value
      next[row] += 1
    }
    self.init(starts: counts, values: slots.map { $0! })
  }

  var rowCount: Int { starts.count - 1 }

  /// The range of a row in ``values``.
  /// - Complexity: O(1).
  @inlinable package func range(_ row: Int) -> Range<Int> {
    Int(starts[row])..<Int(starts[row + 1])
  }

  /// The values of a row.
  /// - Complexity: O(1).
  @inlinable package subscript(row: Int) -> Row { values[range(row)] }

  /// Whether the offsets are consistent with the values.
  var isValid: Bool {
    guard let first = starts.first, first == 0, Int(starts.last ?? 0) == values.count else {
      return false
    }
    return starts.withUnsafeBufferPointer { starts in
      for index in 1..<starts.count where starts[index] < starts[index - 1] { return false }
      return true
    }
  }
}

/// Interned strings in one UTF-8 blob.
struct StringTable: Sendable {
  private(set) var blob: FlatArray<UInt8> = []
  /// Offsets into ``blob``; string `i` is `blob[offsets[i]..<offsets[i + 1]]`.
  private(set) var offsets: FlatArray<UInt32> = [0]

  var count: Int { offsets.count - 1 }

  init() {}

  init(blob: FlatArray<UInt8>, offsets: FlatArray<UInt32>) {
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
    return blob.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
  }

  /// Calls `body` with the UTF-8 bytes of the string with an ID, without making a String.
  func withBytes<Result>(
    _ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    let start = Int(offsets[Int(id)])
    let end = Int(offsets[Int(id) + 1])
    return try blob.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[start..<end]))
    }
  }

  /// Whether the offsets are in order and inside the blob.
  var isValid: Bool {
    guard offsets.first == 0, Int(offsets.last ?? 0) <= blob.count else { return false }
    return offsets.withUnsafeBufferPointer { offsets in
      for index in 1..<offsets.count where offsets[index] < offsets[index - 1] { return false }
      return true
    }
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
