import Testing

@testable import JobLensIndex

/// A searcher's kept skill texts are those the index gives, the first time a skill is asked
/// and after.
@Suite("Skill texts", .needsESCO)
struct SkillTextsTests {
  @Test func skillTextsAreTheIndexs() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    var labelled = 0
    for round in 0..<2 {
      for skill in stride(from: round, to: index.count(.skill), by: 3) {
        let texts = searcher.skillTexts(skill)
        let group = index.skillTopGroups(skill).first ?? ""
        #expect(texts.uri == index.skillURI(skill))
        #expect(texts.label == index.skillLabel(skill))
        #expect(texts.group == group)
        #expect(texts.groupLabel == (group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? ""))
        if !texts.groupLabel.isEmpty { labelled += 1 }
      }
    }
    // The groups' labels are there (not all "").
    #expect(labelled > index.count(.skill) / 2)
  }
}
