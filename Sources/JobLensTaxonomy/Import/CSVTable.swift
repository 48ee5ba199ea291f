import JobLensCore

/// A CSV file with a header, whose columns are found by name (case-insensitive).
final class CSVTable {
  let name: String
  let header: [String]
  private let reader: CSVReader
  /// Malformed records, skipped.
  private(set) var warnings: [TaxonomyWarning] = []
  /// Whether the bytes end with a line break, as every complete ESCO file does.
  private let endsWithLineBreak: Bool
  /// The line of the last row when the file ends inside it (malformed or short, with no line
  /// break after it): the file was cut short.
  private(set) var unfinishedLine: Int?

  /// A column's index, or -1 when optional and absent.
  struct Column {
    let index: Int
  }

  /// One record, read by column.
  struct Record {
    let fields: [String]
    let line: Int

    subscript(column: Column) -> String {
      column.index >= 0 && column.index < fields.count ? fields[column.index] : ""
    }
  }

  init(name: String, bytes: [UInt8]) throws {
    self.name = name
    endsWithLineBreak = bytes.last == 0x0A || bytes.last == 0x0D
    reader = CSVReader(bytes: bytes)
    header = (try reader.next())?.fields.map { $0.trimmed } ?? []
  }

  func column(_ wanted: String) throws(TaxonomyError) -> Column {
    let column = optionalColumn(wanted)
    guard column.index >= 0 else {
      throw .missingColumn(file: name, column: wanted, header: header)
    }
    return column
  }

  func optionalColumn(_ wanted: String) -> Column {
    Column(index: header.firstIndex { $0.lowercased() == wanted.lowercased() } ?? -1)
  }

  /// Calls `body` for each well-formed record; malformed ones go to ``warnings``.
  func forEachRecord(_ body: (Record) throws -> Void) throws {
    /// The line of the last record read when it was malformed or short.
    var badLine: Int?
    while true {
      let record: CSVRecord?
      do {
        record = try reader.next()
      } catch let error as CSVError {
        warnings.append(TaxonomyWarning(file: name, line: error.line, message: error.problem))
        badLine = error.line
        continue
      }
      guard let record else {
        if !endsWithLineBreak { unfinishedLine = badLine }
        return
      }
      if record.fields.count < header.count {
        warnings.append(
          TaxonomyWarning(
            file: name, line: record.line,
            message: "\(record.fields.count) fields where the header has \(header.count)"))
        badLine = record.line
        continue
      }
      badLine = nil
      try body(Record(fields: record.fields, line: record.line))
    }
  }
}
