public import JobLensTaxonomy

/// The weighted concept index, loaded and ready to query: ESCO's skills, occupations and ISCO
/// groups with their labels, term statistics, description postings and relations.
///
/// Immutable and `Sendable`: load it once and share it between threads; each thread queries it
/// through its own ``ConceptSearcher``.
public final class ConceptIndex: Sendable {
  /// What the index was built from.
  public let metadata: IndexMetadata
  /// The body checksum (XXH64), hex: identifies the index in run manifests.
  public let checksum: String

  package let data: IndexData
  let termIDs: [String: UInt32]
  /// Per label: the summed IDF (of its kind) of its distinct content terms.
  package let labelMass: [Float]
  /// Per kind: per term, the labels of that kind containing it (variants excluded).
  let labelsByTerm: [CSR<UInt32>]
  let phrases: PhraseTable
  /// Per kind: the labels by anchor, for finding labels in running text.
  let anchors: [AnchorTable]
  /// Per label: its distinct content terms, in label order.
  package let labelContent: CSR<UInt32>

  /// Terms in more labels than this are "frequent": label matching does not walk their
  /// postings (see ``ConceptSearcher``).
  static let frequentTermPostings = 300
  let iscoByCode: [String: Int]
  let conceptsByURI: [String: ConceptID]
  let skillGroupLabels: [String: String]
  /// The file's bytes, kept when the index was built here: they were made for the checksum,
  /// and ``write(to:)`` writes them instead of encoding the index again (nil when loaded).
  private let file: [UInt8]?

  init(data: IndexData, checksum: UInt64, file: [UInt8]? = nil) {
    self.data = data
    self.file = file
    metadata = data.metadata
    self.checksum = ConceptIndex.hex(checksum)
    var terms: [String: UInt32] = [:]
    terms.reserveCapacity(data.terms.count)
    for (id, string) in data.terms.enumerated() { terms[data.strings[string]] = UInt32(id) }
    termIDs = terms

    labelMass = data.labelMass
    labelsByTerm = data.labelsByTerm
    // Stored in the file since format 9; derived when the data was made here without them.
    let matching = data.matchingTables
    (anchors, labelContent, phrases) = (matching.anchors, matching.labelContent, matching.phrases)
    (iscoByCode, conceptsByURI, skillGroupLabels) = ConceptIndex.lookups(data)
  }

  /// The lookups by ISCO code, by concept URI, and of skill group labels by code.
  private static func lookups(
    _ data: IndexData
  ) -> (
    iscoByCode: [String: Int], conceptsByURI: [String: ConceptID],
    skillGroupLabels: [String: String]
  ) {
    var codes: [String: Int] = [:]
    codes.reserveCapacity(data.iscoGroups.count)
    for (index, code) in data.iscoGroups.codes.enumerated() { codes[data.strings[code]] = index }
    var uris: [String: ConceptID] = [:]
    uris.reserveCapacity(data.skills.count + data.occupations.count + data.iscoGroups.count)
    for (index, uri) in data.skills.uris.enumerated() {
      uris[data.strings[uri]] = ConceptID(.skill, index)
    }
    for (index, uri) in data.occupations.uris.enumerated() {
      uris[data.strings[uri]] = ConceptID(.occupation, index)
    }
    for (index, uri) in data.iscoGroups.uris.enumerated() {
      uris[data.strings[uri]] = ConceptID(.iscoGroup, index)
    }
    var groupLabels: [String: String] = [:]
    for (code, label) in zip(data.skillGroups.codes, data.skillGroups.labels) {
      let key = data.strings[code]
      if !key.isEmpty && groupLabels[key] == nil { groupLabels[key] = data.strings[label] }
    }
    return (codes, uris, groupLabels)
  }

  /// A term's bit in a 64-bit term signature.
  @inline(__always) static func termBit(_ term: UInt32) -> UInt64 {
    1 << ((term &* 0x9E37_79B1) >> 26)
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Loads an index file, checking its magic, format version, length and checksum.
  /// - Complexity: O(n) in the file size.
  public static func load(path: String) throws(IndexError) -> ConceptIndex {
    let (data, checksum) = try IndexFile.read(path: path)
    return ConceptIndex(data: data, checksum: checksum)
  }

  /// Builds the index of an ESCO download.
  public static func build(_ taxonomy: Taxonomy) throws -> ConceptIndex {
    try IndexBuilder.build(taxonomy)
  }

  /// Writes the index to a file (atomically).
  public func write(to path: String) throws(IndexError) {
    try IndexFile.write(encoded(), to: path)
  }

  /// The file bytes of the index.
  public func encoded() -> [UInt8] { file ?? IndexFile.encode(data).bytes }
}
