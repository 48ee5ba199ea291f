import ArgumentParser
import Foundation
import JobLens

/// `joblens coverage`: measures a curriculum against the demand of a corpus of postings.
struct Coverage: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure how well a curriculum covers what postings demand.",
    discussion: """
      Inputs are postings (any format classify reads) or classify JSONL outputs (recognised by \
      their manifest line), which are not analysed again. The report gives, per curriculum \
      item, the share of postings demanding it with example phrases; the share of all skill \
      demand the curriculum covers (by ESCO skill and by skill group); the most demanded \
      skills no item covers; items no posting demands; and the corpus's occupation mix (ISCO \
      unit groups) with its concentration. A posting that nearly duplicates an earlier one is \
      counted once (as classify --dedup marks it; classify outputs are read with their marks). \
      Exit status 3 when some records failed. This product uses the ESCO classification of the \
      European Commission.
      """)

  @Option(help: "The curriculum file (YAML; default Data/curricula/va-vet.yaml).")
  var curriculum = "Data/curricula/va-vet.yaml"

  @Argument(help: "Postings, or classify outputs (- for standard input).")
  var inputs: [String] = []

  @Option(help: "Output format: table, md, json, csv or html.")
  var format: CoverageRendering.Format = .table

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var out: String?

  @Option(help: "How many gaps (uncovered skills) to list.")
  var gaps = CoverageOptions().gapLimit

  @Option(
    help: "Worker threads for analysing postings (default: all cores; at most 4 × the cores).")
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("exclude-skill"),
    help: "Leave this ESCO skill (URI) out of the demand; repeatable.")
  var excludedSkills: [String] = []

  @Option(
    name: .customLong("exclude-posting"), help: "Leave the posting with this id out; repeatable.")
  var excludedPostings: [String] = []

  @Flag(help: "No closing counts on standard error.")
  var quiet = false

  @OptionGroup var analysis: AnalysisFlags
  @OptionGroup var indexOption: IndexOption

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if gaps < 0 { throw ValidationError("--gaps must be 0 or more") }
    // The report is written after the inputs are read: only the same file would be destroyed.
    if let out, let input = (inputs + [curriculum]).first(where: { FileTree.isSameFile($0, out) }) {
      throw ValidationError(
        "--out '\(out)' is the input '\(input)': write the report to another file")
    }
  }

  func run() throws {
    warnAboutJobLimit(jobs)
    let index = try indexOption.load()
    let curriculum = try CurriculumFile.load(self.curriculum, index: index)
    var options = CoverageOptions()
    options.gapLimit = gaps
    options.excludedSkills = Set(excludedSkills)
    options.excludedPostings = Set(excludedPostings)
    let coverage = try CoverageAnalysis(curriculum: curriculum, index: index, options: options)
    for warning in coverage.warnings { Diagnostics.warning("\(self.curriculum): \(warning)") }
    let paths = inputs.isEmpty ? ["-"] : inputs
    if paths.contains("-") { StandardInput.hintIfTerminal("postings", command: "coverage") }

    // Inputs in the order given: examples and ties in the report follow the input order.
    var detector = NearDuplicateDetector()
    for path in paths {
      if ClassifyOutputReader.recognizes(path: path) {
        try addAnalyses(path, to: coverage, index: index)
      } else {
        try addPostings(path, to: coverage, index: index, detector: &detector)
      }
    }

    let manifest = RunManifest(
      index: index,
      options: analysis.manifestEntries + options.manifestEntries + [
        ("curriculum", self.curriculum), ("curriculumSha256", curriculum.checksum),
        ("inputs", paths.joined(separator: ",")),
      ])
    let report = coverage.report(manifest: manifest.entries)
    let text = CoverageRendering.render(report, format: format)
    if let out {
      let output = try BufferedOutput(path: out)
      try output.write(text)
      try output.finish()
    } else {
      try Output.write(text)
    }
    if !quiet {
      Diagnostics.note(
        "postings \(report.postings), failed \(report.failed); skill demand covered "
          + "\(JSONWriter.format(report.skillCoverage * 100, decimals: 1))% by skill, "
          + "\(JSONWriter.format(report.groupCoverage * 100, decimals: 1))% by group"
          + (out.map { "; report written to \($0)" } ?? ""))
    }
    if report.failed > 0 { throw ExitCode(3) }
  }

  /// Adds the analyses of a classify output, warning when another index produced them.
  private func addAnalyses(
    _ path: String, to coverage: CoverageAnalysis, index: ConceptIndex
  )
    throws
  {
    let reader = try ClassifyOutputReader(path: path)
    let checksum = reader.manifest["index_checksum"] ?? reader.manifest["indexChecksum"]
    if let checksum = checksum?.stringValue, checksum != index.checksum {
      Diagnostics.warning(
        "\(path) was analysed with index \(checksum), not \(index.checksum) "
          + "(ESCO \(reader.manifest["esco"]?.stringValue ?? "?")); its codes are used as they are")
    }
    while let record = reader.next() {
      switch record {
      case .demand(let demand): coverage.add(demand)
      case .failure(let source, let message):
        Diagnostics.error("\(source): \(message)")
        coverage.addFailure()
      }
    }
  }

  /// Analyses the postings of an input and adds them.
  private func addPostings(
    _ path: String, to coverage: CoverageAnalysis, index: ConceptIndex,
    detector: inout NearDuplicateDetector
  )
    throws
  {
    let reader = PostingInputs(
      paths: [path], format: analysis.inputFormat, fields: analysis.fields)
    let runner = BatchRunner(index: index, options: analysis.options, jobs: jobs)
    // One detector over all inputs: a posting repeated in a later file is a duplicate too.
    runner.detector = detector
    defer { detector = runner.detector ?? detector }
    _ = try runner.run(
      next: { reader.next() },
      emit: { result in
        switch result {
        case .analysis(let analysis, _): coverage.add(PostingDemand(analysis))
        case .failure(_, let source, let message):
          Diagnostics.error("\(source): \(message)")
          coverage.addFailure()
        }
      })
    for skipped in reader.skippedFiles { Diagnostics.warning("skipped \(skipped)") }
    for warning in reader.warnings { Diagnostics.warning(warning) }
  }
}

extension CoverageRendering.Format: ExpressibleByArgument {}
