/// A JSON syntax error with the byte column where it was found.
package struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
  /// 1-based byte column.
  package var column: Int
  /// What is wrong.
  package var problem: String

  public var description: String { "column \(column): \(problem)" }
}

/// Parses one JSON text (RFC 8259) from UTF-8 bytes, such as one line of a JSONL file.
package struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0

  /// Parses `bytes` as one JSON value (white space around it allowed).
  package static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>
  ) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    guard parser.position == bytes.count else { throw parser.error("text after the value") }
    return value
  }

  /// Parses one line of UTF-8 bytes as one JSON value (invalid UTF-8 replaced by U+FFFD first).
  package static func parse(line: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    try parseValid(UTF8Text(validating: line).bytes)
  }

  /// Parses a string as one JSON value.
  package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parseValid(Array(text.utf8))
  }

  private static func parseValid(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    do {
      return try bytes.withUnsafeBufferPointer { try parse($0) }
    } catch let error as JSONSyntaxError {
      throw error
    } catch {
      throw JSONSyntaxError(column: 1, problem: "unreadable")
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func error(_ problem: String) -> JSONSyntaxError {
    JSONSyntaxError(column: position + 1, problem: problem)
  }

  private mutating func skipSpace() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        position += 1
      } else {
        break
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    guard position < bytes.count else { throw error("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("unexpected character")
    }
  }

  private mutating func literal(
    _ word: String, _ value: JSONValue
  ) throws(JSONSyntaxError)
    -> JSONValue
  {
    for expected in word.utf8 {
      guard position < bytes.count, bytes[position] == expected else {
        throw error("invalid literal")
      }
      position += 1
    }
    return value
  }

  private mutating func nest() throws(JSONSyntaxError) {
    depth += 1
    if depth > 512 { throw error("nested too deeply") }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    defer { depth -= 1 }
    position += 1
    var members: [(String, JSONValue)] = []
    skipSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a string key")
      }
      let key = try string()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error("expected ':'")
      }
      position += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard position < bytes.count else { throw error("object never closed") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
      position += 1
      return .object(members)
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try nest()
    defer { depth -= 1 }
    position += 1
    var elements: [JSONValue] = []
    skipSpace()
    if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value())
      skipSpace()
      guard position < bytes.count else { throw error("array never closed") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
      position += 1
      return .array(elements)
    }
  }

  private mutating func number() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    func digits() -> Int {
      let begin = position
      while position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 {
        position += 1
      }
      return position - begin
    }
    let integerStart = position
    let integerDigits = digits()
    guard integerDigits > 0 else { throw error("invalid number") }
    if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
      position = integerStart + 1
      throw error("leading zero in number")
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw error("invalid number") }
    }
    if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count
        && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
      {
        position += 1
      }
      guard digits() > 0 else { throw error("invalid number") }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(text) else { throw error("invalid number") }
    return .number(JSONNumber(value: value, text: text))
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// A string; invalid UTF-8 inside it is replaced by U+FFFD, lone surrogates too.
  private mutating func string() throws(JSONSyntaxError) -> String {
    position += 1
    var plainStart = position
    var buffer: [UInt8] = []
    var escaped = false
    while position < bytes.count {
      // Eight plain bytes at a time (no quote, backslash or control character among them).
      if position + 8 <= bytes.count,
        !JSONWriter.mayNeedEscape(ByteWord.load(bytes, at: position))
      {
        position += 8
        continue
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let end = position
        position += 1
        if !escaped { return String(decoding: bytes[plainStart..<end], as: UTF8.self) }
        buffer.append(contentsOf: bytes[plainStart..<end])
        return String(decoding: buffer, as: UTF8.self)
      }
      if byte < 0x20 { throw error("control character in string") }
      if byte != UInt8(ascii: "\\") {
        position += 1
        continue
      }
      escaped = true
      buffer.append(contentsOf: bytes[plainStart..<position])
      position += 1
      guard position < bytes.count else { throw error("string never closed") }
      let code = bytes[position]
      position += 1
      switch code {
      case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar), position + 6 <= bytes.count,
          bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          let saved = position
          position += 2
          let low = try hex4()
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            position = saved
          }
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        buffer.append(contentsOf: Array(String(character).utf8))
      default:
        throw error("invalid escape")
      }
      plainStart = position
    }
    throw error("string never closed")
  }
}
