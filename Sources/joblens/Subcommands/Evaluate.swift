import ArgumentParser
import JobLens

/// `joblens evaluate`: scores JobLens against a gold file.
struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score the analyser on a gold file (../shared/eval): RP@5, MRR and recall@10 for "
      + "skills; top-1 accuracy at ISCO 1–4 digits for titles, tasks and bundles; the figures "
      + "of score_postings.py and a reliability table of the ISCO back-off for postings.")

  @Option(help: "The task: skills, titles, tasks, bundles or postings.")
  var task: EvaluationTask

  @Argument(help: "The gold JSONL file.")
  var gold: String

  @Option(help: "Output format: table or json.")
  var format: TaxonomyReport.Format = .table

  @OptionGroup var indexOption: IndexOption

  func run() throws {
    let index = try indexOption.load()
    let analyzer = try PostingAnalyzer(index: index, options: Evaluator.options(for: task))
    let report = try Evaluator.run(task, goldPath: gold, analyzer: analyzer)
    for problem in report.problems.prefix(20) { Diagnostics.warning(problem) }
    for warning in report.warnings.prefix(20) { Diagnostics.warning(warning) }
    try Output.write(EvaluationRendering.render(report, index: index, format: format))
  }
}

extension EvaluationTask: ExpressibleByArgument {}
