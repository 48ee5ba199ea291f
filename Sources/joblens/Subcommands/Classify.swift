import ArgumentParser
import Foundation
import JobLens

/// The skills' reporting threshold (classify, explain, coverage, skills).
struct SkillThresholdFlag: ParsableArguments {
  @Option(
    help: """
      Skills scoring below this are not reported (0…1.2); in a posting, those found by no \
      label word for word need \(AnalysisOptions().skills.partialMargin) more.
      """)
  var skillThreshold = AnalysisOptions().skills.threshold

  /// The scores a skill can have (the range of `AnalysisOptions.skills.threshold`).
  static let range = 0.0...1.2

  func validate() throws {
    // NaN and infinity compare false to everything: without this, they silently report nothing.
    guard Self.range.contains(skillThreshold) else {
      let value =
        abs(skillThreshold) < 1e15 && skillThreshold == skillThreshold.rounded()
        ? String(Int(skillThreshold)) : String(skillThreshold)
      throw ValidationError("--skill-threshold must be a number from 0 to 1.2, not \(value)")
    }
  }
}

/// Options shared by the commands that analyse postings.
struct AnalysisFlags: ParsableArguments {
  @OptionGroup var threshold: SkillThresholdFlag

  @Option(help: "How many occupations to report per posting.")
  var occupations = AnalysisOptions().occupations.count

  @Option(help: "The field with the posting's id (JSON, CSV).")
  var idField = "id"

  @Option(help: "The field with the job title.")
  var titleField = "title"

  @Option(help: "The field with the posting's text (then description, body, content).")
  var textField = "text"

  @Option(
    help: """
      Input format: auto (by extension: .csv, .tsv, .txt and .html files of one posting each, \
      else JSONL; directories of .txt, .html, .json files), jsonl, csv or tsv. Gzip is \
      detected and decoded whatever the name, and so is a CSV header separated by ';', tab \
      or '|'.
      """)
  var inputFormat: PostingInputFormat = .auto

  @Option(
    help: """
      Read the title and text of JSONL and CSV records as HTML: auto (when a field has tags; \
      character references alone are decoded and line breaks kept), yes, or no.
      """)
  var textHtml: HTMLFieldMode = .auto

  func validate() throws {
    if occupations < 1 { throw ValidationError("--occupations must be at least 1") }
  }

  var options: AnalysisOptions {
    var options = AnalysisOptions()
    options.skills.threshold = threshold.skillThreshold
    options.occupations.count = occupations
    return options
  }

  var fields: PostingFields {
    PostingFields(id: idField, title: titleField, text: textField, html: textHtml)
  }

  /// Options that change the output, for the run manifest.
  var manifestEntries: [(String, String)] {
    options.manifestEntries + [
      ("idField", idField), ("titleField", titleField), ("textField", textField),
      ("inputFormat", inputFormat.rawValue), ("textHtml", textHtml.rawValue),
    ]
  }
}

/// Warns when `--jobs` asks for more workers than ``BatchRunner/jobLimit`` allows.
func warnAboutJobLimit(_ jobs: Int) {
  guard jobs > BatchRunner.jobLimit else { return }
  Diagnostics.warning(
    "--jobs \(jobs) is more than 4 × \(ProcessInfo.processInfo.activeProcessorCount) cores; "
      + "using \(BatchRunner.jobLimit)")
}

/// Refuses an output that is one of the inputs, or that an input directory would read while it
/// is written: `classify x.jsonl --out x.jsonl` would otherwise leave only the manifest.
func refuseOutputOverwritingInput(_ output: String?, flag: String, inputs: [String]) throws {
  guard let output, let input = PostingInputs.input(overwrittenBy: output, among: inputs) else {
    return
  }
  if FileTree.isSameFile(input, output) {
    throw ValidationError(
      "\(flag) '\(output)' is the input '\(input)': write the output to another file")
  }
  throw ValidationError(
    "\(flag) '\(output)' is inside the input directory '\(input)', which would read it: "
      + "write the output elsewhere")
}

extension PostingInputFormat: ExpressibleByArgument {}
extension HTMLFieldMode: ExpressibleByArgument {}
extension AnalysisCSV.Layout: ExpressibleByArgument {}

/// `joblens classify`: analyses postings.
struct Classify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse postings: ESCO skills with evidence, occupations, ISCO codes, mix.",
    discussion: """
      Reads postings from JSONL, CSV/TSV, directories of .txt/.html/.json files, or standard \
      input (gzip decoded transparently), and writes one result per input record, in input \
      order, byte-identical for every --jobs. JSONL output starts with a run manifest line \
      (or --manifest FILE writes it apart); CSV output written to a file gets the manifest \
      beside it (FILE.manifest.json, or --manifest FILE). An --out name ending in .gz is \
      written gzip-compressed. Tables and their columns: python/joblens/tables.json, the \
      same in CSV, SQLite and the Python package. A record \
      that cannot be read yields an error record (id, error, source = file:line) and one line \
      on standard error; the run goes on. The closing counts (read, analysed, failed, \
      duplicates) go to standard error. Exit status: 0 when every record was analysed, 3 when \
      some failed, 1 when the run stopped (an error, or --strict). This product uses the ESCO \
      classification of the European Commission.
      """)

  @Argument(help: "Posting files or directories (- or nothing for standard input).")
  var inputs: [String] = []

  @Option(
    help: """
      Output format: jsonl (analyses), csv (one row per posting), summary (text), or tables \
      (every table as CSV in blocks, for programs: @TABLE ROWS BYTES, then the rows).
      """)
  var format: OutputFormat = .jsonl

  @Option(
    help: """
      CSV of another table: one row per posting × skill, occupation, mix share, evidence \
      span or phrase with its zone (implies csv).
      """)
  var explode: AnalysisCSV.Layout?

  @Option(
    name: .shortAndLong,
    help: "Write the output to this file instead of standard output (gzip when it ends in .gz).")
  var out: String?

  @Option(
    name: .customLong("manifest"),
    help: ArgumentHelp(
      "Write the run manifest (JSON) to this file, not as the first JSONL line or beside the CSV.",
      valueName: "file"))
  var manifestFile: String?

  @Flag(
    help: """
      Lean output: codes, scores and offsets, without evidence texts and labels, phrase lists \
      (zones, boilerplate, requirements, the mix's phrases) or the derived text.
      """)
  var lean = false

  @Option(
    help: """
      Also write the analyses into this SQLite database (tables postings, skills, \
      occupations, mix, evidence, zones, manifest). Without --out, nothing goes to standard \
      output.
      """)
  var sqlite: String?

  @Flag(
    help: """
      Continue an interrupted run into the same output (--out FILE in jsonl, or --sqlite), \
      skipping the records already written, after checking that the run manifest matches.
      """)
  var resume = false

  @Flag(help: "Mark postings that nearly duplicate an earlier one (MinHash, Jaccard ≥ 0.8).")
  var dedup = false

  @Option(help: "Worker threads (default: all cores; at most 4 × the cores).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Stop at the first record that cannot be read.")
  var strict = false

  @Flag(help: "No progress line and no closing counts on standard error.")
  var quiet = false

  @OptionGroup var analysis: AnalysisFlags
  @OptionGroup var indexOption: IndexOption

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, summary, tables
  }

  var layout: AnalysisCSV.Layout? {
    explode ?? (format == .csv ? .postings : nil)
  }

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if explode != nil && (format == .summary || format == .tables) {
      throw ValidationError(
        "--explode writes CSV; it cannot be combined with --format \(format.rawValue)")
    }
    if resume {
      if out?.lowercased().hasSuffix(".gz") == true {
        throw ValidationError("--resume cannot continue a gzip output; write plain JSONL")
      }
      let textResume = out != nil && layout == nil && format == .jsonl
      if textResume == (sqlite != nil) || (sqlite != nil && out != nil) {
        throw ValidationError(
          "--resume needs exactly one resumable output: --out FILE (jsonl) or --sqlite FILE")
      }
    }
    try refuseOutputOverwritingInput(out, flag: "--out", inputs: inputs)
    try refuseOutputOverwritingInput(sqlite, flag: "--sqlite", inputs: inputs)
    try refuseOutputOverwritingInput(manifestFile, flag: "--manifest", inputs: inputs)
    if layout != nil, manifestFile == nil, let out {
      try refuseOutputOverwritingInput(
        out + ".manifest.json", flag: "--out's manifest", inputs: inputs)
    }
  }

  func run() throws {
    let index = try indexOption.load()
    let manifest = makeManifest(index: index)
    warnAboutJobLimit(jobs)
    let runner = BatchRunner(index: index, options: analysis.options, jobs: jobs)
    runner.strict = strict
    if dedup { runner.detector = NearDuplicateDetector() }

    /// Failed records among those an interrupted run already wrote.
    var failedEarlier = 0
    let database = try openDatabase(
      manifest: manifest, runner: runner, failedEarlier: &failedEarlier)
    let output = try openOutput(manifest: manifest, runner: runner, failedEarlier: &failedEarlier)

    let paths = inputs.isEmpty ? ["-"] : inputs
    if paths.contains("-") { StandardInput.hintIfTerminal("postings", command: "classify") }
    let reader = PostingInputs(
      paths: paths, format: analysis.inputFormat, fields: analysis.fields)
    let progress =
      quiet || !Diagnostics.isTerminal
      ? nil : ProgressLine(totalBytes: PostingInputs.totalSize(of: paths))
    var emitted = 0
    var tables = format == .tables ? AnalysisTableStream(lean: lean) : nil
    let counts: BatchCounts
    do {
      // JSONL is rendered on the workers, as bytes; the other formats here, from the result.
      let options: AnalysisJSON.Options = lean ? .lean : []
      let jsonl: BatchRenderer = { @Sendable result, writer in
        AnalysisJSON.appendLine(result, options: options, to: &writer)
      }
      let renderer = layout == nil && format == .jsonl ? jsonl : nil
      counts = try runner.run(
        next: { reader.next() }, render: renderer,
        emit: { result, bytes in
          // With --strict, the error that stops the run says it (once).
          if case .failure(_, let source, let message) = result, !strict {
            progress?.clear()
            Diagnostics.error("\(source): \(message)")
          }
          if renderer != nil {
            try output?.write(bytes: bytes)
          } else if tables != nil {
            try output?.write(tables!.add(result, ordinal: emitted + 1))
          } else {
            try output?.write(render(result, ordinal: emitted + 1))
          }
          try database?.add(result)
          emitted += 1
          progress?.update(records: emitted, bytes: reader.bytesRead)
        })
    } catch {
      progress?.clear()
      if let rest = tables?.flush() { try output?.write(rest) }
      try output?.finish()
      try database?.finish()
      throw error
    }
    progress?.clear()
    if let rest = tables?.flush() { try output?.write(rest) }
    try output?.finish()
    try database?.finish()
    for skipped in reader.skippedFiles {
      Diagnostics.warning("skipped \(skipped)")
    }
    for warning in reader.warnings { Diagnostics.warning(warning) }
    if !quiet {
      Diagnostics.note(
        counts.summary + (failedEarlier > 0 ? " (and \(failedEarlier) failed before resuming)" : "")
      )
    }
    if counts.failed + failedEarlier > 0 { throw ExitCode(3) }
  }

  /// The run manifest: the analysis options, the inputs, the format and the CSV layout.
  private func makeManifest(index: ConceptIndex) -> RunManifest {
    var entries =
      analysis.manifestEntries + [
        ("inputs", (inputs.isEmpty ? ["-"] : inputs).joined(separator: ",")),
        ("format", layout == nil ? format.rawValue : "csv"), ("dedup", String(dedup)),
        ("lean", String(lean)),
      ]
    if let layout { entries.append(("csvLayout", layout.rawValue)) }
    return RunManifest(index: index, options: entries)
  }

  /// The SQLite output with --sqlite; with --resume, the records it already holds are given to
  /// the runner to skip, and its failed records counted in `failedEarlier`.
  private func openDatabase(
    manifest: RunManifest, runner: BatchRunner, failedEarlier: inout Int
  ) throws -> AnalysisDatabase? {
    guard let sqlite else { return nil }
    let database = try AnalysisDatabase(path: sqlite, manifest: manifest, resume: resume)
    database.lean = lean
    if resume {
      runner.alreadyWritten = try database.writtenIDs()
      runner.outputName = sqlite
      failedEarlier = try database.failedCount()
    }
    return database
  }

  /// The text output (nil with --sqlite and no --out), its manifest or header written, or, with
  /// --resume, cut back to its last complete record.
  private func openOutput(
    manifest: RunManifest, runner: BatchRunner, failedEarlier: inout Int
  ) throws -> BufferedOutput? {
    if let manifestFile, !resume {
      // Not atomically: the file may be a device or a pipe (--manifest /dev/null).
      try (manifest.json + "\n").write(toFile: manifestFile, atomically: false, encoding: .utf8)
    }
    if sqlite != nil && out == nil { return nil }
    if resume, let manifestFile {
      let stored = try String(contentsOfFile: manifestFile, encoding: .utf8)
      if stored != manifest.json + "\n" {
        throw ResumeError.manifestMismatch(
          path: manifestFile, stored: stored, current: manifest.json)
      }
    }
    if resume, let out,
      let point = try ResumePoint.read(
        path: out, manifestLine: manifestFile == nil ? manifest.jsonLine : nil)
    {
      try point.truncate(path: out)
      runner.alreadyWritten = point.ids
      runner.outputName = out
      failedEarlier = point.failed
      return try BufferedOutput(path: out, append: true)
    }
    let output = try out.map { try BufferedOutput(path: $0) } ?? BufferedOutput()
    if let layout {
      try output.write(AnalysisCSV.header(layout))
      if let out, manifestFile == nil {
        try (manifest.json + "\n").write(
          toFile: out + ".manifest.json", atomically: true, encoding: .utf8)
      }
    } else if format == .jsonl && manifestFile == nil {
      try output.write(manifest.jsonLine)
    } else if format == .tables {
      if manifestFile == nil { try output.write(AnalysisTableStream.manifestBlock(manifest)) }
      try output.write(AnalysisTableStream.columnsBlock)
    }
    return output
  }

  private func render(_ result: BatchResult, ordinal: Int) -> String {
    if let layout { return AnalysisCSV.rows(result, layout, ordinal: ordinal, lean: lean) }
    switch (format, result) {
    case (.summary, .analysis(let analysis, _)): return AnalysisSummary.text(analysis)
    case (.summary, .failure(_, let source, let message)):
      return TextTable.terminalText("\(source): error: \(message)\n\n")
    case (_, .analysis(let analysis, let source)):
      return AnalysisJSON.line(analysis, options: lean ? .lean : [], source: source)
    case (_, .failure(let id, let source, let message)):
      return AnalysisJSON.errorLine(id: id, error: message, source: source)
    }
  }
}
