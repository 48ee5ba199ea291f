import Foundation
import Testing

@testable import JobLens

@Suite("Tool names")
struct ToolNameTests {
  /// The reported skills of a text, each with its evidence as (text, start, end, label).
  static func skills(_ text: String) -> [String: [(String, Int, Int, String)]] {
    let analysis = AnalyzerTests.analyzer.analyze(Posting(id: "t", title: "", text: text))
    var result: [String: [(String, Int, Int, String)]] = [:]
    for skill in analysis.skills {
      result[skill.label] = skill.evidence.map { ($0.text, $0.start, $0.end, $0.label) }
    }
    return result
  }

  @Test func everyNameIsIndexedUnderItsESCOSkill() {
    #expect(ToolNames.unknownSkills(in: SharedTaxonomy.v111) == [])
    let index = SharedIndex.v111
    var indexed: [String: Set<String>] = [:]
    for label in 0..<index.labelCount where index.labelField(label) == .tool {
      let concept = index.labelConcept(label)
      #expect(concept.kind == .skill)
      indexed[index.skillURI(concept.index), default: []].insert(index.labelText(label))
    }
    #expect(indexed.count == ToolNames.entries.count)
    for entry in ToolNames.entries {
      #expect(indexed[entry.skill] == Set(entry.names), "\(entry.skill)")
    }
  }

  @Test func aTaxonomyWithoutTheSkillIndexesNoneOfItsNames() {
    var taxonomy = SharedTaxonomy.v111
    let accounting = "http://data.europa.eu/esco/skill/a0d79341-8398-4019-ad1b-27888ec35aaa"
    taxonomy.skills.removeAll { $0.uri == accounting }
    #expect(ToolNames.unknownSkills(in: taxonomy) == [accounting])
  }

  @Test func namesAreFoundWordForWordWithExactEvidence() {
    let text =
      "Reconcile invoices in QuickBooks. Design posts in Canva and schedule them on Instagram."
    let found = Self.skills(text)
    #expect(found["use accounting systems"]?.map(\.0) == ["QuickBooks"])
    #expect(found["use accounting systems"]?.first?.1 == 22)
    #expect(found["use accounting systems"]?.first?.2 == 32)
    #expect(found["use accounting systems"]?.first?.3 == "QuickBooks")
    #expect(found["graphics editor software"]?.map(\.0) == ["Canva"])
    #expect(found["graphics editor software"]?.first?.1 == 50)
    #expect(found["social media management"]?.map(\.0) == ["Instagram"])
    #expect(found["social media management"]?.first?.1 == 77)
  }

  @Test func namesOfSeveralWordsAndNumbers() {
    let found = Self.skills("Post entries in Sage 50. Build reports in Power BI. Work in G Suite.")
    #expect(found["use accounting systems"]?.map(\.0) == ["Sage 50"])
    #expect(found["business intelligence"]?.map(\.0) == ["Power BI"])
    #expect(found["office software"]?.map(\.0) == ["G Suite"])
  }

  @Test func aNameNeedsItsCapitalInTextWithCapitals() {
    let words = Self.skills("Cut the slack and zoom in on the details. You excel at planning.")
    #expect(words["use communication and collaboration software"] == nil)
    #expect(words["use spreadsheets software"] == nil)
    let tools = Self.skills("Chat with the team on Slack and keep the budget in Excel.")
    #expect(tools["use communication and collaboration software"]?.map(\.0) == ["Slack"])
    #expect(tools["use spreadsheets software"]?.map(\.0) == ["Excel"])
    // Text written all in lower case says nothing about proper names.
    let lower = Self.skills("chat with the team on slack")
    #expect(lower["use communication and collaboration software"]?.map(\.0) == ["slack"])
  }

  @Test func partOfANameIsNotTheName() {
    let found = Self.skills("Run Google searches and draft letters in Microsoft products.")
    #expect(found["online ads campaign techniques"] == nil)
    #expect(found["use word processing software"] == nil)
  }
}
