import Foundation
import Testing

@testable import JobLensText

@Suite("Snowball stemming")
struct StemmerTests {
  /// Agreement with the vocabulary's expected stems that Debian bookworm's libstemmer 2.2
  /// reaches. The vocabularies follow Snowball 3, which changed the English R1 exceptions and
  /// the French and German suffix rules; the words that differ are pinned, one per line, in
  /// `Fixtures/snowball/<language>-differences.txt`, so any change of the library shows.
  static let minimumAgreement: [String: Double] = [
    "english": 0.998, "french": 0.997, "german": 0.964, "spanish": 0.999,
  ]

  @Test(.needsShared("testdata/snowball"), arguments: ["english", "french", "german", "spanish"])
  func vocabularyStemsAsExpected(language: String) throws {
    let folder = Fixtures.sharedFile("testdata/snowball/\(language)")
    let words = try Fixtures.lines(folder.appendingPathComponent("voc.txt"))
    let expected = try Fixtures.lines(folder.appendingPathComponent("output.txt"))
    #expect(words.count == expected.count)
    #expect(words.count > 20_000)
    let code = Stemmer.algorithms.first { $0.value == language }!.key
    let stemmer = try #require(Stemmer(language: code))
    var differing: Set<String> = []
    for (word, stem) in zip(words, expected) where stemmer.stem(word) != stem {
      differing.insert(word)
    }
    let pinned = Fixtures.testFile("snowball/\(language)-differences.txt")
    if Fixtures.recording {
      try (differing.sorted().joined(separator: "\n") + "\n").write(
        to: pinned, atomically: true, encoding: .utf8)
    }
    #expect(differing == Set(try Fixtures.lines(pinned)))
    let agreement = Double(words.count - differing.count) / Double(words.count)
    #expect(agreement >= Self.minimumAgreement[language]!)
  }

  @Test(arguments: [
    ("en", "english"), ("EN-gb", "english"), ("fr", "french"), ("de", "german"), ("es", "spanish"),
    ("it", "italian"), ("pt", "portuguese"), ("nl", "dutch"), ("sv", "swedish"), ("da", "danish"),
    ("no", "norwegian"), ("fi", "finnish"), ("hu", "hungarian"), ("ro", "romanian"),
    ("ru", "russian"), ("el", "greek"), ("tr", "turkish"), ("lt", "lithuanian"), ("ga", "irish"),
    ("ca", "catalan"), ("eu", "basque"),
  ])
  func languageCodesChooseAlgorithms(code: String, algorithm: String) throws {
    let stemmer = try #require(Stemmer(language: code))
    #expect(stemmer.algorithm == algorithm)
  }

  @Test func unknownLanguageHasNoStemmerAndTheTokenizerWarns() throws {
    #expect(Stemmer(language: "xx") == nil)
    #expect(Stemmer(language: "pl") == nil)
    let tokenizer = try Tokenizer(language: "pl")
    #expect(tokenizer.warning == "no snowball stemmer for language 'pl': words are not stemmed")
    let tokenized = tokenizer.tokenize("Zarządzanie kalendarzem")
    #expect(
      tokenized.tokens.map { tokenizer.form($0.form).stem } == ["zarzadzanie", "kalendarzem"])
  }
}
