public import JobLensCore
import JobLensInput

/// Reads the analyses of a `joblens classify` JSONL output back as posting demand, so that
/// coverage can run on analyses made earlier (or elsewhere) without analysing again.
public final class ClassifyOutputReader {
  private let lines: LineReader
  private let name: String
  private var finished = false
  /// The run manifest of the output (the object inside `{"manifest": …}`), or null when the
  /// output has none (written with `--manifest FILE`).
  public let manifest: JSONValue
  /// The first record, read while looking for the manifest.
  private var firstRecord: (line: [UInt8], number: Int)?

  /// One line of the output.
  public enum Record: Sendable, Equatable {
    case demand(PostingDemand)
    /// An error record of the run, or a line that cannot be read; `source` is file:line.
    case failure(source: String, message: String)
  }

  /// Whether a file (not standard input) starts like a classify output: `{"manifest":`, or
  /// an analysis (`{"id":…,"title":…,"coded_title":…`) when the manifest was written apart.
  public static func recognizes(path: String) -> Bool {
    guard path != "-", let stream = try? ByteStream(path: path, chunkSize: 1 << 16),
      let first = try? stream.next()
    else { return false }
    if first.starts(with: Array(#"{"manifest":"#.utf8)) { return true }
    guard first.starts(with: Array(#"{"id":"#.utf8)) else { return false }
    let line = first.prefix { $0 != 0x0A }
    return String(decoding: line, as: UTF8.self).contains(#","coded_title":"#)
  }

  /// Reads `path`, which must start with a run manifest line or an analysis.
  /// - Throws: ``InputError`` when the file cannot be read or is no classify output.
  public init(path: String) throws {
    lines = LineReader(chunks: try ByteStream(path: path).next)
    name = path
    guard let first = try lines.nextNonBlank(),
      let value = try? JSONParser.parse(line: first),
      value["manifest"] != nil || value["coded_title"] != nil
    else {
      throw InputError.unreadable(path: path, reason: "not a joblens classify output")
    }
    if let manifest = value["manifest"] {
      self.manifest = manifest
    } else {
      manifest = .null
      firstRecord = (first, lines.lineNumber)
    }
  }

  /// The next record, or nil at the end.
  public func next() -> Record? {
    guard !finished else { return nil }
    do {
      let pending = firstRecord
      firstRecord = nil
      if let line = try pending?.line ?? lines.nextNonBlank() {
        let source = "\(name):\(pending?.number ?? lines.lineNumber)"
        let value: JSONValue
        do {
          value = try JSONParser.parse(line: line)
        } catch {
          return .failure(source: source, message: "invalid JSON: \(error)")
        }
        do {
          guard let demand = try PostingDemand(json: value) else {
            return .failure(
              source: source, message: value["error"]?.stringValue ?? "error record")
          }
          return .demand(demand)
        } catch {
          return .failure(source: source, message: error.description)
        }
      }
    } catch {
      finished = true
      return .failure(source: "\(name):\(lines.lineNumber + 1)", message: "\(error)")
    }
    finished = true
    return nil
  }
}
