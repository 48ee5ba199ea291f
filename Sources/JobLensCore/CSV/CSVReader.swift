/// One CSV record with the line it starts on.
public struct CSVRecord: Sendable, Equatable {
  /// The fields, unquoted.
  public var fields: [String]
  /// The 1-based line the record starts on.
  public var line: Int
}

/// A malformed CSV record.
public struct CSVError: Error, Equatable, CustomStringConvertible {
  /// The 1-based line the record starts on.
  public var line: Int
  /// What is wrong.
  public var problem: String

  public var description: String { "line \(line): \(problem)" }
}

/// An RFC 4180 reader: quoted fields with doubled quotes, line breaks inside quotes, CRLF, LF or
/// CR line ends, a leading byte-order mark, any one-byte delimiter. Reads from memory or from a
/// chunked source, so that big files stream.
///
/// A malformed record (a stray quote in an unquoted field, text after a closing quote, a quote
/// left open at the end) throws a ``CSVError`` naming its line; the next call goes on with the
/// following line. So does a record longer than ``recordLimit``, whose bytes are not kept while
/// it is skipped. Blank lines are skipped.
public final class CSVReader {
  private var buffer: [UInt8]
  /// Start of the unread bytes.
  private var position = 0
  private var line = 1
  private var exhausted: Bool
  private let source: (() throws -> [UInt8]?)?
  /// The field delimiter (it may be changed before the first record is read, as
  /// ``firstLine()`` suggests).
  public var delimiter: UInt8
  /// The longest record read, in bytes; a longer one is skipped with a ``CSVError``.
  public var recordLimit = Int.max

  private static let quote = UInt8(ascii: "\"")

  /// Reads CSV held in memory.
  public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
    buffer = bytes
    exhausted = true
    source = nil
    self.delimiter = delimiter
    skipByteOrderMark()
  }

  /// Reads CSV from a source of chunks; the source returns nil at the end.
  public init(
    delimiter: UInt8 = UInt8(ascii: ","), source: @escaping () throws -> [UInt8]?
  ) throws {
    buffer = []
    exhausted = false
    self.source = source
    self.delimiter = delimiter
    while buffer.count < 3, try readChunk() {}
    skipByteOrderMark()
  }

  /// The 1-based line the reader is at.
  public var currentLine: Int { line }

  /// The bytes of the next non-blank line, without consuming them (at most the first 64 KiB):
  /// to tell the delimiter or the encoding from a header.
  public func firstLine() throws -> [UInt8] {
    while true {
      var start = position
      while start < buffer.count && (buffer[start] == 0x0A || buffer[start] == 0x0D) { start += 1 }
      let end = buffer[start...].firstIndex { $0 == 0x0A || $0 == 0x0D }
      if let end { return Array(buffer[start..<end]) }
      if buffer.count - start > 1 << 16 { return Array(buffer[start..<(start + (1 << 16))]) }
      if try !readChunk() { return Array(buffer[start...]) }
    }
  }

  private func skipByteOrderMark() {
    if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
      position = 3
    }
  }

  /// Appends a chunk from the source (dropping consumed bytes first); false at the end.
  private func readChunk() throws -> Bool {
    guard !exhausted, let source else { return false }
    guard let chunk = try source() else {
      exhausted = true
      return false
    }
    if position > 0 {
      buffer.removeSubrange(0..<position)
      position = 0
    }
    buffer.append(contentsOf: chunk)
    return true
  }

  /// Where a record ends, found by ``findRecordEnd()``.
  private struct RecordEnd {
    /// Offset of the line end (or of the end of input) after the record.
    var end: Int
    /// Bytes of the line end (0 at the end of input, 1 or 2).
    var terminator: Int
    /// Line breaks inside quoted fields.
    var innerLines: Int
    /// What makes the record malformed, if anything.
    var problem: String?
    /// Bytes of the record dropped from the buffer because it is longer than the limit.
    var dropped = 0
  }

  private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, broken }

  /// The scan of one record, resumable across chunks.
  private struct RecordScan {
    var state = State.fieldStart
    /// Offset in the buffer of the next byte to read.
    var index: Int
    var innerLines = 0
    var field = 1
    var problem: String?

    /// Reads `bytes` from ``index`` on; the record's end when it is in them, else nil (with
    /// ``index`` at the end of `bytes`).
    mutating func run(over bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> RecordEnd? {
      while index < bytes.count {
        let byte = bytes[index]
        let isLineEnd = byte == 0x0A || byte == 0x0D
        switch state {
        case .quoted:
          if byte == CSVReader.quote {
            state = .quoteInQuoted
          } else if byte == 0x0A
            || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] != 0x0A)
          {
            innerLines += 1
          }
          index += 1
          continue
        case .quoteInQuoted:
          if byte == CSVReader.quote {
            state = .quoted
            index += 1
            continue
          }
          if byte != delimiter && !isLineEnd {
            problem = problem ?? "text after the closing quote of field \(field)"
            state = .broken
          }
        case .fieldStart:
          if byte == CSVReader.quote {
            state = .quoted
            index += 1
            continue
          }
        case .unquoted:
          if byte == CSVReader.quote {
            problem = problem ?? "quote inside unquoted field \(field)"
            state = .broken
          }
        case .broken:
          break
        }
        if isLineEnd {
          let crlf = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
          return RecordEnd(
            end: index, terminator: crlf ? 2 : 1, innerLines: innerLines, problem: problem)
        }
        if state != .broken {
          if byte == delimiter {
            state = .fieldStart
            field += 1
          } else if state == .fieldStart || state == .quoteInQuoted {
            state = .unquoted
          }
        }
        index += 1
      }
      return nil
    }
  }

  /// Scans from `position` to the end of the record, reading more chunks as needed.
  private func findRecordEnd() throws -> RecordEnd {
    var scan = RecordScan(index: position)
    var dropped = 0
    while true {
      let delimiter = delimiter
      let outcome = buffer.withUnsafeBufferPointer { scan.run(over: $0, delimiter: delimiter) }
      if var found = outcome {
        found.dropped = dropped
        try completeLineEnd(&found)
        return found
      }
      if dropped + scan.index - position > recordLimit {
        // Too long to keep: the rest is only scanned for its end.
        dropped += scan.index - position
        buffer.removeSubrange(position..<scan.index)
        scan.index = position
      }
      let consumed = scan.index - position
      if try !readChunk() {
        if scan.state == .quoted { scan.problem = scan.problem ?? "quoted field never closed" }
        return RecordEnd(
          end: buffer.count, terminator: 0, innerLines: scan.innerLines, problem: scan.problem,
          dropped: dropped)
      }
      scan.index = position + consumed
    }
  }

  /// A CR at the end of the buffer may be the first half of a CRLF: reads the next chunk to
  /// see, moving the record's end with the buffer.
  private func completeLineEnd(_ found: inout RecordEnd) throws {
    guard found.terminator == 1 && buffer[found.end] == 0x0D && found.end + 1 == buffer.count
    else { return }
    let start = position
    if try readChunk() {
      let index = position + (found.end - start)
      if buffer.count > index + 1 && buffer[index + 1] == 0x0A { found.terminator = 2 }
      found.end = index
    }
  }

  /// The next record, or nil at the end.
  /// - Complexity: O(n) in the record's length.
  public func next() throws -> CSVRecord? {
    while true {
      if position >= buffer.count, try !readChunk() { return nil }
      let byte = buffer[position]
      if byte == 0x0A {
        position += 1
        line += 1
      } else if byte == 0x0D {
        position += 1
        if position >= buffer.count { _ = try readChunk() }
        if position < buffer.count && buffer[position] == 0x0A { position += 1 }
        line += 1
      } else {
        break
      }
    }
    let start = line
    let found = try findRecordEnd()
    let range = position..<found.end
    position = found.end + found.terminator
    line += found.innerLines + (found.terminator > 0 ? 1 : 0)
    let length = found.dropped + range.count
    if length > recordLimit {
      throw CSVError(
        line: start,
        problem: "record too long: \(length) bytes, over the "
          + "\(String(describingLimit: recordLimit)) limit; skipped")
    }
    if let problem = found.problem { throw CSVError(line: start, problem: problem) }
    let fields = buffer.withUnsafeBufferPointer {
      splitFields(UnsafeBufferPointer(rebasing: $0[range]))
    }
    return CSVRecord(fields: fields, line: start)
  }

  /// Splits a well-formed record into unquoted fields.
  private func splitFields(_ record: UnsafeBufferPointer<UInt8>) -> [String] {
    var fields: [String] = []
    var index = 0
    let count = record.count
    while true {
      if index < count && record[index] == CSVReader.quote {
        var value: [UInt8] = []
        index += 1
        var chunkStart = index
        while index < count {
          if record[index] == CSVReader.quote {
            value.append(contentsOf: record[chunkStart..<index])
            if index + 1 < count && record[index + 1] == CSVReader.quote {
              value.append(CSVReader.quote)
              index += 2
              chunkStart = index
              continue
            }
            index += 1
            chunkStart = -1
            break
          }
          index += 1
        }
        if chunkStart >= 0 { value.append(contentsOf: record[chunkStart..<index]) }
        fields.append(String(decoding: value, as: UTF8.self))
      } else {
        let fieldStart = index
        while index < count && record[index] != delimiter { index += 1 }
        fields.append(String(decoding: record[fieldStart..<index], as: UTF8.self))
      }
      if index < count && record[index] == delimiter {
        index += 1
        if index == count {
          fields.append("")
          break
        }
        continue
      }
      break
    }
    return fields
  }
}
