/// Errors that stop reading an input altogether (in a posting input, a record-level problem is
/// an `InputRecord` failure instead).
public enum InputError: Error, Equatable, CustomStringConvertible {
  /// The file cannot be opened or read; `reason` says why ("no such file", "is a directory").
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    }
  }
}
