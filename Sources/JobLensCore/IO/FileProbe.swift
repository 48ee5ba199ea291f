#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a path cannot be opened, for messages.
public enum FileProbe {
  /// The system's message for an `errno` value, starting in lower case as JobLens's messages
  /// do ("no space left on device").
  public static func message(errno code: Int32) -> String {
    let text = String(cString: strerror(code))
    guard let first = text.first, first.isUppercase, text.dropFirst().first?.isUppercase != true
    else { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// Why a call on a path failed, from the `errno` it set: "no such file", "permission
  /// denied", "a symbolic link loop", "is a directory", "not a directory", or the system's
  /// message.
  public static func reason(errno code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EACCES, EPERM: "permission denied"
    case ELOOP: "a symbolic link loop (too many levels of links)"
    case EISDIR: "is a directory"
    case ENOTDIR: "not a directory"
    default: message(errno: code)
    }
  }

  /// Why `path` cannot be opened, probing it: "no such file", "is a directory", "permission
  /// denied", … (see ``reason(errno:)``).
  public static func reason(_ path: String) -> String {
    var status = stat()
    guard stat(path, &status) == 0 else { return reason(errno: errno) }
    if (status.st_mode & S_IFMT) == S_IFDIR { return "is a directory" }
    return "permission denied"
  }
}
