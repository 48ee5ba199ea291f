#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a byte stream in large chunks and yields its lines (without the line end; CRLF, LF and
/// a lone CR, as old Mac files have, each end a line), numbering them from 1. A last line
/// without a line end is still a line.
/// Each byte is scanned for a line end once, so a line of any length costs time in proportion
/// to it; a line longer than ``lineLimit`` is not kept in memory but skipped up to its end and
/// reported by ``skippedLength``.
public final class LineReader {
  private let read: () throws -> [UInt8]?
  private var buffer: [UInt8] = []
  private var position = 0
  /// Where the search for the next line end goes on: the bytes from `position` up to here
  /// hold none.
  private var scanned = 0
  private var finished = false
  /// The longest line returned; longer lines are skipped.
  public let lineLimit: Int
  /// The number of the line last returned.
  public private(set) var lineNumber = 0
  /// Bytes of the stream up to the end of the line last returned, line end included.
  public private(set) var consumed = 0
  /// Whether the line last returned ended with a line end (false for a cut-off last line).
  public private(set) var endedWithNewline = false
  /// The length in bytes of the line last returned when it was longer than ``lineLimit``:
  /// it was skipped, and returned empty. Nil for a line returned whole.
  public private(set) var skippedLength: Int?

  /// Reads from a chunk source (nil at the end); lines longer than `lineLimit` bytes are
  /// skipped.
  public init(chunks: @escaping () throws -> [UInt8]?, lineLimit: Int = .max) {
    read = chunks
    self.lineLimit = lineLimit
  }

  /// Reads lines from bytes in memory.
  public convenience init(bytes: [UInt8]) {
    var pending: [UInt8]? = bytes
    self.init {
      defer { pending = nil }
      return pending
    }
  }

  /// The next line that is not blank (only spaces, tabs or carriage returns), or nil at the end.
  /// A skipped line (``skippedLength``) is returned, empty.
  public func nextNonBlank() throws -> [UInt8]? {
    while let line = try next() {
      if skippedLength != nil || !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        return line
      }
    }
    return nil
  }

  /// The next line, or nil at the end.
  /// - Complexity: O(n) in the line's length.
  public func next() throws -> [UInt8]? {
    skippedLength = nil
    /// Bytes of the current line already dropped because it is over the limit.
    var dropped = 0
    while true {
      if let end = firstLineEnd() {
        let next = end + 1
        if buffer[end] == 0x0A || next < buffer.count || finished {
          let crlf = buffer[end] == 0x0D && next < buffer.count && buffer[next] == 0x0A
          return take(
            upTo: end, next: crlf ? next + 1 : next, dropped: dropped, endedWithNewline: true)
        }
        // A CR last in the buffer may be the first half of a CRLF: read on first.
        scanned = end
      } else {
        scanned = buffer.count
      }
      if finished {
        guard position < buffer.count || dropped > 0 else { return nil }
        return take(
          upTo: buffer.count, next: buffer.count, dropped: dropped, endedWithNewline: false)
      }
      if dropped + buffer.count - position > lineLimit {
        // Over the limit: keep only a last byte, which may be the CR of a CRLF.
        let keep = max(position, buffer.count - 1)
        dropped += keep - position
        buffer.removeSubrange(0..<keep)
        position = 0
        scanned = 0
      }
      guard let chunk = try read() else {
        finished = true
        continue
      }
      if position > 0 {
        buffer.removeSubrange(0..<position)
        scanned -= position
        position = 0
      }
      buffer.append(contentsOf: chunk)
    }
  }

  /// The offset of the first LF or CR from `scanned` on, found with `memchr` (a byte-by-byte
  /// search takes seconds on a gigabyte without line ends).
  private func firstLineEnd() -> Int? {
    buffer.withUnsafeBytes { bytes -> Int? in
      guard scanned < bytes.count, let base = bytes.baseAddress else { return nil }
      let start = base + scanned
      var length = bytes.count - scanned
      var found: Int?
      if let newline = memchr(start, 0x0A, length) {
        length = UnsafeRawPointer(newline) - start
        found = scanned + length
      }
      if let carriageReturn = memchr(start, 0x0D, length) {
        found = scanned + (UnsafeRawPointer(carriageReturn) - start)
      }
      return found
    }
  }

  /// Returns the line from `position` to `end` (after `dropped` bytes already dropped) and
  /// moves on to `next`.
  private func take(upTo end: Int, next: Int, dropped: Int, endedWithNewline: Bool) -> [UInt8] {
    let length = dropped + end - position
    let line = length > lineLimit ? [] : Array(buffer[position..<end])
    if length > lineLimit { skippedLength = length }
    consumed += dropped + next - position
    position = next
    scanned = next
    lineNumber += 1
    self.endedWithNewline = endedWithNewline
    return line
  }
}
