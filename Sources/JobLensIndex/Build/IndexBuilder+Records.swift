import JobLensTaxonomy

extension IndexBuilder {
  /// Adds the skills' records.
  static func addSkillRecords(
    of taxonomy: Taxonomy, state: inout State, to data: inout IndexData
  ) {
    for skill in taxonomy.skills {
      data.skills.uris.append(state.strings.id(skill.uri))
      data.skills.labels.append(state.strings.id(skill.preferredLabel))
      data.skills.descriptions.append(state.strings.id(skill.description))
      data.skills.types.append(SkillType.allCases.firstIndex(of: skill.type).map(UInt8.init) ?? 2)
      data.skills.reuseLevels.append(state.strings.id(skill.reuseLevel))
    }
    data.skills.altLabels = state.stringRows(taxonomy.skills.map(\.altLabels))
    data.skills.hiddenLabels = state.stringRows(taxonomy.skills.map(\.hiddenLabels))
    data.skills.broader = state.stringRows(taxonomy.skills.map(\.broader))
    data.skills.topGroups = state.stringRows(taxonomy.skills.map(\.topGroups))
  }

  /// Adds the occupations' records.
  static func addOccupationRecords(
    of taxonomy: Taxonomy, state: inout State, to data: inout IndexData
  ) {
    let occupationIndex = Dictionary(
      taxonomy.occupations.enumerated().map { ($1.uri, UInt32($0)) },
      uniquingKeysWith: { a, _ in a })
    for occupation in taxonomy.occupations {
      data.occupations.uris.append(state.strings.id(occupation.uri))
      data.occupations.labels.append(state.strings.id(occupation.preferredLabel))
      data.occupations.descriptions.append(state.strings.id(occupation.description))
      data.occupations.iscoCodes.append(state.strings.id(occupation.iscoGroup))
      data.occupations.codes.append(state.strings.id(occupation.code))
      data.occupations.broader.append(
        occupation.broaderOccupation.flatMap { occupationIndex[$0] } ?? UInt32.max)
    }
    data.occupations.altLabels = state.stringRows(taxonomy.occupations.map(\.altLabels))
    data.occupations.hiddenLabels = state.stringRows(taxonomy.occupations.map(\.hiddenLabels))
  }

  /// Adds the ISCO groups' and the skill groups' records.
  static func addGroupRecords(
    of taxonomy: Taxonomy, state: inout State, to data: inout IndexData
  ) {
    for group in taxonomy.iscoGroups {
      data.iscoGroups.uris.append(state.strings.id(group.uri))
      data.iscoGroups.codes.append(state.strings.id(group.code))
      data.iscoGroups.labels.append(state.strings.id(group.preferredLabel))
      data.iscoGroups.definitions.append(state.strings.id(group.definition))
      data.iscoGroups.descriptions.append(state.strings.id(group.description))
    }
    data.iscoGroups.altLabels = state.stringRows(taxonomy.iscoGroups.map(\.altLabels))
    data.iscoGroups.tasks = state.stringRows(taxonomy.iscoGroups.map(\.tasks))
    data.iscoGroups.examples = state.stringRows(taxonomy.iscoGroups.map(\.examples))
    data.iscoGroups.elsewhere = state.stringRows(
      taxonomy.iscoGroups.map { $0.classifiedElsewhere.flatMap { [$0.title, $0.code] } })
    for group in taxonomy.skillGroups {
      data.skillGroups.uris.append(state.strings.id(group.uri))
      data.skillGroups.codes.append(state.strings.id(group.code))
      data.skillGroups.labels.append(state.strings.id(group.preferredLabel))
    }
  }

  /// Adds the occupation–skill relations, both ways, with their essential bit.
  static func addRelations(of taxonomy: Taxonomy, to data: inout IndexData) {
    let essential = IndexData.essentialBit
    data.occupationSkills = CSR(
      rows: taxonomy.occupations.count,
      pairs: taxonomy.occupationSkills.map {
        ($0.occupation, UInt32($0.skill) | ($0.isEssential ? essential : 0))
      })
    data.skillOccupations = CSR(
      rows: taxonomy.skills.count,
      pairs: taxonomy.occupationSkills.map {
        ($0.skill, UInt32($0.occupation) | ($0.isEssential ? essential : 0))
      })
  }
}
