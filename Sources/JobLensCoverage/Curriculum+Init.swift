extension Curriculum {
  /// A curriculum from its parts (made by a program rather than read from a file).
  public init(
    id: String, title: String, version: String, language: String, source: String?,
    areas: [CurriculumArea]
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.language = language
    self.source = source
    self.areas = areas
  }
}

extension CurriculumArea {
  /// An area from its parts (made by a program: line 0).
  public init(id: String, title: String, description: String?, items: [CurriculumItem]) {
    self.init(id: id, title: title, description: description, items: items, line: 0)
  }
}

extension CurriculumItem {
  /// An item from its parts (made by a program: lines and columns 0).
  public init(
    id: String, title: String, description: String, skills: [String], phrases: [String],
    weight: Double, area: String
  ) {
    self.init(
      id: id, title: title, description: description, skills: skills, phrases: phrases,
      weight: weight, area: area, line: 0, skillLines: skills.map { _ in 0 },
      skillColumns: skills.map { _ in 0 })
  }
}
