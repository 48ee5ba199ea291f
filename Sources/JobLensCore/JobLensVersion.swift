/// The version of JobLens (``JobLensVersion/description`` adds the text libraries').
public enum JobLensVersion {
  /// JobLens's own version (semantic versioning).
  public static let current = "0.2.0"
}
