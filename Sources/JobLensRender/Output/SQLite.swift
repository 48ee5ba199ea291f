internal import CSQLiteShim

/// An error from SQLite, with the statement or file it concerns.
public struct SQLiteError: Error, CustomStringConvertible, Equatable {
  /// SQLite's result code.
  public var code: Int32
  /// SQLite's English message.
  public var message: String
  /// The database file, when the error concerns one that is open.
  public var path: String? = nil
  public var description: String {
    "sqlite: " + (path.map { "'\($0)': " } ?? "") + "\(message) (code \(code))"
  }
}

/// A connection to an SQLite database (the system's libsqlite3). Not safe to share between
/// threads.
public final class SQLiteDatabase {
  fileprivate let handle: OpaquePointer
  private var statements: [String: SQLiteStatement] = [:]
  /// The database file, named in every error ("database or disk is full" says not which).
  public let path: String

  /// Opens (and, with `create`, creates) the database at `path`.
  /// - Throws: ``SQLiteError`` naming the file.
  public init(path: String, create: Bool = true) throws {
    var opened: OpaquePointer?
    let code = jl_sqlite_open(path, create ? 1 : 0, &opened)
    guard code == JL_SQLITE_OK, let opened else {
      let message = opened.map { String(cString: jl_sqlite_message($0)) } ?? "out of memory"
      if let opened { jl_sqlite_close(opened) }
      throw SQLiteError(code: code, message: "cannot open '\(path)': \(message)")
    }
    handle = opened
    self.path = path
  }

  deinit {
    statements.removeAll()
    jl_sqlite_close(handle)
  }

  /// Runs SQL that returns no rows (several statements allowed).
  public func execute(_ sql: String) throws {
    let code = jl_sqlite_execute(handle, sql)
    guard code == JL_SQLITE_OK else { throw error(code) }
  }

  /// A prepared statement for `sql`, cached by its text (owned by the connection).
  func statement(_ sql: String) throws -> SQLiteStatement {
    if let cached = statements[sql] { return cached }
    var prepared: OpaquePointer?
    let code = jl_sqlite_prepare(handle, sql, &prepared)
    guard code == JL_SQLITE_OK, let prepared else { throw error(code) }
    let statement = SQLiteStatement(handle: prepared, database: self)
    statements[sql] = statement
    return statement
  }

  /// Runs a statement once with `values` bound to its parameters.
  public func run(_ sql: String, _ values: [SQLiteValue]) throws {
    let statement = try statement(sql)
    try statement.bind(values)
    try statement.stepToEnd()
  }

  /// The rows of a query, each as an array of values.
  public func rows(_ sql: String, _ values: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
    let statement = try statement(sql)
    try statement.bind(values)
    var rows: [[SQLiteValue]] = []
    while try statement.step() { rows.append(statement.row) }
    try statement.reset()
    return rows
  }

  fileprivate func error(_ code: Int32) -> SQLiteError {
    SQLiteError(code: code, message: String(cString: jl_sqlite_message(handle)), path: path)
  }
}

/// A value in or out of SQLite.
public enum SQLiteValue: Equatable, Sendable {
  /// SQL NULL.
  case null
  /// An integer.
  case integer(Int64)
  /// A floating-point number.
  case real(Double)
  /// UTF-8 text.
  case text(String)

  /// The value as text (nil for NULL).
  public var text: String? {
    switch self {
    case .null: nil
    case .integer(let value): String(value)
    case .real(let value): String(value)
    case .text(let value): value
    }
  }
}

/// A prepared statement; reset after each use.
final class SQLiteStatement {
  private let handle: OpaquePointer
  private unowned let database: SQLiteDatabase

  fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
    self.handle = handle
    self.database = database
  }

  deinit { jl_sqlite_finalize(handle) }

  /// Binds `values` to parameters 1, 2, ….
  func bind(_ values: [SQLiteValue]) throws {
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .null: code = jl_sqlite_bind_null(handle, index)
      case .integer(let number): code = jl_sqlite_bind_int(handle, index, number)
      case .real(let number): code = jl_sqlite_bind_double(handle, index, number)
      case .text(let text):
        code = text.withCString { jl_sqlite_bind_text(handle, index, $0, Int32(text.utf8.count)) }
      }
      guard code == JL_SQLITE_OK else { throw database.error(code) }
    }
  }

  /// Steps once: true when a row is available.
  func step() throws -> Bool {
    let code = jl_sqlite_step(handle)
    if code == JL_SQLITE_ROW { return true }
    if code == JL_SQLITE_DONE { return false }
    let error = database.error(code)
    _ = jl_sqlite_reset(handle)
    throw error
  }

  /// Steps until done and resets.
  func stepToEnd() throws {
    while try step() {}
    try reset()
  }

  /// Resets for the next use and clears the bindings.
  func reset() throws {
    _ = jl_sqlite_reset(handle)
  }

  /// The current row.
  var row: [SQLiteValue] {
    (0..<jl_sqlite_column_count(handle)).map { column in
      switch jl_sqlite_column_type(handle, column) {
      case 1: return .integer(jl_sqlite_column_int(handle, column))
      case 2: return .real(jl_sqlite_column_double(handle, column))
      case 3, 4:
        var length: Int32 = 0
        guard let text = jl_sqlite_column_text(handle, column, &length) else { return .null }
        return .text(
          String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self))
      default: return .null
      }
    }
  }
}
