/// Errors of reading or writing an index file.
public enum IndexError: Error, Equatable, CustomStringConvertible {
  /// No index file at the path.
  case notFound(path: String)
  /// The file cannot be read.
  case unreadable(path: String, reason: String)
  /// The file cannot be written.
  case unwritable(path: String, reason: String)
  /// The file does not start with the index magic bytes.
  case notAnIndex(path: String)
  /// The file was written in another format version.
  case formatVersion(path: String, found: Int, expected: Int)
  /// The file is shorter than its header says.
  case truncated(path: String, expected: Int, actual: Int)
  /// The body's checksum does not match: the file was changed or damaged.
  case checksumMismatch(path: String)
  /// The body is inconsistent (a bug, or a damaged file with a matching checksum).
  case corrupt(path: String, detail: String)

  public var description: String {
    switch self {
    case .notFound(let path):
      "no index at '\(path)': build one with `joblens index build`"
    case .unreadable(let path, let reason):
      "cannot read index '\(path)': \(reason)"
    case .unwritable(let path, let reason):
      "cannot write index '\(path)': \(reason)"
    case .notAnIndex(let path):
      "'\(path)' is not a joblens index (wrong magic bytes)"
    case .formatVersion(let path, let found, let expected):
      "index '\(path)' has format version \(found); this joblens reads version \(expected): "
        + "rebuild it with `joblens index build`"
    case .truncated(let path, let expected, let actual):
      "index '\(path)' is truncated: \(actual) bytes where the header says \(expected)"
    case .checksumMismatch(let path):
      "index '\(path)' is damaged: its checksum does not match its contents; rebuild it"
    case .corrupt(let path, let detail):
      "index '\(path)' is inconsistent: \(detail); rebuild it"
    }
  }
}
