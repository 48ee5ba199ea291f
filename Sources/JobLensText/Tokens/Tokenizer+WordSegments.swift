extension Tokenizer {
  /// Calls `body(segment, status)` for each of ICU's word-break segments of `bytes`, in order,
  /// with its rule status (``WordRuleStatus``; 0 for a segment that starts with an ASCII byte
  /// no word starts with, without asking ICU). Lines of ASCII text are broken by
  /// ``ASCIIWordBreak``, runs of other lines by ICU: a line feed always ends a segment (WB3a),
  /// so each line breaks as it does within the whole text.
  /// - Complexity: O(n) in the length of `bytes`.
  func wordSegments(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int32) -> Void) {
    // The start of the lines not yet broken (lines with other than ASCII, for ICU).
    var pending = 0
    var lineStart = 0
    var ascii = true
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte >= 0x80 { ascii = false }
      guard byte == 0x0A || index == bytes.count else { continue }
      if ascii {
        if pending < lineStart { icuWordSegments(bytes, pending..<lineStart, body) }
        ASCIIWordBreak.segments(bytes, lineStart..<index, body)
        pending = index
      }
      lineStart = index
      ascii = true
    }
    if pending < bytes.count { icuWordSegments(bytes, pending..<bytes.count, body) }
  }

  /// ``wordSegments(_:_:)`` by ICU over `range`, which starts at a line start and ends at a line
  /// end.
  private func icuWordSegments(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Range<Int>, Int32) -> Void
  ) {
    var start = range.lowerBound
    try? words.withText(UnsafeBufferPointer(rebasing: bytes[range])) { boundary, iterator in
      let end = range.lowerBound + boundary
      let first = bytes[start]
      body(start..<end, ASCIIWordBreak.startsNoWord(first) ? 0 : iterator.ruleStatus)
      start = end
    }
  }
}
