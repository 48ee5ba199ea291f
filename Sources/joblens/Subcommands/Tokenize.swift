import ArgumentParser
import JobLens

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

  @Option(
    name: .customLong("icu-baseline"),
    help: ArgumentHelp(
      "Only time raw ICU word breaking over the text this many times (the benchmarks' baseline).",
      visibility: .hidden))
  var icuBaselineRuns: Int?

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
    if let icuBaselineRuns {
      try Output.write(Self.icuBaseline(text, tokenizer: tokenizer, runs: max(1, icuBaselineRuns)))
      return
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

extension Tokenize {
  /// Times ``Tokenizer/countICUWords(_:)`` over `text` `runs` times: one JSON line with the
  /// word count, the bytes, and the fastest and median run's CPU seconds (of this thread, so
  /// that they compare with a process's CPU time on a loaded machine) and wall seconds.
  static func icuBaseline(_ text: UTF8Text, tokenizer: Tokenizer, runs: Int) -> String {
    var words = 0
    var cpu: [Double] = []
    var wall: [Double] = []
    for _ in 0..<runs {
      let start = (ContinuousClock.now, threadCPUSeconds())
      words = tokenizer.countICUWords(text)
      let elapsed = ContinuousClock.now - start.0
      cpu.append(threadCPUSeconds() - start.1)
      wall.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    cpu.sort()
    wall.sort()
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("words", words)
    writer.field("bytes", text.bytes.count)
    writer.field("cpu_seconds_min", cpu[0], decimals: 6)
    writer.field("cpu_seconds_median", cpu[cpu.count / 2], decimals: 6)
    writer.field("wall_seconds_min", wall[0], decimals: 6)
    writer.field("wall_seconds_median", wall[wall.count / 2], decimals: 6)
    writer.endObject()
    writer.newline()
    return writer.text
  }

  /// The CPU time of the calling thread, in seconds.
  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

extension TokenListing.Format: ExpressibleByArgument {}
