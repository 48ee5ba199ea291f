/// Why an interrupted run cannot be continued into its output.
public enum ResumeError: Error, Equatable, CustomStringConvertible {
  /// The output was written by a run with another manifest (index, version or options).
  case manifestMismatch(path: String)
  /// The output has no manifest line to check.
  case noManifest(path: String)
  /// A database output already holds analyses and `--resume` was not given.
  case notEmpty(path: String)
  /// The input's records are not the ones already written.
  case inputMismatch(path: String, record: Int, written: String?, input: String?)

  public var description: String {
    switch self {
    case .manifestMismatch(let path):
      "cannot resume '\(path)': it was written with another index, version or options"
    case .noManifest(let path):
      "cannot resume '\(path)': its first line is not a run manifest"
    case .notEmpty(let path):
      "'\(path)' already holds analyses (use --resume to continue that run, or another file)"
    case .inputMismatch(let path, let record, let written, let input):
      "cannot resume '\(path)': record \(record) was '\(written ?? "null")' "
        + "but the input now has '\(input ?? "null")'"
    }
  }
}

/// What an interrupted JSONL run left behind: its manifest line, the ids of the complete
/// records after it, and the length of the file up to the last complete line (a half-written
/// last line is cut off before appending).
public struct ResumePoint: Sendable, Equatable {
  /// The first line (the manifest), with its newline.
  public var manifestLine: String
  /// The ids of the records written, in order (nil for error records without an id).
  public var ids: [String?]
  /// Bytes up to and including the last complete line.
  public var completeLength: Int

  /// Reads a JSONL output written by `joblens classify`.
  /// - Throws: ``ResumeError/noManifest(path:)``, or an ``InputError`` when unreadable.
  public static func read(path: String) throws -> ResumePoint {
    let lines = LineReader(chunks: try ByteStream(path: path).next)
    var manifestLine: String?
    var ids: [String?] = []
    var length = 0
    while let line = try lines.next() {
      guard lines.endedWithNewline else { break }
      if manifestLine == nil {
        guard let value = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0) }),
          value["manifest"] != nil
        else { throw ResumeError.noManifest(path: path) }
        manifestLine = String(decoding: line, as: UTF8.self) + "\n"
      } else {
        let value = try? line.withUnsafeBufferPointer { try JSONParser.parse($0) }
        ids.append(value?["id"]?.textValue)
      }
      length = lines.consumed
    }
    guard let manifestLine else { throw ResumeError.noManifest(path: path) }
    return ResumePoint(manifestLine: manifestLine, ids: ids, completeLength: length)
  }
}
