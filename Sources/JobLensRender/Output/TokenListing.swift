import JobLensCore
public import JobLensText

/// Renders tokens and task phrases for people and scripts (`joblens tokenize`).
public enum TokenListing {
  /// Output formats.
  public enum Format: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case json
    /// An aligned text table.
    case table
  }

  /// One row: a token, or a token group shown in place of its parts.
  public struct Row: Sendable, Equatable {
    /// The text as written.
    public var text: String
    /// The kind: a token's, or a group's.
    public var kind: Kind
    /// The forms.
    public var form: Form
    /// Code point offsets `[start, end)`.
    public var start: Int
    public var end: Int
    /// The parts of a group, as written.
    public var parts: [String]

    /// What a row shows: a token, or a group of tokens.
    public enum Kind: Sendable, Equatable {
      /// A token of its own.
      case token(TokenKind)
      /// A group (compound or product) shown in place of its tokens.
      case group(TokenGroup.Kind)

      /// The name listed ("word", "number", "compound", "product", "email", …).
      public var name: String {
        switch self {
        case .token(let kind): kind.name
        case .group(let kind): kind == .compound ? "compound" : "product"
        }
      }
    }
  }

  /// The rows of a tokenised text: each token, with groups replacing their parts.
  public static func rows(_ tokenized: TokenizedText, tokenizer: Tokenizer) -> [Row] {
    var rows: [Row] = []
    var groupIndex = 0
    var index = 0
    let tokens = tokenized.tokens
    while index < tokens.count {
      if groupIndex < tokenized.groups.count,
        tokenized.groups[groupIndex].tokens.lowerBound == index
      {
        let group = tokenized.groups[groupIndex]
        let span = tokenized.codePointRange(group.byteRange)
        rows.append(
          Row(
            text: tokenized.string(group.byteRange),
            kind: .group(group.kind),
            form: tokenizer.form(group.form), start: span.lowerBound, end: span.upperBound,
            parts: group.tokens.map { tokenized.string(tokens[$0].byteRange) }))
        index = group.tokens.upperBound
        groupIndex += 1
        continue
      }
      let token = tokens[index]
      let span = tokenized.codePointRange(token.byteRange)
      rows.append(
        Row(
          text: tokenized.string(token.byteRange), kind: .token(token.kind),
          form: tokenizer.form(token.form), start: span.lowerBound, end: span.upperBound, parts: [])
      )
      index += 1
    }
    return rows
  }

  /// Tokens as text: one JSON object per line, or a table.
  public static func tokens(
    _ tokenized: TokenizedText, tokenizer: Tokenizer, format: Format
  ) -> String {
    let rows = rows(tokenized, tokenizer: tokenizer)
    switch format {
    case .json:
      var output = ""
      for row in rows {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("text", row.text)
        writer.field("key", row.form.key)
        writer.field("stem", row.form.stem)
        writer.field("kind", row.kind.name)
        writer.field("start", row.start)
        writer.field("end", row.end)
        if !row.parts.isEmpty {
          writer.key("parts")
          writer.beginArray()
          for part in row.parts { writer.string(part) }
          writer.endArray()
        }
        writer.endObject()
        output += writer.text + "\n"
      }
      return output
    case .table:
      return TextTable.render(
        header: ["start", "end", "kind", "text", "key", "stem"],
        rows: rows.map {
          [String($0.start), String($0.end), $0.kind.name, $0.text, $0.form.key, $0.form.stem]
        })
    }
  }

  /// Task phrases as text: one JSON object per line, or a table.
  public static func phrases(
    _ phrases: [TaskPhrase], in tokenized: TokenizedText, format: Format
  ) -> String {
    switch format {
    case .json:
      var output = ""
      for phrase in phrases {
        let span = tokenized.codePointRange(phrase.byteRange)
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("text", tokenized.string(phrase.byteRange))
        writer.field("kind", phrase.kind.rawValue)
        writer.field("start", span.lowerBound)
        writer.field("end", span.upperBound)
        writer.field("tokens", phrase.tokens.count)
        writer.endObject()
        output += writer.text + "\n"
      }
      return output
    case .table:
      return TextTable.render(
        header: ["start", "end", "kind", "text"],
        rows: phrases.map {
          let span = tokenized.codePointRange($0.byteRange)
          return [
            String(span.lowerBound), String(span.upperBound), $0.kind.rawValue,
            tokenized.string($0.byteRange),
          ]
        })
    }
  }
}
