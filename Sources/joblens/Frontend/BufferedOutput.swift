import JobLens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered output to standard output or a file, written in 64 KiB blocks; gzip-compressed
/// when the file's name ends in `.gz`.
final class BufferedOutput {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// The output's name in messages: "standard output", or the path in quotes.
  private let name: String
  private var encoder: GzipEncoder?

  /// Standard output.
  init() {
    descriptor = 1
    name = "standard output"
  }

  /// A file, created or truncated (or appended to).
  init(path: String, append: Bool = false) throws {
    let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
    let opened = open(path, flags, 0o644)
    guard opened >= 0 else {
      throw CommandError("cannot write '\(path)': \(FileProbe.message(errno: errno))")
    }
    descriptor = opened
    name = "'\(path)'"
    if path.lowercased().hasSuffix(".gz") { encoder = GzipEncoder() }
  }

  deinit {
    try? finish()
    if descriptor > 2 { close(descriptor) }
  }

  func write(_ text: String) throws {
    buffer.append(
      contentsOf: (descriptor == 1 && Output.isTerminal ? TextTable.terminalText(text) : text).utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Writes UTF-8 bytes (made text only for a terminal, which gets ``TextTable/terminalText(_:)``).
  func write(bytes: ArraySlice<UInt8>) throws {
    if descriptor == 1 && Output.isTerminal {
      try write(String(decoding: bytes, as: UTF8.self))
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Writes what is buffered (compressed, for gzip).
  func flush() throws {
    if let encoder {
      try buffer.withUnsafeBytes { bytes in try encoder.compress(bytes, to: writeAll) }
    } else {
      try writeAll(buffer)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered and, for gzip, ends the compressed stream; call it once, at the
  /// end of the output.
  func finish() throws {
    try flush()
    try encoder?.finish(to: writeAll)
  }

  private func writeAll(_ bytes: [UInt8]) throws {
    var offset = 0
    try bytes.withUnsafeBytes { bytes in
      while offset < bytes.count {
        let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw CommandError("cannot write \(name): \(FileProbe.message(errno: errno))")
        }
        offset += written
      }
    }
  }
}
