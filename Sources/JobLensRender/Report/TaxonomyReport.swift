import JobLensCore
public import JobLensIndex

/// Text renderings of the index for `joblens taxonomy`.
public enum TaxonomyReport {
  /// Output formats.
  public enum Format: String, Sendable, CaseIterable {
    case table, json
  }

  /// Version, language, checksums, counts and what the import cleaned.
  public static func info(_ index: ConceptIndex) -> String {
    let meta = index.metadata
    let cleaning = meta.cleaning
    var lines = [
      "esco version       \(meta.taxonomyVersion)",
      "language           \(meta.language)",
      "index checksum     \(index.checksum)",
      "input sha256       \(meta.inputChecksum)",
      "built by           joblens \(meta.joblensVersion) (index format \(meta.formatVersion))",
      "occupations        \(index.count(.occupation))",
      "skills             \(index.count(.skill))",
      "isco groups        \(index.count(.iscoGroup))",
      "relations          \(index.relationCount) occupation–skill",
      "labels             \(index.labelCount)",
      "terms              \(index.termCount)",
      "cleaned            \(cleaning.total): \(cleaning.duplicateLabels) duplicate labels, "
        + "\(cleaning.invisibleCharacters) invisible characters, \(cleaning.unusualSpaces) "
        + "unusual spaces, \(cleaning.trimmedLabels) trimmed labels, \(cleaning.emptyLabels) "
        + "empty labels",
      "import warnings    \(meta.warningCount)",
    ]
    lines += meta.warnings.prefix(10).map { "  \($0)" }
    lines.append("This product uses the ESCO classification of the European Commission.")
    return TextTable.terminalText(lines.joined(separator: "\n") + "\n")
  }

  /// Ranked search hits.
  public static func search(
    _ hits: [SearchHit], query: String, index: ConceptIndex, format: Format
  ) -> String {
    switch format {
    case .json:
      var writer = JSONWriter()
      writer.beginObject()
      writer.field("query", query)
      writer.key("results")
      writer.beginArray()
      for hit in hits {
        writer.beginObject()
        writer.field("type", hit.concept.kind.name)
        writer.field("uri", index.uri(of: hit.concept))
        writer.field("label", index.label(of: hit.concept))
        if hit.concept.kind == .occupation {
          writer.field("isco", index.occupationISCO(hit.concept.index))
        } else if hit.concept.kind == .iscoGroup {
          writer.field("isco", index.iscoCode(hit.concept.index))
        }
        writer.field("score", Double(hit.score))
        writer.field("label_score", Double(hit.labelScore))
        writer.field("description_score", Double(hit.descriptionScore))
        if let label = hit.label {
          writer.field("matched_label", index.labelText(label))
          writer.field("matched_field", index.labelField(label).name)
        }
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
      return writer.text + "\n"
    case .table:
      return TextTable.render(
        header: ["score", "type", "code", "label", "matched"],
        rows: hits.map { hit in
          let code =
            switch hit.concept.kind {
            case .occupation: index.occupationISCO(hit.concept.index)
            case .iscoGroup: index.iscoCode(hit.concept.index)
            case .skill: ""
            }
          let matched = hit.label.map { "\(index.labelText($0)) (\(index.labelField($0).name))" }
          return [
            JSONWriter.format(Double(hit.score), decimals: 3), hit.concept.kind.name, code,
            index.label(of: hit.concept), matched ?? "(description)",
          ]
        })
    }
  }

  /// One concept in full.
  public static func show(_ concept: ConceptID, index: ConceptIndex, format: Format) -> String {
    let fields: [(String, [String])]
    switch concept.kind {
    case .skill: fields = skillFields(concept.index, index: index)
    case .occupation: fields = occupationFields(concept.index, index: index)
    case .iscoGroup: fields = groupFields(concept.index, index: index)
    }
    switch format {
    case .json:
      var writer = JSONWriter()
      writer.beginObject()
      for (name, values) in fields {
        writer.key(name)
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
      }
      writer.endObject()
      return writer.text + "\n"
    case .table:
      var text = ""
      for (name, values) in fields where !values.isEmpty {
        if values.count == 1 {
          text += "\(name): \(values[0])\n"
        } else {
          text += "\(name) (\(values.count)):\n" + values.map { "  - \($0)\n" }.joined()
        }
      }
      return TextTable.terminalText(text)
    }
  }

  /// A skill's fields: type, groups, labels, description, the occupations needing it.
  private static func skillFields(_ concept: Int, index: ConceptIndex) -> [(String, [String])] {
    let skill = index.skill(concept)
    let occupations = index.occupations(ofSkill: concept)
    return [
      ("uri", [skill.uri]), ("type", ["skill"]), ("label", [skill.preferredLabel]),
      ("skill type", [skill.type.name]), ("reuse level", [skill.reuseLevel]),
      ("top groups", skill.topGroups.map { "\($0) \(index.skillGroupLabel(code: $0) ?? "")" }),
      (
        "broader",
        skill.broader.map { uri in
          index.concept(uriOrCode: uri).map { index.label(of: $0) }
            ?? index.skillGroup(uri: uri).map { "\($0.code) \($0.label)" } ?? uri
        }
      ),
      ("alternative labels", skill.altLabels), ("hidden labels", skill.hiddenLabels),
      ("description", [skill.description]),
      (
        "essential for",
        occupations.filter(\.isEssential).map { index.occupationLabel($0.occupation) }
      ),
      (
        "optional for",
        occupations.filter { !$0.isEssential }.map { index.occupationLabel($0.occupation) }
      ),
    ]
  }

  /// An occupation's fields: its ISCO code and hierarchy, labels, description, skills.
  private static func occupationFields(
    _ concept: Int, index: ConceptIndex
  ) -> [(String, [String])] {
    let occupation = index.occupation(concept)
    let skills = index.skills(ofOccupation: concept)
    return [
      ("uri", [occupation.uri]), ("type", ["occupation"]), ("label", [occupation.preferredLabel]),
      (
        "isco",
        [
          "\(occupation.iscoGroup) \(index.iscoTitle(code: occupation.iscoGroup) ?? "")"
        ]
      ),
      ("esco code", [occupation.code]),
      ("isco hierarchy", hierarchy(of: occupation.iscoGroup, index: index)),
      (
        "broader occupation",
        occupation.broaderOccupation.map { uri in
          [index.concept(uriOrCode: uri).map { index.label(of: $0) } ?? uri]
        } ?? []
      ),
      ("alternative labels", occupation.altLabels), ("hidden labels", occupation.hiddenLabels),
      ("description", [occupation.description]),
      ("essential skills", skills.filter(\.isEssential).map { index.skillLabel($0.skill) }),
      ("optional skills", skills.filter { !$0.isEssential }.map { index.skillLabel($0.skill) }),
    ]
  }

  /// An ISCO group's fields: code, level, hierarchy, definition, tasks, examples, occupations.
  private static func groupFields(_ concept: Int, index: ConceptIndex) -> [(String, [String])] {
    let group = index.iscoGroup(concept)
    let occupations = (0..<index.count(.occupation)).filter {
      index.occupationISCO($0) == group.code
    }
    return [
      ("uri", [group.uri]), ("type", ["isco"]), ("code", [group.code]),
      ("label", [group.preferredLabel]), ("level", [String(group.level)]),
      ("isco hierarchy", hierarchy(of: group.code, index: index)),
      ("definition", [group.definition]), ("tasks", group.tasks), ("examples", group.examples),
      ("classified elsewhere", group.classifiedElsewhere.map { "\($0.title) (\($0.code))" }),
      ("esco occupations", occupations.map { index.occupationLabel($0) }),
    ]
  }

  /// "3343" → ["3 Technicians…", "33 Business…", "334 Administrative…", "3343 …"].
  static func hierarchy(of code: String, index: ConceptIndex) -> [String] {
    (1...max(1, code.count)).compactMap { length in
      let prefix = String(code.prefix(length))
      return index.iscoTitle(code: prefix).map { "\(prefix) \($0)" }
    }
  }
}
