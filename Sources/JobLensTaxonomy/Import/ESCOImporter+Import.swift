extension ESCOImporter {
  /// One import: the taxonomy read so far, the concepts by URI (and the ISCO groups by code)
  /// for the files read after them, and the relations naming unknown concepts.
  struct Import {
    var taxonomy: Taxonomy
    var reader: Reader
    var unknown = UnknownConcepts()
    var iscoIndex: [String: Int] = [:]
    var groupIndex: [String: Int] = [:]
    var skillIndex: [String: Int] = [:]
    var occupationIndex: [String: Int] = [:]

    init(source: ESCOSource) {
      taxonomy = Taxonomy(version: source.version, language: source.language)
      reader = Reader(source: source)
    }

    /// The ISCO groups, by code.
    mutating func readISCOGroups() throws {
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
            altLabels: reader.cleaner.clean(
              LabelCleaner.split(record[alt]), excluding: [preferred]),
            definition: parsed.definition, description: text, tasks: parsed.tasks,
            examples: parsed.examples, classifiedElsewhere: parsed.classifiedElsewhere)
          warnOfFragments(table, record, concept: "ISCO group '\(group.code)'")
          iscoIndex[group.code] = taxonomy.iscoGroups.count
          taxonomy.iscoGroups.append(group)
        }
      }
    }

    /// The skill groups (an ISCED-F field without a code gets `K` and its number).
    mutating func readSkillGroups() throws {
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
    }

    /// The skills.
    mutating func readSkills() throws {
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
          warnOfFragments(table, record, concept: "skill '\(preferred)'")
          skillIndex[skill.uri] = taxonomy.skills.count
          taxonomy.skills.append(skill)
        }
      }
    }

    /// A warning for each label of a record's concept that the cleaner dropped as a piece of
    /// a longer label.
    mutating func warnOfFragments(_ table: CSVTable, _ record: CSVTable.Record, concept: String) {
      for fragment in reader.cleaner.takeFragments() {
        taxonomy.warnings.append(
          TaxonomyWarning(
            file: table.name, line: record.line,
            message: "\(concept): the label '\(fragment)' begins with a conjunction, a piece of "
              + "a longer label; dropped"))
      }
    }

    /// The occupations, with a warning for an ISCO code not among the groups.
    mutating func readOccupations() throws {
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
          warnOfFragments(table, record, concept: "occupation '\(preferred)'")
          occupationIndex[occupation.uri] = taxonomy.occupations.count
          taxonomy.occupations.append(occupation)
        }
      }
    }

    /// The broader concepts of skills and skill groups.
    mutating func readBroaderSkills() throws {
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
    }

    /// The broader occupations (both ends known).
    mutating func readBroaderOccupations() throws {
      if let table = try reader.table(.broaderOccupations) {
        let uri = try table.column("conceptUri")
        let broader = try table.column("broaderUri")
        try table.forEachRecord { record in
          if let occupation = occupationIndex[record[uri]], occupationIndex[record[broader]] != nil
          {
            taxonomy.occupations[occupation].broaderOccupation = record[broader]
          }
        }
      }
    }

    /// The occupations' essential and optional skills.
    mutating func readOccupationSkills() throws {
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
    }

    /// The skills' related skills.
    mutating func readSkillSkills() throws {
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
            SkillSkillRelation(
              skill: from, related: to, isEssential: record[relation] == "essential")
          )
        }
      }
    }

    /// The taxonomy: skills' top groups assigned, warnings in file and line order, the
    /// cleaning counts and the checksum of the files read.
    mutating func finish() -> Taxonomy {
      assignTopGroups(&taxonomy, skillIndex: skillIndex, groupIndex: groupIndex)
      taxonomy.warnings = (reader.tables.flatMap(\.warnings) + taxonomy.warnings + unknown.warnings)
        .sorted {
          ($0.file, $0.line) < ($1.file, $1.line)
        }
      taxonomy.cleaning = reader.cleaner.counts
      taxonomy.inputChecksum = reader.checksum()
      taxonomy.unfinishedFiles = reader.tables.compactMap { table in
        table.unfinishedLine.map {
          TaxonomyWarning(file: table.name, line: $0, message: "cut short")
        }
      }
      return taxonomy
    }
  }
}
