import JobLensCore
import JobLensTaxonomy

extension IndexFile {
  /// Structural checks: offsets in order, IDs in range, parallel arrays of equal length. The
  /// first problem found, in section order, or nil.
  static func validate(_ data: IndexData) -> String? {
    checkTerms(data) ?? checkLabels(data) ?? checkPostings(data) ?? checkTables(data)
      ?? checkRelations(data) ?? checkModels(data) ?? checkStringIDs(data)
      ?? data.background.problem(skillCount: data.skills.count)
      ?? checkMatching(data)
  }

  /// The matching tables (read without bounds checks by searches).
  private static func checkMatching(_ data: IndexData) -> String? {
    guard let matching = data.matching else { return "matching tables missing" }
    return matching.problem(termCount: data.terms.count, labelCount: data.labelCount)
  }

  /// The string and term tables.
  private static func checkTerms(_ data: IndexData) -> String? {
    let strings = UInt32(data.strings.count)
    let terms = data.terms.count
    guard data.strings.isValid else { return "string offsets out of order" }
    guard data.terms.allSatisfy({ $0 < strings }), data.stopTerms.count == terms else {
      return "term table"
    }
    return nil
  }

  /// The label tables and each label's kind, concept and field.
  private static func checkLabels(_ data: IndexData) -> String? {
    let strings = UInt32(data.strings.count)
    let terms = data.terms.count
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
    return nil
  }

  /// The IDF tables and the description postings.
  private static func checkPostings(_ data: IndexData) -> String? {
    let terms = data.terms.count
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
    return nil
  }

  /// The skill, occupation and ISCO group tables.
  private static func checkTables(_ data: IndexData) -> String? {
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
    return nil
  }

  /// The occupation–skill relations, both ways.
  private static func checkRelations(_ data: IndexData) -> String? {
    let (skills, occupations) = (data.skills, data.occupations)
    guard data.occupationSkills.rowCount == occupations.count, data.occupationSkills.isValid,
      data.occupationSkills.values.allSatisfy({ Int($0 & ~IndexData.essentialBit) < skills.count }),
      data.skillOccupations.rowCount == skills.count, data.skillOccupations.isValid,
      data.skillOccupations.values.allSatisfy({
        Int($0 & ~IndexData.essentialBit) < occupations.count
      })
    else { return "relations" }
    return nil
  }

  /// The unit groups' word model and the skills' context documents.
  private static func checkModels(_ data: IndexData) -> String? {
    let terms = data.terms.count
    let groups = data.iscoGroups
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
      rowsAscend(data.skillContextTerms)
    else { return "skill contexts" }
    return nil
  }

  /// Whether each row of a (valid) CSR is in ascending order, read from the arrays' memory.
  /// - Complexity: O(n) in the values.
  private static func rowsAscend(_ csr: CSR<UInt32>) -> Bool {
    csr.starts.withUnsafeBufferPointer { starts in
      csr.values.withUnsafeBufferPointer { values in
        for row in 0..<max(0, starts.count - 1) {
          let (start, end) = (Int(starts[row]), Int(starts[row + 1]))
          guard start < end else { continue }
          for offset in (start + 1)..<end where values[offset - 1] >= values[offset] {
            return false
          }
        }
        return true
      }
    }
  }

  /// Every string ID of the concept tables in the string table.
  private static func checkStringIDs(_ data: IndexData) -> String? {
    let strings = UInt32(data.strings.count)
    let (skills, occupations, groups) = (data.skills, data.occupations, data.iscoGroups)
    let arrays: [[UInt32]] = [
      skills.uris, skills.labels, skills.descriptions, skills.reuseLevels,
      occupations.uris, occupations.labels, occupations.descriptions, occupations.iscoCodes,
      occupations.codes, groups.uris, groups.codes, groups.labels, groups.definitions,
      groups.descriptions, data.skillGroups.uris, data.skillGroups.codes, data.skillGroups.labels,
    ]
    let rows: [FlatArray<UInt32>] = [
      skills.altLabels.values, skills.hiddenLabels.values, skills.broader.values,
      skills.topGroups.values, occupations.altLabels.values, occupations.hiddenLabels.values,
      groups.altLabels.values, groups.tasks.values, groups.examples.values,
      groups.elsewhere.values,
    ]
    for ids in arrays where !ids.allSatisfy({ $0 < strings }) { return "string IDs" }
    for ids in rows where !ids.allSatisfy({ $0 < strings }) { return "string IDs" }
    return nil
  }
}
