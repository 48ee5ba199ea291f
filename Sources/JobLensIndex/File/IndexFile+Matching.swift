extension IndexFile {
  /// Writes the matching tables section (derived from the labels when `data` has none): each
  /// record's fields together, anchor records, content terms and phrase-table slots as they lie
  /// in memory (zeros in a record's padding), so that a mapped file's are read in place.
  static func writeMatching(of data: IndexData, to w: inout BinaryWriter) {
    let tables = data.matchingTables
    w.write(UInt32(tables.anchors.count))
    for table in tables.anchors {
      w.write(array: table.starts)
      w.write(UInt64(table.records.count))
      w.pad(to: 8)
      for record in table.records {
        w.write(record.signature)
        w.write(record.label)
        w.write(record.contentStart)
        w.write(record.contentEnd)
        w.write(record.mass)
        w.write(record.anchorShare)
        w.write(UInt32(0))
      }
      w.write(UInt64(table.content.count))
      w.pad(to: 8)
      for item in table.content {
        w.write(item.term)
        w.write(item.weight)
      }
    }
    w.write(array: tables.labelContent.starts)
    w.write(array: tables.labelContent.values)
    // Every slot of the phrase table (the empty ones too), so that it is read in place.
    let phrases = tables.phrases
    w.write(UInt64(phrases.usedCount))
    w.write(UInt64(phrases.slots.count))
    w.pad(to: 8)
    for slot in phrases.slots {
      w.write(slot.key)
      w.write(slot.label)
      w.write(UInt32(0))
    }
    w.write(array: phrases.prefixBits)
    w.write(UInt32(phrases.maxLength))
  }

  /// Reads the matching tables section (checked by ``validate(_:)``).
  static func readMatching(_ r: inout BinaryReader) throws -> MatchingTables {
    let kinds = Int(try r.readUInt32())
    guard kinds <= 16 else { throw BinaryReader.OutOfBounds(offset: r.offset) }
    var anchors: [AnchorTable] = []
    for _ in 0..<kinds {
      let starts = try r.readFlat(of: UInt32.self)
      let records = try r.readFlatRecords(
        stride: 32, inPlace: AnchorTable.Record.isFileLayout
      ) { bytes, at in
        AnchorTable.Record(
          signature: bytes.loadLittleEndian(UInt64.self, at: at),
          label: bytes.loadLittleEndian(UInt32.self, at: at + 8),
          contentStart: bytes.loadLittleEndian(UInt32.self, at: at + 12),
          contentEnd: bytes.loadLittleEndian(UInt32.self, at: at + 16),
          mass: Float(bitPattern: bytes.loadLittleEndian(UInt32.self, at: at + 20)),
          anchorShare: Float(bitPattern: bytes.loadLittleEndian(UInt32.self, at: at + 24)))
      }
      let content = try r.readFlatRecords(stride: 8, inPlace: AnchorTable.Term.isFileLayout) {
        bytes, at in
        AnchorTable.Term(
          term: bytes.loadLittleEndian(UInt32.self, at: at),
          weight: Float(bitPattern: bytes.loadLittleEndian(UInt32.self, at: at + 4)))
      }
      anchors.append(AnchorTable(starts: starts, records: records, content: content))
    }
    let labelContent = try readCSR(&r)
    let usedCount = try r.readUInt64()
    guard usedCount <= 1 << 32 else { throw BinaryReader.OutOfBounds(offset: r.offset) }
    let slots = try r.readFlatRecords(stride: 16, inPlace: PhraseTable.Slot.isFileLayout) {
      bytes, at in
      PhraseTable.Slot(
        key: bytes.loadLittleEndian(UInt64.self, at: at),
        label: bytes.loadLittleEndian(UInt32.self, at: at + 8))
    }
    let phrases = PhraseTable(
      slots: slots, usedCount: Int(usedCount), prefixBits: try r.readFlat(of: UInt64.self),
      maxLength: Int(try r.readUInt32()))
    return MatchingTables(anchors: anchors, labelContent: labelContent, phrases: phrases)
  }
}
