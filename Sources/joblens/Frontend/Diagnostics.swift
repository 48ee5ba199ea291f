import JobLens

#if canImport(Glibc)
import Glibc
/// The C library's `write(2)` (inside the writers below, `write` names their own method).
let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// The C library's `write(2)` (inside the writers below, `write` names their own method).
let systemWrite = Darwin.write
#endif

/// One-line messages on standard error, with control characters made visible: a message may
/// quote input (an id, a CSV header) that holds terminal escapes.
enum Diagnostics {
  /// Prints "joblens: warning: …".
  static func warning(_ message: String) { note("joblens: warning: \(message)") }

  /// Prints "joblens: error: …".
  static func error(_ message: String) { note("joblens: error: \(message)") }

  /// Prints a line as it is.
  static func note(_ message: String) {
    FileDescriptorWriter.write(TextTable.terminalText(message) + "\n", to: 2)
  }

  /// Writes text as it is (no newline).
  static func write(_ text: String) { FileDescriptorWriter.write(text, to: 2) }

  /// The one-line message for an error, with the command line's own words where a library
  /// error leaves them out (the flag that changes the outcome).
  static func message(for error: any Error) -> String {
    switch error {
    case let failure as StrictModeFailure:
      "\(failure.source): \(failure.message) (stopped: --strict)"
    case ResumeError.notEmpty:
      "\(error) (use --resume to continue that run, or another file)"
    case TaxonomyError.unknownLanguage:
      "\(error): give --lang"
    case TaxonomyError.tooFewConcepts:
      "\(error) (a subset needs another --esco-version)"
    default:
      String(describing: error)
    }
  }

  /// Whether standard error is a terminal.
  static var isTerminal: Bool { isatty(2) != 0 }
}

/// Standard output.
enum Output {
  /// Writes text to standard output.
  /// - Throws: ``CommandError`` when it cannot be written (a full disk, a closed pipe): a
  ///   command whose output is lost must not exit 0.
  static func write(_ text: String) throws {
    // Human formats are made safe when rendered; on a terminal, so is everything else (CSV).
    let text = isTerminal ? TextTable.terminalText(text) : text
    if let code = FileDescriptorWriter.write(text, to: 1) {
      throw CommandError("cannot write standard output: \(FileProbe.message(errno: code))")
    }
  }

  /// Whether standard output is a terminal.
  static let isTerminal = isatty(1) != 0
}

/// Whole-buffer writes to a file descriptor.
enum FileDescriptorWriter {
  /// Writes all of `text`; returns the `errno` of a failed write, nil when all was written.
  @discardableResult
  static func write(_ text: String, to descriptor: Int32) -> Int32? {
    var copy = text
    return copy.withUTF8 { buffer -> Int32? in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }
}
