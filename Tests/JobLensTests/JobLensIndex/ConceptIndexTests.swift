import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensInput

@Suite("Concept index", .needsESCO)
struct ConceptIndexTests {
  static func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
    ).path
  }

  @Test func identityAndCounts() throws {
    let index = try SharedIndex.v111
    let taxonomy = try SharedTaxonomy.v111
    #expect(index.metadata.taxonomyVersion == "v1.1.1")
    #expect(index.metadata.language == "en")
    #expect(index.metadata.inputChecksum == taxonomy.inputChecksum)
    #expect(index.count(.skill) == 13896)
    #expect(index.count(.occupation) == 3007)
    #expect(index.count(.iscoGroup) == 619)
    #expect(index.relationCount == taxonomy.occupationSkills.count)
    #expect(index.checksum.count == 16)
  }

  @Test func writeThenLoadRoundTrips() throws {
    let index = try SharedIndex.v111
    let taxonomy = try SharedTaxonomy.v111
    let path = Self.temporaryPath("roundtrip.jlidx")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try index.write(to: path)
    let loaded = try ConceptIndex.load(path: path)
    #expect(loaded.checksum == index.checksum)
    #expect(loaded.metadata == index.metadata)
    #expect(loaded.encoded() == index.encoded())
    for position in [0, 4711, 13895] {
      #expect(loaded.skill(position) == taxonomy.skills[position])
    }
    for position in [0, 1500, 3006] {
      #expect(loaded.occupation(position) == taxonomy.occupations[position])
    }
    for position in [0, 300, 618] {
      #expect(loaded.iscoGroup(position) == taxonomy.iscoGroups[position])
    }
  }

  @Test func buildingTwiceGivesTheSameBytes() throws {
    let once = try ConceptIndex.build(SharedTaxonomy.v111)
    let again = try ConceptIndex.build(SharedTaxonomy.v111)
    #expect(again.checksum == once.checksum)
    // The background model learned again from the same corpus: the shared index's bytes.
    guard Shared.has("corpus_dev.jsonl") else { return }
    let corpus = PostingInputs(
      paths: [Fixtures.sharedFile("corpus_dev.jsonl").path], fields: PostingFields())
    let learned = try again.learningBackground(
      from: corpus, skillThreshold: AnalysisOptions().skills.threshold)
    #expect(learned.postings == 1120)
    #expect(learned.index.checksum == (try SharedIndex.v111).checksum)
    #expect(learned.index.checksum != once.checksum)
  }

  @Test func damagedFilesAreRejected() throws {
    let bytes = try SharedIndex.v111.encoded()
    let path = "test.jlidx"
    // Truncated.
    #expect(
      throws: IndexError.truncated(path: path, expected: bytes.count, actual: bytes.count - 10)
    ) {
      try IndexFile.decode(Array(bytes.dropLast(10)), path: path)
    }
    #expect(throws: IndexError.truncated(path: path, expected: 32, actual: 20)) {
      try IndexFile.decode(Array(bytes.prefix(20)), path: path)
    }
    // One flipped byte in the body.
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0x01
    #expect(throws: IndexError.checksumMismatch(path: path)) {
      try IndexFile.decode(flipped, path: path)
    }
    // Another format version.
    var future = bytes
    future[8] = 12
    #expect(
      throws: IndexError.formatVersion(path: path, found: 12, expected: IndexFile.formatVersion)
    ) {
      try IndexFile.decode(future, path: path)
    }
    // Not an index at all.
    #expect(throws: IndexError.notAnIndex(path: path)) {
      try IndexFile.decode(Array("conceptType,conceptUri\n".utf8), path: path)
    }
    #expect(throws: IndexError.notFound(path: "/nonexistent/index.jlidx")) {
      try ConceptIndex.load(path: "/nonexistent/index.jlidx")
    }
  }

  @Test func errorMessagesSayWhatToDo() {
    #expect(
      IndexError.formatVersion(path: "a.jlidx", found: 1, expected: 3).description
        == "index 'a.jlidx' has format version 1; this joblens reads version 3: rebuild it with `joblens index build`"
    )
    #expect(
      IndexError.checksumMismatch(path: "a.jlidx").description
        == "index 'a.jlidx' is damaged: its checksum does not match its contents; rebuild it")
  }

  @Test func lookups() throws {
    let index = try SharedIndex.v111
    let taxonomy = try SharedTaxonomy.v111
    let group = try #require(index.concept(uriOrCode: "3343"))
    #expect(group.kind == .iscoGroup)
    #expect(index.iscoTitle(group.index) == "Administrative and executive secretaries")
    let occupation = try #require(
      index.concept(uriOrCode: taxonomy.occupations[10].uri))
    #expect(occupation == ConceptID(.occupation, 10))
    #expect(
      index.skills(ofOccupation: 10).count
        == taxonomy.occupationSkills.filter { $0.occupation == 10 }.count)
  }
}

@Suite("Concept search", .needsESCO)
struct ConceptSearchTests {
  /// Phrases taken from ESCO's own alternative labels (not from the evaluation sets), with the
  /// concept whose label they are.
  static let altLabelPhrases: [(String, ConceptKind, String)] = [
    ("schedule appointments", .skill, "administer appointments"),
    ("scheduling appointments", .skill, "administer appointments"),
    ("bookkeeping", .skill, "accounting"),
    ("provide customer service", .skill, "communicate with customers"),
    ("use spreadsheets program", .skill, "use spreadsheets software"),
    ("manage appointments", .skill, "ensure proper appointment administration"),
    ("supervise travel arrangements", .skill, "oversee all travel arrangements"),
    ("typing error-free documents", .skill, "type error-free documents"),
    ("customer care", .skill, "customer service"),
    ("telephone soliciting", .skill, "telemarketing"),
    ("maintaining relationships with customers", .skill, "maintain relationship with customers"),
    ("setting up office equipment", .skill, "set up office equipment"),
    ("executive secretary", .occupation, "executive assistant"),
    ("data entry operator", .occupation, "data entry clerk"),
    ("HR officer", .occupation, "human resources officer"),
    ("human resources secretary", .occupation, "human resources assistant"),
    ("front desk receptionist", .occupation, "receptionist"),
    ("proof reading clerk", .occupation, "proofreader"),
    ("social media specialist", .occupation, "digital marketing manager"),
    ("MP's personal assistant", .occupation, "parliamentary assistant"),
  ]

  @Test func altLabelsFindTheirConceptInTheTopThree() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    for (phrase, kind, expected) in Self.altLabelPhrases {
      let hits = searcher.search(phrase, kinds: [kind], limit: 3)
      #expect(
        hits.map { index.label(of: $0.concept) }.contains(expected), "\(phrase) → \(expected)")
    }
  }

  @Test func exactLabelsComeFirstWithTheirEvidence() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    let hit = try #require(searcher.search("bookkeeper", kinds: [.occupation], limit: 1).first)
    #expect(index.label(of: hit.concept) == "bookkeeper")
    #expect(index.occupationISCO(hit.concept.index) == "3313")
    #expect(hit.label.map(index.labelField) == .preferred)
  }

  @Test func unknownClosedCompoundsAreReadAsTheirParts() throws {
    let searcher = try ConceptSearcher(index: try SharedIndex.v111)
    func words(_ title: String) -> [String] {
      let tokenized = searcher.splittingUnknownCompounds(searcher.tokenizer.tokenize(title))
      return tokenized.tokens.map { tokenized.string($0.byteRange) }
    }
    // Side by side in a label (cheese maker, stone cutter), or ending an occupation label
    // (… fitter).
    #expect(words("Cheesemaker") == ["Cheese", "maker"])
    #expect(words("Machine Stonecutter") == ["Machine", "Stone", "cutter"])
    #expect(words("Steamfitter") == ["Steam", "fitter"])
    // Known words, short words, words with no such split, and non-letters stay whole.
    #expect(words("Bookkeeper") == ["Bookkeeper"])
    #expect(words("Wheelman") == ["Wheelman"])
    #expect(words("Numismatist") == ["Numismatist"])
    #expect(words("Stonecutter2") == ["Stonecutter2"])
    #expect(words(String(repeating: "stonecutter", count: 1_000)).count == 1)
    #expect(words("Cheesemaker and Stonecutter") == ["Cheese", "maker", "and", "Stone", "cutter"])
  }

  @Test func genericOneWordSkillLabelsAreLeftOut() throws {
    let index = try SharedIndex.v111
    var labels: [String: Set<String>] = [:]
    for label in 0..<index.labelCount where index.labelConcept(label).kind == .skill {
      labels[index.label(of: index.labelConcept(label)), default: []].insert(
        index.labelText(label))
    }
    // ESCO gives *think creatively* the alternative label "design", and *compile airport
    // certification manuals* "equipment": words of hundreds of other skills' labels.
    #expect(labels["think creatively"]?.contains("creativity") == true)
    #expect(labels["think creatively"]?.contains("design") == false)
    #expect(labels["compile airport certification manuals"]?.contains("equipment") == false)
    // One-word labels that inflect the skill's own label, or are rare words, stay.
    #expect(labels["communication"]?.contains("communicating") == true)
    #expect(labels["show commitment"]?.contains("dedication") == true)
  }

  @Test func anotherSkillsPreferredLabelIsNotAnAlternative() throws {
    let index = try SharedIndex.v111
    let searcher = try ConceptSearcher(index: index)
    // ESCO lists "show commitment" and "decode handwritten text" as alternative labels of
    // *meet commitments* and *analyse loans*; they are the preferred labels of other skills.
    for (phrase, skill) in [
      ("show commitment", "show commitment"),
      ("decode handwritten text", "decode handwritten texts"),
    ] {
      let hits = searcher.search(phrase, kinds: [.skill], limit: 2).map {
        index.label(of: $0.concept)
      }
      #expect(hits.first == skill, "\(phrase)")
      #expect(!hits.contains("meet commitments") && !hits.contains("analyse loans"), "\(phrase)")
    }
    // A hidden label that is no other skill's preferred label still finds its skill.
    let hit = try #require(searcher.search("can-do attitude", kinds: [.skill], limit: 1).first)
    #expect(index.label(of: hit.concept) == "show commitment")
  }

  @Test func unknownWordsFindNothing() throws {
    let searcher = try ConceptSearcher(index: try SharedIndex.v111)
    #expect(searcher.search("zzqx wvvb", limit: 5).isEmpty)
    #expect(searcher.search("", limit: 5).isEmpty)
  }
}
