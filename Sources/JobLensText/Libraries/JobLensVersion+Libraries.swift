public import JobLensCore

extension JobLensVersion {
  /// The version of the system ICU library that JobLens reads text with, such as "72.1".
  public static var icu: String { ICU.version }

  /// The version line printed by `joblens --version`.
  public static var description: String {
    "joblens \(current) (icu \(ICU.version), snowball libstemmer)"
  }
}
