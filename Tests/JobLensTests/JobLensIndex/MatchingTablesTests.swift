import Foundation
import Testing

@testable import JobLensIndex

/// The matching tables stored in the index file (format 9): the same as those derived from
/// the labels, checked when loaded, and an older file refused with a message naming it.
@Suite("Matching tables in the index file", .needsESCO)
struct MatchingTablesTests {
  /// The fixture index's data as its file gives it back.
  static func decoded() throws -> IndexData {
    try IndexFile.decode(FixtureTaxonomy.index.encoded(), path: "fixture.jlidx").0
  }

  @Test func storedTablesAreTheDerivedOnes() throws {
    let data = try Self.decoded()
    let stored = try #require(data.matching)
    let derived = MatchingTables(deriving: data)
    for (kind, table) in stored.anchors.enumerated() {
      let other = derived.anchors[kind]
      #expect(table.starts == other.starts)
      #expect(table.records.map(\.signature) == other.records.map(\.signature))
      #expect(table.records.map(\.label) == other.records.map(\.label))
      #expect(table.records.map(\.contentStart) == other.records.map(\.contentStart))
      #expect(table.records.map(\.contentEnd) == other.records.map(\.contentEnd))
      #expect(table.records.map(\.mass.bitPattern) == other.records.map(\.mass.bitPattern))
      #expect(
        table.records.map(\.anchorShare.bitPattern) == other.records.map(\.anchorShare.bitPattern))
      #expect(table.content.map(\.term) == other.content.map(\.term))
      #expect(table.content.map(\.weight.bitPattern) == other.content.map(\.weight.bitPattern))
    }
    #expect(stored.labelContent.starts == derived.labelContent.starts)
    #expect(stored.labelContent.values == derived.labelContent.values)
    let (phrases, again) = (stored.phrases.stored, derived.phrases.stored)
    #expect(phrases.capacity == again.capacity)
    #expect(phrases.used.map(\.position) == again.used.map(\.position))
    #expect(phrases.used.map(\.key) == again.used.map(\.key))
    #expect(phrases.used.map(\.label) == again.used.map(\.label))
    #expect(phrases.prefixBits == again.prefixBits)
    #expect(phrases.maxLength == again.maxLength)
    // Data without the tables (as an older build made it) encodes to the same bytes.
    var bare = data
    bare.matching = nil
    #expect(IndexFile.encode(bare).bytes == (try FixtureTaxonomy.index.encoded()))
  }

  /// Indexes of the formats before (8: no matching tables; 9: arrays not aligned for reading
  /// in place; 10: no label text facts) are refused with a message that names the format and
  /// says to rebuild.
  @Test(arguments: [8, 9, 10]) func anIndexOfAFormatBeforeIsRefusedByName(format: Int) throws {
    var bytes = try FixtureTaxonomy.index.encoded()
    bytes[8] = UInt8(format)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-format\(format)-\(ProcessInfo.processInfo.processIdentifier).jlidx"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: IndexError.self) { try ConceptIndex.load(path: path) }
    #expect(error == .formatVersion(path: path, found: format, expected: 11))
    #expect(
      error?.description
        == "index '\(path)' has format version \(format); this joblens reads version 11: "
        + "rebuild it with `joblens index build`")
  }

  /// Loading maps the file and reads its large arrays in place: what was loaded encodes to the
  /// file's bytes again (also once the index that read it is gone and its arrays with it), and
  /// an empty file is no index.
  @Test func loadingFromTheMappedFileKeepsEveryByte() throws {
    let bytes = try FixtureTaxonomy.index.encoded()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-mapped-\(ProcessInfo.processInfo.processIdentifier).jlidx"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let (data, checksum) = try IndexFile.read(path: path)
    #expect(data.labelTerms.values.isMapped && data.strings.blob.isMapped)
    let anchors = try #require(data.matching?.anchors.first)
    #expect(anchors.records.isMapped == AnchorTable.Record.isFileLayout)
    #expect(anchors.content.isMapped == AnchorTable.Term.isFileLayout)
    #expect(data.matching?.phrases.slots.isMapped == PhraseTable.Slot.isFileLayout)
    #expect(IndexFile.encode(data).bytes == bytes)
    #expect(ConceptIndex.hex(checksum) == (try FixtureTaxonomy.index.checksum))
    try Data().write(to: URL(fileURLWithPath: path))
    #expect(throws: IndexError.notAnIndex(path: path)) { try ConceptIndex.load(path: path) }
  }

  /// Damaged tables that pass the checksum (a bug in a writer) are refused before a search
  /// reads them without bounds checks.
  @Test(arguments: [
    "anchor records", "anchor offsets", "label content", "phrase labels", "phrase slots",
  ])
  func inconsistentTablesAreRefused(damage: String) throws {
    var data = try Self.decoded()
    var tables = try #require(data.matching)
    let labels = data.labelCount
    let expected: String
    switch damage {
    case "anchor records":
      let table = tables.anchors[0]
      var records = table.records
      records[0].contentEnd = UInt32(table.content.count + 1)
      tables.anchors[0] = AnchorTable(
        starts: table.starts, records: records, content: table.content)
      expected = "anchor table records"
    case "anchor offsets":
      let table = tables.anchors[1]
      tables.anchors[1] = AnchorTable(
        starts: FlatArray(Array(table.starts.dropLast())), records: table.records,
        content: table.content)
      expected = "anchor table offsets"
    case "label content":
      tables.labelContent.values[0] = UInt32(data.terms.count)
      expected = "label content terms"
    case "phrase labels":
      var stored = tables.phrases.stored
      stored.used[0].label = UInt32(labels)
      tables.phrases = PhraseTable(stored)
      expected = "phrase table"
    default:
      // Two labels in one slot: a search would miss one. (Encoding stores the slots the table
      // has, so the table is checked itself.)
      var stored = tables.phrases.stored
      stored.used[1].position = stored.used[0].position
      #expect(PhraseTable(stored).problem(labelCount: labels) == "phrase table")
      stored.used[1].position = UInt32(stored.capacity)
      #expect(PhraseTable(stored).problem(labelCount: labels) == "phrase table")
      return
    }
    data.matching = tables
    let bytes = IndexFile.encode(data).bytes
    #expect(throws: IndexError.corrupt(path: "damaged.jlidx", detail: expected)) {
      try IndexFile.decode(bytes, path: "damaged.jlidx")
    }
  }
}
