import Testing

@testable import JobLensAnalysis
@testable import JobLensText

@Suite("Requirement phrases")
struct RequirementTests {
  /// The requirement flag of each phrase of a text.
  static func flags(_ text: String) throws -> [(String, Bool)] {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    let phrases = tokenizer.phrases(in: tokenized)
    let flags = RequirementDetector.classify(
      phrases, keys: phrases.map { PhraseLexicon.keys(of: $0, in: tokenized, tokenizer: tokenizer) }
    )
    return zip(phrases, flags).map { (tokenized.string($0.byteRange), $1) }
  }

  @Test func sectionsOpeningsAndCues() throws {
    let text = """
      Responsibilities:
      - Manage calendars and book travel
      - Excellent written English
      Requirements:
      - Two years in an office
      - Answer phone calls
      Your tasks:
      - Reconcile invoices
      - 3+ years of experience in bookkeeping
      """
    let flags = try Self.flags(text)
    #expect(
      flags.map(\.0) == [
        "Responsibilities:", "Manage calendars and book travel", "Excellent written English",
        "Requirements:", "Two years in an office", "Answer phone calls", "Your tasks:",
        "Reconcile invoices", "3+ years of experience in bookkeeping",
      ])
    // An opening in a task section; everything in a requirements section until a task
    // heading; a cue anywhere. Headings are never requirements.
    #expect(flags.map(\.1) == [false, false, true, false, true, true, false, false, true])
  }

  @Test func anyOtherHeadingEndsARequirementsSection() throws {
    let flags = try Self.flags("About you:\n- Calm under pressure\nSocial Media:\n- Plan posts\n")
    #expect(flags.map(\.1) == [false, true, false, false])
  }

  @Test func markdownSectionsQuestionsAndPluses() throws {
    let text = """
      #### **What you'll be doing**
      - Answer support tickets
      - Have you used Zendesk?
      - Zendesk experience is a plus
      ### Nice to haves
      - Shopify
      """
    #expect(try Self.flags(text).map(\.1) == [false, false, true, true, false, true])
  }

  @Test func candidateSentencesAreRequirementsTasksAreNot() throws {
    let flags = try Self.flags(
      "You are organised and reliable. Looking for a virtual assistant. Must have a laptop. "
        + "Update the client database weekly. You’re calm. You're kind.")
    #expect(flags.map(\.1) == [true, true, true, false, true, true])
  }

  @Test(.needsESCO) func requirementsGiveSkillsButNoTasks() throws {
    let analysis = AnalyzerTests.analyzer.analyze(Samples.posting("va-001"))
    #expect(
      analysis.requirements.map(\.text) == [
        "2+ years as an executive assistant or personal assistant",
        "Excellent written and spoken English",
        "Confident with Google Workspace, Microsoft Office and Zoom",
      ])
    let english = analysis.skills.first { $0.label == "English" }
    #expect(english?.evidence.map(\.text) == ["English"])
    #expect(english?.evidence.first?.phraseStart == analysis.requirements[1].start)
    let mixed = Set(analysis.mix.shares.flatMap(\.phrases).map(\.start))
    #expect(mixed.isDisjoint(with: analysis.requirements.map(\.start)))
    #expect(mixed.count == 5)
  }
}
