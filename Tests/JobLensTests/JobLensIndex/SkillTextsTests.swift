import Testing

@testable import JobLensIndex

/// A searcher's kept skill, occupation and ISCO group texts are those the index gives, the
/// first time a concept is asked and after.
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

  @Test func occupationAndISCOTextsAreTheIndexs() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    for round in 0..<2 {
      for occupation in stride(from: round, to: index.count(.occupation), by: 3) {
        let texts = searcher.occupationTexts(occupation)
        #expect(texts.uri == index.uri(of: ConceptID(.occupation, occupation)))
        #expect(texts.label == index.occupationLabel(occupation))
        #expect(texts.isco == index.occupationISCO(occupation))
      }
      for group in stride(from: round, to: index.count(.iscoGroup), by: 3) {
        let texts = searcher.iscoTexts(group)
        #expect(texts.code == index.iscoCode(group))
        #expect(texts.title == index.iscoTitle(group))
        #expect(index.iscoTitle(code: texts.code) == texts.title)
      }
    }
  }
}
