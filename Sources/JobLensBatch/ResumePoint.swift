import Foundation
import JobLensCore
import JobLensInput

/// Why an interrupted run cannot be continued into its output.
public enum ResumeError: Error, Equatable, CustomStringConvertible {
  /// The output was written by a run with another manifest (index, version or options);
  /// `differences` says which entries differ, as "NAME WAS, now IS".
  case manifestMismatch(path: String, differences: [String])
  /// The output is not a JSONL output of `joblens classify` (no run manifest first).
  case notAnOutput(path: String)
  /// A database output already holds analyses and resuming was not asked for.
  case notEmpty(path: String)
  /// The input's records are not the ones already written.
  case inputMismatch(path: String, record: Int, written: String?, input: String?)
  /// The input ends before the records already written do.
  case inputEnded(path: String, records: Int, written: Int)

  public var description: String {
    switch self {
    case .manifestMismatch(let path, let differences):
      "cannot resume '\(path)': it was written with another index, version or options"
        + (differences.isEmpty
          ? ""
          : " (\(differences.prefix(3).joined(separator: "; "))\(differences.count > 3 ? "; …" : ""))")
    case .notAnOutput(let path):
      "cannot resume '\(path)': it is not a joblens classify output (its first line is not a "
        + "run manifest); write to another file, or remove it to start afresh"
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

extension ResumeError {
  /// The entries that differ between a stored manifest and the current one, in the current
  /// order, as "NAME WAS, now IS" (options without their "option." prefix).
  public static func differences(
    stored: [(String, String)], current: [(String, String)]
  ) -> [String] {
    let was = Dictionary(stored, uniquingKeysWith: { first, _ in first })
    let now = Dictionary(current, uniquingKeysWith: { first, _ in first })
    let names = current.map(\.0) + stored.map(\.0).filter { now[$0] == nil }
    return names.compactMap { name in
      guard was[name] != now[name] else { return nil }
      let shown = name.hasPrefix("option.") ? String(name.dropFirst("option.".count)) : name
      return "\(shown) \(was[name] ?? "(none)"), now \(now[name] ?? "(none)")"
    }
  }

  /// The mismatch of a manifest kept in a file of its own (`classify --manifest FILE`):
  /// `stored` is the file's text, `current` the run's manifest object; the entries that
  /// differ are listed when the file holds a manifest.
  public static func manifestMismatch(
    path: String, stored: String, current: String
  ) -> ResumeError {
    func entries(_ text: String) -> [(String, String)] {
      (try? JSONParser.parse(text)).map { Self.entries($0) } ?? []
    }
    let was = entries(stored)
    let listed = was.isEmpty ? [] : differences(stored: was, current: entries(current))
    return .manifestMismatch(path: path, differences: listed)
  }

  /// A JSON run manifest as ``RunManifest/entries``: its fields, and its options as
  /// "option.NAME" (the attribution left out).
  static func entries(_ manifest: JSONValue) -> [(String, String)] {
    guard case .object(let members) = manifest else { return [] }
    var entries: [(String, String)] = []
    for (key, value) in members where key != "attribution" {
      if key == "options", case .object(let options) = value {
        entries += options.map { ("option.\($0.0)", $0.1.textValue ?? $0.1.typeName) }
      } else {
        entries.append((key, value.textValue ?? value.typeName))
      }
    }
    return entries
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
  /// - Throws: ``ResumeError/manifestMismatch(path:differences:)``,
  ///   ``ResumeError/notAnOutput(path:)``, or ``InputError`` when unreadable.
  public static func read(path: String, manifestLine: String?) throws -> ResumePoint? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let lines = LineReader(chunks: try ByteStream(path: path).next)
    var point = ResumePoint(ids: [], failed: 0, completeLength: 0)
    if let manifestLine {
      guard let first = try lines.next(), lines.endedWithNewline else { return nil }
      guard String(decoding: first, as: UTF8.self) + "\n" == manifestLine else {
        guard let stored = (try? JSONParser.parse(line: first))?["manifest"],
          case .object = stored, let current = try? JSONParser.parse(manifestLine)["manifest"]
        else { throw ResumeError.notAnOutput(path: path) }
        throw ResumeError.manifestMismatch(
          path: path,
          differences: ResumeError.differences(
            stored: ResumeError.entries(stored), current: ResumeError.entries(current)))
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
