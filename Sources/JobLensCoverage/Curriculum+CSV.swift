import JobLensCore
public import JobLensIndex

/// Curricula as CSV (a spreadsheet's export): one row per item with the columns `area`,
/// `item`, `description`, `skills`, `phrases`, and optionally `weight`, `area_id` and `item_id`.
/// `skills` holds ESCO skill URIs and `phrases` task phrases, several in a cell separated by
/// `;` or line breaks (URIs also by `,` or spaces; text after a URI, such as its label, is
/// ignored). Comma, semicolon or tab delimited, whichever the header line uses most.
extension Curriculum {
  /// The columns written by ``csv()`` and read by ``parseCSV(_:file:id:title:version:language:index:)``.
  public static let csvColumns = [
    "area", "item", "description", "skills", "phrases", "weight", "area_id", "item_id",
  ]

  /// Reads and validates a curriculum from CSV; the curriculum's own fields, which a sheet
  /// lacks, are given.
  /// - Throws: ``CurriculumErrors`` listing every problem with file, line and column.
  public static func parseCSV(
    _ bytes: [UInt8], file: String, id: String, title: String, version: String = "1",
    language: String = "en", index: ConceptIndex? = nil
  ) throws(CurriculumErrors) -> Curriculum {
    var problems: [CurriculumProblem] = []
    func problem(_ line: Int, _ column: Int, _ message: String) {
      problems.append(CurriculumProblem(file: file, line: line, column: column, message: message))
    }
    let reader = CSVReader(bytes: bytes, delimiter: delimiter(of: bytes))
    var header: [String: Int] = [:]
    var areas: [CurriculumArea] = []
    var areaIDs: Set<String> = []
    var itemIDs: Set<String> = []
    var sawHeader = false
    while true {
      let record: CSVRecord
      do {
        guard let next = try reader.next() else { break }
        record = next
      } catch let error as CSVError {
        problem(error.line, 1, "invalid CSV: \(error.problem)")
        continue
      } catch {
        problem(reader.currentLine, 1, "invalid CSV: \(error)")
        break
      }
      guard sawHeader else {
        sawHeader = true
        for (column, name) in record.fields.enumerated() {
          header[columnName(name), default: column] = min(
            header[columnName(name)] ?? column, column)
        }
        for required in ["area", "item"] where header[required] == nil {
          problem(
            record.line, 1,
            "the header has no '\(required)' column (columns: \(csvColumns.joined(separator: ", ")))"
          )
        }
        if !problems.isEmpty { break }
        continue
      }
      func cell(_ name: String) -> (text: String, column: Int)? {
        guard let column = header[name], column < record.fields.count else { return nil }
        let text = record.fields[column].trimmed
        return text.isEmpty ? nil : (text, column + 1)
      }
      guard let areaTitle = cell("area")?.text else {
        if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
        problem(record.line, (header["area"] ?? 0) + 1, "the row has no area")
        continue
      }
      guard let itemTitle = cell("item")?.text else {
        problem(record.line, (header["item"] ?? 0) + 1, "the row has no item")
        continue
      }
      let areaID = cell("area_id")?.text ?? slug(areaTitle)
      if !areaIDs.contains(areaID) {
        areaIDs.insert(areaID)
        areas.append(
          CurriculumArea(
            id: areaID, title: areaTitle, description: nil, items: [], line: record.line))
      }
      var itemID = cell("item_id")?.text ?? "\(areaID).\(slug(itemTitle))"
      if itemIDs.contains(itemID) {
        if cell("item_id") != nil {
          problem(record.line, cell("item_id")!.column, "duplicate item id '\(itemID)'")
        }
        var number = 2
        while itemIDs.contains("\(itemID)-\(number)") { number += 1 }
        itemID += "-\(number)"
      }
      itemIDs.insert(itemID)
      for (id, field) in [(areaID, "area_id"), (itemID, "item_id")] where !isIdentifier(id) {
        problem(
          record.line, cell(field)?.column ?? 1,
          "id '\(id)' may only hold a-z, 0-9, '.', '-' and '_'")
      }
      var skills: [String] = []
      if let (text, column) = cell("skills") {
        for entry in text.split(whereSeparator: { ";\n\r|".contains($0) }) {
          for token in entry.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let word = String(token)
            if word.hasPrefix("http://data.europa.eu/esco/skill/") {
              if !skills.contains(word) { skills.append(word) }
            } else if word.hasPrefix("http") {
              problem(
                record.line, column,
                "'\(word)' in item '\(itemID)' is not an ESCO skill URI (http://data.europa.eu/esco/skill/…)"
              )
            } else {
              break  // a label or comment after the URI
            }
          }
        }
      }
      let phrases =
        cell("phrases").map {
          $0.text.split(whereSeparator: { ";\n\r|".contains($0) }).map { String($0).trimmed }
            .filter { !$0.isEmpty }
        } ?? []
      var weight = 1.0
      if let (text, column) = cell("weight") {
        if let value = Double(text), value > 0, value.isFinite {
          weight = value
        } else {
          problem(record.line, column, "'weight' of item '\(itemID)' must be a number above 0")
        }
      }
      let area = areas.firstIndex { $0.id == areaID }!
      areas[area].items.append(
        CurriculumItem(
          id: itemID, title: itemTitle, description: cell("description")?.text ?? itemTitle,
          skills: skills, phrases: phrases, weight: weight, area: areaID, line: record.line,
          skillLines: skills.map { _ in record.line },
          skillColumns: skills.map { _ in cell("skills")?.column ?? 1 }))
    }
    if !sawHeader { problem(1, 1, "the file is empty") }
    if sawHeader && areas.isEmpty && problems.isEmpty { problem(1, 1, "the file has no items") }
    var curriculum = Curriculum(
      id: isIdentifier(id) ? id : slug(id), title: title, version: version, language: language,
      source: nil, areas: areas)
    if let index, problems.isEmpty {
      var checker = CurriculumReader(file: file)
      checker.checkSkills(curriculum, index: index)
      problems += checker.problems
    }
    guard problems.isEmpty else { throw CurriculumErrors(problems: problems) }
    curriculum.checksum = SHA256.hex(bytes)
    return curriculum
  }

  /// The curriculum as CSV with the columns of ``csvColumns`` (what ``parseCSV`` reads back).
  public func csv(labels: (String) -> String? = { _ in nil }) -> String {
    var text = Curriculum.csvRow(Curriculum.csvColumns)
    for area in areas {
      for item in area.items {
        text += Curriculum.csvRow([
          area.title, item.title, item.description,
          item.skills.map { uri in labels(uri).map { "\(uri) \($0)" } ?? uri }.joined(
            separator: "\n"),
          item.phrases.joined(separator: "; "),
          item.weight == 1 ? "" : JSONWriter.format(item.weight, decimals: 4), area.id, item.id,
        ])
      }
    }
    return text
  }

  static func csvRow(_ fields: [String]) -> String {
    fields.map { field in
      field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }
        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",") + "\n"
  }

  /// The delimiter the header line uses most: comma, semicolon or tab.
  static func delimiter(of bytes: [UInt8]) -> UInt8 {
    let line = bytes.prefix { $0 != 0x0A }
    let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
    return candidates.max { a, b in line.count(where: { $0 == a }) < line.count(where: { $0 == b })
    }!
  }

  /// A header cell as a column name: lower case, spaces as `_`, known synonyms mapped.
  static func columnName(_ text: String) -> String {
    let name = text.trimmed.lowercased().replacingOccurrences(of: " ", with: "_")
      .replacingOccurrences(of: "-", with: "_")
    switch name {
    case "area_title", "module", "unit": return "area"
    case "item_title", "title", "topic", "learning_outcome": return "item"
    case "esco_skills", "skill_uris", "esco", "uris": return "skills"
    case "phrase", "task_phrases": return "phrases"
    case "id": return "item_id"
    case "areaid": return "area_id"
    case "itemid": return "item_id"
    default: return name
    }
  }

  /// Whether a text is a valid curriculum id (a-z, 0-9, '.', '-', '_').
  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D
          || $0 == 0x5F
      }
  }

  /// An id made from a title: ASCII letters and digits in lower case, other runs as '-'.
  public static func slug(_ text: String) -> String {
    var slug = ""
    for character in text.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "x" : String(slug.prefix(60))
  }
}
