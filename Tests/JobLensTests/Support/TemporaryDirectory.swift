import Foundation

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init(_ name: String) throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "joblens-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString.prefix(8))"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `relative` inside the directory.
  func file(_ relative: String) -> String { path + "/" + relative }

  /// Writes bytes to `relative`, creating folders.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let target = file(relative)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }

  /// Writes UTF-8 text to `relative`.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, Array(text.utf8))
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// gzip-compresses bytes with the system's `gzip` (the tests need an independent encoder).
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["gzip", "-c", "-n"]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  let writer = Thread {
    input.fileHandleForWriting.write(Data(bytes))
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Array(data)
}
