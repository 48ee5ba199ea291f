import JobLensCore
import JobLensTaxonomy

extension IndexFile {
  /// Reads a CSR written as its starts and values (in place from a mapped file).
  static func readCSR(_ reader: inout BinaryReader) throws -> CSR<UInt32> {
    CSR(
      starts: try reader.readFlat(of: UInt32.self), values: try reader.readFlat(of: UInt32.self))
  }

  /// Reads one section's payload into `data`.
  static func read(
    _ section: Section, into data: inout IndexData, from r: inout BinaryReader
  ) throws {
    switch section {
    case .metadata:
      try readMetadata(into: &data.metadata, from: &r)
    case .strings:
      data.strings = StringTable(
        blob: try r.readFlat(of: UInt8.self), offsets: try r.readFlat(of: UInt32.self))
    case .terms:
      data.terms = try r.readArray(of: UInt32.self)
      data.stopTerms = try r.readArray(of: UInt8.self)
    case .labels:
      try readLabels(into: &data, from: &r)
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
      data.skills = try readSkills(&r)
    case .occupations:
      data.occupations = try readOccupations(&r)
    case .iscoGroups:
      data.iscoGroups = try readISCOGroups(&r)
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
    case .background:
      data.background = try readBackground(&r)
    case .matching:
      data.matching = try readMatching(&r)
    }
  }

  private static func readMetadata(
    into metadata: inout IndexMetadata, from r: inout BinaryReader
  ) throws {
    metadata.formatVersion = Int(try r.readUInt32())
    metadata.joblensVersion = try r.readString()
    metadata.taxonomyVersion = try r.readString()
    metadata.language = try r.readString()
    metadata.inputChecksum = try r.readString()
    var counts: [Int] = []
    for _ in 0..<6 { counts.append(Int(try r.readUInt64())) }
    metadata.cleaning = CleaningCounts(
      duplicateLabels: counts[0], invisibleCharacters: counts[1], unusualSpaces: counts[2],
      trimmedLabels: counts[3], emptyLabels: counts[4])
    metadata.warningCount = counts[5]
    let warningCount = Int(try r.readUInt32())
    for _ in 0..<warningCount { metadata.warnings.append(try r.readString()) }
  }

  private static func readLabels(into data: inout IndexData, from r: inout BinaryReader) throws {
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
  }

  private static func readSkills(_ r: inout BinaryReader) throws -> SkillTable {
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
    return skills
  }

  private static func readOccupations(_ r: inout BinaryReader) throws -> OccupationTable {
    var occupations = OccupationTable()
    occupations.uris = try r.readArray(of: UInt32.self)
    occupations.labels = try r.readArray(of: UInt32.self)
    occupations.descriptions = try r.readArray(of: UInt32.self)
    occupations.iscoCodes = try r.readArray(of: UInt32.self)
    occupations.codes = try r.readArray(of: UInt32.self)
    occupations.broader = try r.readArray(of: UInt32.self)
    occupations.altLabels = try readCSR(&r)
    occupations.hiddenLabels = try readCSR(&r)
    return occupations
  }

  private static func readISCOGroups(_ r: inout BinaryReader) throws -> ISCOTable {
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
    return groups
  }
}
