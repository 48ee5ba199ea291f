extension ConceptIndex {
  /// What a background corpus of postings taught the index (empty without one).
  package var background: BackgroundModel { data.background }

  /// The same index with another background model (its checksum changes with it).
  /// - Complexity: O(n) in the index size (the file is encoded again).
  package func replacingBackground(_ model: BackgroundModel) -> ConceptIndex {
    var changed = data
    changed.background = model
    let (bytes, checksum) = IndexFile.encode(changed)
    return ConceptIndex(data: changed, checksum: checksum, file: bytes)
  }
}
