import JobLensAnalysis
public import JobLensBatch

/// Writes analyses into an SQLite database, for querying with SQL (`sqlite3 FILE`).
///
/// Tables (one row per posting in `postings`, keyed by `ordinal`, the record's position in the
/// input from 1; the other tables refer to it):
/// - `manifest(key, value)`: the run manifest;
/// - `postings(ordinal, id, source, title, coded_title, isco_code, isco_level, isco_label,
///   isco_confidence, isco_reason, top_share, herfindahl, duplicate_of, error, text)`, where
///   `text` is the text analysed when it was derived from the input (HTML, text files: the
///   evidence offsets refer to it); a record that failed has only `ordinal`, `id`, `source`
///   and `error`;
/// - `skills(ordinal, rank, uri, label, type, skill_group, score, literal)`;
/// - `occupations(ordinal, rank, uri, label, isco, score, margin)`;
/// - `mix(ordinal, isco, label, share)`;
/// - `evidence(ordinal, kind, code, field, start, end, text, label)`: kind is `skill`
///   (code = skill URI), `occupation` (occupation URI) or `mix` (ISCO unit group); offsets are
///   code points into `field`;
/// with indexes on the codes (`skills.uri`, `occupations.isco`, `occupations.uri`, `mix.isco`,
/// `postings.isco_code`, `postings.id`).
///
/// Records are committed in transactions of ``batchSize``: a killed run leaves whole records
/// only, and ``writtenIDs()`` tells where to continue.
public final class AnalysisDatabase {
  /// Records per transaction.
  public var batchSize = 500
  private let database: SQLiteDatabase
  private var ordinal: Int
  private var inTransaction = false
  private var pending = 0

  static let schema = """
    CREATE TABLE IF NOT EXISTS manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS postings(
      ordinal INTEGER PRIMARY KEY, id TEXT, source TEXT, title TEXT, coded_title TEXT,
      isco_code TEXT, isco_level INTEGER, isco_label TEXT, isco_confidence REAL, isco_reason TEXT,
      top_share REAL, herfindahl REAL, duplicate_of TEXT, error TEXT, text TEXT);
    CREATE TABLE IF NOT EXISTS skills(
      ordinal INTEGER NOT NULL REFERENCES postings, rank INTEGER NOT NULL, uri TEXT NOT NULL,
      label TEXT, type TEXT, skill_group TEXT, score REAL, literal INTEGER);
    CREATE TABLE IF NOT EXISTS occupations(
      ordinal INTEGER NOT NULL REFERENCES postings, rank INTEGER NOT NULL, uri TEXT NOT NULL,
      label TEXT, isco TEXT, score REAL, margin REAL);
    CREATE TABLE IF NOT EXISTS mix(
      ordinal INTEGER NOT NULL REFERENCES postings, isco TEXT NOT NULL, label TEXT, share REAL);
    CREATE TABLE IF NOT EXISTS evidence(
      ordinal INTEGER NOT NULL REFERENCES postings, kind TEXT NOT NULL, code TEXT NOT NULL,
      field TEXT, start INTEGER, end INTEGER, text TEXT, label TEXT);
    """

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
        throw ResumeError.manifestMismatch(path: path)
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
    let key = SQLiteValue.integer(Int64(ordinal + 1))
    try database.execute("SAVEPOINT record")
    do {
      switch result {
      case .failure(let id, let source, let message):
        try database.run(
          "INSERT INTO postings(ordinal, id, source, error) VALUES (?, ?, ?, ?)",
          [key, id.map(SQLiteValue.text) ?? .null, .text(source), .text(message)])
      case .analysis(let analysis, let source):
        try insert(analysis, source: source, key: key)
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

  private func insert(_ analysis: PostingAnalysis, source: String, key: SQLiteValue) throws {
    let isco = analysis.isco
    func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
    try database.run(
      """
      INSERT INTO postings(ordinal, id, source, title, coded_title, isco_code, isco_level,
        isco_label, isco_confidence, isco_reason, top_share, herfindahl, duplicate_of, text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        key, .text(analysis.id), .text(source), .text(analysis.title), .text(analysis.codedTitle),
        text(isco.code), .integer(Int64(isco.level)), text(isco.label), .real(isco.confidence),
        text(isco.reason), .real(analysis.mix.topShare), .real(analysis.mix.herfindahl),
        text(analysis.duplicate?.of), text(analysis.derivedText),
      ])
    for (rank, skill) in analysis.skills.enumerated() {
      try database.run(
        "INSERT INTO skills VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
          key, .integer(Int64(rank + 1)), .text(skill.uri), .text(skill.label),
          .text(skill.type.name),
          .text(skill.group), .real(skill.score), .integer(skill.isLiteral ? 1 : 0),
        ])
      for span in skill.evidence { try insert(span, kind: "skill", code: skill.uri, key: key) }
    }
    for (rank, occupation) in analysis.occupations.enumerated() {
      try database.run(
        "INSERT INTO occupations VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
          key, .integer(Int64(rank + 1)), .text(occupation.uri), .text(occupation.label),
          .text(occupation.isco), .real(occupation.score), .real(occupation.margin),
        ])
      for support in occupation.evidence {
        if let span = support.evidence {
          try insert(span, kind: "occupation", code: occupation.uri, key: key)
        }
      }
    }
    for share in analysis.mix.shares {
      try database.run(
        "INSERT INTO mix VALUES (?, ?, ?, ?)",
        [key, .text(share.isco), .text(share.label), .real(share.share)])
      for span in share.phrases { try insert(span, kind: "mix", code: share.isco, key: key) }
    }
  }

  private func insert(_ span: Evidence, kind: String, code: String, key: SQLiteValue) throws {
    try database.run(
      "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [
        key, .text(kind), .text(code), .text(span.field.rawValue), .integer(Int64(span.start)),
        .integer(Int64(span.end)), .text(span.text), .text(span.label),
      ])
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
