/// Errors of the Text module.
public enum TextError: Error, Equatable, CustomStringConvertible {
  /// ICU refused an operation.
  case icu(operation: String, code: Int32)

  public var description: String {
    switch self {
    case .icu(let operation, let code): "icu failed to \(operation) (error \(code))"
    }
  }
}
