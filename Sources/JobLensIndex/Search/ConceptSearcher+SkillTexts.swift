extension ConceptSearcher {
  /// What an analysis reports of a skill besides its scores: its URI, preferred label, first
  /// top-level group and that group's label.
  package struct SkillTexts {
    package let uri: String
    package let label: String
    /// The first of the skill's top-level groups ("S4", "K06"), or "".
    package let group: String
    /// The label of ``group``, or "".
    package let groupLabel: String
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
