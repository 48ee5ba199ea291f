import JobLensCore

/// A CSV file with a header, whose columns are found by name (case-insensitive).
final class CSVTable {
  let name: String
  let header: [String]
  private let reader: CSVReader
  /// Malformed records, skipped.
  private(set) var warnings: [TaxonomyWarning] = []

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
    while true {
      let record: CSVRecord?
      do {
        record = try reader.next()
      } catch let error as CSVError {
        warnings.append(TaxonomyWarning(file: name, line: error.line, message: error.problem))
        continue
      }
      guard let record else { return }
      if record.fields.count < header.count {
        warnings.append(
          TaxonomyWarning(
            file: name, line: record.line,
            message: "\(record.fields.count) fields where the header has \(header.count)"))
        continue
      }
      try body(Record(fields: record.fields, line: record.line))
    }
  }
}
