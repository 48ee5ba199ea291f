extension ConceptSearcher {
  /// What an analysis reports of a skill besides its scores: its URI, preferred label, first
  /// top-level group and that group's label. A class, so that handing the texts on holds one
  /// object, not four Strings.
  package final class SkillTexts {
    package let uri: String
    package let label: String
    /// The first of the skill's top-level groups ("S4", "K06"), or "".
    package let group: String
    /// The label of ``group``, or "".
    package let groupLabel: String

    init(uri: String, label: String, group: String, groupLabel: String) {
      self.uri = uri
      self.label = label
      self.group = group
      self.groupLabel = groupLabel
    }
  }

  /// A skill's ``SkillTexts``, made from the index the first time this searcher is asked and
  /// kept: skills recur from posting to posting, and each String made anew is an allocation,
  /// a copy and a UTF-8 validation of bytes that are often not in the CPU's caches.
  /// - Complexity: O(1) after the skill's first time.
  package func skillTexts(_ skill: Int) -> SkillTexts {
    if skillTextsCache.isEmpty {
      skillTextsCache = Array(repeating: nil, count: index.count(.skill))
    }
    if let texts = skillTextsCache[skill] { return texts }
    let group = index.skillTopGroups(skill).first ?? ""
    let texts = SkillTexts(
      uri: index.skillURI(skill), label: index.skillLabel(skill), group: group,
      groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "")
    skillTextsCache[skill] = texts
    return texts
  }
}

extension ConceptSearcher {
  /// What an analysis reports of an occupation besides its scores (a class, as
  /// ``SkillTexts``).
  package final class OccupationTexts {
    package let uri: String
    package let label: String
    /// The code of its ISCO unit group.
    package let isco: String

    init(uri: String, label: String, isco: String) {
      self.uri = uri
      self.label = label
      self.isco = isco
    }
  }

  /// An occupation's ``OccupationTexts``, kept after the first time as ``skillTexts(_:)`` are.
  /// - Complexity: O(1) after the occupation's first time.
  package func occupationTexts(_ occupation: Int) -> OccupationTexts {
    if occupationTextsCache.isEmpty {
      occupationTextsCache = Array(repeating: nil, count: index.count(.occupation))
    }
    if let texts = occupationTextsCache[occupation] { return texts }
    let texts = OccupationTexts(
      uri: index.uri(of: ConceptID(.occupation, occupation)),
      label: index.occupationLabel(occupation), isco: index.occupationISCO(occupation))
    occupationTextsCache[occupation] = texts
    return texts
  }

  /// An ISCO group's code and title, kept after the first time as ``skillTexts(_:)`` are.
  /// - Complexity: O(1) after the group's first time.
  package func iscoTexts(_ group: Int) -> (code: String, title: String) {
    if iscoTextsCache.isEmpty {
      iscoTextsCache = Array(repeating: nil, count: index.count(.iscoGroup))
    }
    if let texts = iscoTextsCache[group] { return texts }
    let texts = (code: index.iscoCode(group), title: index.iscoTitle(group))
    iscoTextsCache[group] = texts
    return texts
  }
}
