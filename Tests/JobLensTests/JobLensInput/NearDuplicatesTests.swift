import Testing

@testable import JobLensInput

/// A 200-word virtual assistant posting, dated at the start and with a deadline at the end.
private func vaPosting(
  date: String = "3 March 2024", hours: String = "20",
  tool: String = "Canva", deadline: String = "31 March"
) -> String {
  """
  Posted \(date). We are a small marketing agency looking for a virtual assistant to support \
  our founder and a team of four consultants. You will work remotely about \(hours) hours a \
  week, mostly in the European morning, and report to the operations manager. Your main tasks \
  are to manage the founder's inbox and calendar, schedule client calls across three time \
  zones, prepare meeting notes and follow up on action items. You will also keep our customer \
  relationship management system up to date, enter new leads from web forms, and send weekly \
  reports on open deals. Some bookkeeping is involved: you will match receipts to bank \
  transactions, prepare invoices in our accounting tool and chase late payments politely but \
  firmly. On the marketing side you will draft social media posts, design simple graphics in \
  \(tool), publish blog articles in WordPress and answer comments. We expect excellent written \
  English and the discipline to work independently. Experience with Google Workspace, Trello \
  and Zoom is required. We offer a long-term freelance contract, paid monthly in euros, \
  flexible hours within the agreed window, and a friendly team. To apply, send a short cover \
  letter and your hourly rate before \(deadline).
  """
}

/// A different virtual assistant posting: e-commerce customer support.
private let supportPosting = """
  Busy online shop selling handmade ceramics needs a part-time customer support assistant. \
  Answer customer emails and live chat messages, process returns and refunds in Shopify, \
  update product listings with new photos and prices, track parcels with couriers and solve \
  delivery problems. Weekend availability for two hours on Saturdays. Native Spanish speakers \
  welcome because many of our buyers live in Spain and Mexico. Paid hourly through Upwork.
  """

/// A third virtual assistant posting: real estate lead management.
private let realEstatePosting = """
  Real estate team in Austin, Texas hiring an executive virtual assistant. Cold call \
  homeowners from our lead lists, book property viewings, coordinate with photographers and \
  stagers, prepare listing presentations in PowerPoint and keep the transaction checklist \
  moving until closing. Must be available on US Central time and comfortable on the phone. \
  Full-time, 40 hours, base pay plus commission on closed deals.
  """

/// A French posting with accented words.
private func frenchPosting(deadline: String) -> String {
  """
  Nous recherchons une assistante virtuelle pour gérer la messagerie, l'agenda et la \
  facturation d'un cabinet d'architectes à Montréal. Vous préparerez les comptes rendus de \
  réunion, relancerez les clients en retard de paiement et tiendrez à jour le tableau de suivi \
  des chantiers. Maîtrise du français et de l'anglais écrits exigée, expérience de QuickBooks \
  appréciée. Poste à temps partiel, environ quinze heures par semaine, entièrement à distance, \
  rémunéré à l'heure selon l'expérience. Envoyez votre candidature avant le \(deadline).
  """
}

/// The exact Jaccard similarity of two postings' sets of 5-word shingles.
private func exactJaccard(_ lhs: String, _ rhs: String, shingleSize: Int = 5) -> Double {
  func shingles(_ text: String) -> Set<[String]> {
    let words = NearDuplicateDetector.normalizedWords(title: "", text: text)
    let width = min(shingleSize, words.count)
    return Set((0...(words.count - width)).map { Array(words[$0..<($0 + width)]) })
  }
  let left = shingles(lhs)
  let right = shingles(rhs)
  return Double(left.intersection(right).count) / Double(left.union(right).count)
}

/// Checks postings (id, title, text) in order and returns every answer.
private func checkAll(
  _ postings: [(String, String, String)],
  options: NearDuplicateDetector.Options = .init()
) -> [NearDuplicateDetector.Match?] {
  var detector = NearDuplicateDetector(options: options)
  return postings.map { detector.check(id: $0.0, title: $0.1, text: $0.2) }
}

@Suite("Near-duplicate postings")
struct NearDuplicatesTests {
  @Test(arguments: [
    (
      "Senior VA", "Hello, WORLD!  naïve café 2024-01-01 e-mail",
      ["senior", "va", "hello", "world", "naïve", "café", "2024", "01", "01", "e", "mail"]
    ),
    ("", "  ...  ", []),
    ("Title", "", ["title"]),
    ("ÄRZTIN", "Straße", ["Ärztin", "straße"]),
    ("a\tb", "\nc_d", ["a", "b", "c", "d"]),
  ])
  func normalisesWords(title: String, text: String, words: [String]) {
    #expect(NearDuplicateDetector.normalizedWords(title: title, text: text) == words)
  }

  @Test(arguments: [
    "Virtual Assistant needed: manage inbox, calendar and invoices.",
    "virtual assistant needed manage inbox calendar and invoices",
    "  VIRTUAL   ASSISTANT\nNEEDED -- manage inbox; calendar AND invoices!!",
    "(Virtual) [assistant] {needed}... manage/inbox * calendar + and = invoices?",
  ])
  func reportsExactDuplicates(variant: String) {
    let original = "Virtual assistant needed. Manage inbox, calendar, and invoices."
    let results = checkAll([("a", "", original), ("b", "", variant)])
    #expect(results[0] == nil)
    #expect(results[1] == .init(ordinal: 0, id: "a", isExact: true, similarity: 1))
  }

  @Test func titleWordsCountBeforeTextWords() {
    let results = checkAll([
      ("a", "Virtual Assistant", "Manage the inbox"),
      ("b", "", "virtual assistant manage the inbox"),
      ("c", "Manage the inbox", "Virtual Assistant"),
    ])
    #expect(results[1]?.id == "a")
    #expect(results[1]?.isExact == true)
    #expect(results[2] == nil)
  }

  @Test func reportsNearDuplicateWithChangedDateAndWords() throws {
    let original = vaPosting()
    let repost = vaPosting(date: "10 March 2024", hours: "25", deadline: "7 April")
    #expect(NearDuplicateDetector.normalizedWords(title: "", text: original).count == 200)
    #expect(exactJaccard(original, repost) > 0.85)
    let results = checkAll([
      ("first", "Virtual Assistant", original), ("other", "Customer Support", supportPosting),
      ("repost", "Virtual Assistant", repost),
    ])
    let match = try #require(results[2])
    #expect(match.ordinal == 0)
    #expect(match.id == "first")
    #expect(!match.isExact)
    #expect(match.similarity >= 0.8 && match.similarity < 1)
  }

  @Test func differentPostingsAreNotDuplicates() throws {
    let results = checkAll([
      ("va-1", "Virtual Assistant", vaPosting()),
      ("va-2", "Customer Support Assistant", supportPosting),
      ("va-3", "Executive Virtual Assistant", realEstatePosting),
    ])
    #expect(results == [nil, nil, nil])
    let similarity = NearDuplicateDetector.estimatedSimilarity(
      ("", vaPosting()), ("", supportPosting))
    #expect(try #require(similarity) < 0.2)
  }

  @Test func thirdCopyPointsAtFirstPosting() {
    let exactCopies = checkAll([
      ("a", "VA", vaPosting()), ("b", "VA", vaPosting()), ("c", "va", vaPosting() + " "),
    ])
    #expect(exactCopies[1] == .init(ordinal: 0, id: "a", isExact: true, similarity: 1))
    #expect(exactCopies[2] == .init(ordinal: 0, id: "a", isExact: true, similarity: 1))

    let nearChain = checkAll([
      ("a", "", vaPosting()), ("b", "", vaPosting(tool: "Figma")),
      ("c", "", vaPosting(tool: "Figma", deadline: "2 April")),
    ])
    #expect(nearChain[1]?.ordinal == 0 && nearChain[1]?.id == "a")
    #expect(nearChain[2]?.ordinal == 0 && nearChain[2]?.id == "a")
  }

  @Test func exactCopyOfNearDuplicatePointsAtEarliestPosting() throws {
    let edited = vaPosting(hours: "30")
    let results = checkAll([("a", "", vaPosting()), ("b", "", edited), ("c", "", edited)])
    let nearMatch = try #require(results[1])
    #expect(nearMatch.id == "a" && !nearMatch.isExact)
    #expect(results[2] == nearMatch)
  }

  @Test(arguments: [
    ("Data entry clerk", "Data entry clerk", true),
    ("Data entry", "DATA-ENTRY!", true),
    ("VA", "va", true),
    ("Data entry clerk", "Data entry assistant", false),
    ("Virtual assistant needed", "Virtual assistant wanted", false),
    ("Bookkeeper", "Bookkeeping", false),
  ])
  func shortPostingsUseTheirWholeWordSequence(first: String, second: String, duplicate: Bool) {
    let results = checkAll([("a", "", first), ("b", "", second)])
    #expect(results[0] == nil)
    if duplicate {
      #expect(results[1] == .init(ordinal: 0, id: "a", isExact: true, similarity: 1))
    } else {
      #expect(results[1] == nil)
    }
  }

  @Test func shortPostingIsNotDuplicateOfLongerOne() {
    let results = checkAll([("long", "", vaPosting()), ("short", "", "Posted 3 March")])
    #expect(results[1] == nil)
  }

  @Test func emptyPostingsAreNeverDuplicates() {
    var detector = NearDuplicateDetector()
    for (index, text) in ["", "", "   ", "!!! --- ...", "\n\t", ""].enumerated() {
      #expect(detector.check(id: "e\(index)", title: "", text: text) == nil)
    }
    #expect(detector.check(id: "x", title: "Assistant", text: "") == nil)
    let copy = detector.check(id: "y", title: "", text: "assistant")
    #expect(copy == .init(ordinal: 6, id: "x", isExact: true, similarity: 1))
    #expect(detector.check(id: "z", title: "", text: "") == nil)
    #expect(detector.count == 9)
    #expect(NearDuplicateDetector.exactKey(title: " ", text: "--") == nil)
  }

  @Test(arguments: [
    ("Assistante virtuelle à Genève", "ASSISTANTE virtuelle à genève", true),
    ("Büroassistenz (m/w/d) – Teilzeit", "büroassistenz m w d – teilzeit", true),
    ("日本語 テキスト 入力", "日本語　テキスト　入力", false),  // U+3000 is a word byte
    ("日本語 テキスト 入力", "日本語 テキスト, 入力", true),
    ("Éducation", "éducation", false),  // only ASCII letters are lowercased
    ("naïve", "naive", false),
  ])
  func handlesNonASCIIText(first: String, second: String, exact: Bool) {
    let results = checkAll([("a", "", first), ("b", "", second)])
    #expect((results[1]?.isExact ?? false) == exact)
  }

  @Test func findsNearDuplicatesInNonASCIIText() throws {
    let results = checkAll([
      ("fr-1", "Assistante virtuelle", frenchPosting(deadline: "12 mai")),
      ("fr-2", "Assistante virtuelle", frenchPosting(deadline: "30 mai")),
    ])
    let match = try #require(results[1])
    #expect(match.id == "fr-1" && !match.isExact)
    #expect(match.similarity >= 0.8)
  }

  @Test(arguments: [0, 1, 3, 6, 12, 25])
  func estimatesJaccardSimilarity(changedWords: Int) throws {
    let original = vaPosting()
    var words = original.split(separator: " ").map(String.init)
    for index in 0..<changedWords { words[(index * 37 + 11) % words.count] = "changed\(index)" }
    let edited = words.joined(separator: " ")
    let estimate = try #require(
      NearDuplicateDetector.estimatedSimilarity(("", original), ("", edited)))
    #expect(abs(estimate - exactJaccard(original, edited)) < 0.12)
  }

  @Test func detectorsFedTheSameSequenceAgree() {
    var postings: [(String, String, String)] = []
    for index in 0..<60 {
      let text: String
      switch index % 5 {
      case 0: text = vaPosting(hours: "\(index)")
      case 1: text = vaPosting(hours: "\(index - 1)", deadline: "\(index) May")
      case 2: text = supportPosting
      case 3: text = index % 2 == 0 ? "" : "Short note \(index % 3)"
      default: text = realEstatePosting + " Reference \(index)."
      }
      postings.append(("p\(index)", "Posting", text))
    }
    let first = checkAll(postings)
    let second = checkAll(postings)
    #expect(first == second)
    #expect(first.compactMap { $0 }.count > 30)
    // Fixed seeds, never `Hasher`: the hash is the same in every process.
    #expect(
      NearDuplicateDetector.exactKey(title: "Virtual assistant", text: "Inbox and calendar")
        == NearDuplicateDetector.exactKey(title: "", text: "VIRTUAL ASSISTANT: inbox and calendar"))
    #expect(
      NearDuplicateDetector.exactKey(title: "Virtual assistant", text: "Inbox and calendar")
        == 988_605_270_125_859_340)
  }

  @Test(arguments: [(0.5, 0.476), (0.7, 0.936), (0.8, 0.995), (0.9, 1.0)])
  func candidateProbabilityFollowsTheDocumentedSCurve(similarity: Double, expected: Double) {
    let options = NearDuplicateDetector.Options()
    #expect(abs(options.candidateProbability(similarity: similarity) - expected) < 0.0005)
  }

  @Test func clampsOptions() {
    let detector = NearDuplicateDetector(
      options: .init(threshold: 1.5, shingleSize: 0, bands: 40, rows: 4, bucketCapacity: 0))
    #expect(
      detector.options
        == .init(threshold: 1, shingleSize: 1, bands: 32, rows: 4, bucketCapacity: 1))
    #expect(NearDuplicateDetector().options == .init())
  }
}
