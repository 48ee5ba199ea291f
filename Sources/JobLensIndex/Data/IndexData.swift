public import JobLensTaxonomy

/// Identity of an index: what built it from what.
public struct IndexMetadata: Sendable, Equatable {
  /// The binary format version.
  public var formatVersion: Int
  /// The JobLens version that built the index.
  public var joblensVersion: String
  /// The ESCO version ("v1.1.1").
  public var taxonomyVersion: String
  /// The taxonomy's language (ISO 639-1).
  public var language: String
  /// SHA-256 of the ESCO input files.
  public var inputChecksum: String
  /// What the importer cleaned.
  public var cleaning: CleaningCounts
  /// How many import warnings there were.
  public var warningCount: Int
  /// The first import warnings (up to 50), for `taxonomy info`.
  public var warnings: [String]
}

/// ESCO skills as parallel arrays of string IDs.
struct SkillTable: Sendable {
  var uris: [UInt32] = []
  var labels: [UInt32] = []
  var descriptions: [UInt32] = []
  var types: [UInt8] = []
  var reuseLevels: [UInt32] = []
  var altLabels = CSR<UInt32>(starts: [0], values: [])
  var hiddenLabels = CSR<UInt32>(starts: [0], values: [])
  var broader = CSR<UInt32>(starts: [0], values: [])
  var topGroups = CSR<UInt32>(starts: [0], values: [])

  var count: Int { uris.count }
}

/// ESCO occupations as parallel arrays.
struct OccupationTable: Sendable {
  var uris: [UInt32] = []
  var labels: [UInt32] = []
  var descriptions: [UInt32] = []
  /// String ID of the ISCO unit group code.
  var iscoCodes: [UInt32] = []
  var codes: [UInt32] = []
  /// Index of the broader occupation, or `UInt32.max`.
  var broader: [UInt32] = []
  var altLabels = CSR<UInt32>(starts: [0], values: [])
  var hiddenLabels = CSR<UInt32>(starts: [0], values: [])

  var count: Int { uris.count }
}

/// ISCO-08 groups as parallel arrays.
struct ISCOTable: Sendable {
  var uris: [UInt32] = []
  var codes: [UInt32] = []
  var labels: [UInt32] = []
  var definitions: [UInt32] = []
  var descriptions: [UInt32] = []
  var altLabels = CSR<UInt32>(starts: [0], values: [])
  var tasks = CSR<UInt32>(starts: [0], values: [])
  var examples = CSR<UInt32>(starts: [0], values: [])
  /// Pairs of string IDs: title, code.
  var elsewhere = CSR<UInt32>(starts: [0], values: [])

  var count: Int { uris.count }
}

/// Skill groups as parallel arrays.
struct SkillGroupTable: Sendable {
  var uris: [UInt32] = []
  var codes: [UInt32] = []
  var labels: [UInt32] = []

  var count: Int { uris.count }
}

/// BM25 postings of one kind's description documents.
package struct DescriptionPostings: Sendable {
  /// Per term: the concepts whose description has it.
  var concepts = CSR<UInt32>(starts: [0], values: [])
  /// The BM25 term-frequency weight of each posting, aligned with `concepts.values`.
  var weights: [Float] = []

  init(concepts: CSR<UInt32> = CSR<UInt32>(starts: [0], values: []), weights: [Float] = []) {
    self.concepts = concepts
    self.weights = weights
  }

  /// The postings of (term, (concept, weight)) pairs over `rows` terms.
  init(rows: Int, pairs: [(Int, (UInt32, Float))]) {
    let csr = CSR(rows: rows, pairs: pairs)
    self.init(
      concepts: CSR(starts: csr.starts, values: FlatArray(csr.values.map(\.0))),
      weights: csr.values.map(\.1))
  }

  /// The postings of the concepts that pass a test.
  package func filtered(_ keep: (Int) -> Bool) -> DescriptionPostings {
    var result = DescriptionPostings()
    for term in 0..<concepts.rowCount {
      for offset in concepts.range(term) where keep(Int(concepts.values[offset])) {
        result.concepts.values.append(concepts.values[offset])
        result.weights.append(weights[offset])
      }
      result.concepts.starts.append(UInt32(result.concepts.values.count))
    }
    return result
  }
}

/// Everything an index file holds.
package struct IndexData: Sendable {
  var metadata: IndexMetadata
  var strings = StringTable()
  /// String ID of each term.
  var terms: [UInt32] = []
  /// 1 for function words ("and", "of"), which do not count towards label coverage.
  package var stopTerms: [UInt8] = []

  var labelKinds: [UInt8] = []
  var labelConcepts: [UInt32] = []
  var labelFields: [UInt8] = []
  /// Bit 0: a variant spelling of the label before it (hyphenated compound written closed);
  /// bits 1–4: its text's ``LabelTextFacts``.
  var labelFlags: [UInt8] = []
  var labelStrings: [UInt32] = []
  package var labelTerms = CSR<UInt32>(starts: [0], values: [])
  /// Per kind (``ConceptKind/rawValue``), per term: the labels of that kind (not variants) that
  /// contain it.
  var labelsByTerm: [CSR<UInt32>] = []
  /// Per label: the summed IDF (of its kind) of its distinct content terms.
  var labelMass: [Float] = []

  /// Per kind (``ConceptKind/rawValue``), per term: inverse document frequency.
  package var idf: [[Float]] = []
  /// Per kind: description postings.
  package var descriptions: [DescriptionPostings] = []
  /// Per skill: the distinct terms of its context document (its labels and description
  /// together), in term order…
  package var skillContextTerms = CSR<UInt32>(starts: [0], values: [])
  /// …and their BM25 term-frequency weights.
  package var skillContextWeights: [Float] = []
  /// The ISCO unit groups' word model.
  package var groupModel = GroupTextModel(gains: DescriptionPostings(), norms: [])
  /// What a background corpus of postings taught the index (empty without one).
  package var background = BackgroundModel()

  /// What label matching reads, derived from the labels (nil until derived or read).
  var matching: MatchingTables?

  /// The matching tables, derived when the data has none (data made without them).
  var matchingTables: MatchingTables { matching ?? MatchingTables(deriving: self) }

  var skills = SkillTable()
  var occupations = OccupationTable()
  var iscoGroups = ISCOTable()
  var skillGroups = SkillGroupTable()
  /// Per occupation: skill index, with bit 31 set for essential relations.
  var occupationSkills = CSR<UInt32>(starts: [0], values: [])
  /// Per skill: occupation index, with bit 31 set for essential relations.
  var skillOccupations = CSR<UInt32>(starts: [0], values: [])

  /// Bit marking essential relations in ``occupationSkills`` and ``skillOccupations``.
  static let essentialBit: UInt32 = 1 << 31

  var labelCount: Int { labelKinds.count }

  /// The number of concepts of a kind.
  func count(_ kind: ConceptKind) -> Int {
    switch kind {
    case .skill: skills.count
    case .occupation: occupations.count
    case .iscoGroup: iscoGroups.count
    }
  }
}
