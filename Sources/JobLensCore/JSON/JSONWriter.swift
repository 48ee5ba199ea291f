/// Writes JSON text with keys in the order given and numbers in a fixed format, so that the
/// same values always give the same bytes.
public struct JSONWriter: Sendable {
  /// The JSON written so far.
  public private(set) var text = ""
  /// Per open container: whether a value has been written in it (a comma is due).
  private var needsComma: [Bool] = []
  private var afterKey = false

  /// Starts an empty writer.
  public init() {}

  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    if let last = needsComma.last {
      if last { text.append(",") }
      needsComma[needsComma.count - 1] = true
    }
  }

  /// Opens an object.
  public mutating func beginObject() {
    separate()
    text.append("{")
    needsComma.append(false)
  }

  /// Closes the innermost object.
  public mutating func endObject() {
    needsComma.removeLast()
    text.append("}")
  }

  /// Opens an array.
  public mutating func beginArray() {
    separate()
    text.append("[")
    needsComma.append(false)
  }

  /// Closes the innermost array.
  public mutating func endArray() {
    needsComma.removeLast()
    text.append("]")
  }

  /// Writes an object key; the next value belongs to it.
  public mutating func key(_ name: String) {
    separate()
    JSONWriter.appendQuoted(name, to: &text)
    text.append(":")
    afterKey = true
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    separate()
    JSONWriter.appendQuoted(value, to: &text)
  }

  /// Writes an integer value.
  public mutating func number(_ value: Int) {
    separate()
    text.append(String(value))
  }

  /// Writes a number rounded to `decimals` places, without trailing zeros ("0.25", "3").
  public mutating func number(_ value: Double, decimals: Int = 4) {
    separate()
    text.append(JSONWriter.format(value, decimals: decimals))
  }

  /// Writes a Boolean value.
  public mutating func bool(_ value: Bool) {
    separate()
    text.append(value ? "true" : "false")
  }

  /// Writes null.
  public mutating func null() {
    separate()
    text.append("null")
  }

  /// Writes `"name": value` for a string.
  public mutating func field(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes `"name": value` for an integer.
  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    number(value)
  }

  /// Writes `"name": value` for a number with `decimals` places.
  public mutating func field(_ name: String, _ value: Double, decimals: Int = 4) {
    key(name)
    number(value, decimals: decimals)
  }

  /// Writes `"name": value` for a Boolean.
  public mutating func field(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// Writes `"name": value`, or `"name": null` for nil.
  public mutating func field(_ name: String, _ value: String?) {
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
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 9e15 else { return String(value) }
    let integer = Int64(scaled)
    let negative = integer < 0
    let magnitude = negative ? -integer : integer
    let whole = magnitude / Int64(scale)
    var fraction = String(magnitude % Int64(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = negative ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
  public static func appendQuoted(_ value: String, to text: inout String) {
    text.append("\"")
    var plainStart = value.utf8.startIndex
    var index = plainStart
    let utf8 = value.utf8
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        text.append(contentsOf: value[plainStart..<index])
        switch byte {
        case UInt8(ascii: "\""): text.append("\\\"")
        case UInt8(ascii: "\\"): text.append("\\\\")
        case 0x0A: text.append("\\n")
        case 0x0D: text.append("\\r")
        case 0x09: text.append("\\t")
        default:
          let hex = Array("0123456789abcdef")
          text.append("\\u00")
          text.append(hex[Int(byte >> 4)])
          text.append(hex[Int(byte & 0x0F)])
        }
        plainStart = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    text.append(contentsOf: value[plainStart..<utf8.endIndex])
    text.append("\"")
  }
}
