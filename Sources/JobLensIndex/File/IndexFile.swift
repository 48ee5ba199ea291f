import Foundation
import JobLensCore
import JobLensTaxonomy

/// The binary index file: a fixed header (magic, format version, body length, XXH64 of the
/// body) and a body of tagged sections in a fixed order, so that the same index always has the
/// same bytes. Loading checks magic, version, length and checksum before it parses anything.
enum IndexFile {
  /// "JOBLENS" and a 0x1A byte (which stops text tools from printing the rest).
  static let magic: [UInt8] = Array("JOBLENS".utf8) + [0x1A]
  /// The format version this code writes and reads; raised also when the text pipeline gives
  /// words other terms (2, 3, 4: ``EnglishStems``), leaves labels out (4: generic and
  /// duplicate skill labels) or adds some (5: ``ToolNames``), since an older index would not
  /// match the same way; 6 adds the unit groups' word model (``GroupTextModel``), 7 the skills'
  /// context documents.
  static let formatVersion = 7
  static let headerSize = 32

  private enum Section: UInt32, CaseIterable {
    case metadata = 1, strings, terms, labels, idf, descriptions, skills, occupations
    case iscoGroups, skillGroups, relations, groupModel, skillContexts
  }

  // MARK: Writing

  /// The file's bytes for an index, and the body checksum.
  static func encode(_ data: IndexData) -> (bytes: [UInt8], checksum: UInt64) {
    var body = BinaryWriter()
    for section in Section.allCases {
      var payload = BinaryWriter()
      write(section, of: data, to: &payload)
      body.write(section.rawValue)
      body.write(UInt64(payload.bytes.count))
      body.append(payload.bytes)
    }
    let checksum = XXHash64.hash(body.bytes)
    var file = BinaryWriter()
    file.append(magic)
    file.write(UInt32(formatVersion))
    file.write(UInt32(0))
    file.write(UInt64(body.bytes.count))
    file.write(checksum)
    file.append(body.bytes)
    return (file.bytes, checksum)
  }

  /// Writes an index's file bytes (``encode(_:)``) atomically (a temporary file renamed into
  /// place).
  static func write(_ bytes: [UInt8], to path: String) throws(IndexError) {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  private static func write(_ csr: CSR<UInt32>, to writer: inout BinaryWriter) {
    writer.write(array: csr.starts)
    writer.write(array: csr.values)
  }

  private static func write(_ section: Section, of data: IndexData, to w: inout BinaryWriter) {
    switch section {
    case .metadata:
      let meta = data.metadata
      w.write(UInt32(meta.formatVersion))
      w.write(meta.joblensVersion)
      w.write(meta.taxonomyVersion)
      w.write(meta.language)
      w.write(meta.inputChecksum)
      let cleaning = meta.cleaning
      for count in [
        cleaning.duplicateLabels, cleaning.invisibleCharacters, cleaning.unusualSpaces,
        cleaning.trimmedLabels, cleaning.emptyLabels, meta.warningCount,
      ] {
        w.write(UInt64(count))
      }
      w.write(UInt32(meta.warnings.count))
      for warning in meta.warnings { w.write(warning) }
    case .strings:
      w.write(blob: data.strings.blob)
      w.write(array: data.strings.offsets)
    case .terms:
      w.write(array: data.terms)
      w.write(array: data.stopTerms)
    case .labels:
      w.write(array: data.labelKinds)
      w.write(array: data.labelConcepts)
      w.write(array: data.labelFields)
      w.write(array: data.labelFlags)
      w.write(array: data.labelStrings)
      write(data.labelTerms, to: &w)
      w.write(UInt32(data.labelsByTerm.count))
      for postings in data.labelsByTerm { write(postings, to: &w) }
      w.write(array: data.labelMass)
    case .idf:
      w.write(UInt32(data.idf.count))
      for values in data.idf { w.write(array: values) }
    case .descriptions:
      w.write(UInt32(data.descriptions.count))
      for postings in data.descriptions {
        write(postings.concepts, to: &w)
        w.write(array: postings.weights)
      }
    case .skills:
      let skills = data.skills
      w.write(array: skills.uris)
      w.write(array: skills.labels)
      w.write(array: skills.descriptions)
      w.write(array: skills.types)
      w.write(array: skills.reuseLevels)
      write(skills.altLabels, to: &w)
      write(skills.hiddenLabels, to: &w)
      write(skills.broader, to: &w)
      write(skills.topGroups, to: &w)
    case .occupations:
      let occupations = data.occupations
      w.write(array: occupations.uris)
      w.write(array: occupations.labels)
      w.write(array: occupations.descriptions)
      w.write(array: occupations.iscoCodes)
      w.write(array: occupations.codes)
      w.write(array: occupations.broader)
      write(occupations.altLabels, to: &w)
      write(occupations.hiddenLabels, to: &w)
    case .iscoGroups:
      let groups = data.iscoGroups
      w.write(array: groups.uris)
      w.write(array: groups.codes)
      w.write(array: groups.labels)
      w.write(array: groups.definitions)
      w.write(array: groups.descriptions)
      write(groups.altLabels, to: &w)
      write(groups.tasks, to: &w)
      write(groups.examples, to: &w)
      write(groups.elsewhere, to: &w)
    case .skillGroups:
      w.write(array: data.skillGroups.uris)
      w.write(array: data.skillGroups.codes)
      w.write(array: data.skillGroups.labels)
    case .relations:
      write(data.occupationSkills, to: &w)
      write(data.skillOccupations, to: &w)
    case .groupModel:
      write(data.groupModel.gains.concepts, to: &w)
      w.write(array: data.groupModel.gains.weights)
      w.write(array: data.groupModel.norms)
    case .skillContexts:
      write(data.skillContextTerms, to: &w)
      w.write(array: data.skillContextWeights)
    }
  }

  // MARK: Reading

  /// Reads and checks an index file.
  static func read(path: String) throws(IndexError) -> (IndexData, checksum: UInt64) {
    guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
    let contents: Data
    do {
      contents = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    return try decode(contents, path: path)
  }

  /// Checks and parses an index file's bytes.
  static func decode<Bytes: ContiguousBytes>(
    _ bytes: Bytes, path: String
  ) throws(IndexError)
    -> (IndexData, checksum: UInt64)
  {
    do {
      return try bytes.withUnsafeBytes { raw in
        guard raw.count >= magic.count, magic.elementsEqual(raw[0..<magic.count]) else {
          throw IndexError.notAnIndex(path: path)
        }
        guard raw.count >= headerSize else {
          throw IndexError.truncated(path: path, expected: headerSize, actual: raw.count)
        }
        return try decodeBody(raw, raw.count, path)
      }
    } catch let error as IndexError {
      throw error
    } catch {
      throw .corrupt(path: path, detail: String(describing: error))
    }
  }

  private static func decodeBody(
    _ raw: UnsafeRawBufferPointer, _ count: Int, _ path: String
  ) throws(IndexError) -> (IndexData, checksum: UInt64) {
    var header = BinaryReader(raw, offset: magic.count)
    let version: UInt32
    let bodyLength: UInt64
    let expectedChecksum: UInt64
    do {
      version = try header.readUInt32()
      _ = try header.readUInt32()
      bodyLength = try header.readUInt64()
      expectedChecksum = try header.readUInt64()
    } catch {
      throw .truncated(path: path, expected: headerSize, actual: count)
    }
    guard Int(version) == formatVersion else {
      throw .formatVersion(path: path, found: Int(version), expected: formatVersion)
    }
    let expectedSize = bodyLength > UInt64(Int.max / 2) ? Int.max : headerSize + Int(bodyLength)
    guard count >= expectedSize else {
      throw .truncated(path: path, expected: expectedSize, actual: count)
    }
    let body = UnsafeRawBufferPointer(rebasing: raw[headerSize..<expectedSize])
    guard XXHash64.hash(body) == expectedChecksum else { throw .checksumMismatch(path: path) }
    guard count == expectedSize else {
      throw .corrupt(path: path, detail: "\(count - expectedSize) bytes after the body")
    }
    do {
      let data = try parse(body)
      if let problem = validate(data) { throw IndexError.corrupt(path: path, detail: problem) }
      return (data, expectedChecksum)
    } catch let error as IndexError {
      throw error
    } catch {
      throw .corrupt(path: path, detail: "a section ends early")
    }
  }

  private static func readCSR(_ reader: inout BinaryReader) throws -> CSR<UInt32> {
    CSR(
      starts: try reader.readArray(of: UInt32.self), values: try reader.readArray(of: UInt32.self))
  }

  private static func parse(_ body: UnsafeRawBufferPointer) throws -> IndexData {
    var outer = BinaryReader(body)
    var data = IndexData(
      metadata: IndexMetadata(
        formatVersion: formatVersion, joblensVersion: "", taxonomyVersion: "", language: "",
        inputChecksum: "", cleaning: CleaningCounts(), warningCount: 0, warnings: []))
    for expected in Section.allCases {
      let tag = try outer.readUInt32()
      let length = Int(try outer.readUInt64())
      guard tag == expected.rawValue, length <= outer.end - outer.offset else {
        throw IndexError.corrupt(path: "", detail: "section \(expected) missing")
      }
      var r = BinaryReader(body, offset: outer.offset, end: outer.offset + length)
      try read(expected, into: &data, from: &r)
      outer = BinaryReader(body, offset: outer.offset + length)
    }
    return data
  }

  private static func read(
    _ section: Section, into data: inout IndexData, from r: inout BinaryReader
  ) throws {
    switch section {
    case .metadata:
      data.metadata.formatVersion = Int(try r.readUInt32())
      data.metadata.joblensVersion = try r.readString()
      data.metadata.taxonomyVersion = try r.readString()
      data.metadata.language = try r.readString()
      data.metadata.inputChecksum = try r.readString()
      var counts: [Int] = []
      for _ in 0..<6 { counts.append(Int(try r.readUInt64())) }
      data.metadata.cleaning = CleaningCounts(
        duplicateLabels: counts[0], invisibleCharacters: counts[1], unusualSpaces: counts[2],
        trimmedLabels: counts[3], emptyLabels: counts[4])
      data.metadata.warningCount = counts[5]
      let warningCount = Int(try r.readUInt32())
      for _ in 0..<warningCount { data.metadata.warnings.append(try r.readString()) }
    case .strings:
      data.strings = StringTable(blob: try r.readBlob(), offsets: try r.readArray(of: UInt32.self))
    case .terms:
      data.terms = try r.readArray(of: UInt32.self)
      data.stopTerms = try r.readArray(of: UInt8.self)
    case .labels:
      data.labelKinds = try r.readArray(of: UInt8.self)
      data.labelConcepts = try r.readArray(of: UInt32.self)
      data.labelFields = try r.readArray(of: UInt8.self)
      data.labelFlags = try r.readArray(of: UInt8.self)
      data.labelStrings = try r.readArray(of: UInt32.self)
      data.labelTerms = try readCSR(&r)
      let kinds = Int(try r.readUInt32())
      data.labelsByTerm = []
      for _ in 0..<kinds { data.labelsByTerm.append(try readCSR(&r)) }
      data.labelMass = try r.readFloatArray()
    case .idf:
      let count = Int(try r.readUInt32())
      data.idf = []
      for _ in 0..<count { data.idf.append(try r.readFloatArray()) }
    case .descriptions:
      let count = Int(try r.readUInt32())
      data.descriptions = []
      for _ in 0..<count {
        let concepts = try readCSR(&r)
        data.descriptions.append(
          DescriptionPostings(concepts: concepts, weights: try r.readFloatArray()))
      }
    case .skills:
      var skills = SkillTable()
      skills.uris = try r.readArray(of: UInt32.self)
      skills.labels = try r.readArray(of: UInt32.self)
      skills.descriptions = try r.readArray(of: UInt32.self)
      skills.types = try r.readArray(of: UInt8.self)
      skills.reuseLevels = try r.readArray(of: UInt32.self)
      skills.altLabels = try readCSR(&r)
      skills.hiddenLabels = try readCSR(&r)
      skills.broader = try readCSR(&r)
      skills.topGroups = try readCSR(&r)
      data.skills = skills
    case .occupations:
      var occupations = OccupationTable()
      occupations.uris = try r.readArray(of: UInt32.self)
      occupations.labels = try r.readArray(of: UInt32.self)
      occupations.descriptions = try r.readArray(of: UInt32.self)
      occupations.iscoCodes = try r.readArray(of: UInt32.self)
      occupations.codes = try r.readArray(of: UInt32.self)
      occupations.broader = try r.readArray(of: UInt32.self)
      occupations.altLabels = try readCSR(&r)
      occupations.hiddenLabels = try readCSR(&r)
      data.occupations = occupations
    case .iscoGroups:
      var groups = ISCOTable()
      groups.uris = try r.readArray(of: UInt32.self)
      groups.codes = try r.readArray(of: UInt32.self)
      groups.labels = try r.readArray(of: UInt32.self)
      groups.definitions = try r.readArray(of: UInt32.self)
      groups.descriptions = try r.readArray(of: UInt32.self)
      groups.altLabels = try readCSR(&r)
      groups.tasks = try readCSR(&r)
      groups.examples = try readCSR(&r)
      groups.elsewhere = try readCSR(&r)
      data.iscoGroups = groups
    case .skillGroups:
      data.skillGroups.uris = try r.readArray(of: UInt32.self)
      data.skillGroups.codes = try r.readArray(of: UInt32.self)
      data.skillGroups.labels = try r.readArray(of: UInt32.self)
    case .relations:
      data.occupationSkills = try readCSR(&r)
      data.skillOccupations = try readCSR(&r)
    case .groupModel:
      let groups = try readCSR(&r)
      data.groupModel = GroupTextModel(
        gains: DescriptionPostings(concepts: groups, weights: try r.readFloatArray()),
        norms: try r.readFloatArray())
    case .skillContexts:
      data.skillContextTerms = try readCSR(&r)
      data.skillContextWeights = try r.readFloatArray()
    }
  }

  /// Structural checks: offsets in order, IDs in range, parallel arrays of equal length.
  static func validate(_ data: IndexData) -> String? {
    let strings = UInt32(data.strings.count)
    let terms = data.terms.count
    guard data.strings.isValid else { return "string offsets out of order" }
    guard data.terms.allSatisfy({ $0 < strings }), data.stopTerms.count == terms else {
      return "term table"
    }
    let labels = data.labelCount
    guard data.labelConcepts.count == labels, data.labelFields.count == labels,
      data.labelFlags.count == labels, data.labelStrings.count == labels,
      data.labelTerms.rowCount == labels, data.labelTerms.isValid,
      data.labelTerms.values.allSatisfy({ Int($0) < terms }),
      data.labelsByTerm.count == ConceptKind.allCases.count,
      data.labelsByTerm.allSatisfy({
        $0.rowCount == terms && $0.isValid && $0.values.allSatisfy({ Int($0) < labels })
      }),
      data.labelMass.count == labels,
      data.labelStrings.allSatisfy({ $0 < strings })
    else { return "label tables" }
    for index in 0..<labels {
      guard let kind = ConceptKind(rawValue: data.labelKinds[index]),
        Int(data.labelConcepts[index]) < data.count(kind),
        LabelField(rawValue: data.labelFields[index]) != nil
      else { return "label \(index)" }
    }
    guard data.idf.count == ConceptKind.allCases.count, data.idf.allSatisfy({ $0.count == terms })
    else { return "idf tables" }
    guard data.descriptions.count == ConceptKind.allCases.count else { return "descriptions" }
    for kind in ConceptKind.allCases {
      let postings = data.descriptions[Int(kind.rawValue)]
      guard postings.concepts.rowCount == terms, postings.concepts.isValid,
        postings.weights.count == postings.concepts.values.count,
        postings.concepts.values.allSatisfy({ Int($0) < data.count(kind) })
      else { return "\(kind.name) description postings" }
    }
    let skills = data.skills
    guard skills.labels.count == skills.count, skills.descriptions.count == skills.count,
      skills.types.count == skills.count, skills.reuseLevels.count == skills.count,
      skills.altLabels.rowCount == skills.count, skills.hiddenLabels.rowCount == skills.count,
      skills.broader.rowCount == skills.count, skills.topGroups.rowCount == skills.count
    else { return "skill table" }
    let occupations = data.occupations
    guard occupations.labels.count == occupations.count,
      occupations.descriptions.count == occupations.count,
      occupations.iscoCodes.count == occupations.count,
      occupations.codes.count == occupations.count,
      occupations.broader.count == occupations.count,
      occupations.altLabels.rowCount == occupations.count,
      occupations.hiddenLabels.rowCount == occupations.count
    else { return "occupation table" }
    let groups = data.iscoGroups
    guard groups.codes.count == groups.count, groups.labels.count == groups.count,
      groups.definitions.count == groups.count, groups.descriptions.count == groups.count,
      groups.tasks.rowCount == groups.count, groups.examples.rowCount == groups.count,
      groups.elsewhere.rowCount == groups.count, groups.altLabels.rowCount == groups.count
    else { return "isco table" }
    guard data.occupationSkills.rowCount == occupations.count, data.occupationSkills.isValid,
      data.occupationSkills.values.allSatisfy({ Int($0 & ~IndexData.essentialBit) < skills.count }),
      data.skillOccupations.rowCount == skills.count, data.skillOccupations.isValid,
      data.skillOccupations.values.allSatisfy({
        Int($0 & ~IndexData.essentialBit) < occupations.count
      })
    else { return "relations" }
    let model = data.groupModel
    guard model.gains.concepts.rowCount == terms, model.gains.concepts.isValid,
      model.gains.weights.count == model.gains.concepts.values.count,
      model.gains.concepts.values.allSatisfy({ Int($0) < groups.count }),
      model.gains.weights.allSatisfy({ $0.isFinite && $0 >= 0 }),
      model.norms.count == groups.count, model.norms.allSatisfy(\.isFinite)
    else { return "unit group word model" }
    guard data.skillContextTerms.rowCount == data.skills.count, data.skillContextTerms.isValid,
      data.skillContextWeights.count == data.skillContextTerms.values.count,
      data.skillContextTerms.values.allSatisfy({ Int($0) < terms }),
      data.skillContextWeights.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= IndexBuilder.k1 + 1 }),
      (0..<data.skills.count).allSatisfy({ skill in
        let row = data.skillContextTerms[skill]
        return zip(row, row.dropFirst()).allSatisfy { $0 < $1 }
      })
    else { return "skill contexts" }
    let allStringIDs: [[UInt32]] = [
      skills.uris, skills.labels, skills.descriptions, skills.reuseLevels, skills.altLabels.values,
      skills.hiddenLabels.values, skills.broader.values, skills.topGroups.values,
      occupations.uris, occupations.labels, occupations.descriptions, occupations.iscoCodes,
      occupations.codes, occupations.altLabels.values, occupations.hiddenLabels.values,
      groups.uris, groups.codes, groups.labels, groups.definitions, groups.descriptions,
      groups.altLabels.values, groups.tasks.values, groups.examples.values, groups.elsewhere.values,
      data.skillGroups.uris, data.skillGroups.codes, data.skillGroups.labels,
    ]
    for ids in allStringIDs where !ids.allSatisfy({ $0 < strings }) { return "string IDs" }
    return nil
  }
}
