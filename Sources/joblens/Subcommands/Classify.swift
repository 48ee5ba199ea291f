import ArgumentParser
import Foundation
import JobLens

/// Options shared by the commands that analyse postings.
struct AnalysisFlags: ParsableArguments {
  @Option(help: "Skills scoring below this are not reported (0…1.2).")
  var skillThreshold = AnalysisOptions().skillThreshold

  @Option(help: "How many occupations to report per posting.")
  var occupations = AnalysisOptions().occupationCount

  @Option(help: "The field with the posting's id (JSON, CSV).")
  var idField = "id"

  @Option(help: "The field with the job title.")
  var titleField = "title"

  @Option(help: "The field with the posting's text (then description, body, content).")
  var textField = "text"

  func validate() throws {
    if skillThreshold < 0 { throw ValidationError("--skill-threshold must be 0 or more") }
    if occupations < 1 { throw ValidationError("--occupations must be at least 1") }
  }

  var options: AnalysisOptions {
    var options = AnalysisOptions()
    options.skillThreshold = skillThreshold
    options.occupationCount = occupations
    return options
  }

  var fields: PostingFields { PostingFields(id: idField, title: titleField, text: textField) }
}

/// `joblens classify`: analyses postings.
struct Classify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse postings: ESCO skills with evidence, occupations, ISCO codes, mix.",
    discussion: """
      Reads JSON Lines (one posting per line: id, title, text) from files or standard input \
      and writes one analysis per input line, in input order, after a first line holding the \
      run manifest. A line that cannot be read yields an error record naming file and line; \
      the run goes on. Exit status: 0 when every record was analysed, 3 when some failed, 1 \
      on other errors. This product uses the ESCO classification of the European Commission.
      """)

  @Argument(help: "JSONL files of postings (- or nothing for standard input).")
  var inputs: [String] = []

  @Option(help: "Output format: jsonl (analyses) or summary (one readable block per posting).")
  var format: OutputFormat = .jsonl

  @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
  var out: String?

  @Option(help: "Worker threads (default: all cores).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Stop at the first record that cannot be read.")
  var strict = false

  @Flag(help: "Do not print the closing counts.")
  var quiet = false

  @OptionGroup var analysis: AnalysisFlags
  @OptionGroup var indexOption: IndexOption

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, summary
  }

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let index = try indexOption.load()
    let options = analysis.options
    let output = try out.map { try BufferedOutput(path: $0) } ?? BufferedOutput()
    let manifest = RunManifest(
      index: index,
      options: options.manifestEntries + [
        ("inputs", (inputs.isEmpty ? ["-"] : inputs).joined(separator: ",")),
        ("format", format.rawValue),
      ])
    if format == .jsonl { try output.write(manifest.jsonLine) }

    let runner = BatchRunner(index: index, options: options, jobs: jobs)
    runner.strict = strict
    var readers = try (inputs.isEmpty ? ["-"] : inputs).map { path in
      JSONLPostingReader(lines: try Input.lines(path), name: path, fields: analysis.fields)
    }
    readers.reverse()
    var current = readers.popLast()
    let counts = try runner.run(
      next: {
        while let reader = current {
          if let record = try reader.next() { return record }
          current = readers.popLast()
        }
        return nil
      },
      emit: { result in
        switch (format, result) {
        case (.jsonl, .analysis(let analysis, _)):
          try output.write(AnalysisJSON.line(analysis))
        case (.summary, .analysis(let analysis, _)):
          try output.write(AnalysisSummary.text(analysis))
        case (_, .failure(let id, let source, let message)):
          Diagnostics.error("\(source): \(message)")
          if format == .jsonl {
            try output.write(AnalysisJSON.errorLine(id: id, error: message, source: source))
          } else {
            try output.write("\(source): error: \(message)\n\n")
          }
        }
      })
    try output.flush()
    if !quiet {
      Diagnostics.note(
        "read \(counts.read), analysed \(counts.analysed), failed \(counts.failed)")
    }
    if counts.failed > 0 { throw ExitCode(3) }
  }
}
