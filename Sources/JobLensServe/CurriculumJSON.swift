import JobLensCore
import JobLensCoverage
import JobLensIndex

/// Curricula as the app's script holds them: JSON objects of the YAML file's fields. What the
/// script sends back is checked as a curriculum file is (ids, ESCO skill URIs, language).
enum CurriculumJSON {
  /// Writes a curriculum, with `labels` (URI → ESCO label) for its skills.
  static func write(_ curriculum: Curriculum, index: ConceptIndex, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("id", curriculum.id)
    writer.field("title", curriculum.title)
    writer.field("version", curriculum.version)
    writer.field("language", curriculum.language)
    writer.field("source", curriculum.source)
    writer.key("areas")
    writer.beginArray()
    for area in curriculum.areas {
      writer.beginObject()
      writer.field("id", area.id)
      writer.field("title", area.title)
      writer.field("description", area.description)
      writer.key("items")
      writer.beginArray()
      for item in area.items {
        writer.beginObject()
        writer.field("id", item.id)
        writer.field("title", item.title)
        writer.field("description", item.description)
        writer.key("skills")
        strings(item.skills, to: &writer)
        writer.key("phrases")
        strings(item.phrases, to: &writer)
        writer.field("weight", item.weight)
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.key("labels")
    writer.beginObject()
    for uri in Set(curriculum.items.flatMap(\.skills)).sorted() {
      writer.field(uri, label(uri, index: index))
    }
    writer.endObject()
    writer.endObject()
  }

  static func strings(_ values: [String], to writer: inout JSONWriter) {
    writer.beginArray()
    for value in values { writer.string(value) }
    writer.endArray()
  }

  /// The ESCO label of a skill URI (the URI when the index does not know it).
  static func label(_ uri: String, index: ConceptIndex) -> String {
    guard let concept = index.concept(uriOrCode: uri), concept.kind == .skill else { return uri }
    return index.skillLabel(concept.index)
  }

  /// Reads a curriculum sent by the script and validates it as a file would be.
  static func read(_ value: JSONValue?, index: ConceptIndex) throws(ServeError) -> Curriculum {
    guard let value, case .object = value else {
      throw .badRequest("'curriculum' must be an object")
    }
    func text(
      _ value: JSONValue?, _ field: String, required: Bool = true
    ) throws(ServeError) -> String? {
      guard let value, value != .null else {
        if required { throw .badRequest("the curriculum's '\(field)' is missing") }
        return nil
      }
      guard let text = value.textValue else {
        throw .badRequest("the curriculum's '\(field)' must be text")
      }
      return text
    }
    func list(_ value: JSONValue?, _ field: String) throws(ServeError) -> [JSONValue] {
      guard let value, value != .null else { return [] }
      guard case .array(let entries) = value else {
        throw .badRequest("the curriculum's '\(field)' must be a list")
      }
      return entries
    }
    var areas: [CurriculumArea] = []
    for area in try list(value["areas"], "areas") {
      let areaID = try text(area["id"], "areas[].id")!
      var items: [CurriculumItem] = []
      for item in try list(area["items"], "areas[].items") {
        var skills: [String] = []
        for skill in try list(item["skills"], "items[].skills") {
          skills.append(try text(skill, "items[].skills[]")!)
        }
        var phrases: [String] = []
        for phrase in try list(item["phrases"], "items[].phrases") {
          phrases.append(try text(phrase, "items[].phrases[]")!)
        }
        var weight = 1.0
        if case .number(let number)? = item["weight"] { weight = number.value }
        items.append(
          CurriculumItem(
            id: try text(item["id"], "items[].id")!,
            title: try text(item["title"], "items[].title")!,
            description: try text(item["description"], "items[].description")!, skills: skills,
            phrases: phrases, weight: weight, area: areaID))
      }
      areas.append(
        CurriculumArea(
          id: areaID, title: try text(area["title"], "areas[].title")!,
          description: try text(area["description"], "areas[].description", required: false),
          items: items))
    }
    let draft = Curriculum(
      id: try text(value["id"], "id")!, title: try text(value["title"], "title")!,
      version: try text(value["version"], "version")!,
      language: try text(value["language"], "language")!,
      source: try text(value["source"], "source", required: false), areas: areas)
    // Through the YAML reader, so that the app accepts exactly what a file may hold.
    return try parse(draft.yaml(), name: "curriculum", index: index)
  }

  /// Parses curriculum YAML, its problems as one error.
  static func parse(
    _ yaml: String, name: String, index: ConceptIndex
  ) throws(ServeError) -> Curriculum {
    do {
      return try Curriculum.parse(yaml, file: name, index: index)
    } catch let errors as CurriculumErrors {
      throw invalid(errors, name: name)
    } catch {
      throw ServeError(status: 422, message: "\(name): \(error)")
    }
  }

  static func invalid(_ errors: CurriculumErrors, name: String) -> ServeError {
    let problems = errors.problems.map { "\($0.line):\($0.column): \($0.message)" }
    return ServeError(
      status: 422,
      message: "\(name) is not a valid curriculum: \(errors.problems.first?.message ?? "?")"
        + (problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""),
      problems: Array(problems.prefix(50)))
  }
}
