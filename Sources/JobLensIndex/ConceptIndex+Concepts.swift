public import JobLensTaxonomy

extension ConceptIndex {
  /// The number of concepts of a kind.
  public func count(_ kind: ConceptKind) -> Int { data.count(kind) }

  /// The number of terms in the vocabulary.
  public var termCount: Int { data.terms.count }

  /// The number of labels (variants included).
  public var labelCount: Int { data.labelCount }

  /// The number of occupation–skill relations.
  public var relationCount: Int { data.occupationSkills.values.count }

  /// The concept with a URI, or the ISCO group with a code.
  /// - Complexity: O(1).
  public func concept(uriOrCode key: String) -> ConceptID? {
    if let concept = conceptsByURI[key] { return concept }
    return iscoByCode[key].map { ConceptID(.iscoGroup, $0) }
  }

  /// The index of the ISCO group with a code ("3343").
  public func iscoGroupIndex(code: String) -> Int? { iscoByCode[code] }

  private func strings(_ row: CSR<UInt32>.Row) -> [String] { row.map { data.strings[$0] } }

  /// A skill, materialised from the index.
  public func skill(_ index: Int) -> Skill {
    let table = data.skills
    let types = SkillType.allCases
    let type = Int(table.types[index]) < types.count ? types[Int(table.types[index])] : .unknown
    var skill = Skill(
      uri: data.strings[table.uris[index]], preferredLabel: data.strings[table.labels[index]],
      altLabels: strings(table.altLabels[index]), hiddenLabels: strings(table.hiddenLabels[index]),
      description: data.strings[table.descriptions[index]], type: type,
      reuseLevel: data.strings[table.reuseLevels[index]], broader: strings(table.broader[index]))
    skill.topGroups = strings(table.topGroups[index])
    return skill
  }

  /// The preferred label of a skill (without materialising the rest).
  public func skillLabel(_ index: Int) -> String { data.strings[data.skills.labels[index]] }

  /// The type of a skill.
  public func skillType(_ index: Int) -> SkillType {
    let types = SkillType.allCases
    let raw = Int(data.skills.types[index])
    return raw < types.count ? types[raw] : .unknown
  }

  /// The top-level group codes of a skill.
  public func skillTopGroups(_ index: Int) -> [String] { strings(data.skills.topGroups[index]) }

  /// The URI of a skill.
  public func skillURI(_ index: Int) -> String { data.strings[data.skills.uris[index]] }

  /// A skill's ESCO reuse level ("transversal", "cross-sector", "sector-specific",
  /// "occupation-specific" or "").
  public func skillReuseLevel(_ index: Int) -> String {
    data.strings[data.skills.reuseLevels[index]]
  }

  /// An occupation, materialised from the index.
  public func occupation(_ index: Int) -> Occupation {
    let table = data.occupations
    let broader = table.broader[index]
    return Occupation(
      uri: data.strings[table.uris[index]], preferredLabel: data.strings[table.labels[index]],
      altLabels: strings(table.altLabels[index]), hiddenLabels: strings(table.hiddenLabels[index]),
      description: data.strings[table.descriptions[index]],
      iscoGroup: data.strings[table.iscoCodes[index]], code: data.strings[table.codes[index]],
      broaderOccupation: broader == UInt32.max ? nil : data.strings[table.uris[Int(broader)]])
  }

  /// The ISCO unit group code of an occupation.
  public func occupationISCO(_ index: Int) -> String {
    data.strings[data.occupations.iscoCodes[index]]
  }

  /// The preferred label of an occupation.
  public func occupationLabel(_ index: Int) -> String {
    data.strings[data.occupations.labels[index]]
  }

  /// An ISCO group, materialised from the index.
  public func iscoGroup(_ index: Int) -> ISCOGroup {
    let table = data.iscoGroups
    let elsewhere = strings(table.elsewhere[index])
    return ISCOGroup(
      uri: data.strings[table.uris[index]], code: data.strings[table.codes[index]],
      preferredLabel: data.strings[table.labels[index]], altLabels: strings(table.altLabels[index]),
      definition: data.strings[table.definitions[index]],
      description: data.strings[table.descriptions[index]], tasks: strings(table.tasks[index]),
      examples: strings(table.examples[index]),
      classifiedElsewhere: stride(from: 0, to: elsewhere.count - 1, by: 2).map {
        ClassifiedElsewhere(title: elsewhere[$0], code: elsewhere[$0 + 1])
      })
  }

  /// The code of an ISCO group.
  public func iscoCode(_ index: Int) -> String { data.strings[data.iscoGroups.codes[index]] }

  /// The title of an ISCO group.
  public func iscoTitle(_ index: Int) -> String { data.strings[data.iscoGroups.labels[index]] }

  /// The title of the ISCO group with a code, if there is one.
  public func iscoTitle(code: String) -> String? { iscoByCode[code].map(iscoTitle) }

  /// The preferred label of any concept.
  public func label(of concept: ConceptID) -> String {
    switch concept.kind {
    case .skill: skillLabel(concept.index)
    case .occupation: occupationLabel(concept.index)
    case .iscoGroup: iscoTitle(concept.index)
    }
  }

  /// The URI of any concept.
  public func uri(of concept: ConceptID) -> String {
    switch concept.kind {
    case .skill: data.strings[data.skills.uris[concept.index]]
    case .occupation: data.strings[data.occupations.uris[concept.index]]
    case .iscoGroup: data.strings[data.iscoGroups.uris[concept.index]]
    }
  }

  /// The skills of an occupation with whether each is essential.
  public func skills(ofOccupation index: Int) -> [(skill: Int, isEssential: Bool)] {
    data.occupationSkills[index].map {
      (Int($0 & ~IndexData.essentialBit), $0 & IndexData.essentialBit != 0)
    }
  }

  /// The occupations that need a skill, with whether it is essential to them.
  public func occupations(ofSkill index: Int) -> [(occupation: Int, isEssential: Bool)] {
    Array(occupationEntries(ofSkill: index))
  }

  /// ``occupations(ofSkill:)`` read from the index's row as they are asked for (no array is
  /// made: the analysis asks this for every skill it ranks).
  package func occupationEntries(
    ofSkill index: Int
  )
    -> LazyMapSequence<CSR<UInt32>.Row, (occupation: Int, isEssential: Bool)>
  {
    data.skillOccupations[index].lazy.map {
      (Int($0 & ~IndexData.essentialBit), $0 & IndexData.essentialBit != 0)
    }
  }

  /// The code and label of a skill group by URI, if known.
  public func skillGroup(uri: String) -> (code: String, label: String)? {
    guard let index = data.skillGroups.uris.firstIndex(where: { data.strings[$0] == uri }) else {
      return nil
    }
    return (
      data.strings[data.skillGroups.codes[index]], data.strings[data.skillGroups.labels[index]]
    )
  }

  /// The label of a skill group code ("S4" → "management skills").
  /// - Complexity: O(1).
  public func skillGroupLabel(code: String) -> String? { skillGroupLabels[code] }
}
