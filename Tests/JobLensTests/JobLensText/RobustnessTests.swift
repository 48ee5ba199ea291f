import Testing

@testable import JobLensCore
@testable import JobLensText

@Suite("Tokenizer: robustness")
struct RobustnessTests {
  @Test func invalidUTF8IsReplacedAndCounted() throws {
    // "ab", an invalid lead byte, "cd", a truncated 3-byte sequence, "ef".
    let bytes: [UInt8] = [0x61, 0x62, 0xFF, 0x63, 0x64, 0xE2, 0x82, 0x20, 0x65, 0x66]
    let text = UTF8Text(validating: bytes)
    #expect(text.replacedSequences == 2)
    #expect(text.string == "ab\u{FFFD}cd\u{FFFD} ef")
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    #expect(tokenized.tokens.map { tokenized.string($0.byteRange) } == ["ab", "cd", "ef"])
    #expect(
      tokenized.tokens.map { tokenized.codePointRange($0.byteRange) } == [0..<2, 3..<5, 7..<9])
  }

  @Test func validReplacementCharactersAreNotCounted() {
    let text = UTF8Text(validating: Array("a\u{FFFD}b".utf8) + [0xC0])
    #expect(text.replacedSequences == 1)
  }

  @Test func emptyAndBlankInput() throws {
    let tokenizer = try Tokenizer(language: "en")
    for input in ["", " ", "\n\n", "\t - • ;"] {
      let tokenized = tokenizer.tokenize(input)
      #expect(tokenized.tokens.isEmpty)
      #expect(tokenizer.phrases(in: tokenized).isEmpty)
    }
  }

  @Test func controlCharactersAndEmojiAreSkipped() throws {
    #expect(
      try seenTokens("\u{0}call\u{7}\u{1B}[0m clients 👩‍💻🎉 now\u{FEFF}") == [
        SeenToken("call", 1, 5), SeenToken("0m", 8, 10), SeenToken("clients", 11, 18),
        SeenToken("now", 24, 27),
      ])
  }

  @Test func everyScriptTokenizesWithoutLosingOffsets() throws {
    let samples = [
      "Привет мир", "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "안녕하세요 세계", "你好世界",
      "ສະບາຍດີ", "សួស្តី", "မင်္ဂလာပါ", "Γειά σου", "გამარჯობა", "ᐊᐃᖓᐃ",
    ]
    let tokenizer = try Tokenizer(language: "en")
    for sample in samples {
      let tokenized = tokenizer.tokenize(sample)
      #expect(!tokenized.tokens.isEmpty, "\(sample)")
      for token in tokenized.tokens {
        let span = tokenized.codePointRange(token.byteRange)
        let scalars = Array(sample.unicodeScalars)[span]
        var rebuilt = ""
        rebuilt.unicodeScalars.append(contentsOf: scalars)
        #expect(rebuilt == tokenized.string(token.byteRange))
      }
    }
  }

  @Test func aTenMegabyteLine() throws {
    let unit = "Schedule appointments, e-mail clients via https://example.com and C++ code; "
    let repeats = 10_000_000 / unit.utf8.count + 1
    let text = String(repeating: unit, count: repeats)
    #expect(text.utf8.count >= 10_000_000)
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    #expect(tokenized.tokens.count == repeats * 10)
    #expect(tokenized.groups.count == repeats)
    #expect(tokenizer.phrases(in: tokenized).count == repeats)
    let last = try #require(tokenized.tokens.last)
    #expect(tokenized.codePointRange(last.byteRange).upperBound == text.unicodeScalars.count - 2)
    #expect(tokenized.string(last.byteRange) == "code")
  }

  @Test func formTableIsClearedPastItsLimit() throws {
    let tokenizer = try Tokenizer(language: "en")
    tokenizer.formLimit = 3
    _ = tokenizer.tokenize("one two three four five")
    #expect(tokenizer.formGeneration == 0)
    let tokenized = tokenizer.tokenize("six")
    #expect(tokenizer.formGeneration == 1)
    #expect(tokenizer.formCount == 1)
    #expect(tokenizer.form(tokenized.tokens[0].form).stem == "six")
  }

  @Test func formsAreKeptWhileAsked() throws {
    let tokenizer = try Tokenizer(language: "en")
    tokenizer.formLimit = 0
    let (first, second) = tokenizer.keepingForms {
      (tokenizer.tokenize("managing"), tokenizer.tokenize("payroll"))
    }
    #expect(tokenizer.formGeneration == 0)
    #expect(tokenizer.form(first.tokens[0].form).stem == "manag")
    #expect(tokenizer.form(second.tokens[0].form).stem == "payrol")
    _ = tokenizer.tokenize("again")
    #expect(tokenizer.formGeneration == 1)
  }
}
