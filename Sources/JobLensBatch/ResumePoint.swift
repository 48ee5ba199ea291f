import Foundation
import JobLensCore
import JobLensInput

/// Why an interrupted run cannot be continued into its output.
public enum ResumeError: Error, Equatable, CustomStringConvertible {
  /// The output was written by a run with another manifest (index, version or options).
  case manifestMismatch(path: String)
  /// A database output already holds analyses and resuming was not asked for.
  case notEmpty(path: String)
  /// The input's records are not the ones already written.
  case inputMismatch(path: String, record: Int, written: String?, input: String?)
  /// The input ends before the records already written do.
  case inputEnded(path: String, records: Int, written: Int)

  public var description: String {
    switch self {
    case .manifestMismatch(let path):
      "cannot resume '\(path)': it was written with another index, version or options"
    case .notEmpty(let path):
      "'\(path)' already holds analyses"
    case .inputMismatch(let path, let record, let written, let input):
      "cannot resume '\(path)': record \(record) was '\(written ?? "null")' "
        + "but the input now has '\(input ?? "null")'"
    case .inputEnded(let path, let records, let written):
      "cannot resume '\(path)': the input has \(records) records, the output already \(written)"
    }
  }
}

/// What an interrupted JSONL run left behind: the ids of the complete records after its
/// manifest line, and the length of the file up to the last complete line (a half-written last
/// line is cut off before appending).
public struct ResumePoint: Sendable, Equatable {
  /// The ids of the records written, in order (nil for error records without an id).
  public var ids: [String?]
  /// How many of them are error records.
  public var failed: Int
  /// Bytes up to and including the last complete line.
  public var completeLength: Int

  /// Reads a JSONL output written by `joblens classify` and checks its manifest line (nil
  /// for an output whose manifest was written apart); nil when there is nothing to resume (no
  /// file, or not even a complete manifest line: a run killed at its start).
  /// - Throws: ``ResumeError/manifestMismatch(path:)``, or ``InputError`` when unreadable.
  public static func read(path: String, manifestLine: String?) throws -> ResumePoint? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let lines = LineReader(chunks: try ByteStream(path: path).next)
    var point = ResumePoint(ids: [], failed: 0, completeLength: 0)
    if let manifestLine {
      guard let first = try lines.next(), lines.endedWithNewline else { return nil }
      guard String(decoding: first, as: UTF8.self) + "\n" == manifestLine else {
        throw ResumeError.manifestMismatch(path: path)
      }
      point.completeLength = lines.consumed
    }
    while let line = try lines.next(), lines.endedWithNewline {
      // A complete line that does not parse was damaged after writing: its id is unknown,
      // which the input check then reports.
      let value = try? JSONParser.parse(line: line)
      point.ids.append(value?["id"]?.textValue)
      if value?["error"] != nil { point.failed += 1 }
      point.completeLength = lines.consumed
    }
    return point
  }

  /// Cuts the file at `path` back to its complete records, ready for appending.
  public func truncate(path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.truncate(atOffset: UInt64(completeLength))
  }
}
