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

  /// "no such file", "is a directory" or "permission denied".
  public static func reason(_ path: String) -> String {
    var status = stat()
    guard stat(path, &status) == 0 else { return "no such file" }
    if (status.st_mode & S_IFMT) == S_IFDIR { return "is a directory" }
    return "permission denied"
  }
}
