public import JobLensCore

/// Reads postings from JSON Lines: one JSON object per line, with string (or number) id and
/// string title and text. A line that is not a JSON object, or whose fields have the wrong
/// type, becomes a failure record naming file, line and field, and so does a line longer than
/// the line reader's limit; blank lines are skipped, and so is a byte-order mark at the start. A read error (such as corrupt gzip data) becomes a failure
/// record naming the line where it happened and ends the input.
public final class JSONLPostingReader: PostingReader {
  private let lines: LineReader
  private let name: String
  private let fields: PostingFields

  /// Reads lines from `lines`; `name` is the file name used in sources and messages.
  public init(lines: LineReader, name: String, fields: PostingFields = PostingFields()) {
    self.lines = lines
    self.name = name
    self.fields = fields
  }

  private var finished = false
  private var started = false

  /// The next record, or nil at the end.
  public func next() -> InputRecord? {
    guard !finished else { return nil }
    do {
      if let line = try lines.nextNonBlank() {
        if !started, let order = UTF8Text.utf16ByteOrder(line) {
          // Else every line is "invalid JSON: unexpected character".
          finished = true
          return .failure(
            id: nil, source: "\(name):\(lines.lineNumber)",
            message: UTF8Text.utf16Message(order))
        }
        started = true
        if let length = lines.skippedLength {
          return .failure(
            id: nil, source: "\(name):\(lines.lineNumber)",
            message: "line too long for one record: \(length) bytes, over the "
              + "\(String(describingLimit: lines.lineLimit)) limit; skipped")
        }
        return JSONLPostingReader.record(
          line, source: "\(name):\(lines.lineNumber)", fields: fields)
      }
    } catch {
      finished = true
      return .failure(id: nil, source: "\(name):\(lines.lineNumber + 1)", message: "\(error)")
    }
    finished = true
    return nil
  }

  /// Turns one JSON line into a record.
  static func record(_ line: [UInt8], source: String, fields: PostingFields) -> InputRecord {
    let value: JSONValue
    do {
      value = try JSONParser.parse(
        line: line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line[...])
    } catch {
      return .failure(id: nil, source: source, message: "invalid JSON: \(error)")
    }
    return record(value, source: source, fields: fields)
  }

  /// Turns one parsed JSON line into a record, as `joblens classify` reads it (the evaluator
  /// reads gold postings through it too, so that both analyse the same posting).
  package static func record(
    _ value: JSONValue, source: String, fields: PostingFields
  ) -> InputRecord {
    guard case .object = value else {
      return .failure(
        id: nil, source: source, message: "expected a JSON object, found \(value.typeName)")
    }
    var id: String?
    if let raw = value[fields.id] {
      guard let textID = raw.textValue else {
        return .failure(
          id: nil, source: source,
          message: "field '\(fields.id)' is \(raw.typeName), expected a string or number")
      }
      id = textID
    }
    /// A string field: its value, nil when absent or null, or the type problem.
    func string(_ field: String) -> (value: String?, problem: String?) {
      guard let raw = value[field] else { return (nil, nil) }
      switch raw {
      case .string(let text): return (text, nil)
      case .null: return (nil, nil)
      default: return (nil, "field '\(field)' is \(raw.typeName), expected a string")
      }
    }
    let title = string(fields.title)
    if let problem = title.problem { return .failure(id: id, source: source, message: problem) }
    var body: String?
    for field in [fields.text] + fields.alternatives {
      let found = string(field)
      if let problem = found.problem { return .failure(id: id, source: source, message: problem) }
      body = found.value
      if body != nil { break }
    }
    guard title.value != nil || body != nil else {
      return .failure(
        id: id, source: source,
        message: "no '\(fields.title)' or '\(fields.text)' field")
    }
    return .posting(
      Posting(id: id ?? source, title: title.value ?? "", text: body ?? "", source: source)
        .readingHTML(fields.html))
  }
}
