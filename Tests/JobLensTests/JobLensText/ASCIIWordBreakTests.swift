import Testing

@testable import JobLensText

/// ``ASCIIWordBreak`` must give ICU's word-break segments and rule statuses, so that the
/// tokenizer's ASCII lines make the same tokens as ICU would.
@Suite("Tokenizer: ASCII word break")
struct ASCIIWordBreakTests {
  /// A segment and its rule status.
  struct Segment: Equatable, CustomStringConvertible {
    var range: Range<Int>
    var status: Int32
    var description: String { "\(range)@\(status)" }
  }

  static func icu(_ bytes: [UInt8]) throws -> [Segment] {
    let iterator = try BreakIterator(.word)
    var segments: [Segment] = []
    var start = 0
    try bytes.withUnsafeBufferPointer { buffer in
      try iterator.withText(buffer) { boundary, iterator in
        segments.append(Segment(range: start..<boundary, status: iterator.ruleStatus))
        start = boundary
      }
    }
    return segments
  }

  static func ascii(_ bytes: [UInt8]) -> [Segment] {
    var segments: [Segment] = []
    bytes.withUnsafeBufferPointer { buffer in
      ASCIIWordBreak.segments(buffer, 0..<buffer.count) {
        segments.append(Segment(range: $0, status: $1))
      }
    }
    return segments
  }

  /// Segments as text with their statuses, for the tricky cases below.
  @Test(arguments: [
    ("e.g. C++", ["e.g/200", "./0", " /0", "C/200", "+/0", "+/0"]),
    (
      "don't 1,000.50 a1 1a",
      ["don't/200", " /0", "1,000.50/100", " /0", "a1/100", " /0", "1a/200"]
    ),
    (
      "a_ 1_ _ __ 1__ a1_",
      [
        "a_/200", " /0", "1_/100", " /0", "_/0", " /0", "__/200", " /0", "1__/200", " /0",
        "a1_/100",
      ]
    ),
    (
      "info@example.com a:b a.1",
      [
        "info@example.com/200", " /0", "a/200", ":/0", "b/200", " /0", "a/200", "./0", "1/100",
      ]
    ),
    ("x  \t\r\n\r\u{0B}y", ["x/200", "  /0", "\t/0", "\r\n/0", "\r/0", "\u{0B}/0", "y/200"]),
    (
      "don’t 1’000 a’ ’b – “x”\u{A0}y—z",
      [
        "don’t/200", " /0", "1’000/100", " /0", "a/200", "’/0", " /0", "’/0", "b/200", " /0",
        "–/0", " /0", "“/0", "x/200", "”/0", "\u{A0}/0", "y/200", "—/0", "z/200",
      ]
    ),
  ])
  func segmentsAsICUGivesThem(text: String, expected: [String]) throws {
    let bytes = Array(text.utf8)
    let segments = Self.ascii(bytes).map {
      "\(String(decoding: bytes[$0.range], as: UTF8.self))/\($0.status)"
    }
    #expect(segments == expected)
    #expect(Self.ascii(bytes) == (try Self.icu(bytes)))
  }

  /// Seeded random strings over the bytes that matter (and all of ASCII) break as in ICU.
  @Test(arguments: [Array("aZ@19_.',; \r\n\t:-#+\"/".utf8), Array(UInt8(1)...UInt8(127))])
  func randomTextBreaksAsInICU(alphabet: [UInt8]) throws {
    var generator = SplitMix(seed: 24)
    for _ in 0..<20_000 {
      let bytes = generator.bytes(over: alphabet, maximumLength: 16)
      #expect(Self.ascii(bytes) == (try Self.icu(bytes)), "\(bytes)")
    }
  }

  /// Seeded random strings over the bytes that matter and the ``FastBreakMark``s break as in
  /// ICU.
  @Test func randomTextWithMarksBreaksAsInICU() throws {
    let pieces =
      ["a", "Z", "@", "1", "9", "_", ".", "'", ",", ";", " ", "\r", "\n", "\t", ":", "-"]
      + ["\u{A0}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}"]
      + ["\u{A2}", "\u{20AC}", "\u{2122}", "\u{2022}"]
    var generator = SplitMix(seed: 2019)
    for _ in 0..<20_000 {
      let bytes = generator.bytes(over: pieces, maximumLength: 16)
      #expect(Self.ascii(bytes) == (try Self.icu(bytes)), "\(bytes)")
    }
  }

  /// The tokenizer's segments (ASCII lines by the fast path, other lines by ICU) are ICU's over
  /// the whole text.
  @Test(arguments: [
    "Plan shifts.\nGestión de CITAS; café\n\nUse C++ and e-mail info@x.io\r\nRésumé’s 1,5 – ok\n",
    "東京 オフィス\nkeep a1_ b\n\u{2028}line\u{0B}x\nlast ascii line without end",
    "Don’t stop – it’s “fine”\u{A0}ok\nGestión’s café\n1’000 — done\n\u{2019}",
    "church€™s 900€ gross.\n€¢\u{A0}Be • 5¢ Zoom™ it\n",
    "", "\n", "é", "just ascii",
  ])
  func tokenizerSegmentsAreICUs(text: String) throws {
    let (segments, expected) = try Self.tokenizerAndICU(Array(text.utf8))
    #expect(segments == expected)
  }

  /// The tokenizer's segments of `bytes`, and ICU's.
  static func tokenizerAndICU(_ bytes: [UInt8]) throws -> (tokenizer: [Segment], icu: [Segment]) {
    let tokenizer = try Tokenizer(language: "en")
    var segments: [Segment] = []
    bytes.withUnsafeBufferPointer { buffer in
      tokenizer.wordSegments(buffer) { segments.append(Segment(range: $0, status: $1)) }
    }
    // The tokenizer does not ask ICU the status of segments that cannot be words.
    let expected = try Self.icu(bytes).map {
      ASCIIWordBreak.startsNoWord(bytes[$0.range.lowerBound])
        ? Segment(range: $0.range, status: 0) : $0
    }
    return (segments, expected)
  }

  /// Seeded random texts of long and short lines, ASCII and not (the line runs step over
  /// eight plain bytes at a time), break into ICU's segments.
  @Test func randomMixedLinesAreICUs() throws {
    let pieces = [
      "plain words ", "abcdefgh", "x", " ", "\n", "\r\n", "Gestión ", "café", "’", "東京", ".",
      "1,5", "\u{A0}", "–",
    ]
    var generator = SplitMix(seed: 24)
    for _ in 0..<500 {
      let bytes = generator.bytes(over: pieces, maximumLength: 30)
      let (segments, expected) = try Self.tokenizerAndICU(bytes)
      #expect(segments == expected, "\(bytes)")
    }
  }
}
