/// A job posting as JobLens reads it.
public struct Posting: Sendable, Equatable {
  /// The posting's identifier (from the input, or made from file and line).
  public var id: String
  /// The job title (may be empty).
  public var title: String
  /// The posting's text (may be empty).
  public var text: String
  /// Where it came from, as "file:line" (for messages).
  public var source: String
  /// Whether the text was derived from the input (HTML reduced to text, a text file without its
  /// title line) rather than taken as it is; outputs then carry the text, since offsets refer
  /// to it.
  public var isDerived: Bool
  /// The earlier posting this one nearly duplicates (set by ``BatchRunner`` with a detector).
  public var duplicate: DuplicateMark?

  public init(
    id: String, title: String, text: String, source: String = "", isDerived: Bool = false
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.source = source
    self.isDerived = isDerived
  }
}

/// A mark on a posting that repeats an earlier one.
public struct DuplicateMark: Sendable, Equatable {
  /// The id of the first posting of the kind.
  public var of: String
  /// Whether the normalised texts are identical.
  public var isExact: Bool
  /// Estimated Jaccard similarity of the two postings' word shingles.
  public var similarity: Double

  /// A mark from its parts.
  public init(of: String, isExact: Bool, similarity: Double) {
    self.of = of
    self.isExact = isExact
    self.similarity = similarity
  }
}
