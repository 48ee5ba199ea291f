import ArgumentParser
import JobLens

/// `joblens skills`: the ESCO skills a text names, with evidence.
struct Skills: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the ESCO skills a text names (a posting, a task list, a course "
      + "description), with the spans that name them.",
    discussion: """
      The text comes from --text, a plain-text file, or standard input, and is read as the \
      body of one posting, as classify reads it (classify also reads HTML pages): phrases \
      read as boilerplate (company blurbs, benefits, how to apply) are left out, and standard \
      error says which. Skills come in classify's order: by their rank (score, context, literal \
      and tool-name matches, how often postings name them…). Offsets are Unicode code points [start, end) into the text. JSON \
      output is JSON Lines: the run manifest, then one skill per line in the form of \
      classify's skills. This product uses the ESCO classification of the European Commission.
      """)

  @Argument(help: "The plain-text file to read, or - for standard input (the default).")
  var file: String?

  @Option(help: "The text itself, instead of a file.")
  var text: String?

  @Option(help: "Output format: table or json.")
  var format: TaxonomyReport.Format = .table

  @OptionGroup var threshold: SkillThresholdFlag

  @Option(help: "How many skills to show at most (default: all above the threshold).")
  var limit: Int?

  @OptionGroup var indexOption: IndexOption

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    if text != nil && file != nil {
      throw ValidationError("give the text with --text or as a file, not both")
    }
  }

  func run() throws {
    let path = file ?? "-"
    let source = text != nil ? "--text" : path == "-" ? "standard input" : path
    if text == nil && path == "-" { StandardInput.hintIfTerminal("a text", command: "skills") }
    let body: UTF8Text
    if let text {
      body = UTF8Text(text)
    } else {
      let stream = try ByteStream(path: path)
      body = UTF8Text(validating: try stream.readAll())
      for warning in stream.warnings { Diagnostics.warning(warning) }
    }
    if body.string.allSatisfy(\.isWhitespace) {
      Diagnostics.warning("\(source): no text")
    }
    let index = try indexOption.load()
    var options = AnalysisOptions()
    options.skills.threshold = threshold.skillThreshold
    options.skills.maximum = limit ?? .max
    let analyzer = try PostingAnalyzer(index: index, options: options)
    let analysis = analyzer.analyze(Posting(id: source, title: "", text: body.string))
    if body.replacedSequences > 0 {
      Diagnostics.warning(
        "\(source): replaced \(body.replacedSequences) invalid UTF-8 sequences with U+FFFD")
    }
    // Whether there are task phrases matters for coding occupations, not for skills.
    for note in analysis.notes where note != PostingAnalyzer.noTaskPhrasesNote {
      Diagnostics.warning("\(source): \(note)")
    }
    for phrase in analysis.boilerplate {
      Diagnostics.note("\(source): " + ExplainReport.boilerplateLine(phrase))
    }

    switch format {
    case .table:
      try Output.write(
        "skills in \(TextTable.singleLine(source)):\n" + ExplainReport.skillList(analysis.skills)
          + "\nThis product uses the ESCO classification of the European Commission.\n")
    case .json:
      let entries = options.manifestEntries + [("input", source)]
      try Output.write(
        RunManifest(index: index, options: entries).jsonLine
          + analysis.skills.map(AnalysisJSON.skillLine).joined())
    }
  }
}
