import Foundation
import JobLens

/// Reading the files and streams named on the command line.
enum Input {
  /// The bytes of a file, or of standard input for "-".
  static func readBytes(_ path: String) throws -> [UInt8] {
    if path == "-" {
      return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandError("cannot read '\(path)': \(Input.reason(path))")
    }
    defer { try? handle.close() }
    return Array((try handle.readToEnd()) ?? Data())
  }

  /// A text file (invalid UTF-8 replaced), or standard input for "-".
  static func readText(_ path: String) throws -> UTF8Text {
    UTF8Text(validating: try readBytes(path))
  }

  /// Why a path cannot be read.
  static func reason(_ path: String) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      return "no such file"
    }
    return isDirectory.boolValue ? "is a directory" : "permission denied"
  }
}
