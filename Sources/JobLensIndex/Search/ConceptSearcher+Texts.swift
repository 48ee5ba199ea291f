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
    Self.kept(skill, in: &skillTextsCache, count: index.count(.skill)) {
      let group = index.skillTopGroups(skill).first ?? ""
      return SkillTexts(
        uri: index.skillURI(skill), label: index.skillLabel(skill), group: group,
        groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "")
    }
  }

  /// The value `cache` keeps for `id`, made by `make` the first time (`cache`, empty until
  /// then, is made `count` long).
  private static func kept<Value>(
    _ id: Int, in cache: inout [Value?], count: Int, make: () -> Value
  ) -> Value {
    if cache.isEmpty { cache = Array(repeating: nil, count: count) }
    if let value = cache[id] { return value }
    let value = make()
    cache[id] = value
    return value
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
    Self.kept(occupation, in: &occupationTextsCache, count: index.count(.occupation)) {
      OccupationTexts(
        uri: index.uri(of: ConceptID(.occupation, occupation)),
        label: index.occupationLabel(occupation), isco: index.occupationISCO(occupation))
    }
  }

  /// An ISCO group's code and title, kept after the first time as ``skillTexts(_:)`` are.
  /// - Complexity: O(1) after the group's first time.
  package func iscoTexts(_ group: Int) -> (code: String, title: String) {
    Self.kept(group, in: &iscoTextsCache, count: index.count(.iscoGroup)) {
      (code: index.iscoCode(group), title: index.iscoTitle(group))
    }
  }
}
