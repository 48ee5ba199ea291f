/// Writes JSON as UTF-8 bytes into a reusable buffer, with keys in the order given and numbers in
/// a fixed format, so that the same values always give the same bytes.
///
/// Top-level values can follow one another (``newline()`` between them makes JSONL), and
/// ``removeAll()`` empties the buffer keeping its capacity, so that one writer serves a whole run.
public struct JSONWriter: Sendable {
  /// The JSON written so far.
  private var buffer = JSONBuffer()
  /// How many containers are open.
  private var depth = 0
  /// Per open container of the first 64 (bit `depth - 1`): whether a value has been written
  /// in it (a comma is due); ``deeperCommas`` for the containers beyond.
  private var commaBits: UInt64 = 0
  private var deeperCommas: [Bool] = []
  private var afterKey = false

  /// Starts an empty writer.
  public init() {}

  /// Starts an empty writer whose buffer holds `capacity` bytes before it grows.
  public init(capacity: Int) {
    buffer = JSONBuffer(capacity: capacity)
  }

  /// The JSON written so far, as UTF-8 (a copy: ``withBytes(_:)`` reads them in place).
  public var bytes: [UInt8] { buffer.array }

  /// How many bytes have been written.
  public var count: Int { buffer.count }

  /// Calls `body` with the bytes written so far (valid only inside `body`).
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try buffer.withBytes(body)
  }

  /// The JSON written so far, as a string (made from ``bytes``).
  public var text: String { buffer.withBytes { String(decoding: $0, as: UTF8.self) } }

  /// Empties the buffer, keeping its capacity; the writer starts afresh.
  public mutating func removeAll() {
    buffer.removeAll()
    depth = 0
    commaBits = 0
    deeperCommas.removeAll(keepingCapacity: true)
    afterKey = false
  }

  /// Appends a line feed (between top-level values: JSON Lines).
  public mutating func newline() {
    buffer.append(0x0A)
  }

  private mutating func separate() {
    if commaDue() { buffer.append(UInt8(ascii: ",")) }
  }

  /// Whether a comma goes before the value about to be written (recording that the innermost
  /// container then has a value).
  @inline(__always) private mutating func commaDue() -> Bool {
    if afterKey {
      afterKey = false
      return false
    }
    guard depth > 0 else { return false }
    guard depth <= 64 else {
      defer { deeperCommas[depth - 65] = true }
      return deeperCommas[depth - 65]
    }
    let bit: UInt64 = 1 << (depth - 1)
    defer { commaBits |= bit }
    return commaBits & bit != 0
  }

  /// Enters a container: no value in it yet.
  private mutating func open(_ bracket: UInt8) {
    separate()
    buffer.append(bracket)
    depth += 1
    if depth <= 64 {
      commaBits &= ~(1 << (depth - 1))
    } else {
      deeperCommas.append(false)
    }
  }

  /// Leaves the innermost container.
  private mutating func close(_ bracket: UInt8) {
    if depth > 64 { deeperCommas.removeLast() }
    depth -= 1
    buffer.append(bracket)
  }

  /// Opens an object.
  public mutating func beginObject() {
    open(UInt8(ascii: "{"))
  }

  /// Closes the innermost object.
  public mutating func endObject() {
    close(UInt8(ascii: "}"))
  }

  /// Opens an array.
  public mutating func beginArray() {
    open(UInt8(ascii: "["))
  }

  /// Closes the innermost array.
  public mutating func endArray() {
    close(UInt8(ascii: "]"))
  }

  /// Writes an object key; the next value belongs to it.
  @_disfavoredOverload
  public mutating func key(_ name: String) {
    separate()
    JSONWriter.appendQuoted(name, to: &buffer)
    buffer.append(UInt8(ascii: ":"))
    afterKey = true
  }

  /// Writes an object key written in the source, whose bytes are copied as they are (none
  /// needs escaping: checked in debug builds). A literal key takes this overload, the
  /// `String` one a key made at run time.
  public mutating func key(_ name: StaticString) {
    let comma = commaDue()
    if name.hasPointerRepresentation {
      appendKey(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), comma)
    } else {
      name.withUTF8Buffer { appendKey($0, comma) }
    }
    afterKey = true
  }

  /// Appends `,"name":` (the comma when due) with one check of the buffer's room.
  @inline(__always) private mutating func appendKey(
    _ name: UnsafeBufferPointer<UInt8>, _ comma: Bool
  ) {
    assert(!name.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a key that needs escaping")
    appendPlainQuoted(name, comma: comma, colon: true)
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    let comma = commaDue()
    var value = value
    value.withUTF8 { utf8 in
      guard !JSONWriter.mayNeedEscape(utf8) else {
        if comma { buffer.append(UInt8(ascii: ",")) }
        JSONWriter.appendQuoted(utf8: utf8, to: &buffer)
        return
      }
      // Most strings: no byte to escape.
      appendPlainQuoted(utf8, comma: comma, colon: false)
    }
  }

  /// Appends bytes that need no escaping in quotes, after a comma when `comma` and before a
  /// colon when `colon`, with one check of the buffer's room.
  @inline(__always) private mutating func appendPlainQuoted(
    _ bytes: UnsafeBufferPointer<UInt8>, comma: Bool, colon: Bool
  ) {
    let lead = comma ? 1 : 0
    buffer.append(count: lead + bytes.count + (colon ? 3 : 2)) { out in
      if comma { out.initialize(to: UInt8(ascii: ",")) }
      out[lead] = UInt8(ascii: "\"")
      if let start = bytes.baseAddress {
        (out + lead + 1).initialize(from: start, count: bytes.count)
      }
      out[lead + bytes.count + 1] = UInt8(ascii: "\"")
      if colon { out[lead + bytes.count + 2] = UInt8(ascii: ":") }
    }
  }

  /// Writes a string value already quoted and escaped (by ``appendQuoted(_:to:)-([UInt8])``),
  /// such as one kept from an earlier write.
  public mutating func quotedString(_ quoted: some Collection<UInt8>) {
    separate()
    if quoted.withContiguousStorageIfAvailable({ buffer.append(bytes: $0) }) == nil {
      for byte in quoted { buffer.append(byte) }
    }
  }

  /// Writes an integer value.
  public mutating func number(_ value: Int) {
    separate()
    JSONWriter.appendInteger(value, to: &buffer)
  }

  /// Writes a number rounded to `decimals` places, without trailing zeros ("0.25", "3").
  public mutating func number(_ value: Double, decimals: Int = 4) {
    separate()
    JSONWriter.appendNumber(value, decimals: decimals, to: &buffer)
  }

  /// Writes a Boolean value.
  public mutating func bool(_ value: Bool) {
    separate()
    if value {
      appendLiteral("true")
    } else {
      appendLiteral("false")
    }
  }

  /// Writes null.
  public mutating func null() {
    separate()
    appendLiteral("null")
  }

  private mutating func appendLiteral(_ literal: StaticString) {
    literal.withUTF8Buffer { buffer.append(bytes: $0) }
  }

  /// Writes `"name": value` for a string.
  @_disfavoredOverload
  public mutating func field(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes `"name": value` for an integer.
  @_disfavoredOverload
  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    number(value)
  }

  /// Writes `"name": value` for a number with `decimals` places.
  @_disfavoredOverload
  public mutating func field(_ name: String, _ value: Double, decimals: Int = 4) {
    key(name)
    number(value, decimals: decimals)
  }

  /// Writes `"name": value` for a Boolean.
  @_disfavoredOverload
  public mutating func field(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// Writes `"name": value`, or `"name": null` for nil.
  @_disfavoredOverload
  public mutating func field(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  /// Writes `"name": value` with a literal key for a string.
  public mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes `"name": value` with a literal key for an integer.
  public mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    number(value)
  }

  /// Writes `"name": value` with a literal key for a number with `decimals` places.
  public mutating func field(_ name: StaticString, _ value: Double, decimals: Int = 4) {
    key(name)
    number(value, decimals: decimals)
  }

  /// Writes `"name": value` with a literal key for a Boolean.
  public mutating func field(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// Writes `"name": value` with a literal key, or `"name": null` for nil.
  public mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  /// A camelCase name in snake_case ("wordModel" → "word_model"), the one naming style of
  /// JobLens's outputs; a name without capitals is returned as it is.
  public static func snakeCase(_ name: String) -> String {
    guard name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return name }
    var result = ""
    var previous: Character?
    for character in name {
      if character.isUppercase, let before = previous, before != "_", before != "." {
        result.append("_")
      }
      result += character.lowercased()
      previous = character
    }
    return result
  }

  /// Formats a number with at most `decimals` places, trimming trailing zeros; NaN and
  /// infinities (not valid JSON) become 0.
  public static func format(_ value: Double, decimals: Int) -> String {
    var bytes: [UInt8] = []
    appendNumber(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends a number rounded to `decimals` places, trimming trailing zeros (``format(_:decimals:)``),
  /// in integer arithmetic: the value is rounded once, to an integer count of 10^-decimals.
  public static func appendNumber(_ value: Double, decimals: Int, to bytes: inout some JSONByteSink)
  {
    guard value.isFinite else {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 9e15 else {
      for byte in String(value).utf8 { bytes.append(byte) }
      return
    }
    let integer = Int64(scaled)
    if integer < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = UInt64(integer.magnitude)
    let unit = UInt64(scale)
    appendDigits(magnitude / unit, to: &bytes)
    var fraction = magnitude % unit
    guard fraction != 0 else { return }
    // The fraction has `decimals` digits with leading zeros; its trailing zeros are dropped.
    var places = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      places -= 1
    }
    bytes.append(UInt8(ascii: "."))
    var width = 1
    var bound: UInt64 = 10
    while width < places && fraction >= bound {
      width += 1
      bound &*= 10
    }
    for _ in width..<places { bytes.append(UInt8(ascii: "0")) }
    appendDigits(fraction, to: &bytes)
  }

  /// Appends an integer in decimal, as `String(value)` writes it.
  public static func appendInteger(_ value: Int, to bytes: inout some JSONByteSink) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(UInt64(value.magnitude), to: &bytes)
  }

  /// Appends the decimal digits of `value` (no sign, no leading zeros; "0" for zero).
  private static func appendDigits(_ value: UInt64, to bytes: inout some JSONByteSink) {
    if value < 10 {
      bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for UInt64.max
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        count += 1
        buffer[24 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      }
      let start = buffer.baseAddress!.advanced(by: 24 - count).assumingMemoryBound(to: UInt8.self)
      bytes.append(bytes: UnsafeBufferPointer(start: start, count: count))
    }
  }

  /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
  public static func appendQuoted(_ value: String, to text: inout String) {
    var bytes: [UInt8] = []
    appendQuoted(value, to: &bytes)
    text.append(String(decoding: bytes, as: UTF8.self))
  }

  /// Appends a JSON string literal as UTF-8, escaping quotes, backslashes and control
  /// characters (as `\"`, `\\`, `\n`, `\r`, `\t`, or `\u00XX`); everything else, non-ASCII
  /// included, is copied as it is.
  /// - Complexity: O(n) in the UTF-8 length of `value`.
  public static func appendQuoted(_ value: String, to bytes: inout some JSONByteSink) {
    var value = value
    value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
  }

  /// Appends UTF-8 bytes as a JSON string literal (``appendQuoted(_:to:)-([UInt8])``).
  public static func appendQuoted(
    utf8 source: UnsafeBufferPointer<UInt8>, to bytes: inout some JSONByteSink
  ) {
    bytes.append(UInt8(ascii: "\""))
    var plainStart = 0
    var index = 0
    while index < source.count {
      // Eight bytes at a time where none needs escaping (most text); byte by byte otherwise.
      if index + 8 <= source.count,
        !mayNeedEscape(ByteWord.load(source, at: index))
      {
        index += 8
        continue
      }
      let end = min(index + 8, source.count)
      while index < end {
        appendEscape(source, at: index, plainStart: &plainStart, to: &bytes)
        index += 1
      }
    }
    bytes.append(bytes: UnsafeBufferPointer(rebasing: source[plainStart..<source.count]))
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether some byte of `source` needs escaping (a control character, `"` or a backslash).
  private static func mayNeedEscape(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index + 8 <= source.count {
      if mayNeedEscape(ByteWord.load(source, at: index)) { return true }
      index += 8
    }
    while index < source.count {
      let byte = source[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
      index += 1
    }
    return false
  }

  /// Whether a word of eight bytes may hold one that JSON escapes (a control character, `"` or
  /// a backslash): never false when one does. (The bytes that end a run of plain string bytes
  /// for ``JSONParser`` too.)
  @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
    ByteWord.hasByteBelow(word, 0x20) || ByteWord.contains(word, 0x22)
      || ByteWord.contains(word, 0x5C)
  }

  /// Appends the escape of `source[index]` if it needs one (with the plain bytes before it,
  /// from `plainStart`, which moves past it).
  @inline(__always) private static func appendEscape(
    _ source: UnsafeBufferPointer<UInt8>, at index: Int, plainStart: inout Int,
    to bytes: inout some JSONByteSink
  ) {
    let byte = source[index]
    guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
      return
    }
    bytes.append(bytes: UnsafeBufferPointer(rebasing: source[plainStart..<index]))
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex: StaticString = "0123456789abcdef"
      bytes.append(UInt8(ascii: "u"))
      bytes.append(UInt8(ascii: "0"))
      bytes.append(UInt8(ascii: "0"))
      hex.withUTF8Buffer { digits in
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      }
    }
    plainStart = index + 1
  }
}
