/// A parsed JSON value.
public enum JSONValue: Sendable, Equatable {
  case string(String)
  case number(JSONNumber)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.string(let a), .string(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The value of a key in an object (the first, if repeated).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// A string, or a number as the JSON text wrote it (ids are often numbers, some longer than
  /// a double holds: 9007199254740993 stays 9007199254740993).
  public var textValue: String? {
    switch self {
    case .string(let value): return value
    case .number(let number): return number.text
    default: return nil
    }
  }

  /// The name of the value's type, for messages.
  public var typeName: String {
    switch self {
    case .string: "string"
    case .number: "number"
    case .bool: "boolean"
    case .null: "null"
    case .array: "array"
    case .object: "object"
    }
  }
}

/// A JSON number: its value, and its text as written.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral
{
  /// The value (the nearest double).
  public var value: Double
  /// The number as the JSON text wrote it.
  public var text: String

  /// A number from its value and its text.
  public init(value: Double, text: String) {
    self.value = value
    self.text = text
  }

  public init(integerLiteral value: Int) { self.init(value: Double(value), text: String(value)) }

  public init(floatLiteral value: Double) { self.init(value: value, text: String(value)) }

  public var description: String { text }

  /// Numbers are equal when their values are (1 == 1.0).
  public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.value == rhs.value }
}
