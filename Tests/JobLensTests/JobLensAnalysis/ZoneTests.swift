import Testing

@testable import JobLensAnalysis
@testable import JobLensInput

/// Posting zones: which phrases are the job (duties, requirements) and which are about the
/// company, the offer, the law or applying — from headings, cue phrases and requirement
/// openings over the fixture index (no background model), and with the background model
/// learned from real postings over ESCO.
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

  @Test func headingsOpenSectionsForThePhrasesUnderThem() throws {
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
        "Responsibilities", "Type letters and file documents", "Salary range", "USD 20 to 25",
        "Compensation and benefits", "Paid parental leave", "What you'll be doing",
        "Record transactions in ledgers",
      ])
    #expect(zones.map(\.1) == [.duty, .duty, .offer, .offer, .offer, .offer, .duty, .duty])
    #expect(zones.map(\.2) == [true, false, true, false, true, false, true, false])
  }

  @Test func requirementSectionsOpeningsAndCues() throws {
    let text = """
      Your tasks:
      - Prepare invoices and check payments
      Requirements:
      - Two years in an office
      - Knowledge of Excel, Word and PowerPoint
      You are organised and reliable.
      """
    let zones = try Self.fixtureZones(text)
    #expect(zones.map(\.1) == [.duty, .duty, .requirement, .requirement, .requirement, .requirement])
  }

  @Test func companyOfferLegalAndApplicationText() throws {
    let text = """
      Acme is a leading provider of logistics services in Texas.
      Type letters and file documents.
      We offer a competitive salary and health insurance.
      Acme is an equal opportunity employer and does not discriminate.
      To apply, send your CV to jobs@example.com.
      """
    let zones = try Self.fixtureZones(text)
    #expect(zones.map(\.1) == [.company, .duty, .offer, .legal, .application])
  }

  /// Only duty and requirement phrases are coded: the same company blurb, benefits and legal
  /// text around the same duties change neither the skills nor the mix.
  @Test func onlyTheJobIsCoded() throws {
    let duties = "Type letters and file documents.\nRecord financial transactions in ledgers.\n"
    let wrapped =
      "We are a family business founded in 1950, serving our customers with care.\n" + duties
      + "We offer a competitive salary, a pension and paid time off.\n"
      + "We are an equal opportunity employer; all qualified applicants will be considered.\n"
    let analyzer = try FixtureTaxonomy.analyzer()
    let plain = analyzer.analyze(Posting(id: "a", title: "Office Clerk", text: duties))
    let busy = analyzer.analyze(Posting(id: "b", title: "Office Clerk", text: wrapped))
    #expect(busy.skills.map(\.uri) == plain.skills.map(\.uri))
    #expect(busy.mix.shares.map(\.isco) == plain.mix.shares.map(\.isco))
    #expect(busy.isco.code == plain.isco.code)
    #expect(busy.boilerplate.map(\.kind) == [.company, .offer, .legal])
  }
}
