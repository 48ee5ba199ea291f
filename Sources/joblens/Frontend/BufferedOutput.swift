#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered output to standard output or a file, written in 64 KiB blocks.
final class BufferedOutput {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let path: String

  /// Standard output.
  init() {
    descriptor = 1
    path = "standard output"
  }

  /// A file, created or truncated (or appended to).
  init(path: String, append: Bool = false) throws {
    let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
    let opened = open(path, flags, 0o644)
    guard opened >= 0 else {
      throw CommandError("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    descriptor = opened
    self.path = path
  }

  deinit {
    try? flush()
    if descriptor > 2 { close(descriptor) }
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  func flush() throws {
    var offset = 0
    try buffer.withUnsafeBytes { bytes in
      while offset < bytes.count {
        let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
