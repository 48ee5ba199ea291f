import JobLensCore

/// Reads an ESCO download into a ``Taxonomy``.
///
/// Columns are found by header name, so the column orders and optional columns of ESCO
/// v1.0.x, v1.1.x and v1.2.x all work. A malformed CSV record, a record with too few fields or
/// a relation to an unknown concept becomes a warning naming file and line, and is skipped;
/// a missing required file or column is an error.
public enum ESCOImporter {
  /// Imports the download.
  /// - Complexity: O(n) in the size of the files.
  public static func load(_ source: ESCOSource) throws -> Taxonomy {
    var taxonomy = Taxonomy(version: source.version, language: source.language)
    var reader = Reader(source: source)
    var unknown = UnknownConcepts()

    var iscoIndex: [String: Int] = [:]
    var iscoByURI: [String: Int] = [:]
    if let table = try reader.table(.iscoGroups) {
      let uri = try table.column("conceptUri")
      let code = try table.column("code")
      let label = try table.column("preferredLabel")
      let alt = table.optionalColumn("altLabels")
      let description = table.optionalColumn("description")
      try table.forEachRecord { record in
        let text = record[description]
        let parsed = ISCODescription(text)
        let preferred = reader.cleaner.clean(record[label]) ?? record[code]
        let group = ISCOGroup(
          uri: record[uri], code: record[code].trimmed,
          preferredLabel: preferred,
          altLabels: reader.cleaner.clean(LabelCleaner.split(record[alt]), excluding: [preferred]),
          definition: parsed.definition, description: text, tasks: parsed.tasks,
          examples: parsed.examples, classifiedElsewhere: parsed.classifiedElsewhere)
        iscoIndex[group.code] = taxonomy.iscoGroups.count
        iscoByURI[group.uri] = taxonomy.iscoGroups.count
        taxonomy.iscoGroups.append(group)
      }
    }

    var groupIndex: [String: Int] = [:]
    if let table = try reader.table(.skillGroups) {
      let uri = try table.column("conceptUri")
      let label = try table.column("preferredLabel")
      let code = table.optionalColumn("code")
      let description = table.optionalColumn("description")
      try table.forEachRecord { record in
        let groupURI = record[uri]
        var groupCode = record[code].trimmed
        if groupCode.isEmpty, let field = groupURI.split(separator: "/").last,
          groupURI.contains("/isced-f/")
        {
          groupCode = "K" + field
        }
        groupIndex[groupURI] = taxonomy.skillGroups.count
        taxonomy.skillGroups.append(
          SkillGroup(
            uri: groupURI, code: groupCode,
            preferredLabel: reader.cleaner.clean(record[label]) ?? groupCode,
            description: record[description], broader: []))
      }
    }

    var skillIndex: [String: Int] = [:]
    if let table = try reader.table(.skills) {
      let uri = try table.column("conceptUri")
      let label = try table.column("preferredLabel")
      let alt = table.optionalColumn("altLabels")
      let hidden = table.optionalColumn("hiddenLabels")
      let description = table.optionalColumn("description")
      let type = table.optionalColumn("skillType")
      let reuse = table.optionalColumn("reuseLevel")
      try table.forEachRecord { record in
        let preferred = reader.cleaner.clean(record[label]) ?? record[uri]
        let alts = reader.cleaner.clean(LabelCleaner.split(record[alt]), excluding: [preferred])
        let skill = Skill(
          uri: record[uri], preferredLabel: preferred, altLabels: alts,
          hiddenLabels: reader.cleaner.clean(
            LabelCleaner.split(record[hidden]), excluding: [preferred] + alts),
          description: record[description].trimmed,
          type: SkillType(rawValue: record[type]) ?? .unknown, reuseLevel: record[reuse],
          broader: [])
        skillIndex[skill.uri] = taxonomy.skills.count
        taxonomy.skills.append(skill)
      }
    }

    var occupationIndex: [String: Int] = [:]
    if let table = try reader.table(.occupations) {
      let uri = try table.column("conceptUri")
      let label = try table.column("preferredLabel")
      let isco = try table.column("iscoGroup")
      let alt = table.optionalColumn("altLabels")
      let hidden = table.optionalColumn("hiddenLabels")
      let description = table.optionalColumn("description")
      let code = table.optionalColumn("code")
      try table.forEachRecord { record in
        let preferred = reader.cleaner.clean(record[label]) ?? record[uri]
        let alts = reader.cleaner.clean(LabelCleaner.split(record[alt]), excluding: [preferred])
        let occupation = Occupation(
          uri: record[uri], preferredLabel: preferred, altLabels: alts,
          hiddenLabels: reader.cleaner.clean(
            LabelCleaner.split(record[hidden]), excluding: [preferred] + alts),
          description: record[description].trimmed,
          iscoGroup: record[isco].trimmed,
          code: record[code].trimmed, broaderOccupation: nil)
        if iscoIndex[occupation.iscoGroup] == nil {
          taxonomy.warnings.append(
            TaxonomyWarning(
              file: table.name, line: record.line,
              message: "occupation '\(preferred)' has ISCO code '\(occupation.iscoGroup)', "
                + "which is not in the ISCO groups"))
        }
        occupationIndex[occupation.uri] = taxonomy.occupations.count
        taxonomy.occupations.append(occupation)
      }
    }

    if let table = try reader.table(.broaderSkills) {
      let uri = try table.column("conceptUri")
      let broader = try table.column("broaderUri")
      try table.forEachRecord { record in
        if let skill = skillIndex[record[uri]] {
          taxonomy.skills[skill].broader.append(record[broader])
        } else if let group = groupIndex[record[uri]] {
          taxonomy.skillGroups[group].broader.append(record[broader])
        } else {
          unknown.note(record[uri], file: table.name, line: record.line)
        }
      }
    }

    if let table = try reader.table(.broaderOccupations) {
      let uri = try table.column("conceptUri")
      let broader = try table.column("broaderUri")
      try table.forEachRecord { record in
        if let occupation = occupationIndex[record[uri]], occupationIndex[record[broader]] != nil {
          taxonomy.occupations[occupation].broaderOccupation = record[broader]
        }
      }
    }

    if let table = try reader.table(.occupationSkillRelations) {
      let occupation = try table.column("occupationUri")
      let relation = try table.column("relationType")
      let skill = try table.column("skillUri")
      try table.forEachRecord { record in
        guard let from = occupationIndex[record[occupation]], let to = skillIndex[record[skill]]
        else {
          let missing =
            occupationIndex[record[occupation]] == nil ? record[occupation] : record[skill]
          unknown.note(missing, file: table.name, line: record.line)
          return
        }
        taxonomy.occupationSkills.append(
          OccupationSkillRelation(
            occupation: from, skill: to, isEssential: record[relation] == "essential"))
      }
    }

    if let table = try reader.table(.skillSkillRelations) {
      let original = try table.column("originalSkillUri")
      let relation = try table.column("relationType")
      let related = try table.column("relatedSkillUri")
      try table.forEachRecord { record in
        guard let from = skillIndex[record[original]], let to = skillIndex[record[related]] else {
          let missing = skillIndex[record[original]] == nil ? record[original] : record[related]
          unknown.note(missing, file: table.name, line: record.line)
          return
        }
        taxonomy.skillSkills.append(
          SkillSkillRelation(skill: from, related: to, isEssential: record[relation] == "essential")
        )
      }
    }

    assignTopGroups(&taxonomy, skillIndex: skillIndex, groupIndex: groupIndex)
    taxonomy.warnings = (reader.tables.flatMap(\.warnings) + taxonomy.warnings + unknown.warnings)
      .sorted {
        ($0.file, $0.line) < ($1.file, $1.line)
      }
    taxonomy.cleaning = reader.cleaner.counts
    taxonomy.inputChecksum = reader.checksum()
    return taxonomy
  }

  /// Follows broader relations from each skill up to the top-level groups (codes of two
  /// characters and more, without a dot: S1, T4, L1, K04).
  private static func assignTopGroups(
    _ taxonomy: inout Taxonomy, skillIndex: [String: Int], groupIndex: [String: Int]
  ) {
    func isTop(_ code: String) -> Bool {
      code.count >= 2 && !code.contains(".")
        && (code.hasPrefix("S") || code.hasPrefix("T") || code.hasPrefix("L")
          || (code.hasPrefix("K") && code.count == 3))
    }
    var memo: [String: Set<String>] = [:]
    func tops(_ uri: String, depth: Int) -> Set<String> {
      if let known = memo[uri] { return known }
      guard depth < 16 else { return [] }
      var result: Set<String> = []
      if let group = groupIndex[uri] {
        let code = taxonomy.skillGroups[group].code
        if isTop(code) {
          result.insert(code)
        } else {
          for broader in taxonomy.skillGroups[group].broader {
            result.formUnion(tops(broader, depth: depth + 1))
          }
        }
      } else if let skill = skillIndex[uri] {
        for broader in taxonomy.skills[skill].broader {
          result.formUnion(tops(broader, depth: depth + 1))
        }
      }
      memo[uri] = result
      return result
    }
    for index in taxonomy.skills.indices {
      taxonomy.skills[index].topGroups = tops(taxonomy.skills[index].uri, depth: 0).sorted()
    }
  }

  /// Relations naming concepts the concept files lack, one warning per file and concept.
  private struct UnknownConcepts {
    private var seen: [String: (line: Int, count: Int)] = [:]
    private var order: [(file: String, uri: String)] = []

    mutating func note(_ uri: String, file: String, line: Int) {
      let key = file + "\u{0}" + uri
      if let known = seen[key] {
        seen[key] = (known.line, known.count + 1)
      } else {
        seen[key] = (line, 1)
        order.append((file, uri))
      }
    }

    var warnings: [TaxonomyWarning] {
      order.map { file, uri in
        let (line, count) = seen[file + "\u{0}" + uri]!
        let rows = count == 1 ? "1 row names" : "\(count) rows name"
        return TaxonomyWarning(
          file: file, line: line,
          message: "\(rows) \(uri), which is not in the concept files; skipped")
      }
    }
  }

  /// Reads the files of a source, remembering what it read for the checksum.
  private struct Reader {
    let source: ESCOSource
    var cleaner = LabelCleaner()
    var read: [(String, [UInt8])] = []
    var tables: [CSVTable] = []

    init(source: ESCOSource) { self.source = source }

    mutating func table(_ file: ESCOFile) throws -> CSVTable? {
      guard let (name, bytes) = try source.read(file) else { return nil }
      read.append((name, bytes))
      let table = try CSVTable(name: name, bytes: bytes)
      tables.append(table)
      return table
    }

    /// SHA-256 over the files read, in name order: name, a zero byte, the bytes.
    func checksum() -> String {
      var digest = SHA256()
      for (name, bytes) in read.sorted(by: { $0.0 < $1.0 }) {
        digest.update(Array(name.utf8) + [0])
        digest.update(bytes)
      }
      return SHA256.hexString(digest.finalize())
    }
  }
}

/// A CSV file with a header, whose columns are found by name (case-insensitive).
final class CSVTable {
  let name: String
  let header: [String]
  private let reader: CSVReader
  /// Malformed records, skipped.
  private(set) var warnings: [TaxonomyWarning] = []

  /// A column's index, or -1 when optional and absent.
  struct Column {
    let index: Int
  }

  /// One record, read by column.
  struct Record {
    let fields: [String]
    let line: Int

    subscript(column: Column) -> String {
      column.index >= 0 && column.index < fields.count ? fields[column.index] : ""
    }
  }

  init(name: String, bytes: [UInt8]) throws {
    self.name = name
    reader = CSVReader(bytes: bytes)
    header = (try reader.next())?.fields.map { $0.trimmed } ?? []
  }

  func column(_ wanted: String) throws(TaxonomyError) -> Column {
    let column = optionalColumn(wanted)
    guard column.index >= 0 else {
      throw .missingColumn(file: name, column: wanted, header: header)
    }
    return column
  }

  func optionalColumn(_ wanted: String) -> Column {
    Column(index: header.firstIndex { $0.lowercased() == wanted.lowercased() } ?? -1)
  }

  /// Calls `body` for each well-formed record; malformed ones go to ``warnings``.
  func forEachRecord(_ body: (Record) throws -> Void) throws {
    while true {
      let record: CSVRecord?
      do {
        record = try reader.next()
      } catch let error as CSVError {
        warnings.append(TaxonomyWarning(file: name, line: error.line, message: error.problem))
        continue
      }
      guard let record else { return }
      if record.fields.count < header.count {
        warnings.append(
          TaxonomyWarning(
            file: name, line: record.line,
            message: "\(record.fields.count) fields where the header has \(header.count)"))
        continue
      }
      try body(Record(fields: record.fields, line: record.line))
    }
  }
}
