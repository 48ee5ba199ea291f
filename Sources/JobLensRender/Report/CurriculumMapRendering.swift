import JobLensCore
public import JobLensCoverage

/// Renders curriculum mapping suggestions.
public enum CurriculumMapRendering {
  /// The output formats.
  public enum Format: String, Sendable, CaseIterable {
    /// A table per item.
    case table
    /// `skills:` lists with the labels as comments, to paste into the file.
    case yaml
    /// One JSON object per item.
    case json
  }

  /// Suggestions per item.
  public static func render(
    _ items: [(CurriculumItem, [CurriculumMapper.Suggestion])], format: Format
  ) -> String {
    switch format {
    case .yaml:
      var text = ""
      for (item, suggestions) in items {
        text += "# \(item.id): \(TextTable.singleLine(item.title))\nskills:\n"
        for suggestion in suggestions {
          text +=
            "  - \(suggestion.uri) # \(TextTable.singleLine(suggestion.label)) (score "
            + "\(JSONWriter.format(suggestion.score, decimals: 3))"
            + "\(suggestion.isListed ? ", listed" : ""))\n"
        }
        text += "\n"
      }
      return text
    case .json:
      var text = ""
      for (item, suggestions) in items {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("item", item.id)
        writer.field("title", item.title)
        writer.key("suggestions")
        writer.beginArray()
        for suggestion in suggestions {
          writer.beginObject()
          writer.field("uri", suggestion.uri)
          writer.field("label", suggestion.label)
          writer.field("group", suggestion.group)
          writer.field("score", suggestion.score)
          writer.field("listed", suggestion.isListed)
          writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        text += writer.text + "\n"
      }
      return text
    case .table:
      var text = ""
      for (item, suggestions) in items {
        text += "\(item.id): \(TextTable.singleLine(item.title))\n"
        text += TextTable.render(
          header: ["score", "skill", "group", "listed", "uri"],
          rows: suggestions.map {
            [
              JSONWriter.format($0.score, decimals: 3), $0.label, $0.group,
              $0.isListed ? "yes" : "",
              $0.uri,
            ]
          })
        text += "\n"
      }
      return text
    }
  }
}
