import Testing

@testable import JobLensAnalysis
@testable import JobLensInput

/// Occupation and ISCO coding over the hand-written fixture taxonomy: fast, in debug builds too.
@Suite("Fixture taxonomy: occupations and ISCO codes", .needsESCO)
struct FixtureCodingTests {
  static let clerk = Posting(
    id: "clerk", title: "Office Clerk",
    text: "Type letters and file documents. Record financial transactions in ledgers. "
      + "Prepare invoices and check payments.")

  @Test(arguments: [
    (
      "Bookkeeper",
      "Record transactions in the ledger. Prepare invoices. Reconcile bank statements.",
      "4311", "bookkeeper"
    ),
    ("Software Developer", "Write program code and debug software.", "2512", "software developer"),
    (
      "Executive Assistant", "Manage the diary of the director and book travel arrangements.",
      "3343", "executive assistant"
    ),
  ])
  func aTitleIsCodedToItsUnitGroup(
    title: String, text: String, code: String, occupation: String
  ) throws {
    let analysis = try FixtureTaxonomy.analyzer().analyze(
      Posting(id: "t", title: title, text: text))
    #expect(analysis.isco.code == code)
    #expect(analysis.isco.level == 4)
    #expect(analysis.occupations.first?.label == occupation)
    #expect(analysis.isco.levels.map(\.code) == (1...4).map { String(code.prefix($0)) })
  }

  /// Secretarial and bookkeeping duties: the unit group of the most evidence at the default
  /// thresholds, a coarser group when the thresholds ask for more than one unit group has
  /// (without the first occupation as a second witness, which would lower the 4-digit one).
  @Test func backOffToACoarserLevel() throws {
    let usual = try FixtureTaxonomy.analyzer().analyze(Self.clerk)
    #expect(usual.isco.code == "4311")
    #expect(usual.isco.level == 4)

    let subMajor = try FixtureTaxonomy.analyzer {
      $0.codes.backoffThresholds = [0.3, 0.25, 0.7, 0.7]
      $0.codes.agreementFactor = 1
    }
    .analyze(Self.clerk)
    #expect(subMajor.isco.code == "43")
    #expect(subMajor.isco.level == 2)

    let major = try FixtureTaxonomy.analyzer {
      $0.codes.backoffThresholds = [0.3, 0.7, 0.7, 0.7]
      $0.codes.agreementFactor = 1
    }
    .analyze(Self.clerk)
    #expect(major.isco.code == "4")
    #expect(major.isco.level == 1)
    #expect(major.isco.label == "Clerical support workers")
    #expect(major.isco.confidence >= 0.9)
  }

  @Test func tooLittleEvidenceIsUncodable() throws {
    let analysis = try FixtureTaxonomy.analyzer().analyze(
      Posting(id: "t", title: "", text: "Send e-mails to clients."))
    #expect(analysis.isco.code == nil)
    #expect(analysis.isco.reason == "too little evidence")
  }

  @Test func theMixSharesAddUpToOne() throws {
    let analysis = try FixtureTaxonomy.analyzer().analyze(Self.clerk)
    let shares = analysis.mix.shares.map(\.share)
    #expect(Set(analysis.mix.shares.map(\.isco)) == ["4120", "4311"])
    #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
  }
}
