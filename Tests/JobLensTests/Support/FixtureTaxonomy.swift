import Foundation

@testable import JobLensAnalysis
@testable import JobLensCore
@testable import JobLensIndex
@testable import JobLensTaxonomy

/// The hand-written fixture taxonomy, a few dozen concepts in ESCO's CSV shape, and its index:
/// built in milliseconds, so the matching and scoring tests over it run in debug builds too.
///
/// Its skills and their relations are files of ours (`Fixtures/taxonomy`); its occupations and
/// the descriptions of its ISCO groups are ours too (``groups``, ``occupations``); the ISCO
/// groups' titles are read from the ESCO download at `../shared` (no ESCO content is kept in
/// the repository), so its tests carry ``Testing/Trait/needsESCO``. The download is assembled
/// in a temporary folder.
enum FixtureTaxonomy {
  /// Our files of the fixture: skills and occupation–skill relations.
  static let uri = "http://example.org/joblens-fixture/"

  private static let loaded = Result<(String, Taxonomy, ConceptIndex), any Error> {
    let path = try assemble()
    let taxonomy = try ESCOImporter.load(ESCOSource(path: path, version: "fixture"))
    return (path, taxonomy, try ConceptIndex.build(taxonomy))
  }

  /// The fixture download's folder.
  static var path: String {
    get throws { try loaded.get().0 }
  }

  /// The imported taxonomy.
  static var taxonomy: Taxonomy {
    get throws { try loaded.get().1 }
  }

  /// Its index.
  static var index: ConceptIndex {
    get throws { try loaded.get().2 }
  }

  /// A fresh analyzer over the fixture index (analyzers are one per thread; tests run in
  /// parallel), with the default options changed by `change`.
  static func analyzer(
    _ change: (inout AnalysisOptions) -> Void = { _ in }
  ) throws
    -> PostingAnalyzer
  {
    var options = AnalysisOptions()
    change(&options)
    return try PostingAnalyzer(index: index, options: options)
  }

  /// Writes the fixture download into a new temporary folder: our files, the ISCO groups (titles
  /// from `../shared`'s ESCO download), the occupations and the broader relations.
  private static func assemble() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-fixture-taxonomy-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (file, rows) in [
      ("skills_en.csv", skillRows), ("occupationSkillRelations.csv", relationRows),
    ] {
      try rows.map(row).joined().write(
        to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
    let titles = try iscoTitles()
    var isco = "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description\n"
    for (code, description) in groups {
      guard let title = titles[code] else {
        throw CSVError(line: 0, problem: "no ISCO group \(code) in \(Shared.escoPath)")
      }
      isco += row([
        "ISCOGroup", uri + "isco/C" + code, code, title, "released", "",
        uri + "concept-scheme/isco", description,
      ])
    }
    var occupationRows =
      "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
      + "modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n"
    var broader = "conceptType,conceptUri,broaderType,broaderUri\n"
    var perGroup: [String: Int] = [:]
    for occupation in occupations {
      perGroup[occupation.group, default: 0] += 1
      let concept = uri + "occupation/" + occupation.slug
      occupationRows += row([
        "Occupation", concept, occupation.group, occupation.label,
        occupation.alternatives.joined(separator: "\n"), "", "released", "", "", "", "",
        uri + "concept-scheme/occupations", occupation.description,
        "\(occupation.group).\(perGroup[occupation.group]!)",
      ])
      broader += row(["Occupation", concept, "ISCOGroup", uri + "isco/C" + occupation.group])
    }
    for (code, _) in groups where code.count > 1 {
      broader += row([
        "ISCOGroup", uri + "isco/C" + code, "ISCOGroup", uri + "isco/C" + code.dropLast(),
      ])
    }
    for (name, text) in [
      ("ISCOGroups_en.csv", isco), ("occupations_en.csv", occupationRows),
      ("broaderRelationsOccPillar.csv", broader),
    ] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder.path
  }

  /// The titles of the ISCO groups in the ESCO download at `../shared`, by code.
  private static func iscoTitles() throws -> [String: String] {
    let file = URL(fileURLWithPath: Shared.escoPath).appendingPathComponent("ISCOGroups_en.csv")
    let reader = CSVReader(bytes: Array(try Data(contentsOf: file)))
    guard let header = try reader.next()?.fields,
      let code = header.firstIndex(of: "code"), let label = header.firstIndex(of: "preferredLabel")
    else { throw CSVError(line: 1, problem: "\(file.path) has no code and preferredLabel columns") }
    var titles: [String: String] = [:]
    while let record = try reader.next() {
      guard record.fields.count > max(code, label) else { continue }
      titles[record.fields[code]] = record.fields[label]
    }
    return titles
  }

  /// One CSV row: fields with a comma, a quote or a line break quoted.
  private static func row(_ fields: [String]) -> String {
    fields.map { field in
      field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",") + "\n"
  }
}
