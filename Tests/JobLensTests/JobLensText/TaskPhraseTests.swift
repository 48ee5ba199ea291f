import Testing

@testable import JobLensText

/// (text, kind) of each task phrase.
func seenPhrases(_ text: String) throws -> [String] {
  let tokenizer = try Tokenizer(language: "en")
  let tokenized = tokenizer.tokenize(text)
  return tokenizer.phrases(in: tokenized).map {
    "\($0.kind.rawValue): \(tokenized.string($0.byteRange))"
  }
}

@Suite("Task phrases")
struct TaskPhraseTests {
  @Test func bulletsOneTaskPerLine() throws {
    let text = """
      Responsibilities
      - Manage the CEO's calendar
      • Book travel and accommodation
      * Answer e-mails
      · Prepare invoices
      ▪ Update the CRM
      -Proofread blog posts
      """
    #expect(
      try seenPhrases(text) == [
        "heading: Responsibilities", "bullet: Manage the CEO's calendar",
        "bullet: Book travel and accommodation", "bullet: Answer e-mails",
        "bullet: Prepare invoices", "bullet: Update the CRM", "bullet: Proofread blog posts",
      ])
  }

  @Test func numberedLists() throws {
    let text =
      "1. Schedule meetings\n2) Take minutes\na) File records\n(b) Order supplies\n10. Pay bills"
    #expect(
      try seenPhrases(text) == [
        "bullet: Schedule meetings", "bullet: Take minutes", "bullet: File records",
        "bullet: Order supplies", "bullet: Pay bills",
      ])
  }

  @Test func offsetsOfPhrasesAreCodePoints() throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize("• Gérer l'agenda\n• Réserver")
    let spans = tokenizer.phrases(in: tokenized).map { tokenized.codePointRange($0.byteRange) }
    #expect(spans == [2..<16, 19..<27])
  }

  @Test func semicolonsAndSentencesSplit() throws {
    #expect(
      try seenPhrases("We are growing fast. You will answer calls; book travel; file expenses.")
        == [
          "sentence: We are growing fast.", "sentence: You will answer calls;",
          "sentence: book travel;", "sentence: file expenses.",
        ])
  }

  @Test func runTogetherScrapedText() throws {
    let text =
      "The right candidate will support our growth.Responsibilities:Perform various Mail Center activities (sorting, folding)Lift heavy boxes when neededMaintain the highest levels of care"
    #expect(
      try seenPhrases(text) == [
        "sentence: The right candidate will support our growth.", "heading: Responsibilities:",
        "sentence: Perform various Mail Center activities (sorting, folding)Lift heavy boxes when needed",
        "sentence: Maintain the highest levels of care",
      ])
  }

  /// Scraped lists whose line breaks became runs of spaces (often no-break spaces) split
  /// there; two spaces, or spaces around one word, do not split.
  @Test func runsOfSpacesAreLostLineBreaks() throws {
    let text =
      "What you will be doing \u{A0}\u{A0}\u{A0} processing letters and contracts\u{A0}\u{A0}\u{A0} "
      + "communicating with clients   filing and faxing.  Two spaces stay."
    #expect(
      try seenPhrases(text) == [
        "sentence: What you will be doing", "sentence: processing letters and contracts",
        "sentence: communicating with clients", "sentence: filing and faxing.",
        "sentence: Two spaces stay.",
      ])
  }

  @Test func inlineBulletsSplit() throws {
    #expect(
      try seenPhrases("Duties: • answer phones • schedule meetings • data entry") == [
        "heading: Duties:", "bullet: answer phones", "bullet: schedule meetings",
        "bullet: data entry",
      ])
  }

  @Test func flattenedListsSplit() throws {
    // A Markdown list flattened into one line, and items run together after a dash.
    #expect(
      try seenPhrases(
        "desired:* Warm, positive * Excellent communication skills * Call center is not required"
      ) == [
        "heading: desired:", "sentence: * Warm, positive",
        "bullet: Excellent communication skills", "bullet: Call center is not required",
      ])
    #expect(
      try seenPhrases("Ability to work in a team environment- Goal Oriented- Strong work ethic")
        == [
          "sentence: Ability to work in a team environment", "bullet: Goal Oriented",
          "bullet: Strong work ethic",
        ])
    // A compound's first part, split from the rest, stays in the phrase; so does "5 * 3".
    #expect(
      try seenPhrases("Position is Part- Time and Self- Motivated people, 5 * 3 shifts") == [
        "sentence: Position is Part- Time and Self- Motivated people, 5 * 3 shifts"
      ])
  }

  @Test func dashItemsGluedToTheirLinesSplit() throws {
    // A list of "-" items whose line breaks were lost: each capitalised item after a word.
    #expect(
      try seenPhrases(
        "The role will involve:-Picking and packing-Despatching orders-Taking calls from clients"
      ) == [
        "heading: The role will involve:", "sentence: -Picking and packing",
        "bullet: Despatching orders", "bullet: Taking calls from clients",
      ])
    // Compounds stay whole: a prefix, "to" between capitals, an acronym, a capitalised first
    // part.
    #expect(
      try seenPhrases(
        "Any non-English speaker, Day-to-Day work, post-COVID plans, ex-Google staff, Work-Life"
      ) == [
        "sentence: Any non-English speaker, Day-to-Day work, post-COVID plans, ex-Google staff, Work-Life"
      ])
  }

  @Test func misdecodedBulletsSplit() throws {
    // "•" read as Windows-1252 is "â€¢"; scraped postings mostly lose the "â".
    #expect(
      try seenPhrases("Duties:€¢Answer phones€¢File invoices. €¢ Greet visitors â€¢ Data entry")
        == [
          "heading: Duties:", "bullet: Answer phones", "bullet: File invoices.",
          "bullet: Greet visitors", "bullet: Data entry",
        ])
    // A price in euros stays whole.
    #expect(try seenPhrases("Budget €50 per hour") == ["sentence: Budget €50 per hour"])
  }

  @Test func labelBeforeColonIsAHeading() throws {
    #expect(
      try seenPhrases("Requirements: fluent English and a reliable laptop.") == [
        "heading: Requirements:", "sentence: fluent English and a reliable laptop.",
      ])
    // A long clause before a colon is not a label.
    #expect(
      try seenPhrases("You will work with our team of five people: answering calls.") == [
        "sentence: You will work with our team of five people: answering calls."
      ])
  }

  @Test func markdownHeadings() throws {
    let text = """
      #### **What you'll be doing**
      - Answer support tickets
      **Nice to haves**
      **Join us and help millions of people.**
      ####### seven marks
      #hashtag line
      """
    #expect(
      try seenPhrases(text) == [
        "heading: #### **What you'll be doing**", "bullet: Answer support tickets",
        "heading: **Nice to haves**", "sentence: **Join us and help millions of people.",
        "sentence: ####### seven marks", "sentence: #hashtag line",
      ])
  }

  @Test func dashesBeforeCapitalsSplitScrapedBullets() throws {
    #expect(
      try seenPhrases("Research topics - Create reports - Enter data") == [
        "sentence: Research topics", "bullet: Create reports", "bullet: Enter data",
      ])
  }

  @Test func urlsAreNotCutAtTheirSemicolonsOrDots() throws {
    #expect(
      try seenPhrases("Apply at https://example.com/a;b?x=1. Thanks") == [
        "sentence: Apply at https://example.com/a;b?x=1.", "sentence: Thanks",
      ])
  }

  @Test func windowsLineBreaksAndBlankLines() throws {
    #expect(
      try seenPhrases("Tasks:\r\n\r\n- Answer calls\r\n- File\r\n\r\n") == [
        "heading: Tasks:", "bullet: Answer calls", "bullet: File",
      ])
  }
}
