import JobLensTaxonomy

/// JobLens's own texts for ESCO skills, by skill URI (``ToolNames``, ``PostingPhrasings``).
enum SkillLexicon {
  /// The texts of `entries` whose skill the taxonomy has, each with the skill's position, and
  /// the URIs of the skills it lacks.
  /// - Complexity: O(s + t) for s skills and t texts.
  static func resolve(
    _ entries: [(skill: String, texts: [String])], in taxonomy: Taxonomy
  ) -> (texts: [(skill: Int, text: String)], unknownSkills: [String]) {
    var skillOfURI: [String: Int] = [:]
    for (index, skill) in taxonomy.skills.enumerated() { skillOfURI[skill.uri] = index }
    var texts: [(skill: Int, text: String)] = []
    var unknown: [String] = []
    for entry in entries {
      guard let skill = skillOfURI[entry.skill] else {
        unknown.append(entry.skill)
        continue
      }
      texts += entry.texts.map { (skill, $0) }
    }
    return (texts, unknown)
  }
}
