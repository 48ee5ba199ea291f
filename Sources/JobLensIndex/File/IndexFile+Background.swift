extension IndexFile {
  /// Writes the background model section.
  static func writeBackground(_ model: BackgroundModel, to w: inout BinaryWriter) {
    w.write(UInt64(model.postingCount))
    w.write(model.sourceChecksum)
    w.write(array: model.sectionPhrases)
    w.write(array: model.wordHashes)
    w.write(array: model.wordSectionCounts)
    w.write(array: model.templateHashes)
    w.write(array: model.templateSections)
    w.write(array: model.skillRates)
  }

  /// Reads the background model section.
  static func readBackground(_ r: inout BinaryReader) throws -> BackgroundModel {
    var model = BackgroundModel()
    let postings = try r.readUInt64()
    guard postings <= UInt64(Int32.max) else { throw BinaryReader.OutOfBounds(offset: r.offset) }
    model.postingCount = Int(postings)
    model.sourceChecksum = try r.readString()
    model.sectionPhrases = try r.readArray(of: UInt32.self)
    model.wordHashes = try r.readArray(of: UInt64.self)
    model.wordSectionCounts = try r.readArray(of: UInt32.self)
    model.templateHashes = try r.readArray(of: UInt64.self)
    model.templateSections = try r.readArray(of: UInt8.self)
    model.skillRates = try r.readFloatArray()
    return model
  }
}
