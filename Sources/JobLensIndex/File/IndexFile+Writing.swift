import JobLensCore
import JobLensTaxonomy

extension IndexFile {
  private static func write(_ csr: CSR<UInt32>, to writer: inout BinaryWriter) {
    writer.write(array: csr.starts)
    writer.write(array: csr.values)
  }

  /// Writes one section's payload.
  static func write(_ section: Section, of data: IndexData, to w: inout BinaryWriter) {
    switch section {
    case .metadata:
      write(data.metadata, to: &w)
    case .strings:
      w.write(blob: data.strings.blob)
      w.write(array: data.strings.offsets)
    case .terms:
      w.write(array: data.terms)
      w.write(array: data.stopTerms)
    case .labels:
      writeLabels(of: data, to: &w)
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
      write(data.skills, to: &w)
    case .occupations:
      write(data.occupations, to: &w)
    case .iscoGroups:
      write(data.iscoGroups, to: &w)
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
    case .background:
      writeBackground(data.background, to: &w)
    case .matching:
      writeMatching(of: data, to: &w)
    }
  }

  private static func write(_ meta: IndexMetadata, to w: inout BinaryWriter) {
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
  }

  private static func writeLabels(of data: IndexData, to w: inout BinaryWriter) {
    w.write(array: data.labelKinds)
    w.write(array: data.labelConcepts)
    w.write(array: data.labelFields)
    w.write(array: data.labelFlags)
    w.write(array: data.labelStrings)
    write(data.labelTerms, to: &w)
    w.write(UInt32(data.labelsByTerm.count))
    for postings in data.labelsByTerm { write(postings, to: &w) }
    w.write(array: data.labelMass)
  }

  private static func write(_ skills: SkillTable, to w: inout BinaryWriter) {
    w.write(array: skills.uris)
    w.write(array: skills.labels)
    w.write(array: skills.descriptions)
    w.write(array: skills.types)
    w.write(array: skills.reuseLevels)
    write(skills.altLabels, to: &w)
    write(skills.hiddenLabels, to: &w)
    write(skills.broader, to: &w)
    write(skills.topGroups, to: &w)
  }

  private static func write(_ occupations: OccupationTable, to w: inout BinaryWriter) {
    w.write(array: occupations.uris)
    w.write(array: occupations.labels)
    w.write(array: occupations.descriptions)
    w.write(array: occupations.iscoCodes)
    w.write(array: occupations.codes)
    w.write(array: occupations.broader)
    write(occupations.altLabels, to: &w)
    write(occupations.hiddenLabels, to: &w)
  }

  private static func write(_ groups: ISCOTable, to w: inout BinaryWriter) {
    w.write(array: groups.uris)
    w.write(array: groups.codes)
    w.write(array: groups.labels)
    w.write(array: groups.definitions)
    w.write(array: groups.descriptions)
    write(groups.altLabels, to: &w)
    write(groups.tasks, to: &w)
    write(groups.examples, to: &w)
    write(groups.elsewhere, to: &w)
  }
}
