import Dispatch
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

    // The phrase table is independent of the rest: it is built on a second thread meanwhile.
    let phraseTable = Background { [labelTerms = data.labelTerms] in PhraseTable(labelTerms) }
    labelMass = data.labelMass
    labelsByTerm = data.labelsByTerm
    (anchors, labelContent) = ConceptIndex.anchorTables(data)
    (iscoByCode, conceptsByURI, skillGroupLabels) = ConceptIndex.lookups(data)
    phrases = phraseTable.value()
  }

  /// Per kind, the labels by anchor (their rarest content term), and per label its distinct
  /// content terms in label order.
  private static func anchorTables(
    _ data: IndexData
  ) -> (anchors: [AnchorTable], labelContent: CSR<UInt32>) {
    var anchorEntries: [[AnchorTable.Entry]] = Array(
      repeating: [], count: ConceptKind.allCases.count)
    var contentStarts: [UInt32] = [0]
    var content: [UInt32] = []
    var contentWeights: [Float] = []
    contentStarts.reserveCapacity(data.labelCount + 1)
    content.reserveCapacity(data.labelTerms.values.count)
    contentWeights.reserveCapacity(data.labelTerms.values.count)
    for label in 0..<data.labelCount {
      let kind = Int(data.labelKinds[label])
      let idf = data.idf[kind]
      let first = content.count
      var anchor: UInt32?
      for term in data.labelTerms[label] where data.stopTerms[Int(term)] == 0 {
        // The rarest term; among equally rare ones, the first in vocabulary order.
        if anchor.map({ (idf[Int($0)], term) < (idf[Int(term)], $0) }) ?? true { anchor = term }
        if !content[first...].contains(term) {
          content.append(term)
          contentWeights.append(idf[Int(term)])
        }
      }
      contentStarts.append(UInt32(content.count))
      // Variant spellings (a compound written closed) are found through the label before them.
      if let anchor, data.labelFlags[label] & 1 == 0 {
        anchorEntries[kind].append(
          AnchorTable.Entry(
            anchor: anchor, label: UInt32(label), content: first..<content.count,
            mass: data.labelMass[label]))
      }
    }
    let anchors = anchorEntries.map {
      AnchorTable(
        termCount: data.terms.count, entries: $0, terms: content, weights: contentWeights)
    }
    return (anchors, CSR(starts: contentStarts, values: content))
  }

  /// The lookups by ISCO code, by concept URI, and of skill group labels by code.
  private static func lookups(
    _ data: IndexData
  ) -> (
    iscoByCode: [String: Int], conceptsByURI: [String: ConceptID],
    skillGroupLabels: [String: String]
  ) {
    var codes: [String: Int] = [:]
    for (index, code) in data.iscoGroups.codes.enumerated() { codes[data.strings[code]] = index }
    var uris: [String: ConceptID] = [:]
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

/// A value computed on another thread, waited for by ``value()``.
private final class Background<Value: Sendable>: @unchecked Sendable {
  private var result: Value?
  private let group = DispatchGroup()

  init(_ compute: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { self.result = compute() }
  }

  /// The value, once computed (the group's wait orders the write before the read).
  func value() -> Value {
    group.wait()
    return result!
  }
}
