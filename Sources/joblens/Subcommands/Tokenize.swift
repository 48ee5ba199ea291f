import ArgumentParser
import JobLens

/// `joblens tokenize`: shows how JobLens reads a text.
struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the tokens (or task phrases) of a text as JSON lines or a table.",
    discussion: """
      Each token shows the text as written, its match key (case-folded, without \
      diacritics), its Snowball stem, its kind and its code point offsets [start, end). \
      Hyphenated compounds and versioned products are shown as one row with their parts.
      """)

  @Option(name: .long, help: "ISO 639-1 language code for stemming (en, fr, de, es, …).")
  var lang = "en"

  @Flag(name: .long, help: "Print task phrases (bullets, sentences, headings) instead of tokens.")
  var phrases = false

  @Option(name: .long, help: "Output format: json (one object per line) or table.")
  var format: TokenListing.Format = .json

  @Argument(help: "The text file to read, or - for standard input.")
  var file = "-"

  func run() throws {
    let tokenizer = try Tokenizer(language: lang)
    if let warning = tokenizer.warning { Diagnostics.warning(warning) }
    if file == "-" { StandardInput.hintIfTerminal("a text", command: "tokenize") }
    let stream = try ByteStream(path: file)
    let text = UTF8Text(validating: try stream.readAll())
    for warning in stream.warnings { Diagnostics.warning(warning) }
    if text.replacedSequences > 0 {
      Diagnostics.warning(
        "\(file): replaced \(text.replacedSequences) invalid utf-8 sequences with U+FFFD")
    }
    let tokenized = tokenizer.tokenize(text)
    if phrases {
      let found = tokenizer.phrases(in: tokenized)
      try Output.write(TokenListing.phrases(found, in: tokenized, format: format))
    } else {
      try Output.write(TokenListing.tokens(tokenized, tokenizer: tokenizer, format: format))
    }
  }
}

extension TokenListing.Format: ExpressibleByArgument {}
