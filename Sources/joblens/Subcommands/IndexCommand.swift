import ArgumentParser
import Foundation
import JobLens

/// `joblens index`: builds the concept index from an ESCO download.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index", abstract: "Build the concept index from an ESCO download.",
    subcommands: [Build.self])

  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import an ESCO download and write the binary index.",
      discussion: """
        The download is a folder of ESCO CSV files, a folder with the portal's zip files, or \
        one zip file. It is found at --esco, then $JOBLENS_ESCO, then Data/esco/, then \
        ../shared/esco/v1.1.1. The index goes to --out, then $JOBLENS_INDEX, then the data \
        directory: $XDG_DATA_HOME/joblens/esco.jlidx (~/.local/share/joblens/esco.jlidx), \
        where every command looks for it.

        A background corpus of real postings (any input classify reads) teaches the index the \
        words of each posting zone (duties, requirements, company text, offers, legal and \
        application text, from the postings' own section headings), the sentences that recur \
        in postings of different jobs (template text), and how often each skill is named. It \
        is read from --background, then $JOBLENS_BACKGROUND, then \
        \(DefaultPaths.backgroundCorpus) when it exists; --no-background leaves it out.
        """)

    @Option(help: "The ESCO download (folder or zip).")
    var esco: String?

    @Option(
      name: .customLong("esco-version"), help: "The ESCO version, when the path does not say.")
    var escoVersion: String?

    @Option(help: "The language of the download, when the file names do not say (ISO 639-1).")
    var lang: String?

    @Option(help: "Where to write the index.")
    var out: String?

    @Option(
      name: .customLong("background"),
      help: "A corpus of real postings to learn posting zones and template text from (repeatable).")
    var background: [String] = []

    @Flag(help: "Build the index without a background corpus.")
    var noBackground = false

    func validate() throws {
      if noBackground && !background.isEmpty {
        throw ValidationError("--background and --no-background exclude each other")
      }
    }

    func run() throws {
      let started = ContinuousClock.now
      let path = DefaultPaths.esco(flag: esco)
      let source = try ESCOSource(path: path, version: escoVersion, language: lang)
      let taxonomy = try ESCOImporter.load(source)
      try ESCOImporter.checkComplete(taxonomy)
      for warning in taxonomy.warnings.prefix(20) { Diagnostics.warning(warning.description) }
      if taxonomy.warnings.count > 20 {
        Diagnostics.warning(
          "\(taxonomy.warnings.count - 20) more import warnings (see taxonomy info)")
      }
      for (lexicon, unknown) in [
        ("tool names", ToolNames.resolve(in: taxonomy).unknownSkills),
        ("posting phrasings", PostingPhrasings.resolve(in: taxonomy).unknownSkills),
      ] where !unknown.isEmpty {
        Diagnostics.warning(
          "\(unknown.count) skills of JobLens's \(lexicon) are not in this taxonomy, so their "
            + "texts are not indexed: \(unknown.prefix(3).joined(separator: ", "))"
            + (unknown.count > 3 ? ", …" : ""))
      }
      var index = try ConceptIndex.build(taxonomy)
      let corpus = noBackground ? [] : DefaultPaths.background(flags: background)
      if corpus.isEmpty {
        Diagnostics.note(
          "no background corpus: posting zones are read from headings and lexicons alone")
      } else {
        let reading = try index.learningBackground(
          from: PostingInputs(paths: corpus, fields: PostingFields()),
          skillThreshold: AnalysisOptions().skills.threshold)
        for failure in reading.failures.prefix(5) { Diagnostics.warning(failure) }
        if reading.failures.count > 5 {
          Diagnostics.warning("\(reading.failures.count - 5) more unreadable background records")
        }
        guard reading.postings > 0 else {
          throw CommandError(
            "the background corpus \(corpus.joined(separator: ", ")) has no readable posting")
        }
        index = reading.index
        Diagnostics.note(
          "learned posting zones and template text from \(reading.postings) postings in "
            + corpus.joined(separator: ", "))
      }
      let destination = try DefaultPaths.indexToWrite(flag: out)
      try index.write(to: destination)
      let elapsed = ContinuousClock.now - started
      Diagnostics.note(
        "indexed esco \(taxonomy.version) (\(taxonomy.language)) from \(path): "
          + "\(taxonomy.occupations.count) occupations, \(taxonomy.skills.count) skills, "
          + "\(taxonomy.iscoGroups.count) isco groups, \(index.labelCount) labels, "
          + "\(index.termCount) terms; \(taxonomy.cleaning.total) label fixes, "
          + "\(taxonomy.warnings.count) warnings")
      Diagnostics.note(
        "wrote \(destination) (checksum \(index.checksum)) in \(Formatting.seconds(elapsed))")
    }
  }
}

/// Shared option: where the index is.
struct IndexOption: ParsableArguments {
  @Option(
    help: """
      The index file (default: \(DefaultPaths.indexDescription), then \
      \(DefaultPaths.checkoutIndex)).
      """)
  var index: String?

  /// Loads the index.
  func load() throws -> ConceptIndex {
    try ConceptIndex.load(path: DefaultPaths.index(flag: index))
  }
}

/// Small formatting helpers for messages.
enum Formatting {
  static func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return JSONWriter.format(value, decimals: 2) + " s"
  }
}
