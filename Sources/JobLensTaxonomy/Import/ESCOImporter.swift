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
    var run = Import(source: source)
    try run.readISCOGroups()
    try run.readSkillGroups()
    try run.readSkills()
    try run.readOccupations()
    try run.readBroaderSkills()
    try run.readBroaderOccupations()
    try run.readOccupationSkills()
    try run.readSkillSkills()
    return run.finish()
  }

  /// The fewest concepts of each kind an ESCO v1 download has, in every v1.0–v1.2 release
  /// (v1.0.x: 2,942 occupations, 13,485 skills; ISCO-08 has 619 groups), less a tenth.
  public static let minimumV1Counts = (occupations: 2_647, skills: 12_136, iscoGroups: 557)

  /// Checks that an imported download is whole: no required file ends inside a row, and each
  /// concept file gave at least ``minimumV1Counts`` concepts for an ESCO v1 version (at least
  /// one for other versions, such as a subset named otherwise).
  /// - Throws: ``TaxonomyError/unfinishedFile(file:line:)`` or
  ///   ``TaxonomyError/tooFewConcepts(file:kind:count:version:minimum:)``.
  public static func checkComplete(_ taxonomy: Taxonomy) throws(TaxonomyError) {
    // Relation files are named with or without the language suffix.
    let required = Set(
      ESCOFile.allCases.filter(\.isRequired).flatMap { file in
        let name = file.name(language: taxonomy.language).lowercased()
        return [name, name.dropLast(".csv".count) + "_\(taxonomy.language).csv"]
      })
    for file in taxonomy.unfinishedFiles where required.contains(file.file.lowercased()) {
      throw .unfinishedFile(file: file.file, line: file.line)
    }
    let isV1 = taxonomy.version.hasPrefix("v1.")
    let counts: [(ESCOFile, String, Int, Int)] = [
      (.occupations, "occupations", taxonomy.occupations.count, minimumV1Counts.occupations),
      (.skills, "skills", taxonomy.skills.count, minimumV1Counts.skills),
      (.iscoGroups, "isco groups", taxonomy.iscoGroups.count, minimumV1Counts.iscoGroups),
    ]
    for (file, kind, count, v1Minimum) in counts {
      let minimum = isV1 ? v1Minimum : 1
      if count < minimum {
        throw .tooFewConcepts(
          file: file.name(language: taxonomy.language), kind: kind, count: count,
          version: taxonomy.version, minimum: minimum)
      }
    }
  }

  /// Follows broader relations from each skill up to the top-level groups (codes of two
  /// characters and more, without a dot: S1, T4, L1, K04).
  static func assignTopGroups(
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
  struct UnknownConcepts {
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
  struct Reader {
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
