public import JobLensBatch

/// Every table of ``AnalysisTables`` in one stream, for programs that read them all at once
/// (the Python package, which gives them to pandas' CSV reader): for each batch of records,
/// one block per table, a line `@TABLE ROWS BYTES` and then `BYTES` bytes of CSV rows (no
/// header; the columns of ``AnalysisTables/columns(_:)``, cells as ``AnalysisCSV`` writes
/// them). A run starts with a block `@columns TABLES BYTES` naming each table's columns (one CSV
/// row per table: its name, then its columns), after a block `@manifest 1 BYTES` holding the
/// run manifest (JSON) unless the manifest is written apart.
public struct AnalysisTableStream {
  /// Records per batch of blocks.
  public var batchSize = 64
  /// Leave out texts, as ``AnalysisTables/rows(_:ordinal:table:lean:)`` does.
  public var lean: Bool
  private var texts: [String]
  private var rowCounts: [Int]
  private var pending = 0

  /// An empty stream.
  public init(lean: Bool = false) {
    self.lean = lean
    texts = Array(repeating: "", count: AnalysisTables.Table.allCases.count)
    rowCounts = Array(repeating: 0, count: AnalysisTables.Table.allCases.count)
  }

  /// The block naming the tables' columns, so that a reader needs no schema of its own (and
  /// finds tables added later).
  public static var columnsBlock: String {
    let rows = AnalysisTables.Table.allCases.map { table in
      AnalysisCSV.row([table.rawValue] + AnalysisTables.columns(table).map(\.name))
    }
    return block("columns", rows: rows.count, rows.joined())
  }

  /// The block of the run manifest.
  public static func manifestBlock(_ manifest: RunManifest) -> String {
    block("manifest", rows: 1, manifest.json + "\n")
  }

  /// Adds a result (`ordinal` is its position in the input, from 1); returns the blocks to
  /// write when a batch is complete, else "".
  public mutating func add(_ result: BatchResult, ordinal: Int) -> String {
    for (position, table) in AnalysisTables.Table.allCases.enumerated() {
      let rows = AnalysisTables.rows(result, ordinal: ordinal, table: table, lean: lean)
      for row in rows { texts[position] += AnalysisCSV.row(row.map(AnalysisCSV.cell)) }
      rowCounts[position] += rows.count
    }
    pending += 1
    return pending >= batchSize ? flush() : ""
  }

  /// The blocks of the records added since the last batch (at the end of a run).
  public mutating func flush() -> String {
    guard pending > 0 else { return "" }
    var output = ""
    for (position, table) in AnalysisTables.Table.allCases.enumerated() {
      output += AnalysisTableStream.block(
        table.rawValue, rows: rowCounts[position], texts[position])
      texts[position] = ""
      rowCounts[position] = 0
    }
    pending = 0
    return output
  }

  private static func block(_ name: String, rows: Int, _ text: String) -> String {
    "@\(name) \(rows) \(text.utf8.count)\n" + text
  }
}
