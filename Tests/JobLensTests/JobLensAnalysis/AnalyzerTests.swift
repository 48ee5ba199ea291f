import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensBatch
@testable import JobLensCore
@testable import JobLensIndex
@testable import JobLensInput
@testable import JobLensRender

/// Our sample VA postings (Data/samples/va-postings.jsonl).
enum Samples {
  static let postings: [Posting] = {
    let bytes = Array(
      FileManager.default.contents(
        atPath: Fixtures.projectFile("Data/samples/va-postings.jsonl").path)!)
    let reader = JSONLPostingReader(lines: LineReader(bytes: bytes), name: "va-postings.jsonl")
    var postings: [Posting] = []
    while let record = reader.next() {
      if case .posting(let posting) = record { postings.append(posting) }
    }
    return postings
  }()

  static func posting(_ id: String) -> Posting { postings.first { $0.id == id }! }
}

extension PostingAnalyzer {
  /// An analyser over the shared v1.1.1 index with the default options changed by `change`.
  static func shared(_ change: (inout AnalysisOptions) -> Void = { _ in }) -> PostingAnalyzer {
    var options = AnalysisOptions()
    change(&options)
    return try! PostingAnalyzer(index: try SharedIndex.v111, options: options)
  }
}

/// Code point substring, as Python's `text[start:end]`.
func codePoints(_ text: String, _ start: Int, _ end: Int) -> String {
  var result = ""
  result.unicodeScalars.append(contentsOf: Array(text.unicodeScalars)[start..<end])
  return result
}

@Suite("Posting analysis", .needsESCO)
struct AnalyzerTests {
  /// A fresh analyzer (tests run in parallel; analyzers are one per thread).
  static var analyzer: PostingAnalyzer { try! PostingAnalyzer(index: try SharedIndex.v111) }

  @Test func goldenAnalysesOfTheSamplePostings() throws {
    let analyzer = Self.analyzer
    let output = Samples.postings.map { AnalysisJSON.line(analyzer.analyze($0)) }.joined()
    let golden = Fixtures.testFile("golden/va-postings.analysis.jsonl")
    if Fixtures.recording { try output.write(to: golden, atomically: true, encoding: .utf8) }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(output == expected)
  }

  @Test func everyEvidenceSpanIsTheTextAtItsOffsets() {
    for posting in Samples.postings {
      let analysis = Self.analyzer.analyze(posting)
      var spans = analysis.skills.flatMap(\.evidence) + analysis.boilerplate.map(\.evidence)
      spans += analysis.mix.shares.flatMap(\.phrases)
      spans += analysis.occupations.flatMap { $0.evidence.compactMap(\.evidence) }
      for span in spans {
        let field = span.field == .title ? posting.title : posting.text
        #expect(codePoints(field, span.start, span.end) == span.text, "\(posting.id) \(span)")
      }
    }
  }

  @Test func bookkeepingPosting() throws {
    let analysis = Self.analyzer.analyze(Samples.posting("va-004"))
    // Coded from the title and the duties (recording invoices, reconciling bank statements,
    // chasing payments) as ESCO's *bookkeeper*, whose unit group is 3313; the duties alone
    // lean to bookkeeping clerks (4311), the mix's largest share. The requirements line is not
    // a task.
    #expect(analysis.isco.code == "3313")
    #expect(analysis.mix.shares.first?.isco == "4311")
    #expect(analysis.isco.level == 4)
    #expect(analysis.attributes.workMode == ["virtual"])
    #expect(analysis.attributes.employment == ["part-time"])
    #expect(analysis.codedTitle == "Bookkeeping Assistant")
    let accounting = try #require(analysis.skills.first { $0.label == "accounting" })
    #expect(
      accounting.uri == "http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b")
    #expect(accounting.group == "K04")
    #expect(analysis.occupations.first?.label == "bookkeeper")
  }

  @Test func literalSkillMentionsRankAboveWeakOverlap() throws {
    let analysis = Self.analyzer.analyze(
      Posting(id: "t", title: "", text: "Schedule appointments and manage the office."))
    let first = try #require(analysis.skills.first)
    #expect(first.label == "administer appointments")
    #expect(first.isLiteral)
    let evidence = try #require(first.evidence.first)
    #expect(evidence.start == 0 && evidence.end == 21)
    #expect(evidence.label == "schedule appointments")
  }

  @Test func inflectedFormsMatch() {
    let analysis = Self.analyzer.analyze(
      Posting(id: "t", title: "", text: "You will be scheduling appointments for our clients."))
    #expect(analysis.skills.contains { $0.label == "administer appointments" })
  }

  @Test func experienceIsNotAnExperiment() {
    let posting = Posting(id: "t", title: "", text: "3 years of experience with customer service")
    let skills = Self.analyzer.analyze(posting).skills.map(\.label)
    #expect(!skills.contains("conduct experiments on animals"))
    #expect(!skills.contains { $0.contains("customs") })
    #expect(skills.contains("customer service"))
  }

  @Test func canvaIsNotCanvas() {
    let analysis = Self.analyzer.analyze(
      Posting(id: "t", title: "", text: "Create simple graphics in Canva"))
    #expect(!analysis.skills.contains { $0.label.hasPrefix("Canvas") })
    #expect(analysis.mix.shares.map(\.isco) == ["2166"])
  }

  @Test func productionKnowledgeIsNotProductKnowledge() {
    func skills(_ text: String) -> [String] {
      Self.analyzer.analyze(Posting(id: "t", title: "", text: text)).skills.map(\.label)
    }
    #expect(skills("Commercial insight or production knowledge") == [])
    #expect(skills("Good product knowledge") == ["product comprehension"])
  }

  @Test func connectivesNameNothing() throws {
    let searcher = try ConceptSearcher(index: Self.analyzer.index)
    func terms(_ text: String) -> [Int32] { searcher.query(text).1.terms }
    // "well" in "as well as" and "order" in "in order to" are not words of any label.
    #expect(terms("English as well as Danish")[2] == -1)
    #expect(terms("in order to deliver")[1] == -1)
    #expect(terms("operate oil wells")[2] >= 0)
    #expect(terms("process the order")[2] >= 0)
    let skills = Self.analyzer.analyze(
      Posting(id: "t", title: "", text: "Drilling as well as testing, in order to deliver on time")
    ).skills.map(\.label)
    #expect(!skills.contains { $0.split(separator: " ").contains("well") })
    #expect(!skills.contains { $0.split(separator: " ").contains("order") })
  }

  @Test func acronymsMustBeWrittenAsAcronyms() {
    // One analyzer: phrases that differ only in capitals must not share its phrase cache.
    let analyzer = Self.analyzer
    func skills(_ text: String) -> [String] {
      analyzer.analyze(Posting(id: "t", title: "", text: text)).skills.map(\.label)
    }
    // "it", "its" and "etc" are not IT ("computer technology") or ETCS.
    let prose = skills("Manage the office diary, etc. It is a varied role and its pace is fast.")
    #expect(!prose.contains("computer technology"))
    #expect(!prose.contains("European Train Control System"))
    let shouting = skills("MANAGE THE OFFICE DIARY, ETC. ITS PACE IS FAST.")
    #expect(!shouting.contains("computer technology"))
    #expect(!shouting.contains("European Train Control System"))
    #expect(skills("Support our IT systems").contains("computer technology"))
    // In text with no capitals at all, a content word may stand for its acronym.
    #expect(skills("ruby-on-rails, sql, heroku").contains("SQL"))
    #expect(!skills("ruby-on-rails, sql, Heroku").contains("SQL"))
    #expect(skills("ruby-on-rails, SQL, Heroku").contains("SQL"))
  }

  @Test func titleEvidenceMarksTheMatchedWords() throws {
    // The title is matched without its work-mode words; its evidence spans are still offsets
    // into the title as written.
    let analysis = Self.analyzer.analyze(
      Posting(
        id: "t", title: "Executive Virtual Assistant (Remote)",
        text: "Schedule meetings and manage the director's calendar."))
    let spans = analysis.occupations.flatMap(\.evidence).filter { $0.kind == .title }
      .compactMap(\.evidence)
    #expect(!spans.isEmpty)
    for span in spans {
      #expect(span.text.hasSuffix("Executive") || span.text.hasSuffix("Assistant"))
      #expect(!span.text.hasPrefix("Virtual") && !span.text.contains("Remote"))
    }
    let executive = try #require(analysis.occupations.first { $0.label == "executive assistant" })
    let span = try #require(executive.evidence.first { $0.kind == .title }?.evidence)
    #expect(span.start == 0 && span.text == "Executive Virtual Assistant")
  }

  @Test func virtualAssistantTitleAloneBacksOff() {
    let analysis = Self.analyzer.analyze(Posting(id: "t", title: "Virtual Assistant", text: ""))
    #expect(analysis.attributes.workMode == ["virtual"])
    #expect(analysis.codedTitle == "Assistant")
    #expect(analysis.isco.level < 4)
    for occupation in analysis.occupations {
      #expect(!occupation.label.lowercased().contains("virtual"))
    }
  }

  @Test func virtualAssistantWithTasksIsCodedFromTheTasks() throws {
    let posting = Posting(
      id: "t", title: "Virtual Assistant",
      text: """
        - Record invoices and receipts in our accounting software
        - Reconcile bank statements every month
        - Prepare monthly financial reports
        - Maintain accurate bookkeeping records
        """)
    let analysis = Self.analyzer.analyze(posting)
    let code = try #require(analysis.isco.code)
    #expect(code.hasPrefix("3") || code.hasPrefix("4"))
    // The tasks are bookkeeping clerks' work; the bare "Assistant" is too weak for 4 digits.
    #expect(analysis.mix.shares.first?.isco == "4311")
    #expect(analysis.isco.level < 4)
    for occupation in analysis.occupations {
      let label = occupation.label.lowercased()
      #expect(!label.contains("virtual") && !label.contains("game") && !label.contains("chat"))
    }
  }

  @Test func uncodableWhenThereIsNoEvidence() {
    for posting in [
      Posting(id: "empty", title: "", text: ""),
      Posting(id: "noise", title: "URGENT!!! Hiring now", text: "Apply now."),
    ] {
      let analysis = Self.analyzer.analyze(posting)
      #expect(analysis.isco.code == nil)
      #expect(analysis.isco.level == 0)
      #expect(analysis.isco.reason != nil)
      #expect(analysis.skills.isEmpty)
      #expect(analysis.mix.shares.isEmpty)
    }
  }

  @Test func weakEvidenceIsUncodableButKeepsItsCandidates() {
    // "Management" alone (a trainee is a seniority) is too little to code, but says "managers".
    let analysis = Self.analyzer.analyze(Posting(id: "t", title: "Management Trainee", text: ""))
    #expect(analysis.isco.code == nil)
    #expect(analysis.isco.level == 0)
    #expect(analysis.isco.reason == "too little evidence")
    #expect(analysis.isco.levels.map(\.level) == [1, 2, 3, 4])
    #expect(analysis.isco.levels.allSatisfy { $0.code.hasPrefix("1") })
    #expect(analysis.isco.confidence == analysis.isco.levels[0].confidence)
    #expect(analysis.isco.levels.allSatisfy { $0.confidence < 0.2 })
  }

  @Test func closedCompoundTitleIsCodedFromItsParts() throws {
    let analysis = Self.analyzer.analyze(Posting(id: "t", title: "Cheesemaker", text: ""))
    #expect(analysis.codedTitle == "Cheese maker")
    #expect(analysis.isco.levels.last?.code == "7513")
    let title = try #require(
      analysis.occupations.flatMap(\.evidence).first { $0.kind == .title }?.evidence)
    #expect(title.start == 0 && title.end == 11 && title.text == "Cheesemaker")
    #expect(title.label == "cheese maker")
  }

  @Test func closeUnitGroupsAreDecidedByTheirBranchAndTheLevelsNest() throws {
    // 2421 alone is the best unit group, but 3343 sits in a branch (334, 33, 3) with more
    // evidence: 0.28 + 0.3 × (4 × (0.48 + 0.48) + 0.48) = 1.576 against
    // 0.30 + 0.3 × (4 × (0.30 + 0.30) + 0.30) = 1.11. The levels above are its own groups.
    let index = try SharedIndex.v111
    var groups = GroupEvidence(count: index.count(.iscoGroup))
    let scores = [("2421", 0.30), ("3343", 0.28), ("3341", 0.10), ("3342", 0.10)]
    groups.add(
      Dictionary(
        uniqueKeysWithValues: try scores.map {
          (try #require(index.iscoGroupIndex(code: $0.0)), $0.1)
        }),
      from: .tasks, weight: 1, normalise: false)
    func codes(ancestorWeight: Double) throws -> [String] {
      let analyzer = PostingAnalyzer.shared { $0.codes.ancestorWeight = ancestorWeight }
      return analyzer.assign(groups, coarse: groups, totalEvidence: 1).levels.map(\.code)
    }
    #expect(try codes(ancestorWeight: 0.3) == ["3", "33", "334", "3343"])
    #expect(try codes(ancestorWeight: 0) == ["2", "24", "242", "2421"])
  }

  @Test func titleOnly() {
    let analysis = Self.analyzer.analyze(
      Posting(id: "t", title: "Senior Bookkeeper (m/f/d)", text: ""))
    #expect(analysis.isco.levels.last?.code == "3313")
    #expect(analysis.attributes.seniority == ["senior"])
    #expect(analysis.attributes.noise == ["m/f/d"])
    #expect(analysis.occupations.first?.label == "bookkeeper")
  }

  @Test func boilerplateIsExcludedFromCoding() {
    let analysis = Self.analyzer.analyze(Samples.posting("va-001"))
    let kinds = Set(analysis.boilerplate.map(\.kind))
    #expect(kinds.isSuperset(of: [.company, .offer]))
    // The equal-opportunity line under "Benefits" is left out with the benefits.
    #expect(analysis.zones.last.map { $0.zone.namesSkills } == false)
    let excluded = analysis.boilerplate.map { $0.evidence.start..<$0.evidence.end }
    for skill in analysis.skills {
      for span in skill.evidence {
        #expect(!excluded.contains { $0.contains(span.start) }, "\(skill.label) in boilerplate")
      }
    }
    for share in analysis.mix.shares {
      for phrase in share.phrases { #expect(!excluded.contains { $0.contains(phrase.start) }) }
    }
  }

  /// Three short sentences without a duty: nothing is coded from them, the pay and place are
  /// an offer.
  @Test func aPostingWithoutDutiesHasNoMix() {
    let analysis = Self.analyzer.analyze(Samples.posting("va-007"))
    // "Looking for a virtual assistant. Must be available immediately. Competitive pay, work
    // from anywhere!"
    #expect(analysis.zones.count == 3)
    #expect(analysis.zones.allSatisfy { $0.zone != .duty })
    #expect(analysis.zones.last?.zone == .offer)
    #expect(analysis.mix.shares.isEmpty)
  }

  @Test func mixSharesSumToOne() {
    for posting in Samples.postings {
      let mix = Self.analyzer.analyze(posting).mix
      guard !mix.shares.isEmpty else { continue }
      let total = mix.shares.reduce(0) { $0 + $1.share }
      #expect(abs(total - 1) < 1e-9)
      #expect(abs(mix.herfindahl - mix.shares.reduce(0) { $0 + $1.share * $1.share }) < 1e-9)
      #expect(mix.topShare == mix.shares[0].share)
    }
  }

  @Test func strongestKeepsTheBestInOrderWithTiesByKey() {
    let scores: [(Int, Double)] = [(7, 0.5), (3, 0.9), (9, 0.5), (1, 0.2), (4, 0.5), (8, 0.9)]
    func keys(_ count: Int) -> [Int] { PostingAnalyzer.strongest(count, of: scores).map(\.0) }
    #expect(keys(3) == [3, 8, 4])
    #expect(keys(4) == [3, 8, 4, 7])
    #expect(keys(10) == [3, 8, 4, 7, 9, 1])
    #expect(keys(0).isEmpty)
    #expect(PostingAnalyzer.strongest(2, of: [(Int, Double)]()).isEmpty)
    // The same as sorting everything, also past 64 (where it sorts).
    let sorted = scores.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    #expect(PostingAnalyzer.strongest(6, of: scores).map(\.0) == sorted.map(\.0))
    let many = (0..<200).map { ($0, Double(($0 * 37) % 50)) }
    let manySorted = many.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
    #expect(PostingAnalyzer.strongest(64, of: many).map(\.0) == Array(manySorted.prefix(64)))
    #expect(PostingAnalyzer.strongest(65, of: many).map(\.0) == Array(manySorted.prefix(65)))
    #expect(PostingAnalyzer.strongest(.max, of: many).map(\.0) == manySorted)
  }

  @Test func asManyOccupationsAsThereAre() throws {
    let occupations = PostingAnalyzer.shared { $0.occupations.count = .max }
      .analyze(Samples.posting("va-004")).occupations
    #expect(occupations.count > 5)
    #expect(occupations.last?.margin == occupations.last?.score)
    let usual = Self.analyzer.analyze(Samples.posting("va-004")).occupations
    #expect(Array(occupations.prefix(5)) == usual)
    // None asked for, none given; the code does not depend on them.
    for count in [0, -1] {
      let analysis = PostingAnalyzer.shared { $0.occupations.count = count }
        .analyze(Samples.posting("va-004"))
      #expect(analysis.occupations.isEmpty)
      #expect(analysis.isco.code == "3313")
    }
  }

  @Test func nonEnglishPostingGetsANote() {
    let analysis = Self.analyzer.analyze(Samples.posting("va-008"))
    #expect(analysis.notes.contains { $0.contains("another language") })
  }

  @Test func phrasesSeenBeforeGiveTheSameAnalyses() {
    let analyzer = Self.analyzer
    let first = Samples.postings.map { AnalysisJSON.line(analyzer.analyze($0)) }
    // The second round finds every phrase in the cache.
    let second = Samples.postings.map { AnalysisJSON.line(analyzer.analyze($0)) }
    #expect(first == second)
    let fresh = Samples.postings.reversed().map { AnalysisJSON.line(Self.analyzer.analyze($0)) }
    #expect(Array(fresh.reversed()) == first)
    // The same words first as a task, then as a heading (which is no task).
    let task = Posting(id: "task", title: "", text: "Bookkeeping and payroll.")
    let heading = Posting(
      id: "heading", title: "",
      text: "Bookkeeping and payroll:\n- Reconcile bank statements\n- Run the monthly payroll")
    _ = analyzer.analyze(task)
    let warm = analyzer.analyze(heading)
    #expect(AnalysisJSON.line(warm) == AnalysisJSON.line(Self.analyzer.analyze(heading)))
    #expect(warm.mix.shares.reduce(0) { $0 + $1.phrases.count } == 2)
  }

  @Test func clearingTheFormTableChangesNothing() {
    let analyzer = Self.analyzer
    // Cleared before every posting: a title's forms must survive its body's tokenisation.
    analyzer.tokenizer.formLimit = 0
    for posting in Samples.postings + Samples.postings {
      #expect(
        AnalysisJSON.line(analyzer.analyze(posting))
          == AnalysisJSON.line(Self.analyzer.analyze(posting)), "\(posting.id)")
    }
    #expect(analyzer.tokenizer.formGeneration >= Samples.postings.count)
  }

  @Test func sameOutputWithOneOrFourThreads() throws {
    let records =
      (0..<6).flatMap { _ in Samples.postings.map(InputRecord.posting) }
      + [.failure(id: "x", source: "in.jsonl:99", message: "invalid JSON")]
    func run(_ jobs: Int) throws -> String {
      let runner = BatchRunner(index: try SharedIndex.v111, jobs: jobs)
      runner.batchSize = 3
      var remaining = records[...]
      var output = ""
      let counts = try runner.run(
        next: { remaining.popFirst() },
        emit: { result in
          switch result {
          case .analysis(let analysis, _): output += AnalysisJSON.line(analysis)
          case .failure(let id, let source, let message):
            output += AnalysisJSON.errorLine(id: id, error: message, source: source)
          }
        })
      #expect(counts.read == records.count)
      #expect(counts.failed == 1)
      #expect(counts.analysed == records.count - 1)
      return output
    }
    let single = try run(1)
    #expect(try run(4) == single)
    #expect(try run(2) == single)
  }
}
