public import JobLensBatch
import JobLensCore

/// Writes analyses into an SQLite database, for querying with SQL (`sqlite3 FILE`).
///
/// Tables: `manifest(key, value)`, the run manifest, and the tables of ``AnalysisTables``
/// with their columns (`postings`, one row per record keyed by `ordinal`, the record's position
/// in the input from 1; `skills`, `occupations`, `mix` and `evidence` referring to it), with
/// indexes on the codes (`skills.uri`, `occupations.isco`, `occupations.uri`, `mix.isco`,
/// `evidence.code`, `postings.isco_code`, `postings.id`). Booleans are stored as 0 and 1.
///
/// Records are committed in transactions of ``batchSize``: a killed run leaves whole records
/// only, and ``writtenIDs()`` tells where to continue.
public final class AnalysisDatabase {
  /// Records per transaction.
  public var batchSize = 500
  /// Leave out evidence texts and labels, the derived text and the mix's evidence rows.
  public var lean = false
  private let database: SQLiteDatabase
  private var ordinal: Int
  private var inTransaction = false
  private var pending = 0

  static let schema: String = {
    var sql = "CREATE TABLE IF NOT EXISTS manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    for table in AnalysisTables.Table.allCases {
      let columns = AnalysisTables.columns(table).map { column -> String in
        let type =
          switch column.type {
          case .string: "TEXT"
          case .integer, .boolean: "INTEGER"
          case .number: "REAL"
          }
        switch (table, column.name) {
        case (.postings, "ordinal"): return "ordinal INTEGER PRIMARY KEY"
        case (_, "ordinal"): return "ordinal INTEGER NOT NULL REFERENCES postings"
        default: return "\(column.name) \(type)"
        }
      }
      sql += "CREATE TABLE IF NOT EXISTS \(table.rawValue)(\(columns.joined(separator: ", ")));\n"
    }
    return sql
  }()

  static let indexes = """
    CREATE INDEX IF NOT EXISTS skills_uri ON skills(uri);
    CREATE INDEX IF NOT EXISTS skills_ordinal ON skills(ordinal);
    CREATE INDEX IF NOT EXISTS occupations_isco ON occupations(isco);
    CREATE INDEX IF NOT EXISTS occupations_uri ON occupations(uri);
    CREATE INDEX IF NOT EXISTS mix_isco ON mix(isco);
    CREATE INDEX IF NOT EXISTS evidence_code ON evidence(code);
    CREATE INDEX IF NOT EXISTS postings_isco ON postings(isco_code);
    CREATE INDEX IF NOT EXISTS postings_id ON postings(id);
    """

  /// The insert statement of a table.
  static func insert(into table: AnalysisTables.Table) -> String {
    let marks = Array(repeating: "?", count: AnalysisTables.columns(table).count)
    return "INSERT INTO \(table.rawValue) VALUES (\(marks.joined(separator: ", ")))"
  }

  /// Opens or creates the database at `path` with the tables above. With `resume`, keeps what
  /// is there (after checking the manifest); otherwise the tables must be empty or absent.
  /// - Throws: ``SQLiteError``, or ``ResumeError`` when the database holds another run.
  public init(path: String, manifest: RunManifest, resume: Bool) throws {
    database = try SQLiteDatabase(path: path)
    try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    try database.execute(AnalysisDatabase.schema)
    let stored = try database.rows("SELECT key, value FROM manifest ORDER BY key")
    let existing = try database.rows("SELECT count(*) FROM postings")[0][0]
    ordinal = Int(existing.text ?? "0") ?? 0
    let entries = manifest.entries
    if resume && !stored.isEmpty {
      let storedEntries = stored.map { ($0[0].text ?? "", $0[1].text ?? "") }
      guard storedEntries.elementsEqual(entries.sorted { $0.0 < $1.0 }, by: ==) else {
        throw ResumeError.manifestMismatch(
          path: path, differences: ResumeError.differences(stored: storedEntries, current: entries))
      }
    } else {
      guard stored.isEmpty && ordinal == 0 else {
        throw ResumeError.notEmpty(path: path)
      }
      for (key, value) in entries {
        try database.run(
          "INSERT INTO manifest(key, value) VALUES (?, ?)", [.text(key), .text(value)])
      }
    }
  }

  /// The ids of the records already in the database, in input order (nil for failures without
  /// an id).
  public func writtenIDs() throws -> [String?] {
    try database.rows("SELECT id FROM postings ORDER BY ordinal").map { $0[0].text }
  }

  /// How many of the records already in the database are failures.
  public func failedCount() throws -> Int {
    Int(
      try database.rows("SELECT count(*) FROM postings WHERE error IS NOT NULL")[0][0].text ?? "0")
      ?? 0
  }

  /// Adds one result (the next record in input order): all of its rows, or none.
  public func add(_ result: BatchResult) throws {
    if !inTransaction {
      try database.execute("BEGIN")
      inTransaction = true
    }
    try database.execute("SAVEPOINT record")
    do {
      for table in AnalysisTables.Table.allCases {
        let insert = AnalysisDatabase.insert(into: table)
        let rows = AnalysisTables.rows(result, ordinal: ordinal + 1, table: table, lean: lean)
        for row in rows {
          try database.run(insert, row.map(AnalysisDatabase.value))
        }
      }
    } catch {
      try? database.execute("ROLLBACK TO record; RELEASE record")
      throw error
    }
    try database.execute("RELEASE record")
    ordinal += 1
    pending += 1
    if pending >= batchSize { try commit() }
  }

  /// A cell as SQLite stores it: numbers rounded as the other formats write them.
  static func value(_ value: AnalysisTables.Value) -> SQLiteValue {
    switch value {
    case .text(let text): .text(text)
    case .integer(let number): .integer(Int64(number))
    case .number(let number): .real(Double(JSONWriter.format(number, decimals: 4)) ?? number)
    case .boolean(let flag): .integer(flag ? 1 : 0)
    case .null: .null
    }
  }

  private func commit() throws {
    guard inTransaction else { return }
    try database.execute("COMMIT")
    inTransaction = false
    pending = 0
  }

  /// Commits what is pending and creates the indexes.
  public func finish() throws {
    try commit()
    try database.execute(AnalysisDatabase.indexes)
  }

  /// Rows of a query on the database (for tests and scripts).
  public func rows(_ sql: String) throws -> [[SQLiteValue]] { try database.rows(sql) }
}
