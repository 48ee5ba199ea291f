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
    anchors = anchorEntries.map {
      AnchorTable(
        termCount: data.terms.count, entries: $0, terms: content, weights: contentWeights)
    }
    labelContent = CSR(starts: contentStarts, values: content)

    var codes: [String: Int] = [:]
    for (index, code) in data.iscoGroups.codes.enumerated() { codes[data.strings[code]] = index }
    iscoByCode = codes
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
    conceptsByURI = uris
    var groupLabels: [String: String] = [:]
    for (code, label) in zip(data.skillGroups.codes, data.skillGroups.labels) {
      let key = data.strings[code]
      if !key.isEmpty && groupLabels[key] == nil { groupLabels[key] = data.strings[label] }
    }
    skillGroupLabels = groupLabels
    phrases = phraseTable.value()
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

  // MARK: Concepts

  /// The number of concepts of a kind.
  public func count(_ kind: ConceptKind) -> Int { data.count(kind) }

  /// The number of terms in the vocabulary.
  public var termCount: Int { data.terms.count }

  /// The number of labels (variants included).
  public var labelCount: Int { data.labelCount }

  /// The number of occupation–skill relations.
  public var relationCount: Int { data.occupationSkills.values.count }

  /// The concept with a URI, or the ISCO group with a code.
  /// - Complexity: O(1).
  public func concept(uriOrCode key: String) -> ConceptID? {
    if let concept = conceptsByURI[key] { return concept }
    return iscoByCode[key].map { ConceptID(.iscoGroup, $0) }
  }

  /// The index of the ISCO group with a code ("3343").
  public func iscoGroupIndex(code: String) -> Int? { iscoByCode[code] }

  private func strings(_ row: ArraySlice<UInt32>) -> [String] { row.map { data.strings[$0] } }

  /// A skill, materialised from the index.
  public func skill(_ index: Int) -> Skill {
    let table = data.skills
    let types = SkillType.allCases
    let type = Int(table.types[index]) < types.count ? types[Int(table.types[index])] : .unknown
    var skill = Skill(
      uri: data.strings[table.uris[index]], preferredLabel: data.strings[table.labels[index]],
      altLabels: strings(table.altLabels[index]), hiddenLabels: strings(table.hiddenLabels[index]),
      description: data.strings[table.descriptions[index]], type: type,
      reuseLevel: data.strings[table.reuseLevels[index]], broader: strings(table.broader[index]))
    skill.topGroups = strings(table.topGroups[index])
    return skill
  }

  /// The preferred label of a skill (without materialising the rest).
  public func skillLabel(_ index: Int) -> String { data.strings[data.skills.labels[index]] }

  /// The type of a skill.
  public func skillType(_ index: Int) -> SkillType {
    let types = SkillType.allCases
    let raw = Int(data.skills.types[index])
    return raw < types.count ? types[raw] : .unknown
  }

  /// The top-level group codes of a skill.
  public func skillTopGroups(_ index: Int) -> [String] { strings(data.skills.topGroups[index]) }

  /// The URI of a skill.
  public func skillURI(_ index: Int) -> String { data.strings[data.skills.uris[index]] }

  /// An occupation, materialised from the index.
  public func occupation(_ index: Int) -> Occupation {
    let table = data.occupations
    let broader = table.broader[index]
    return Occupation(
      uri: data.strings[table.uris[index]], preferredLabel: data.strings[table.labels[index]],
      altLabels: strings(table.altLabels[index]), hiddenLabels: strings(table.hiddenLabels[index]),
      description: data.strings[table.descriptions[index]],
      iscoGroup: data.strings[table.iscoCodes[index]], code: data.strings[table.codes[index]],
      broaderOccupation: broader == UInt32.max ? nil : data.strings[table.uris[Int(broader)]])
  }

  /// The ISCO unit group code of an occupation.
  public func occupationISCO(_ index: Int) -> String {
    data.strings[data.occupations.iscoCodes[index]]
  }

  /// The preferred label of an occupation.
  public func occupationLabel(_ index: Int) -> String {
    data.strings[data.occupations.labels[index]]
  }

  /// An ISCO group, materialised from the index.
  public func iscoGroup(_ index: Int) -> ISCOGroup {
    let table = data.iscoGroups
    let elsewhere = strings(table.elsewhere[index])
    return ISCOGroup(
      uri: data.strings[table.uris[index]], code: data.strings[table.codes[index]],
      preferredLabel: data.strings[table.labels[index]], altLabels: strings(table.altLabels[index]),
      definition: data.strings[table.definitions[index]],
      description: data.strings[table.descriptions[index]], tasks: strings(table.tasks[index]),
      examples: strings(table.examples[index]),
      classifiedElsewhere: stride(from: 0, to: elsewhere.count - 1, by: 2).map {
        ClassifiedElsewhere(title: elsewhere[$0], code: elsewhere[$0 + 1])
      })
  }

  /// The code of an ISCO group.
  public func iscoCode(_ index: Int) -> String { data.strings[data.iscoGroups.codes[index]] }

  /// The title of an ISCO group.
  public func iscoTitle(_ index: Int) -> String { data.strings[data.iscoGroups.labels[index]] }

  /// The title of the ISCO group with a code, if there is one.
  public func iscoTitle(code: String) -> String? { iscoByCode[code].map(iscoTitle) }

  /// The preferred label of any concept.
  public func label(of concept: ConceptID) -> String {
    switch concept.kind {
    case .skill: skillLabel(concept.index)
    case .occupation: occupationLabel(concept.index)
    case .iscoGroup: iscoTitle(concept.index)
    }
  }

  /// The URI of any concept.
  public func uri(of concept: ConceptID) -> String {
    switch concept.kind {
    case .skill: data.strings[data.skills.uris[concept.index]]
    case .occupation: data.strings[data.occupations.uris[concept.index]]
    case .iscoGroup: data.strings[data.iscoGroups.uris[concept.index]]
    }
  }

  /// The skills of an occupation with whether each is essential.
  public func skills(ofOccupation index: Int) -> [(skill: Int, isEssential: Bool)] {
    data.occupationSkills[index].map {
      (Int($0 & ~IndexData.essentialBit), $0 & IndexData.essentialBit != 0)
    }
  }

  /// The occupations that need a skill, with whether it is essential to them.
  public func occupations(ofSkill index: Int) -> [(occupation: Int, isEssential: Bool)] {
    data.skillOccupations[index].map {
      (Int($0 & ~IndexData.essentialBit), $0 & IndexData.essentialBit != 0)
    }
  }

  /// The code and label of a skill group by URI, if known.
  public func skillGroup(uri: String) -> (code: String, label: String)? {
    guard let index = data.skillGroups.uris.firstIndex(where: { data.strings[$0] == uri }) else {
      return nil
    }
    return (
      data.strings[data.skillGroups.codes[index]], data.strings[data.skillGroups.labels[index]]
    )
  }

  /// The label of a skill group code ("S4" → "management skills").
  /// - Complexity: O(1).
  public func skillGroupLabel(code: String) -> String? { skillGroupLabels[code] }

  // MARK: Terms and labels

  /// The term of a stem, if the vocabulary has it.
  public func term(_ stem: String) -> TermID? { termIDs[stem].map(TermID.init(rawValue:)) }

  /// The text of a term.
  public func termString(_ term: TermID) -> String { data.strings[data.terms[Int(term.rawValue)]] }

  /// The label's text as written in ESCO.
  public func labelText(_ label: Int) -> String { data.strings[data.labelStrings[label]] }

  /// The concept a label belongs to.
  public func labelConcept(_ label: Int) -> ConceptID {
    ConceptID(ConceptKind(rawValue: data.labelKinds[label])!, Int(data.labelConcepts[label]))
  }

  /// The field a label comes from.
  public func labelField(_ label: Int) -> LabelField {
    LabelField(rawValue: data.labelFields[label])!
  }

  /// The inverse document frequency of a term among concepts of a kind.
  public func idf(_ term: TermID, kind: ConceptKind) -> Float {
    data.idf[Int(kind.rawValue)][Int(term.rawValue)]
  }

  /// How many labels of a kind contain a term.
  public func labelPostingCount(term: Int, kind: ConceptKind) -> Int {
    labelsByTerm[Int(kind.rawValue)].range(term).count
  }

  /// Whether a term is a function word.
  public func isStopTerm(_ term: TermID) -> Bool { data.stopTerms[Int(term.rawValue)] != 0 }
}

/// Labels by the hash of their term sequence, for finding whole labels in a text.
struct PhraseTable: Sendable {
  private var keys: [UInt64]
  private var labels: [UInt32]
  private let mask: Int
  /// A Bloom-style bit set of the keys of every label prefix, so that a search stops as soon
  /// as no label starts with the terms read so far.
  private var prefixBits: [UInt64]
  private let prefixMask: Int
  /// The longest label, in terms.
  let maxLength: Int

  init(_ labelTerms: CSR<UInt32>) {
    let count = labelTerms.rowCount
    var capacity = 16
    while capacity < count * 2 { capacity *= 2 }
    keys = [UInt64](repeating: 0, count: capacity)
    labels = [UInt32](repeating: UInt32.max, count: capacity)
    mask = capacity - 1
    var bits = 1 << 16
    while bits < labelTerms.values.count * 8 { bits *= 2 }
    prefixBits = [UInt64](repeating: 0, count: bits / 64)
    prefixMask = bits - 1
    var longest = 0
    for label in 0..<count {
      let terms = labelTerms[label]
      longest = max(longest, terms.count)
      var hash = PhraseTable.seed
      for term in terms {
        hash = PhraseTable.extend(hash, term)
        let bit = PhraseTable.prefixBit(PhraseTable.finish(hash), mask: prefixMask)
        prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
      }
      let key = PhraseTable.finish(hash)
      var slot = Int(truncatingIfNeeded: key) & mask
      while labels[slot] != UInt32.max { slot = (slot + 1) & mask }
      keys[slot] = key
      labels[slot] = UInt32(label)
    }
    maxLength = longest
  }

  /// The hash state of an empty sequence.
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The hash state after one more term.
  @inline(__always) static func extend(_ hash: UInt64, _ term: UInt32) -> UInt64 {
    let mixed = (hash ^ UInt64(term)) &* 0x0000_0100_0000_01b3
    return (mixed ^ (mixed >> 29)) &* 0xbf58_476d_1ce4_e5b9
  }

  /// The key of a hash state (never 0).
  @inline(__always) static func finish(_ hash: UInt64) -> UInt64 { hash | 1 }

  @inline(__always) private static func prefixBit(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: key >> 20) & mask
  }

  /// Whether some label may start with the terms whose key this is (false: none does).
  @inline(__always) func mayBePrefix(_ key: UInt64) -> Bool {
    let bit = PhraseTable.prefixBit(key, mask: prefixMask)
    return prefixBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// Calls `body` with each label whose term sequence hashes to `key` (callers compare terms).
  /// - Complexity: O(1) expected.
  func forEachLabel(withKey key: UInt64, _ body: (Int) -> Void) {
    var slot = Int(truncatingIfNeeded: key) & mask
    while labels[slot] != UInt32.max {
      if keys[slot] == key { body(Int(labels[slot])) }
      slot = (slot + 1) & mask
    }
  }
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
