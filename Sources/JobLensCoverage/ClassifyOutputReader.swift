public import JobLensCore
import JobLensInput

/// Reads the analyses of a `joblens classify` JSONL output back as posting demand, so that
/// coverage can run on analyses made earlier (or elsewhere) without analysing again.
public final class ClassifyOutputReader {
  private let lines: LineReader
  private let name: String
  private var finished = false
  /// The run manifest of the output (the object inside `{"manifest": …}`).
  public let manifest: JSONValue

  /// One line of the output.
  public enum Record: Sendable, Equatable {
    case demand(PostingDemand)
    /// An error record of the run, or a line that cannot be read; `source` is file:line.
    case failure(source: String, message: String)
  }

  /// Whether a file (not standard input) starts like a classify output: `{"manifest":`.
  public static func recognizes(path: String) -> Bool {
    guard path != "-", let stream = try? ByteStream(path: path, chunkSize: 4096),
      let first = try? stream.next()
    else { return false }
    return first.starts(with: Array(#"{"manifest":"#.utf8))
  }

  /// Reads `path`, whose first line must be a run manifest.
  /// - Throws: ``InputError`` when the file cannot be read or is no classify output.
  public init(path: String) throws {
    lines = LineReader(chunks: try ByteStream(path: path).next)
    name = path
    guard let first = try lines.next(),
      let value = try? JSONParser.parse(line: first),
      let manifest = value["manifest"]
    else {
      throw InputError.unreadable(path: path, reason: "not a joblens classify output")
    }
    self.manifest = manifest
  }

  /// The next record, or nil at the end.
  public func next() -> Record? {
    guard !finished else { return nil }
    do {
      if let line = try lines.nextNonBlank() {
        let source = "\(name):\(lines.lineNumber)"
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
