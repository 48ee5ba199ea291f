/// Reads a byte stream in large chunks and yields its lines (without the line end; CRLF and LF
/// both end a line), numbering them from 1. A last line without a line end is still a line.
public final class LineReader {
  private let read: () throws -> [UInt8]?
  private var buffer: [UInt8] = []
  private var position = 0
  private var finished = false
  /// The number of the line last returned.
  public private(set) var lineNumber = 0
  /// Bytes of the stream up to the end of the line last returned, line end included.
  public private(set) var consumed = 0
  /// Whether the line last returned ended with a line end (false for a cut-off last line).
  public private(set) var endedWithNewline = false

  /// Reads from a chunk source (nil at the end).
  public init(chunks: @escaping () throws -> [UInt8]?) {
    read = chunks
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
  public func nextNonBlank() throws -> [UInt8]? {
    while let line = try next() {
      if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return line }
    }
    return nil
  }

  /// The next line, or nil at the end.
  public func next() throws -> [UInt8]? {
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
        var end = newline
        if end > position && buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[position..<end])
        consumed += newline + 1 - position
        position = newline + 1
        lineNumber += 1
        endedWithNewline = true
        return line
      }
      if finished {
        guard position < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[position..<end])
        consumed += buffer.count - position
        position = buffer.count
        lineNumber += 1
        endedWithNewline = false
        return line
      }
      guard let chunk = try read() else {
        finished = true
        continue
      }
      if position > 0 {
        buffer.removeSubrange(0..<position)
        position = 0
      }
      buffer.append(contentsOf: chunk)
    }
  }
}
