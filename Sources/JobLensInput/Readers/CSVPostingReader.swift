import JobLensCore

/// Reads postings from CSV or TSV with a header row (RFC 4180: quoted fields may hold
/// delimiters, quotes and line breaks). Columns are found by name, case-insensitively; the text
/// column may be any of ``PostingFields/alternatives``. A row with the wrong number of fields or
/// broken quoting becomes a failure record naming file, line and problem; a header without a
/// title or text column is one failure record for the whole file.
public final class CSVPostingReader: PostingReader {
  private let name: String
  private let fields: PostingFields
  private var reader: CSVReader?
  private var columns: (id: Int?, title: Int?, text: Int?, count: Int)?
  private var finished = false
  /// A failure met while opening, returned by the first `next()`.
  private var pendingFailure: InputRecord?

  /// Reads `stream`, naming it `name` in sources and messages.
  public init(stream: ByteStream, name: String, delimiter: UInt8, fields: PostingFields) {
    self.name = name
    self.fields = fields
    do {
      let reader = try CSVReader(delimiter: delimiter, source: stream.next)
      reader.recordLimit = DirectoryPostingReader.fileSizeLimit
      let header = try reader.firstLine()
      if let order = UTF8Text.utf16ByteOrder(header) {
        pendingFailure = .failure(
          id: nil, source: "\(name):1", message: UTF8Text.utf16Message(order))
      } else if delimiter == UInt8(ascii: ","),
        !hasColumns(CSVPostingReader.split(header, delimiter))
      {
        // A header without its columns may be split by another delimiter (';' in many locales).
        let others: [Unicode.Scalar] = [";", "\t", "|"]
        reader.delimiter =
          others.map(UInt8.init(ascii:)).first { hasColumns(CSVPostingReader.split(header, $0)) }
          ?? delimiter
      }
      self.reader = reader
    } catch {
      pendingFailure = .failure(id: nil, source: "\(name):1", message: "\(error)")
    }
  }

  /// The fields of one line split by `delimiter` (none when it is malformed).
  private static func split(_ line: [UInt8], _ delimiter: UInt8) -> [String] {
    (try? CSVReader(bytes: line, delimiter: delimiter).next())?.fields ?? []
  }

  /// Whether a header has a title or a text column.
  private func hasColumns(_ header: [String]) -> Bool {
    let names = Set(header.map { $0.trimmed.lowercased() })
    return ([fields.title, fields.text] + fields.alternatives).contains {
      names.contains($0.lowercased())
    }
  }

  public func next() -> InputRecord? {
    if let failure = pendingFailure {
      pendingFailure = nil
      finished = true
      return failure
    }
    guard !finished, let reader else { return nil }
    while true {
      let record: CSVRecord
      do {
        guard let read = try reader.next() else {
          finished = true
          return nil
        }
        record = read
      } catch let error as CSVError {
        // Without a header the rows cannot be read.
        if columns == nil { finished = true }
        return .failure(
          id: nil, source: "\(name):\(error.line)",
          message: (columns == nil ? "header: " : "") + error.problem)
      } catch {
        finished = true
        return .failure(id: nil, source: "\(name):\(reader.currentLine)", message: "\(error)")
      }
      guard let columns else {
        if let problem = readHeader(record) {
          finished = true
          return .failure(id: nil, source: "\(name):\(record.line)", message: problem)
        }
        continue
      }
      return posting(record, columns)
    }
  }

  /// Finds the columns; returns the problem when the header lacks both title and text.
  private func readHeader(_ header: CSVRecord) -> String? {
    let names = header.fields.map { $0.trimmed.lowercased() }
    func column(_ name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
    let text = ([fields.text] + fields.alternatives).lazy.compactMap(column).first
    let title = column(fields.title)
    guard title != nil || text != nil else {
      return "header has no '\(fields.title)' or '\(fields.text)' column "
        + "(columns: \(header.fields.joined(separator: ", ")))"
    }
    columns = (column(fields.id), title, text, names.count)
    return nil
  }

  private func posting(
    _ record: CSVRecord, _ columns: (id: Int?, title: Int?, text: Int?, count: Int)
  ) -> InputRecord {
    let source = "\(name):\(record.line)"
    let id = columns.id.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
    guard record.fields.count == columns.count else {
      return .failure(
        id: id, source: source,
        message: "row has \(record.fields.count) fields, the header has \(columns.count)")
    }
    return .posting(
      Posting(
        id: id.flatMap { $0.isEmpty ? nil : $0 } ?? source,
        title: columns.title.map { record.fields[$0] } ?? "",
        text: columns.text.map { record.fields[$0] } ?? "", source: source
      ).readingHTML(fields.html))
  }
}
