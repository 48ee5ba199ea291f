import Testing

@testable import JobLensText

@Suite("Tokenizer: protected terms and compounds")
struct ProtectedTermTests {
  /// (text, the protected term's text, its kind, its code point start)
  @Test(arguments: [
    ("Strong C++ skills", "C++", TokenKind.code, 7),
    ("Write C# services", "C#", .code, 6),
    ("F# or C#", "F#", .code, 0),
    ("Build .NET apps", ".NET", .code, 6),
    ("ASP.NET Core", "ASP.NET", .code, 0),
    ("Use Node.js daily", "Node.js", .code, 4),
    ("Also Vue.js.", "Vue.js", .code, 5),
    ("Notepad++ is fine", "Notepad++", .code, 0),
    ("Mail jane.doe+va@example.co.uk today", "jane.doe+va@example.co.uk", .email, 5),
    ("See https://example.com/jobs?id=7&x=1.", "https://example.com/jobs?id=7&x=1", .url, 4),
    ("(http://a.io/b)", "http://a.io/b", .url, 1),
    ("Visit www.example.org now", "www.example.org", .url, 6),
    ("Our site asiasatellite.co, and more", "asiasatellite.co", .url, 9),
    ("Read howtostartanllc.com/ for tips", "howtostartanllc.com/", .url, 5),
    ("Tag #VirtualAssistant today", "#VirtualAssistant", .hashtag, 4),
    ("Follow @jane_doe on X", "@jane_doe", .handle, 7),
  ])
  func protectedTermIsOneToken(text: String, term: String, kind: TokenKind, start: Int) throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    let token = try #require(tokenized.tokens.first { tokenized.string($0.byteRange) == term })
    #expect(token.kind == kind)
    #expect(tokenized.codePointRange(token.byteRange).lowerBound == start)
    // Protected terms are lower-cased, not stemmed.
    #expect(tokenizer.form(token.form).stem == term.lowercased())
  }

  @Test(arguments: [
    "e.g. the U.S. office", "a 3.5 rating", "no email here @ all", "C sharp #1 rank",
    "growth.Responsibilities", "x++y",
  ])
  func lookalikesAreNotProtected(text: String) throws {
    let tokenizer = try Tokenizer(language: "en")
    #expect(tokenizer.tokenize(text).tokens.allSatisfy { !$0.kind.isProtected })
  }

  @Test(arguments: [
    ("Microsoft Office 365 admin", "Microsoft Office 365", 0, ["Microsoft", "Office", "365"]),
    ("Know Windows 10 well", "Windows 10", 5, ["Windows", "10"]),
    ("in Python 3.11.", "Python 3.11", 3, ["Python", "3.11"]),
    ("SQL Server 2019 DBA", "SQL Server 2019", 0, ["SQL", "Server", "2019"]),
  ])
  func versionedProductsAreGroups(
    text: String, product: String, start: Int, parts: [String]
  )
    throws
  {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    let group = try #require(tokenized.groups.first)
    #expect(group.kind == .product)
    #expect(tokenized.string(group.byteRange) == product)
    #expect(tokenized.codePointRange(group.byteRange).lowerBound == start)
    #expect(group.tokens.map { tokenized.string(tokenized.tokens[$0].byteRange) } == parts)
    #expect(tokenizer.form(group.form).key == product.lowercased())
  }

  @Test func numbersAfterOtherWordsAreNotProducts() throws {
    let tokenizer = try Tokenizer(language: "en")
    #expect(tokenizer.tokenize("Answer 40 calls, Section 3 applies").groups.isEmpty)
  }

  @Test func hyphenatedCompoundsMatchBothWays() throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize("Handle e-mail and follow-up; keep state-of-the-art files")
    let groups = tokenized.groups.map {
      (
        tokenized.string($0.byteRange), tokenizer.form($0.form).key,
        $0.tokens.map { tokenized.string(tokenized.tokens[$0].byteRange) }
      )
    }
    #expect(groups.count == 3)
    #expect(groups[0].0 == "e-mail" && groups[0].1 == "email" && groups[0].2 == ["e", "mail"])
    #expect(
      groups[1].0 == "follow-up" && groups[1].1 == "followup" && groups[1].2 == ["follow", "up"])
    #expect(groups[2].2 == ["state", "of", "the", "art"])
    // The compound's stem equals the closed form's: "e-mail" ≡ "email".
    let email = tokenizer.tokenize("email")
    #expect(
      tokenizer.form(email.tokens[0].form).stem == tokenizer.form(tokenized.groups[0].form).stem)
    // The parts are ordinary tokens: "follow-up" also reads as "follow up".
    #expect(
      tokenized.tokens.map { tokenized.string($0.byteRange) }.prefix(6) == [
        "Handle", "e", "mail", "and", "follow", "up",
      ])
  }

  @Test func slashedWordsAreBothWords() throws {
    #expect(
      try seenTokens("admin/bookkeeping and/or HR") == [
        SeenToken("admin", 0, 5), SeenToken("bookkeeping", 6, 17), SeenToken("and", 18, 21),
        SeenToken("or", 22, 24), SeenToken("HR", 25, 27),
      ])
    let tokenizer = try Tokenizer(language: "en")
    #expect(tokenizer.tokenize("admin/bookkeeping").groups.isEmpty)
  }

  @Test func unicodeHyphensJoinCompounds() throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize("e\u{2010}mail")
    #expect(tokenized.groups.count == 1)
    #expect(tokenizer.form(tokenized.groups[0].form).key == "email")
  }
}

@Suite("Tokenizer: run-together scraped text")
struct RunTogetherTests {
  @Test func lostLineBreaksAreSplit() throws {
    #expect(
      try seenTokens("our growth.Responsibilities:Perform duties when neededMaintain care") == [
        SeenToken("our", 0, 3), SeenToken("growth", 4, 10), SeenToken("Responsibilities", 11, 27),
        SeenToken("Perform", 28, 35), SeenToken("duties", 36, 42), SeenToken("when", 43, 47),
        SeenToken("needed", 48, 54), SeenToken("Maintain", 54, 62), SeenToken("care", 63, 67),
      ])
  }

  @Test func headingsInCapitalsGluedToTheirLinesAreSplit() throws {
    #expect(
      try seenTokens("ExcelClerical dutiesREQUIREMENTSMinimum of RESPONSIBILITIESPerforms") == [
        SeenToken("Excel", 0, 5), SeenToken("Clerical", 5, 13), SeenToken("duties", 14, 20),
        SeenToken("REQUIREMENTS", 20, 32), SeenToken("Minimum", 32, 39), SeenToken("of", 40, 42),
        SeenToken("RESPONSIBILITIES", 43, 59), SeenToken("Performs", 59, 67),
      ])
  }

  /// A run of four capitals before a capitalised word is a heading; three are a name.
  @Test func capitalsBeforeACapitalisedWord() throws {
    #expect(try seenTokens("JSONObject").map(\.text) == ["JSON", "Object"])
    #expect(try seenTokens("XMLParser").map(\.text) == ["XMLParser"])
    #expect(try seenTokens("RDBMSes:Oracle").map(\.text) == ["RDBMSes", "Oracle"])
    #expect(try seenTokens("SUMMARYÉtudes").map(\.text) == ["SUMMARY", "Études"])
  }

  @Test(arguments: [
    "PowerPoint", "JavaScript", "iPhone", "eCommerce", "McDonald", "LinkedIn", "YouTube",
    "AutoCAD", "QuickBooks", "Ph.D", "U.S.A", "LabVIEW", "PostgreSQL", "ChatGPT", "SQLite",
    "RESTful", "VMWare", "HAProxy", "PDFs", "iOSDeveloper", "SugarCRM", "RDBMSes", "FedRAMP",
  ])
  func camelCaseNamesStayWhole(word: String) throws {
    #expect(try seenTokens(word).count == 1)
  }

  @Test func knownNamesInsideRunTogetherTextStayWhole() throws {
    #expect(try seenTokens("usingPowerPoint").map(\.text) == ["using", "PowerPoint"])
  }
}
