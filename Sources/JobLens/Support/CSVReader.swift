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
/// A malformed record (a stray quote, text after a closing quote, a quote left open at the end)
/// throws a ``CSVError`` naming its line; the next call goes on with the following line.
public final class CSVReader {
  private var buffer: [UInt8]
  private var position = 0
  private var line = 1
  private var exhausted: Bool
  private let source: (() throws -> [UInt8]?)?
  private let delimiter: UInt8

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
    _ = try fill(3)
    skipByteOrderMark()
  }

  /// The 1-based line the reader is at.
  public var currentLine: Int { line }

  private func skipByteOrderMark() {
    if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
      position = 3
    }
  }

  /// Makes at least `count` bytes available from `position`, unless the source ends first.
  private func fill(_ count: Int) throws -> Bool {
    while buffer.count - position < count {
      guard !exhausted, let source else { return false }
      guard let chunk = try source() else {
        exhausted = true
        return buffer.count - position >= count
      }
      if position > 0 && position >= buffer.count / 2 {
        buffer.removeSubrange(0..<position)
        position = 0
      }
      buffer.append(contentsOf: chunk)
    }
    return true
  }

  private func peek() throws -> UInt8? {
    if position < buffer.count { return buffer[position] }
    return try fill(1) ? buffer[position] : nil
  }

  /// Consumes a line end at the current position (CRLF, LF or CR), if there is one.
  private func consumeLineEnd() throws -> Bool {
    guard let byte = try peek() else { return false }
    if byte == 0x0A {
      position += 1
      line += 1
      return true
    }
    if byte == 0x0D {
      position += 1
      if try peek() == 0x0A { position += 1 }
      line += 1
      return true
    }
    return false
  }

  /// Skips to the start of the next line after a malformed record.
  private func skipRestOfLine() throws {
    while try peek() != nil {
      if try consumeLineEnd() { return }
      position += 1
    }
  }

  /// The next record, or nil at the end. Blank lines are skipped.
  /// - Complexity: O(n) in the record's length.
  public func next() throws -> CSVRecord? {
    while true {
      guard try peek() != nil else { return nil }
      if try consumeLineEnd() { continue }
      break
    }
    let start = line
    var fields: [String] = []
    var field: [UInt8] = []
    while true {
      guard let byte = try peek() else {
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(fields: fields, line: start)
      }
      if byte == UInt8(ascii: "\"") && field.isEmpty {
        position += 1
        try readQuoted(into: &field, recordLine: start)
        guard let after = try peek() else {
          fields.append(String(decoding: field, as: UTF8.self))
          return CSVRecord(fields: fields, line: start)
        }
        if after != delimiter && after != 0x0A && after != 0x0D {
          try skipRestOfLine()
          throw CSVError(
            line: start, problem: "text after the closing quote of field \(fields.count + 1)")
        }
        continue
      }
      if byte == delimiter {
        position += 1
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        continue
      }
      if try consumeLineEnd() {
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(fields: fields, line: start)
      }
      if byte == UInt8(ascii: "\"") {
        try skipRestOfLine()
        throw CSVError(line: start, problem: "quote inside unquoted field \(fields.count + 1)")
      }
      field.append(byte)
      position += 1
    }
  }

  private func readQuoted(into field: inout [UInt8], recordLine: Int) throws {
    while true {
      guard let byte = try peek() else {
        throw CSVError(line: recordLine, problem: "quoted field never closed")
      }
      position += 1
      if byte == UInt8(ascii: "\"") {
        if try peek() == UInt8(ascii: "\"") {
          position += 1
          field.append(byte)
          continue
        }
        return
      }
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D, try peek() != 0x0A {
        line += 1
      }
      field.append(byte)
    }
  }
}
