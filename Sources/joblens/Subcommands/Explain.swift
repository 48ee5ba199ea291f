import ArgumentParser
import JobLens

/// `joblens explain`: one posting's analysis for a person.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show one posting's analysis: the text with matched spans marked, each code "
      + "with its evidence and scores.")

  @Argument(help: "A file or directory of postings (- for standard input).")
  var input = "-"

  @Option(help: "The id of the posting to explain (default: the first).")
  var id: String?

  @OptionGroup var analysis: AnalysisFlags
  @OptionGroup var indexOption: IndexOption

  func run() throws {
    let index = try indexOption.load()
    if input == "-" { StandardInput.hintIfTerminal("postings", command: "explain") }
    let reader = PostingInputs(
      paths: [input], format: analysis.inputFormat, fields: analysis.fields)
    while let record = reader.next() {
      switch record {
      case .posting(let posting) where id == nil || posting.id == id:
        let analyzer = try PostingAnalyzer(index: index, options: analysis.options)
        let analysis = BatchRunner.analyze(posting, with: analyzer)
        try Output.write(ExplainReport.text(analysis, posting: posting))
        return
      case .failure(let failedID, let source, let message) where id == nil || failedID == id:
        throw CommandError("\(source): \(message)")
      default:
        continue
      }
    }
    for skipped in reader.skippedFiles { Diagnostics.warning("skipped \(skipped)") }
    for warning in reader.warnings { Diagnostics.warning(warning) }
    throw CommandError(
      id.map { "no posting with id '\($0)' in \(input)" } ?? "\(input) has no postings")
  }
}
