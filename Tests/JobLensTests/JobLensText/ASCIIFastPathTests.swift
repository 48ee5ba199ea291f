import Testing

@testable import JobLensText

/// The tokenizer folds ASCII forms without ICU (lower-casing bytes); ICU's NFKC case folding
/// and match keys must give the same bytes, so that the fast path changes no token.
@Suite("Tokenizer: ASCII fast path")
struct ASCIIFastPathTests {
  static func icuFold(_ text: String, _ mode: ICU.FoldMode) throws -> String {
    try ICU.fold(text, mode: mode)
  }

  /// Every printable ASCII character, alone and in words, folds as lower-casing does.
  @Test func asciiFoldsAsICUDoes() throws {
    let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
    let words = ["MS Excel", "C++", "C#", ".NET", "e-Mail", "Node.js", "SQL_Server", "ISO9001"]
    for text in printable + [printable.joined()] + words {
      let lowered = String(
        decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
        as: UTF8.self)
      #expect(try Self.icuFold(text, .caseFold) == lowered, "\(text)")
      #expect(try Self.icuFold(text, .matchKey) == lowered, "\(text)")
    }
  }

  @Test(arguments: [
    "Schedule appointments, answer CALLS & manage the CEO's inbox (MS Office/Excel).",
    "Résumé screening, café Straße naïve CAFÉ and résumé — Ｆｕｌｌｗｉｄｔｈ ﬁle ǅemo.",
    "Gestión de CITAS; Übersetzung ins Deutsche; 東京 オフィス; İstanbul ΣΊΣΥΦΟΣ.",
    "Use C++, C#, .NET 8 and Node.js v18.2 with e-mail info@example.com and https://x.io/A",
  ])
  func tokenFormsAreICUFoldsOfTheirText(text: String) throws {
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    #expect(!tokenized.tokens.isEmpty)
    for token in tokenized.tokens {
      let surface = tokenized.string(token.byteRange)
      let form = tokenizer.form(token.form)
      #expect(form.folded == (try Self.icuFold(surface, .caseFold)), "\(surface)")
      #expect(form.key == (try Self.icuFold(surface, .matchKey)), "\(surface)")
    }
  }
}
