import Foundation

@testable import JobLensAnalysis
@testable import JobLensIndex
@testable import JobLensTaxonomy

/// The hand-written fixture taxonomy (`Fixtures/taxonomy`, ESCO's CSV shape, a few dozen
/// concepts) and its index: built in milliseconds, so the matching and scoring tests over it
/// run in debug builds too, and without `../shared`.
enum FixtureTaxonomy {
  /// The fixture download's folder.
  static let path = Fixtures.testFile("taxonomy").path

  private static let loaded = Result<(Taxonomy, ConceptIndex), any Error> {
    let taxonomy = try ESCOImporter.load(ESCOSource(path: path, version: "fixture"))
    return (taxonomy, try ConceptIndex.build(taxonomy))
  }

  /// The imported taxonomy.
  static var taxonomy: Taxonomy {
    get throws { try loaded.get().0 }
  }

  /// Its index.
  static var index: ConceptIndex {
    get throws { try loaded.get().1 }
  }

  /// A fresh analyzer over the fixture index (analyzers are one per thread; tests run in
  /// parallel), with the default options changed by `change`.
  static func analyzer(
    _ change: (inout AnalysisOptions) -> Void = { _ in }
  ) throws
    -> PostingAnalyzer
  {
    var options = AnalysisOptions()
    change(&options)
    return try PostingAnalyzer(index: index, options: options)
  }
}
