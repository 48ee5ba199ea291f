#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, when a command reads from it.
enum StandardInput {
  /// Whether standard input is a terminal (a person would have to type the input).
  static var isTerminal: Bool { isatty(0) != 0 }

  /// Says on standard error that the command waits for input typed at the terminal, so that
  /// `joblens classify` without a file does not seem to hang.
  static func hintIfTerminal(_ what: String, command: String) {
    guard isTerminal else { return }
    Diagnostics.note(
      "joblens: reading \(what) from standard input (the terminal); end with Ctrl-D, "
        + "or give a file: see `joblens \(command) --help`")
  }
}
