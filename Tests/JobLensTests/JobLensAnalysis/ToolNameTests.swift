import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensInput

@Suite("Tool names", .needsESCO)
struct ToolNameTests {
  /// The reported skills of a text, by label, with their evidence.
  static func skills(_ text: String) -> [String: [Evidence]] {
    let analysis = AnalyzerTests.analyzer.analyze(Posting(id: "t", title: "", text: text))
    return Dictionary(uniqueKeysWithValues: analysis.skills.map { ($0.label, $0.evidence) })
  }

  /// The tool-name labels of an index, as names by skill URI.
  static func toolLabels(_ index: ConceptIndex) -> [String: Set<String>] {
    var labels: [String: Set<String>] = [:]
    for label in 0..<index.labelCount where index.labelField(label) == .tool {
      let concept = index.labelConcept(label)
      #expect(concept.kind == .skill)
      labels[index.skillURI(concept.index), default: []].insert(index.labelText(label))
    }
    return labels
  }

  @Test func everyNameIsIndexedUnderItsESCOSkill() throws {
    let taxonomy = try SharedTaxonomy.v111
    #expect(ToolNames.resolve(in: taxonomy).unknownSkills == [])
    let indexed = try Self.toolLabels(SharedIndex.v111)
    #expect(indexed.count == ToolNames.entries.count)
    for entry in ToolNames.entries {
      #expect(indexed[entry.skill] == Set(entry.names), "\(entry.skill)")
    }
  }

  @Test func noNameIsAnESCOLabelAlready() throws {
    let index = try SharedIndex.v111
    var escoLabels: Set<String> = []
    for label in 0..<index.labelCount where index.labelField(label) != .tool {
      escoLabels.insert(index.labelText(label).lowercased())
    }
    for name in ToolNames.entries.flatMap(\.names) {
      #expect(!escoLabels.contains(name.lowercased()), "\(name)")
    }
  }

  @Test func aTaxonomyWithoutTheSkillGetsNoneOfItsNames() throws {
    // The skill under another URI (as in a taxonomy without it; the relations keep their
    // skill positions).
    var taxonomy = try SharedTaxonomy.v111
    let accounting = "http://data.europa.eu/esco/skill/a0d79341-8398-4019-ad1b-27888ec35aaa"
    let position = try #require(taxonomy.skills.firstIndex { $0.uri == accounting })
    taxonomy.skills[position].uri = "http://example.org/skill/not-in-the-lexicon"
    #expect(ToolNames.resolve(in: taxonomy).unknownSkills == [accounting])
    let indexed = Self.toolLabels(try ConceptIndex.build(taxonomy))
    #expect(indexed[accounting] == nil)
    #expect(indexed.count == ToolNames.entries.count - 1)
  }

  @Test func namesAreFoundWordForWordWithExactEvidence() {
    let text =
      "Reconcile invoices in QuickBooks. Design posts in Canva. Schedule them on Instagram."
    let found = Self.skills(text)
    let accounting = found["use accounting systems"]
    #expect(accounting?.map(\.text) == ["QuickBooks"])
    #expect(accounting?.map(\.start) == [22])
    #expect(accounting?.map(\.end) == [32])
    #expect(accounting?.map(\.label) == ["QuickBooks"])
    #expect(found["graphics editor software"]?.map(\.start) == [50])
    let instagram = found["social media management"]?.first { $0.start == 74 }
    #expect(instagram?.text == "Instagram" && instagram?.label == "Instagram")
  }

  @Test(arguments: [
    ("Post entries in Sage 50.", "use accounting systems", "Sage 50"),
    ("Quick Books experience is a plus.", "use accounting systems", "Quick Books"),
    ("Build the reports in Power BI.", "business intelligence", "Power BI"),
    ("Work in G Suite.", "office software", "G Suite"),
    ("Sell the stock on eBay.", "e-commerce systems", "eBay"),
    ("Run the services on Google Cloud Platform.", "cloud technologies", "Google Cloud Platform"),
    ("Deploy them with Kubernetes.", "manage ICT virtualisation environments", "Kubernetes"),
    ("Keep the code on GitHub.", "tools for software configuration management", "GitHub"),
  ])
  func namesOfSeveralWordsAndNumbers(text: String, skill: String, name: String) {
    #expect(Self.skills(text)[skill]?.map(\.text) == [name])
  }

  @Test func aNameNeedsItsCapitalInAPhraseWithCapitals() {
    let words = Self.skills("Cut the slack and zoom in on the details. You excel at planning.")
    #expect(words["use communication and collaboration software"] == nil)
    #expect(words["use spreadsheets software"] == nil)
    let tools = Self.skills("Chat with the team on Slack and keep the budget in Excel.")
    #expect(tools["use communication and collaboration software"]?.map(\.text) == ["Slack"])
    #expect(tools["use spreadsheets software"]?.map(\.text) == ["Excel"])
    // A phrase written all in lower case says nothing about proper names.
    let lower = Self.skills("chat with the team on slack")
    #expect(lower["use communication and collaboration software"]?.map(\.text) == ["slack"])
  }

  @Test func partOfANameIsNotTheName() {
    let found = Self.skills("Run Google searches and draft letters in Microsoft products.")
    #expect(found["online ads campaign techniques"] == nil)
    #expect(found["use word processing software"] == nil)
  }

  /// Whole-text search (taxonomy search, curriculum items) follows the same rule.
  @Test func searchFollowsTheSameRule() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    let communication = "http://data.europa.eu/esco/skill/b080a008-a35d-4bd0-92e9-edf3773bb2b7"
    func found(_ text: String) -> Bool {
      searcher.search(text, kinds: [.skill], limit: 20).contains {
        index.skillURI($0.concept.index) == communication
      }
    }
    #expect(found("Meet on Zoom"))
    #expect(!found("Adjust the camera zoom"))
  }
}
