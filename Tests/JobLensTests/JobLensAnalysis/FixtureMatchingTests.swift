import Testing

@testable import JobLensAnalysis
@testable import JobLensInput

/// Skill matching over the hand-written fixture taxonomy: fast, in debug builds too.
@Suite("Fixture taxonomy: skills", .needsESCO)
struct FixtureMatchingTests {
  /// The skills reported for a text (no title), by preferred label.
  static func skills(_ text: String) throws -> [String: SkillMatch] {
    let analysis = try FixtureTaxonomy.analyzer().analyze(Posting(id: "t", title: "", text: text))
    return Dictionary(uniqueKeysWithValues: analysis.skills.map { ($0.label, $0) })
  }

  @Test func aSkillFoundWordForWord() throws {
    let text = "Schedule appointments for the director."
    let skill = try #require(Self.skills(text)["schedule appointments"])
    #expect(skill.isLiteral)
    #expect(skill.evidence.map(\.text) == ["Schedule appointments"])
    #expect(skill.evidence.map { [$0.start, $0.end] } == [[0, 21]])
  }

  @Test func anInflectedMatchCountsButLessThanALiteralOne() throws {
    let inflected = try #require(Self.skills("He prepared the invoices.")["prepare invoices"])
    #expect(!inflected.isLiteral)
    #expect(inflected.evidence.map(\.text) == ["prepared the invoices"])
    let literal = try #require(Self.skills("Prepare invoices.")["prepare invoices"])
    #expect(literal.isLiteral)
    #expect(inflected.score < literal.score)
  }

  @Test func aLabelFoundThroughAnAlternativeLabel() throws {
    let skill = try #require(
      Self.skills("Arrange travel for the team.")["book travel arrangements"])
    #expect(skill.evidence.map(\.text) == ["Arrange travel"])
  }

  /// An acronym label counts only where it is written as one: in capitals, or in text without
  /// any capitals (scraped text in lower case).
  @Test(arguments: [
    ("Strong SQL skills.", true),
    ("Experience with Sql databases.", false),
    ("write sql queries and reports", true),
  ])
  func anAcronymMustBeWrittenAsOne(text: String, found: Bool) throws {
    #expect(try (Self.skills(text)["SQL"] != nil) == found)
  }

  /// "IT" is made of a function word only: it counts written as an acronym, never as "it".
  @Test(arguments: [
    ("Provide IT support to staff.", true),
    ("Make it happen.", false),
  ])
  func aFunctionWordAcronym(text: String, found: Bool) throws {
    #expect(try (Self.skills(text)["information technology"] != nil) == found)
  }

  @Test func aHyphenatedCompoundMatchesItsLabel() throws {
    let skill = try #require(Self.skills("Send e-mails to clients.")["use e-mail"])
    #expect(skill.evidence.map(\.text) == ["Send e-mails"])
  }

  /// A one-word label must be the same word or its English plural or singular.
  @Test(arguments: [
    ("invoice", "invoice", true), ("invoices", "invoice", true), ("invoice", "invoices", true),
    ("boxes", "box", true), ("secure", "securities", false), ("managing", "manage", false),
  ])
  func sameWordOrPlural(word: String, key: String, accepted: Bool) {
    #expect(SkillMentionRules.isSameWordOrPlural(word, key) == accepted)
  }
}
