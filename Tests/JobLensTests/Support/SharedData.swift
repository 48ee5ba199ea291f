import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensInput
@testable import JobLensTaxonomy

/// The reference data beside the project (`../shared`, or `$JOBLENS_SHARED`): the ESCO v1.1.1
/// download, the development corpus, gold files. Tests that read it carry ``needsESCO`` or
/// ``needsShared(_:)``, so that without it they are skipped with a message instead of failing
/// (the fixture taxonomy's tests run everywhere).
enum Shared {
  /// The ESCO v1.1.1 download.
  static let escoPath = Fixtures.sharedFile("esco/v1.1.1").path

  /// Whether the ESCO v1.1.1 download is there.
  static let hasESCO = FileManager.default.fileExists(atPath: escoPath + "/skills_en.csv")

  /// Whether a file or folder under `../shared` is there.
  static func has(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: Fixtures.sharedFile(relative).path)
  }
}

extension Trait where Self == ConditionTrait {
  /// Runs only when the ESCO v1.1.1 download is at `../shared/esco/v1.1.1`.
  static var needsESCO: Self {
    .enabled(
      if: Shared.hasESCO,
      Comment(
        rawValue: "needs the ESCO v1.1.1 download at \(Shared.escoPath) (set JOBLENS_SHARED to "
          + "the folder that holds esco/v1.1.1)"))
  }

  /// Runs only when `relative` is under `../shared` (and the ESCO download with it).
  static func needsShared(_ relative: String) -> Self {
    let path = Fixtures.sharedFile(relative).path
    return .enabled(
      if: Shared.hasESCO && Shared.has(relative),
      Comment(rawValue: "needs \(path) and the ESCO v1.1.1 download beside it"))
  }
}

/// The ESCO v1.1.1 download, imported once for all tests (only by tests that carry
/// ``Testing/Trait/needsESCO``: reading it fails without the download).
enum SharedTaxonomy {
  private static let loaded = Result<Taxonomy, any Error> {
    try ESCOImporter.load(ESCOSource(path: Shared.escoPath))
  }

  /// The imported taxonomy.
  static var v111: Taxonomy {
    get throws { try loaded.get() }
  }
}

/// The index of ESCO v1.1.1, built once for all tests (see ``SharedTaxonomy``).
enum SharedIndex {
  /// As `joblens index build` makes it by default: with the background model (posting zones,
  /// template text) learned from `../shared/corpus_dev.jsonl` when that corpus is there.
  private static let built = Result<ConceptIndex, any Error> {
    let index = try ConceptIndex.build(SharedTaxonomy.v111)
    guard Shared.has("corpus_dev.jsonl") else { return index }
    let corpus = PostingInputs(
      paths: [Fixtures.sharedFile("corpus_dev.jsonl").path], fields: PostingFields())
    return try index.learningBackground(
      from: corpus, skillThreshold: AnalysisOptions().skills.threshold
    ).index
  }

  /// The built index.
  static var v111: ConceptIndex {
    get throws { try built.get() }
  }
}
