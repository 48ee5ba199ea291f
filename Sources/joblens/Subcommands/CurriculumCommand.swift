import ArgumentParser
import Foundation
import JobLens

/// `joblens curriculum`: checks curriculum files and suggests ESCO skills for their items.
struct CurriculumCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curriculum", abstract: "Check a curriculum file or map its items to ESCO skills.",
    subcommands: [Check.self, Map.self])

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Validate a curriculum file: structure, ids, and ESCO skill URIs against the index.",
      discussion:
        "Prints every problem as FILE:LINE:COLUMN: message; exit status 1 when there is any.")

    @Argument(
      help:
        "The curriculum file (YAML, or CSV with columns area, item, description, skills, phrases).")
    var file: String

    @OptionGroup var indexOption: IndexOption

    func run() throws {
      let index = try indexOption.load()
      let curriculum = try CurriculumFile.load(file, index: index)
      let items = curriculum.items
      try Output.write(
        "\(file): ok: \(curriculum.areas.count) areas, \(items.count) items, "
          + "\(Set(items.flatMap(\.skills)).count) ESCO skills, "
          + "\(items.filter { $0.skills.isEmpty }.count) items without skills (mapped automatically)\n"
      )
    }
  }

  struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suggest ESCO skills for each item of a curriculum, ranked with scores.",
      discussion: """
        Items are searched by title, description and phrases. With --format yaml the \
        suggestions are printed as `skills:` lists to paste into the file; skills the item \
        already lists are marked.
        """)

    @Argument(help: "The curriculum file (YAML).")
    var file: String

    @Option(help: "Suggestions per item.")
    var limit = 5

    @Option(help: "Output format: table, yaml or json.")
    var format: CurriculumMapRendering.Format = .table

    @OptionGroup var indexOption: IndexOption

    func validate() throws {
      if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
      let index = try indexOption.load()
      let curriculum = try CurriculumFile.load(file, index: index)
      let mapper = try CurriculumMapper(index: index)
      let suggestions = curriculum.items.map { ($0, mapper.suggestions(for: $0, limit: limit)) }
      try Output.write(CurriculumMapRendering.render(suggestions, format: format))
    }
  }
}

/// Loading a curriculum for a command: problems become one error listing each.
enum CurriculumFile {
  /// Reads YAML, or CSV for a `.csv` or `.tsv` file (its name gives the curriculum's id and
  /// title).
  static func load(_ path: String, index: ConceptIndex) throws -> Curriculum {
    do {
      let lower = path.lowercased()
      if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try Curriculum.parseCSV(
          try ByteStream(path: path).readAll(), file: path, id: Curriculum.slug(name),
          title: name, index: index)
      }
      return try Curriculum.load(path: path, index: index)
    } catch let errors as CurriculumErrors {
      for problem in errors.problems.dropLast() { Diagnostics.error(problem.description) }
      throw CommandError(errors.problems.last?.description ?? "invalid curriculum")
    }
  }
}

extension CurriculumMapRendering.Format: ExpressibleByArgument {}
