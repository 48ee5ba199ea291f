/// The version of JobLens and of the libraries it reads text with.
public enum JobLensVersion {
  /// JobLens's own version (semantic versioning).
  public static let current = "0.1.0"

  /// The version line printed by `joblens --version`.
  public static var description: String {
    "joblens \(current) (icu \(ICU.version), snowball libstemmer)"
  }
}
