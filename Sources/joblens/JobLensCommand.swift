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
      Explain.self, Evaluate.self, CurriculumCommand.self, Coverage.self,
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
    } catch let error as ExitCode {
      Self.exit(withError: error)
    } catch let error as ValidationError {
      Self.exit(withError: error)
    } catch let error as CleanExit {
      Self.exit(withError: error)
    } catch  where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
      // Help and usage requests raised while running (such as `classify --help`).
      Self.exit(withError: error)
    } catch {
      Diagnostics.error(String(describing: error))
      Self.exit(withError: ExitCode.failure)
    }
  }
}
