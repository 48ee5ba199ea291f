import JobLensTaxonomy

extension IndexBuilder {
  /// Adds every skill label but the generic ones and those that are another skill's
  /// preferred label, then the tool names (``ToolNames``) and posting phrasings
  /// (``PostingPhrasings``); returns the terms of each skill's preferred label.
  static func addSkillLabels(
    of taxonomy: Taxonomy, state: inout State, to data: inout IndexData
  ) -> [[UInt32]] {
    let preferredTerms = taxonomy.skills.map { state.terms(of: $0.preferredLabel) }
    let commonSkillTerms = commonTerms(of: preferredTerms, minimum: genericLabelMinimum)
    var preferredSkill: [[UInt32]: Int] = [:]
    for (index, terms) in preferredTerms.enumerated() { preferredSkill[terms] = index }
    for (index, skill) in taxonomy.skills.enumerated() {
      state.addLabel(skill.preferredLabel, .skill, index, .preferred, to: &data)
      // Left out: generic one-word labels, and labels that are another skill's preferred label
      // ("show commitment" is also an alternative label of *meet commitments*).
      func isMatched(_ label: String) -> Bool {
        let terms = state.terms(of: label)
        return !isGenericLabel(terms, own: preferredTerms[index], common: commonSkillTerms)
          && (preferredSkill[terms] ?? index) == index
      }
      for label in skill.altLabels where isMatched(label) {
        state.addLabel(label, .skill, index, .alternative, to: &data)
      }
      for label in skill.hiddenLabels where isMatched(label) {
        state.addLabel(label, .skill, index, .hidden, to: &data)
      }
    }
    for (skill, name) in ToolNames.resolve(in: taxonomy).names {
      state.addLabel(name, .skill, skill, .tool, to: &data)
    }
    for (skill, phrasing) in PostingPhrasings.resolve(in: taxonomy).phrasings {
      state.addLabel(phrasing, .skill, skill, .phrasing, to: &data)
    }
    return preferredTerms
  }

  /// Adds the occupations' labels, the ISCO groups' titles, and for unit groups their example
  /// titles and task items.
  static func addOccupationAndGroupLabels(
    of taxonomy: Taxonomy, state: inout State, to data: inout IndexData
  ) {
    for (index, occupation) in taxonomy.occupations.enumerated() {
      state.addLabel(occupation.preferredLabel, .occupation, index, .preferred, to: &data)
      for label in occupation.altLabels {
        state.addLabel(label, .occupation, index, .alternative, to: &data)
      }
      for label in occupation.hiddenLabels {
        state.addLabel(label, .occupation, index, .hidden, to: &data)
      }
    }
    for (index, group) in taxonomy.iscoGroups.enumerated() {
      state.addLabel(group.preferredLabel, .iscoGroup, index, .iscoTitle, to: &data)
      for label in group.altLabels {
        state.addLabel(label, .iscoGroup, index, .iscoTitle, to: &data)
      }
      guard group.level == 4 else { continue }
      for label in group.examples {
        state.addLabel(label, .iscoGroup, index, .iscoExample, to: &data)
      }
      for label in group.tasks { state.addLabel(label, .iscoGroup, index, .iscoTask, to: &data) }
    }
  }

  /// Per kind, the labels by term (variants excluded: they repeat their label), and each
  /// label's mass: the summed IDF of its distinct content terms.
  static func addLabelPostings(termCount: Int, to data: inout IndexData) {
    let stop = data.stopTerms
    var pairs: [[(Int, UInt32)]] = Array(repeating: [], count: ConceptKind.allCases.count)
    data.labelMass = []
    for label in 0..<data.labelCount {
      let kind = Int(data.labelKinds[label])
      let distinct = Set(data.labelTerms[label]).sorted()
      data.labelMass.append(
        distinct.filter { stop[Int($0)] == 0 }.reduce(Float(0)) { $0 + data.idf[kind][Int($1)] })
      guard data.labelFlags[label] & 1 == 0 else { continue }
      for term in distinct { pairs[kind].append((Int(term), UInt32(label))) }
    }
    data.labelsByTerm = pairs.map { CSR(rows: termCount, pairs: $0) }
  }

  /// The terms in at least `minimum` of the labels (given by their terms).
  private static func commonTerms(of labels: [[UInt32]], minimum: Int) -> Set<UInt32> {
    var counts: [UInt32: Int] = [:]
    for terms in labels {
      for term in Set(terms) { counts[term, default: 0] += 1 }
    }
    return Set(counts.filter { $0.value >= minimum }.keys)
  }

  /// Whether a label's terms are one common word (one of `common`) that is not a word of the
  /// concept's preferred label (`own`): "design" for *think creatively*, "equipment" for
  /// *compile airport certification manuals*. In running text such a word names some other
  /// concept far more often. Inflections of the preferred label ("communicating" for
  /// *communication*) are not generic.
  private static func isGenericLabel(
    _ terms: [UInt32], own: [UInt32], common: Set<UInt32>
  ) -> Bool {
    terms.count == 1 && common.contains(terms[0]) && !own.contains(terms[0])
  }
}
