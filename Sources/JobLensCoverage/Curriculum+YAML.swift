import JobLensCore

extension Curriculum {
  /// The curriculum as YAML in the format ``parse(_:file:index:)`` reads (every text
  /// double-quoted), skill labels as comments when `labels` knows them.
  public func yaml(labels: (String) -> String? = { _ in nil }) -> String {
    var text = "# JobLens curriculum (Data/curricula/curriculum.schema.json).\n"
    text += "id: \(Curriculum.quoted(id))\ntitle: \(Curriculum.quoted(title))\n"
    text += "version: \(Curriculum.quoted(version))\nlanguage: \(Curriculum.quoted(language))\n"
    if let source { text += "source: \(Curriculum.quoted(source))\n" }
    text += "areas:\n"
    for area in areas {
      text += "  - id: \(Curriculum.quoted(area.id))\n    title: \(Curriculum.quoted(area.title))\n"
      if let description = area.description {
        text += "    description: \(Curriculum.quoted(description))\n"
      }
      text += "    items:\n"
      for item in area.items {
        text += "      - id: \(Curriculum.quoted(item.id))\n"
        text += "        title: \(Curriculum.quoted(item.title))\n"
        text += "        description: \(Curriculum.quoted(item.description))\n"
        if !item.skills.isEmpty {
          text += "        skills:\n"
          for uri in item.skills {
            let comment =
              labels(uri).map {
                " # " + $0.split(whereSeparator: \.isNewline).joined(separator: " ")
              } ?? ""
            text += "          - \(Curriculum.quoted(uri))\(comment)\n"
          }
        }
        if !item.phrases.isEmpty {
          text += "        phrases:\n"
          for phrase in item.phrases { text += "          - \(Curriculum.quoted(phrase))\n" }
        }
        if item.weight != 1 {
          text += "        weight: \(JSONWriter.format(item.weight, decimals: 4))\n"
        }
      }
    }
    return text
  }

  /// A YAML double-quoted scalar: JSON escapes, and escapes for what YAML 1.1 reads as line
  /// breaks (U+0085, U+2028, U+2029) or does not allow unescaped (C1 controls, U+FEFF).
  static func quoted(_ value: String) -> String {
    var json = ""
    JSONWriter.appendQuoted(value, to: &json)
    guard
      json.unicodeScalars.contains(where: {
        (0x80...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029
          || $0.value == 0xFEFF
      })
    else {
      return json
    }
    var result = ""
    for scalar in json.unicodeScalars {
      switch scalar.value {
      case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF:
        result +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
