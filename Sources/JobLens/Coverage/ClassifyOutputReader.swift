/// Reads the analyses of a `joblens classify` JSONL output back as posting demand, so that
/// coverage can run on analyses made earlier (or elsewhere) without analysing again.
public final class ClassifyOutputReader {
  private let lines: LineReader
  private let name: String
  private var finished = false

  /// One line of the output.
  public enum Record: Sendable, Equatable {
    case demand(PostingDemand)
    /// An error record of the run, or a line that cannot be read; `source` is file:line.
    case failure(source: String, message: String)
  }

  /// Whether a file starts like a classify output (a `{"manifest":` first line).
  public static func recognizes(path: String) -> Bool {
    guard let stream = try? ByteStream(path: path, chunkSize: 4096),
      let first = try? stream.next()
    else { return false }
    var start = first[...]
    if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
    return start.starts(with: Array(#"{"manifest":"#.utf8))
  }

  /// Reads `path` (checking that its first line is a manifest).
  /// - Throws: ``InputError`` when the file cannot be read or is no classify output.
  public init(path: String) throws {
    lines = LineReader(chunks: try ByteStream(path: path).next)
    name = path
    guard ClassifyOutputReader.recognizes(path: path), (try? lines.next()) != nil else {
      throw InputError.unreadable(path: path, reason: "not a joblens classify output")
    }
  }

  /// The next record, or nil at the end.
  public func next() -> Record? {
    guard !finished else { return nil }
    do {
      while let line = try lines.next() {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        let source = "\(name):\(lines.lineNumber)"
        let value: JSONValue
        do {
          value = try UTF8Text(validating: line).bytes.withUnsafeBufferPointer {
            try JSONParser.parse($0)
          }
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
