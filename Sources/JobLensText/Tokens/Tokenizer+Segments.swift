import JobLensCore

extension Tokenizer {
  /// Calls `body(segment, status)` for each of ICU's word-break segments of `bytes`, in order,
  /// with its rule status (``WordRuleStatus``; 0 for a segment that starts with an ASCII byte
  /// no word starts with, without asking ICU). Lines of ASCII text (with ``FastBreakMark``s)
  /// are broken by ``ASCIIWordBreak``, the others by ICU (see ``lineRuns(_:_:)``).
  /// - Complexity: O(n) in the length of `bytes`.
  func wordSegments(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int32) -> Void) {
    lineRuns(bytes) { run, fast in
      if fast {
        ASCIIWordBreak.segments(bytes, run, body)
        return
      }
      var start = run.lowerBound
      try? words.withText(UnsafeBufferPointer(rebasing: bytes[run])) { boundary, iterator in
        let end = run.lowerBound + boundary
        body(start..<end, ASCIIWordBreak.startsNoWord(bytes[start]) ? 0 : iterator.ruleStatus)
        start = end
      }
    }
  }

  /// ICU's sentence boundaries (byte offsets after the start) of `bytes`, in order. Lines of
  /// ASCII text (with ``FastBreakMark``s) are broken by ``ASCIISentenceBreak``, the others by
  /// ICU (see ``lineRuns(_:_:)``).
  /// - Complexity: O(n) in the length of `bytes`.
  func sentenceBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var boundaries: [Int] = []
    lineRuns(bytes) { run, fast in
      if fast {
        ASCIISentenceBreak.boundaries(bytes, run) { boundaries.append($0) }
        return
      }
      try? sentences.withText(UnsafeBufferPointer(rebasing: bytes[run])) { boundary, _ in
        boundaries.append(run.lowerBound + boundary)
      }
    }
    return boundaries
  }

  /// Calls `body(run, fast)` for the runs of whole lines of `bytes` (a line ends after its line
  /// feed) that are all for the fast breakers (ASCII and ``FastBreakMark``s) or all not, in
  /// order. ICU breaks words and sentences after every line feed (WB3a, SB4) and looks no
  /// further than a line ahead or back, so each run breaks as it does within the whole text.
  /// - Complexity: O(n) in the length of `bytes`.
  private func lineRuns(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) {
    var runStart = 0
    var runFast = true
    var lineStart = 0
    var lineFast = true
    var index = 0
    while index < bytes.count {
      // Eight bytes at a time while none is a line feed or non-ASCII, and the text goes on
      // after them (the only bytes that end a line or may end a fast line).
      if index + 8 < bytes.count {
        let word = ByteWord.load(bytes, at: index)
        if !ByteWord.hasNonASCII(word) && !ByteWord.contains(word, 0x0A) {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      var width = 1
      if byte >= 0x80 && lineFast {
        if let mark = FastBreakMark.mark(bytes, at: index, end: bytes.count) {
          width = mark.width
        } else {
          lineFast = false
        }
      }
      index += width
      guard byte == 0x0A || index == bytes.count else { continue }
      if lineStart == runStart {
        runFast = lineFast
      } else if lineFast != runFast {
        body(runStart..<lineStart, runFast)
        runStart = lineStart
        runFast = lineFast
      }
      lineStart = index
      lineFast = true
    }
    if runStart < bytes.count { body(runStart..<bytes.count, runFast) }
  }
}
