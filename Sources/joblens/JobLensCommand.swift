import ArgumentParser
import JobLens

@main
struct JobLensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "joblens",
    abstract: "Reads job postings: ESCO skills, ISCO occupations, curriculum coverage.",
    discussion: "This product uses the ESCO classification of the European Commission.",
    version: JobLensVersion.description,
    subcommands: [
      Tokenize.self, IndexCommand.self, TaxonomyCommand.self, Classify.self, Skills.self,
      Explain.self, Evaluate.self, CurriculumCommand.self, Coverage.self, Serve.self,
    ])

  /// Runs the command; a library or input error is printed as one line, exit status 1.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      Self.exit(withError: error)
    }
    do {
      try command.run()
    } catch let error
      where error is ExitCode || error is ValidationError || error is CleanExit
      || exitCode(for: error) == .success
    {
      // ArgumentParser's own errors: exit codes, usage errors, and help requests (the `help`
      // subcommand throws a type of ArgumentParser's that it classifies as a clean exit).
      Self.exit(withError: error)
    } catch {
      Diagnostics.error(Diagnostics.message(for: error))
      Self.exit(withError: ExitCode.failure)
    }
  }
}
