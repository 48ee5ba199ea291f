extension IndexFile {
  /// Writes the matching tables section (derived from the labels when `data` has none): each
  /// record's fields together, anchor records and content terms as they lie in memory (zeros
  /// in a record's padding), so that a mapped file's are read in place.
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
    let phrases = tables.phrases.stored
    w.write(UInt64(phrases.capacity))
    w.write(UInt64(phrases.used.count))
    w.pad(to: 8)
    for (position, key, label) in phrases.used {
      w.write(position)
      w.write(label)
      w.write(key)
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
    let capacity = try r.readUInt64()
    guard capacity <= 1 << 32 else { throw BinaryReader.OutOfBounds(offset: r.offset) }
    let used = try r.readRecords(stride: 16) { bytes, at in
      (
        position: bytes.loadLittleEndian(UInt32.self, at: at),
        key: bytes.loadLittleEndian(UInt64.self, at: at + 8),
        label: bytes.loadLittleEndian(UInt32.self, at: at + 4)
      )
    }
    let phrases = PhraseTable(
      PhraseTable.Stored(
        capacity: Int(capacity), used: used, prefixBits: try r.readArray(of: UInt64.self),
        maxLength: Int(try r.readUInt32())))
    return MatchingTables(anchors: anchors, labelContent: labelContent, phrases: phrases)
  }
}
