import JobLensCore
import Testing

@testable import JobLensAnalysis
@testable import JobLensInput

/// Posting zones: which phrases are the job (duties, requirements) and which are about the
/// company, the offer, the law or applying — from headings and requirement openings over the
/// fixture index (no background model), and with the background model learned from real
/// postings over ESCO (as `joblens index build` makes it).
@Suite("Posting zones")
struct ZoneTests {
  /// Each phrase's text, zone and heading flag.
  static func zones(_ analysis: PostingAnalysis, text: String) -> [(String, PostingZone, Bool)] {
    let scalars = Array(text.unicodeScalars)
    return analysis.zones.map { phrase in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[phrase.start..<phrase.end])
      return (String(view), phrase.zone, phrase.isHeading)
    }
  }

  static func fixtureZones(_ text: String) throws -> [(String, PostingZone, Bool)] {
    let analysis = try FixtureTaxonomy.analyzer().analyze(
      Posting(id: "z", title: "Office Clerk", text: text))
    return zones(analysis, text: text)
  }

  @Test(.needsESCO) func headingsOpenSectionsForThePhrasesUnderThem() throws {
    let text = """
      ## Responsibilities
      - Type letters and file documents
      **Salary range**
      - USD 20 to 25
      ### Compensation and benefits
      - Paid parental leave
      #### What you'll be doing
      - Record transactions in ledgers
      """
    let zones = try Self.fixtureZones(text)
    #expect(
      zones.map(\.0) == [
        "## Responsibilities", "Type letters and file documents", "**Salary range**",
        "USD 20 to 25", "### Compensation and benefits", "Paid parental leave",
        "#### What you'll be doing", "Record transactions in ledgers",
      ])
    #expect(zones.map(\.1) == [.duty, .duty, .offer, .offer, .offer, .offer, .duty, .duty])
    #expect(zones.map(\.2) == [true, false, true, false, true, false, true, false])
  }

  @Test(.needsESCO) func requirementSectionsOpeningsAndCues() throws {
    let text = """
      Your tasks:
      - Prepare invoices and check payments
      Requirements:
      - Two years in an office
      - Knowledge of Excel, Word and PowerPoint
      You are organised and reliable.
      """
    let zones = try Self.fixtureZones(text)
    #expect(
      zones.map(\.1) == [.duty, .duty, .requirement, .requirement, .requirement, .requirement])
  }

  /// Without headings, the background word model, cue phrases and task verbs decide.
  @Test(.needsESCO) func companyOfferLegalAndApplicationText() throws {
    let text = """
      Acme is a leading provider of logistics services in Texas. Founded in 1950, we help our customers ship.
      Type letters and file documents. Record financial transactions in ledgers.
      We offer a competitive salary and health insurance. Paid time off and a pension.
      Acme is an equal opportunity employer. We do not discriminate on the basis of national origin.
      To apply, send your CV to jobs@example.com. We look forward to hearing from you.
      """
    let analysis = AnalyzerTests.analyzer.analyze(
      Posting(id: "z", title: "Office Clerk", text: text))
    #expect(
      Self.zones(analysis, text: text).map(\.1) == [
        .company, .company, .duty, .duty, .offer, .offer, .legal, .legal, .application,
        .application,
      ])
  }

  /// Only duty and requirement phrases are coded: the same company blurb, benefits and legal
  /// text around the same duties change neither the skills nor the mix.
  @Test(.needsESCO) func onlyTheJobIsCoded() throws {
    let duties = "Type letters and file documents.\nRecord financial transactions in ledgers.\n"
    let wrapped =
      "We are a family business founded in 1950. Our mission: we help our customers.\n"
      + duties + "We offer a competitive salary, a pension and paid time off.\n"
      + "Health insurance and a bonus every year.\n"
      + "We are an equal opportunity employer; all qualified applicants will be considered.\n"
      + "We do not discriminate on the basis of national origin.\n"
    let analyzer = AnalyzerTests.analyzer
    let plain = analyzer.analyze(Posting(id: "a", title: "Office Clerk", text: duties))
    let busy = analyzer.analyze(Posting(id: "b", title: "Office Clerk", text: wrapped))
    #expect(busy.skills.map(\.uri) == plain.skills.map(\.uri))
    #expect(busy.mix.shares.map(\.isco) == plain.mix.shares.map(\.isco))
    #expect(busy.isco.code == plain.isco.code)
    #expect(busy.boilerplate.count == 8)
    #expect(busy.zones.filter { $0.zone == .duty }.count == 2)
  }

  /// A task that names the company's customers or products is a task, even between company
  /// text and the offer: company cues do not count in a phrase that opens with a task's verb.
  @Test(.needsESCO) func aTaskAboutOurCustomersIsATask() {
    let cases: [(String, [PostingZone])] = [
      (
        "We are a small online bookshop.\nAnswer our customers e-mails and calls.\n"
          + "We offer a good salary and paid holidays.", [.company, .duty, .offer]
      ),
      (
        "Our products are sold in 40 countries.\n"
          + "Present our products to our customers at trade fairs.\nPrepare quotes.",
        [.company, .duty, .duty]
      ),
    ]
    for (text, expected) in cases {
      let analysis = AnalyzerTests.analyzer.analyze(
        Posting(id: "z", title: "Sales Assistant", text: text))
      #expect(analysis.zones.map(\.zone) == expected, "\(text)")
    }
  }

  /// A sentence's hash is the hash of its keys joined by single spaces (as templates are
  /// stored), for empty keys, non-ASCII keys and long ones too.
  @Test func sentenceHashIsTheHashOfTheJoinedKeys() {
    let pieces = ["", "a", "develop", "café", "’s", "x", String(repeating: "long", count: 10)]
    var random = SplitMix(seed: 24)
    for count in 0..<200 {
      let keys = (0..<(count % 12)).map { _ in pieces.randomElement(using: &random)! }
      let joined = keys.joined(separator: " ")
      #expect(ZoneClassifier.sentenceHash(keys) == XXHash64.hash(Array(joined.utf8)), "\(keys)")
    }
  }
}
