import Foundation

/// A request as the web app sees it: no Hummingbird type, so that every route is testable
/// without a network.
public struct ServeRequest: Sendable {
  /// "GET", "POST", …
  public var method: String
  /// The path without the query ("/api/classify").
  public var path: String
  /// The query's parameters (the first value of each name), percent-decoded.
  public var query: [String: String]
  /// The body's bytes (at most ``ServeLimits/uploadBytes``).
  public var body: [UInt8]

  /// A request from its parts.
  public init(method: String, path: String, query: [String: String] = [:], body: [UInt8] = []) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
  }

  /// Parses a request target ("/app/explain?corpus=…&id=…") into path and query.
  public static func split(target: String) -> (path: String, query: [String: String]) {
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    var query: [String: String] = [:]
    if parts.count == 2 {
      for pair in parts[1].split(separator: "&") {
        let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        func decode(_ text: Substring) -> String {
          String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            ?? String(text)
        }
        let name = decode(nameValue[0])
        if query[name] == nil { query[name] = nameValue.count == 2 ? decode(nameValue[1]) : "" }
      }
    }
    return (String(parts.first ?? "/"), query)
  }
}

/// A response of the web app.
public struct ServeResponse: Sendable {
  /// HTTP status code.
  public var status: Int
  /// The Content-Type header.
  public var contentType: String
  /// The body.
  public var body: [UInt8]
  /// Other headers (Content-Disposition for downloads).
  public var headers: [(String, String)] = []

  /// The body as text (for tests and logs).
  public var text: String { String(decoding: body, as: UTF8.self) }

  static func json(_ text: String, status: Int = 200) -> ServeResponse {
    ServeResponse(
      status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
  }

  static func html(_ text: String) -> ServeResponse {
    ServeResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
  }

  static func download(_ text: String, name: String, type: String) -> ServeResponse {
    ServeResponse(
      status: 200, contentType: "\(type); charset=utf-8", body: Array(text.utf8),
      headers: [("Content-Disposition", "attachment; filename=\"\(name)\"")])
  }
}

/// Why a request failed: an HTTP status and one line for the person or program that sent it.
public struct ServeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// HTTP status code (400 bad input, 404 unknown, 413 too large, 422 invalid content).
  public var status: Int
  /// What is wrong, in lower case.
  public var message: String
  /// Every problem when there are several (a curriculum's), as "line:column: message".
  public var problems: [String] = []

  public var description: String { message }

  static func badRequest(_ message: String) -> ServeError {
    ServeError(status: 400, message: message)
  }
  static func notFound(_ message: String) -> ServeError {
    ServeError(status: 404, message: message)
  }
  static func tooLarge(_ what: String, limit: Int) -> ServeError {
    ServeError(
      status: 413,
      message: "\(what) is larger than the limit of \(ServeLimits.describe(bytes: limit))")
  }
}

/// The web app's limits: what one request may send, and what the server keeps.
public struct ServeLimits: Sendable, Equatable {
  /// Bytes of one request body (an upload of postings or a curriculum).
  public var uploadBytes = 32 << 20
  /// Bytes of all the files of a zip upload, uncompressed (a zip bomb stops here).
  public var unzippedBytes = 128 << 20
  /// Files in a zip upload.
  public var zipEntries = 20_000
  /// Postings in one API request or one upload.
  public var postings = 50_000
  /// Postings in one `/api/classify` or `/api/skills` request.
  public var apiPostings = 1_000
  /// Corpora kept in memory (the least recently used is dropped first; the sample stays).
  public var corpora = 12
  /// Entries of an exclusion list or of ids asked for at once.
  public var listEntries = 10_000

  public init() {}

  /// "32 MB", "512 KB".
  public static func describe(bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
  }
}
