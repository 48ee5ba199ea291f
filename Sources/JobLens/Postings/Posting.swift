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

  public init(id: String, title: String, text: String, source: String = "") {
    self.id = id
    self.title = title
    self.text = text
    self.source = source
  }
}
