import Foundation

/// Paths of test inputs: the shared reference folder beside the project, and our fixtures.
enum Fixtures {
  /// The project root (two folders above this file's folder).
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `../shared`, or `$JOBLENS_SHARED` when set.
  static let shared: URL = {
    if let path = ProcessInfo.processInfo.environment["JOBLENS_SHARED"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return root.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// A file under `../shared`.
  static func sharedFile(_ relative: String) -> URL { shared.appendingPathComponent(relative) }

  /// A file under the project root.
  static func projectFile(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// A fixture of ours under `Tests/JobLensTests/Fixtures`.
  static func testFile(_ relative: String) -> URL {
    root.appendingPathComponent("Tests/JobLensTests/Fixtures").appendingPathComponent(relative)
  }

  /// Whether golden files are being re-recorded (`JOBLENS_RECORD=1 swift test`).
  static let recording = ProcessInfo.processInfo.environment["JOBLENS_RECORD"] == "1"

  /// The lines of a UTF-8 text file.
  static func lines(_ url: URL) throws -> [String] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
