/// One record of an input: a posting, or why it could not be read.
public enum InputRecord: Sendable, Equatable {
  case posting(Posting)
  /// A record that could not be read; `source` is "file:line" (or the file for whole files).
  case failure(id: String?, source: String, message: String)

  /// Where the record came from.
  public var source: String {
    switch self {
    case .posting(let posting): posting.source
    case .failure(_, let source, _): source
    }
  }

  /// The record's id, when known.
  public var id: String? {
    switch self {
    case .posting(let posting): posting.id
    case .failure(let id, _, _): id
    }
  }
}

/// The names of the fields that hold a posting's id, title and text.
public struct PostingFields: Sendable, Equatable {
  /// The id field.
  public var id: String
  /// The title field.
  public var title: String
  /// The text field; when absent, `alternatives` are tried in order ("description", "body").
  public var text: String
  /// The text fields tried when `text` is absent, in order.
  public var alternatives: [String]
  /// How the title and text of JSONL and CSV records are read: HTML reduced to text (by
  /// default when the field has tags) or as they are.
  public var html: HTMLFieldMode

  /// Field names (the defaults are those of `joblens classify`).
  public init(
    id: String = "id", title: String = "title", text: String = "text",
    alternatives: [String] = ["description", "body", "content"], html: HTMLFieldMode = .auto
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.alternatives = alternatives
    self.html = html
  }
}
