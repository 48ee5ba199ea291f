import ArgumentParser
import JobLens

/// `joblens taxonomy`: looks into the index.
struct TaxonomyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "taxonomy", abstract: "Inspect the taxonomy in the index.",
    subcommands: [Info.self, Search.self, Show.self])

  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the index's version, language, counts and import cleaning.")

    @OptionGroup var indexOption: IndexOption

    func run() throws {
      let index = try indexOption.load()
      try Output.write(TaxonomyReport.info(index))
    }
  }

  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank concepts for a phrase, with their scores from the index.")

    @Argument(help: "The phrase to look up, such as \"schedule appointments\".")
    var query: String

    @Option(help: "Only concepts of this type: skill, occupation or isco.")
    var type: String?

    @Option(help: "How many concepts to show.")
    var limit = 10

    @Option(help: "Output format: table or json.")
    var format: TaxonomyReport.Format = .table

    @OptionGroup var indexOption: IndexOption

    func validate() throws {
      if let type, ConceptKind(name: type) == nil {
        throw ValidationError("--type must be skill, occupation or isco, not '\(type)'")
      }
      if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
      let index = try indexOption.load()
      let searcher = try ConceptSearcher(index: index)
      let kinds = type.flatMap(ConceptKind.init(name:)).map { [$0] } ?? ConceptKind.allCases
      let hits = searcher.search(query, kinds: kinds, limit: limit)
      try Output.write(TaxonomyReport.search(hits, query: query, index: index, format: format))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one concept: labels, hierarchy, related skills or occupations.")

    @Argument(help: "A concept URI, or an ISCO-08 code such as 3343.")
    var concept: String

    @Option(help: "Output format: table (text) or json.")
    var format: TaxonomyReport.Format = .table

    @OptionGroup var indexOption: IndexOption

    func run() throws {
      let index = try indexOption.load()
      guard let id = index.concept(uriOrCode: concept) else {
        throw CommandError("no concept with URI or ISCO code '\(concept)' in the index")
      }
      try Output.write(TaxonomyReport.show(id, index: index, format: format))
    }
  }
}

extension TaxonomyReport.Format: ExpressibleByArgument {}
