import Testing

@testable import JobLensCore

/// The byte writer against the String formatter it replaced: the same bytes for every value.
@Suite("JSON writer")
struct JSONWriterTests {
  /// The number formatter before the byte writer (79f130b), kept as the reference.
  static func referenceFormat(_ value: Double, decimals: Int) -> String {
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

  /// The string escaper before the byte writer (79f130b), kept as the reference.
  static func referenceQuoted(_ value: String) -> String {
    var text = "\""
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
    return text
  }

  static let numbers: [Double] = [
    0, -0.0, 1, -1, 0.5, -0.5, 0.25, 0.1, 0.2, 0.3, 1.0 / 3, -1.0 / 3, 2.0 / 3, 0.00005,
    0.000049999, -0.00005, -0.00004, 0.99995, 0.999949, 9.99995, 12345.6789, -12345.67895,
    1e-10, -1e-10, 0.0001, 0.001, 0.01, 0.1001, 0.10001, 1.5e11, 8.9e11, 9e11, 9.1e11, 1e15,
    -1e15, 1e20, 123456789012.3456, .nan, .infinity, -.infinity, .pi, -.pi, .ulpOfOne,
    .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.035, 0.045, 1.0005, 2.5, 3.5, -2.5,
  ]

  @Test(arguments: [0, 1, 2, 3, 4, 6])
  func numbersAreFormattedAsBefore(decimals: Int) {
    for value in Self.numbers {
      let expected = Self.referenceFormat(value, decimals: decimals)
      #expect(JSONWriter.format(value, decimals: decimals) == expected, "\(value)")
      var writer = JSONWriter()
      writer.number(value, decimals: decimals)
      #expect(writer.text == expected, "\(value)")
    }
  }

  @Test func pseudoRandomNumbersAreFormattedAsBefore() {
    var generator = SplitMix(seed: 24)
    for _ in 0..<20_000 {
      let bits = generator.next()
      // Scores, shares and weights (0…2, signed), and wider magnitudes.
      let unit = Double(bits >> 11) / Double(1 << 53)
      let value = bits & 1 == 0 ? unit * 2 - 0.5 : (unit - 0.5) * pow10(Int(bits >> 1 & 15))
      for decimals in [1, 3, 4] {
        #expect(
          JSONWriter.format(value, decimals: decimals)
            == Self.referenceFormat(value, decimals: decimals), "\(value)")
      }
    }
  }

  @Test(arguments: [0, 1, -1, 9, 10, -10, 99, 100, 1_000_000, -987_654_321, Int.max, Int.min])
  func integersAreWrittenAsStringDoes(value: Int) {
    var writer = JSONWriter()
    writer.number(value)
    #expect(writer.bytes == Array(String(value).utf8))
  }

  @Test(arguments: [
    "", "plain", "quote \" and backslash \\", "line\nfeed\rreturn\ttab",
    "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "naïve café – “quotes” ✓", "日本語テキスト",
    "emoji 👩🏽‍💻 and e\u{301} combining", "\\\"\\\"", "end\\", "\"start",
  ])
  func stringsAreEscapedAsBefore(value: String) {
    var writer = JSONWriter()
    writer.string(value)
    #expect(writer.text == Self.referenceQuoted(value))
    var text = ""
    JSONWriter.appendQuoted(value, to: &text)
    #expect(text == Self.referenceQuoted(value))
  }

  @Test func controlCharactersUseShortOrUnicodeEscapes() {
    var writer = JSONWriter()
    writer.string("a\u{0}b\u{1F}c\n\"\\")
    #expect(writer.text == #""a\u0000b\u001fc\n\"\\""#)
  }

  @Test func containersSeparateTheirValuesAndLinesFollowOneAnother() {
    var writer = JSONWriter(capacity: 64)
    for line in 0..<2 {
      writer.beginObject()
      writer.field("n", line)
      writer.field("x", 0.25)
      writer.field("ok", true)
      writer.field("none", nil as String?)
      writer.key("list")
      writer.beginArray()
      writer.string("a")
      writer.number(-3)
      writer.quotedString(Array(#""kept""#.utf8))
      writer.beginObject()
      writer.endObject()
      writer.endArray()
      writer.endObject()
      writer.newline()
    }
    let rest = #","x":0.25,"ok":true,"none":null,"list":["a",-3,"kept",{}]}"#
    #expect(writer.text == #"{"n":0"# + rest + "\n" + #"{"n":1"# + rest + "\n")
    writer.removeAll()
    #expect(writer.bytes.isEmpty)
    writer.bool(false)
    #expect(writer.text == "false")
  }

  /// Literal keys are copied as they are; keys made at run time are escaped as before, and
  /// both give the same bytes for the same name.
  @Test func literalAndRunTimeKeysWriteTheSameBytes() {
    var literal = JSONWriter()
    var runTime = JSONWriter()
    let names = ["uri", "skill_group_label", "phrase_start"]
    literal.beginObject()
    literal.field("uri", "a\"b")
    literal.field("skill_group_label", 3)
    literal.field("phrase_start", 0.5)
    literal.field("x", false)
    literal.field("y", nil as String?)
    literal.key("z")
    literal.null()
    literal.endObject()
    runTime.beginObject()
    runTime.field(names[0], "a\"b")
    runTime.field(names[1], 3)
    runTime.field(names[2], 0.5)
    runTime.field(String("x"), false)
    runTime.field(String("y"), nil as String?)
    runTime.key(String("z"))
    runTime.null()
    runTime.endObject()
    #expect(literal.bytes == runTime.bytes)
    #expect(
      literal.text
        == #"{"uri":"a\"b","skill_group_label":3,"phrase_start":0.5,"x":false,"y":null,"z":null}"#)
    var escaped = JSONWriter()
    escaped.key(String("a\"b"))
    #expect(escaped.text == #""a\"b":"#)
  }

  /// Commas are right at every depth, the first 64 containers (kept as bits) and beyond:
  /// arrays and objects alternate, each with a value before and after the one nested in it.
  @Test(arguments: [1, 2, 63, 64, 65, 66, 130])
  func nestedContainersSeparateTheirValues(depth: Int) {
    var writer = JSONWriter()
    for level in 0..<depth {
      if level % 2 == 0 {
        writer.beginArray()
        writer.number(level)
      } else {
        writer.beginObject()
        writer.field("k", "a\\b")
        writer.key("v")
      }
    }
    if depth % 2 == 0 { writer.null() }
    for level in (0..<depth).reversed() {
      if level % 2 == 0 {
        writer.beginArray()
        writer.endArray()
        writer.string("x")
        writer.endArray()
      } else {
        writer.endObject()
      }
    }
    var expected = ""
    for level in (0..<depth).reversed() {
      if level % 2 == 0 {
        expected = "[\(level)," + (expected.isEmpty ? "" : expected + ",") + #"[],"x"]"#
      } else {
        expected = #"{"k":"a\\b","v":"# + (expected.isEmpty ? "null" : expected) + "}"
      }
    }
    #expect(writer.text == expected)
  }

  private func pow10(_ exponent: Int) -> Double {
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
