#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a path cannot be opened, for messages.
public enum FileProbe {
  /// "no such file", "is a directory" or "permission denied".
  public static func reason(_ path: String) -> String {
    var status = stat()
    guard stat(path, &status) == 0 else { return "no such file" }
    if (status.st_mode & S_IFMT) == S_IFDIR { return "is a directory" }
    return "permission denied"
  }
}
