import Testing

@testable import JobLensText

/// ``ASCIISentenceBreak`` must give ICU's sentence boundaries, so that the phrases of ASCII
/// lines are cut where ICU would cut them.
@Suite("Tokenizer: ASCII sentence break")
struct ASCIISentenceBreakTests {
  static func icu(_ bytes: [UInt8]) throws -> [Int] {
    let iterator = try BreakIterator(.sentence)
    var boundaries: [Int] = []
    try bytes.withUnsafeBufferPointer { buffer in
      try iterator.withText(buffer) { boundary, _ in boundaries.append(boundary) }
    }
    return boundaries
  }

  static func ascii(_ bytes: [UInt8]) -> [Int] {
    var boundaries: [Int] = []
    bytes.withUnsafeBufferPointer { buffer in
      ASCIISentenceBreak.boundaries(buffer, 0..<buffer.count) { boundaries.append($0) }
    }
    return boundaries
  }

  /// Sentences as text, for the tricky cases below.
  @Test(arguments: [
    ("Plan shifts. Answer calls!", ["Plan shifts. ", "Answer calls!"]),
    (
      "It’s here.\u{A0}“Go.” – no. Ok.’ Done",
      ["It’s here.\u{A0}", "“Go.” – no. ", "Ok.’ ", "Done"]
    ),
    (
      "Costs 3.5 in the U.S.A. today. (Yes.) Next",
      ["Costs 3.5 in the U.S.A. today. ", "(Yes.) ", "Next"]
    ),
    (
      "e.g. the team. Why? - no!\r\nOk.\n\nEnd",
      ["e.g. the team. ", "Why? - no!\r\n", "Ok.\n", "\n", "End"]
    ),
    ("Done!? \"Really.\"  Then: go.", ["Done!? ", "\"Really.\"  ", "Then: go."]),
  ])
  func boundariesAsICUGivesThem(text: String, expected: [String]) throws {
    let bytes = Array(text.utf8)
    var start = 0
    let sentences = Self.ascii(bytes).map { end in
      defer { start = end }
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    #expect(sentences == expected)
    #expect(Self.ascii(bytes) == (try Self.icu(bytes)))
  }

  /// Seeded random strings over the bytes that matter (and all of ASCII) break as in ICU.
  @Test(arguments: [Array("aZ1.!?,-:;\"'() \t\r\n#_".utf8), Array(UInt8(1)...UInt8(127))])
  func randomTextBreaksAsInICU(alphabet: [UInt8]) throws {
    var generator = SplitMix(seed: 19)
    for _ in 0..<20_000 {
      let bytes = generator.bytes(over: alphabet, maximumLength: 16)
      #expect(Self.ascii(bytes) == (try Self.icu(bytes)), "\(bytes)")
    }
  }

  /// Longer seeded random texts, of runs of plain words (which the breaker steps over eight
  /// bytes at a time) between the bytes that matter and the marks, break as in ICU.
  @Test func longTextsWithPlainRunsBreakAsInICU() throws {
    let pieces =
      ["plain words ", "abcdefghij", "Word ", "x", " ", ".", "!", "?", "\r", "\n", "\"", ")"]
      + [",", "1", "\u{A0}", "\u{2019}", "\u{201D}", "\u{2013}"]
    var generator = SplitMix(seed: 8)
    for _ in 0..<3_000 {
      let bytes = generator.bytes(over: pieces, maximumLength: 40)
      #expect(Self.ascii(bytes) == (try Self.icu(bytes)), "\(bytes)")
    }
  }

  /// Seeded random strings over the bytes that matter and the ``FastBreakMark``s break as in
  /// ICU.
  @Test func randomTextWithMarksBreaksAsInICU() throws {
    let pieces =
      ["a", "Z", "1", ".", "!", "?", ",", "-", ":", ";", "\"", "'", "(", ")", " ", "\t", "\r"]
      + ["\n", "#", "\u{A0}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}"]
      + ["\u{A2}", "\u{20AC}", "\u{2122}", "\u{2022}"]
    var generator = SplitMix(seed: 2013)
    for _ in 0..<20_000 {
      let bytes = generator.bytes(over: pieces, maximumLength: 16)
      #expect(Self.ascii(bytes) == (try Self.icu(bytes)), "\(bytes)")
    }
  }

  /// The tokenizer's boundaries (ASCII lines by the fast path, other lines by ICU) are ICU's
  /// over the whole text.
  @Test(arguments: [
    "Plan shifts. Answer calls.\nGestión de CITAS. Café.\n\nUse C++. e.g. this\r\nRésumé’s 1.5 – ok!\n",
    "東京 オフィス。次。\nkeep it. Then\n\u{2028}line. x\nlast ascii line. without end",
    "It’s done.\u{A0}“Next.” – ok. Then—no.\nGestión’s. Fin\nA.\u{2019} b. “C”\n\u{201D}",
    "Wages 900€ gross.Staff. church€™s. €¢ Reconcile. Zoom™. Next• x.\n",
    "", "\n", "é.", "just ascii. Two",
  ])
  func tokenizerBoundariesAreICUs(text: String) throws {
    let tokenizer = try Tokenizer(language: "en")
    let bytes = Array(text.utf8)
    let boundaries = bytes.withUnsafeBufferPointer { tokenizer.sentenceBoundaries($0) }
    #expect(boundaries == (try Self.icu(bytes)))
  }
}
