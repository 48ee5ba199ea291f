import Testing

@testable import JobLensText

/// A token as users see it: the text as written, its stem and its code point offsets.
struct SeenToken: Equatable, CustomStringConvertible {
  var text: String
  var start: Int
  var end: Int

  init(_ text: String, _ start: Int, _ end: Int) {
    self.text = text
    self.start = start
    self.end = end
  }

  var description: String { "\(text)[\(start),\(end))" }
}

func seenTokens(_ text: String, language: String = "en") throws -> [SeenToken] {
  let tokenizer = try Tokenizer(language: language)
  let tokenized = tokenizer.tokenize(text)
  return tokenized.tokens.map {
    let span = tokenized.codePointRange($0.byteRange)
    return SeenToken(tokenized.string($0.byteRange), span.lowerBound, span.upperBound)
  }
}

func stems(_ text: String, language: String = "en") throws -> [String] {
  let tokenizer = try Tokenizer(language: language)
  return tokenizer.tokenize(text).tokens.map { tokenizer.form($0.form).stem }
}

@Suite("Tokenizer: words and offsets")
struct TokenizerTests {
  @Test func english() throws {
    #expect(
      try seenTokens("Schedule appointments, answer calls & manage the CEO's inbox.") == [
        SeenToken("Schedule", 0, 8), SeenToken("appointments", 9, 21), SeenToken("answer", 23, 29),
        SeenToken("calls", 30, 35), SeenToken("manage", 38, 44), SeenToken("the", 45, 48),
        SeenToken("CEO's", 49, 54), SeenToken("inbox", 55, 60),
      ])
    #expect(
      try stems("Scheduling appointments and managing calendars")
        == ["schedul", "appoint", "and", "manag", "calendar"])
  }

  @Test func americanAndBritishSpellingsShareAStem() throws {
    #expect(
      try stems("organize organise; color colour; inquiries enquiries; license licence")
        == ["organis", "organis", "colour", "colour", "enquiri", "enquiri", "licenc", "licenc"])
    #expect(
      try stems("judgment judgement; aging ageing") == ["judgement", "judgement", "age", "age"])
  }

  @Test func unrelatedWordsKeepStemsOfTheirOwn() throws {
    // Snowball gives "experience" and "experiment" one stem, and "customer" and "customs".
    #expect(
      try stems("Experience, experienced, experiments; customers, customs; engines, engineering")
        == [
          "experienc", "experienc", "experi", "customer", "customs", "engine", "engin",
        ])
    #expect(
      try stems("Responsible for responses; accountability, accounting; goods, good")
        == ["responsibl", "for", "respons", "accountabl", "account", "goods", "good"])
    // The design tool Canva is not the learning platform Canvas.
    #expect(try stems("Canva, Canvas, canvases") == ["canva", "canvas", "canvas"])
    // Production (manufacturing) is not a product.
    #expect(
      try stems("production, productions, product, products, productivity")
        == ["production", "production", "product", "product", "productiv"])
    // Nor is the spreadsheet Excel excellence, nor an excellent writer operational excellence.
    #expect(try stems("Excel, excellent, excellence") == ["excel", "excellent", "excellen"])
    // Being present at work is not taking part in a meeting.
    #expect(
      try stems("attendance policy; attend meetings; attending")
        == ["attendanc", "polici", "attend", "meet", "attend"])
    // Nor is something useful the use of something.
    #expect(try stems("useful, usefulness; use, uses") == ["useful", "useful", "use", "use"])
    // Nor is experience that is helpful helping customers.
    #expect(
      try stems("helpful, helpfulness; help, helps") == ["helpful", "helpful", "help", "help"])
    // Nor is what is internal international, nor either of them an intern.
    #expect(
      try stems("internal, internally; international, internationally; interns")
        == ["internal", "internal", "internation", "internation", "intern"])
  }

  @Test func possessivesKeepTheWordsStemWhateverTheApostrophe() throws {
    // "customer's" was stemmed by Snowball as "custom", and "customer’s" (U+2019) as
    // "customer’", neither of them the stem of "customer".
    #expect(
      try stems("customer’s customer's customers’ customer; production’s; Organization's")
        == ["customer", "customer", "customer", "customer", "production", "organis"])
    let tokenizer = try Tokenizer(language: "en")
    let keys = tokenizer.tokenize("you’ll you'll").tokens.map { tokenizer.form($0.form).key }
    #expect(keys == ["you'll", "you'll"])
  }

  @Test func french() throws {
    let text = "Gérer l'agenda du directeur, réserver des voyages."
    #expect(
      try seenTokens(text, language: "fr") == [
        SeenToken("Gérer", 0, 5), SeenToken("l'agenda", 6, 14), SeenToken("du", 15, 17),
        SeenToken("directeur", 18, 27), SeenToken("réserver", 29, 37), SeenToken("des", 38, 41),
        SeenToken("voyages", 42, 49),
      ])
    // Elided articles do not reach the stem; stems are keyed without accents.
    #expect(
      try stems(text, language: "fr") == [
        "ger", "agend", "du", "directeur", "reserv", "de", "voyag",
      ])
  }

  @Test func german() throws {
    let text = "Terminverwaltung für die Geschäftsführung: Reisen buchen."
    #expect(
      try seenTokens(text, language: "de") == [
        SeenToken("Terminverwaltung", 0, 16), SeenToken("für", 17, 20), SeenToken("die", 21, 24),
        SeenToken("Geschäftsführung", 25, 41), SeenToken("Reisen", 43, 49),
        SeenToken("buchen", 50, 56),
      ])
    #expect(
      try stems(text, language: "de") == [
        "terminverwalt", "fur", "die", "geschaftsfuhr", "reis", "buch",
      ])
  }

  @Test func spanish() throws {
    let text = "Gestionar la agenda y redactar correos electrónicos."
    #expect(
      try seenTokens(text, language: "es") == [
        SeenToken("Gestionar", 0, 9), SeenToken("la", 10, 12), SeenToken("agenda", 13, 19),
        SeenToken("y", 20, 21), SeenToken("redactar", 22, 30), SeenToken("correos", 31, 38),
        SeenToken("electrónicos", 39, 51),
      ])
    #expect(
      try stems(text, language: "es") == [
        "gestion", "la", "agend", "y", "redact", "corre", "electron",
      ])
  }

  @Test func polish() throws {
    #expect(
      try seenTokens("Zarządzanie kalendarzem, obsługa poczty i spotkań.", language: "pl") == [
        SeenToken("Zarządzanie", 0, 11), SeenToken("kalendarzem", 12, 23),
        SeenToken("obsługa", 25, 32), SeenToken("poczty", 33, 39), SeenToken("i", 40, 41),
        SeenToken("spotkań", 42, 49),
      ])
    // No Snowball stemmer for Polish: the stem is the diacritic-free key.
    #expect(
      try stems("Zarządzanie spotkań", language: "pl") == ["zarzadzanie", "spotkan"])
  }

  @Test func greek() throws {
    let text = "Διαχείριση ημερολογίου και απάντηση σε μηνύματα."
    #expect(
      try seenTokens(text, language: "el") == [
        SeenToken("Διαχείριση", 0, 10), SeenToken("ημερολογίου", 11, 22), SeenToken("και", 23, 26),
        SeenToken("απάντηση", 27, 35), SeenToken("σε", 36, 38), SeenToken("μηνύματα", 39, 47),
      ])
    #expect(try stems("Διαχείριση", language: "el") == ["διαχειρισ"])
  }

  @Test func thaiUsesDictionarySegmentation() throws {
    #expect(
      try seenTokens("จัดการตารางนัดหมายและตอบอีเมลลูกค้า", language: "th") == [
        SeenToken("จัดการ", 0, 6), SeenToken("ตาราง", 6, 11), SeenToken("นัด", 11, 14),
        SeenToken("หมาย", 14, 18), SeenToken("และ", 18, 21), SeenToken("ตอบ", 21, 24),
        SeenToken("อีเมล", 24, 29), SeenToken("ลูกค้า", 29, 35),
      ])
    // Thai vowel and tone marks are part of the word, not diacritics to drop.
    #expect(try stems("เป็น", language: "th") == ["เป็น"])
  }

  @Test func japaneseUsesDictionarySegmentation() throws {
    let tokens = try seenTokens("顧客からのメールに返信し、会議の日程を調整する。", language: "ja")
    #expect(
      tokens == [
        SeenToken("顧客", 0, 2), SeenToken("から", 2, 4), SeenToken("の", 4, 5),
        SeenToken("メール", 5, 8), SeenToken("に", 8, 9), SeenToken("返信", 9, 11),
        SeenToken("し", 11, 12), SeenToken("会議", 13, 15), SeenToken("の", 15, 16),
        SeenToken("日程", 16, 18), SeenToken("を", 18, 19), SeenToken("調整", 19, 21),
        SeenToken("する", 21, 23),
      ])
    // The voiced sound mark of で is kept.
    #expect(try stems("んで", language: "ja") == ["んで"])
  }

  @Test(arguments: [
    ("résumé", "resume"), ("RÉSUMÉ", "resume"), ("Straße", "strasse"), ("ﬁle", "file"),
    ("naïve", "naive"), ("Ｏｆｆｉｃｅ", "office"),
  ])
  func matchKeysFoldCaseCompatibilityAndDiacritics(word: String, key: String) throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(word)
    #expect(tokenized.tokens.count == 1)
    #expect(tokenizer.form(tokenized.tokens[0].form).key == key)
  }

  @Test func resumeWithAndWithoutAccentsShareTheStem() throws {
    #expect(try stems("résumé resume Résumés") == ["resum", "resum", "resum"])
  }

  @Test func offsetsAreCodePointsAfterMultiByteText() throws {
    // "😀" is 4 bytes and one code point; emoji are not tokens.
    #expect(
      try seenTokens("😀 café 😀 tea") == [SeenToken("café", 2, 6), SeenToken("tea", 9, 12)])
  }

  @Test func splittingTokensKeepsOffsetsAndShiftsGroups() throws {
    let tokenizer = try Tokenizer(language: "en")
    // Tokens: e, mail (a compound group), Stonecutter, follow, up (a compound group).
    let tokenized = tokenizer.tokenize("e-mail Stonecutter follow-up")
    #expect(tokenized.groups.map(\.tokens) == [0..<2, 3..<5])
    func words(_ text: TokenizedText) -> [String] { text.tokens.map { text.string($0.byteRange) } }
    let split = tokenizer.splitting(tokenized, at: [(token: 2, offset: 12)])
    #expect(words(split) == ["e", "mail", "Stone", "cutter", "follow", "up"])
    #expect(split.tokens[2].byteRange == 7..<12 && split.tokens[3].byteRange == 12..<18)
    #expect(split.tokens[3].kind == .word)
    #expect(tokenizer.form(split.tokens[3].form).stem == "cutter")
    #expect(split.groups.map(\.tokens) == [0..<2, 4..<6])
    // A group holding a split token holds both parts; several splits at once.
    let both = tokenizer.splitting(tokenized, at: [(token: 1, offset: 4), (token: 2, offset: 12)])
    #expect(words(both) == ["e", "ma", "il", "Stone", "cutter", "follow", "up"])
    #expect(both.groups.map(\.tokens) == [0..<3, 5..<7])
    #expect(words(tokenizer.splitting(tokenized, at: [])) == words(tokenized))
  }

  @Test func tokenKindsFollowICURuleStatus() throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize("Answer 40 calls 日本")
    #expect(tokenized.tokens.map(\.kind) == [.word, .number, .word, .ideograph])
  }
}
