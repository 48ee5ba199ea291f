extension String {
  /// The string without leading and trailing white space (ASCII white space and U+00A0),
  /// working on UTF-8 bytes (much faster than Foundation's `trimmingCharacters`).
  package var trimmed: String {
    let utf8 = self.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    func isSpace(_ index: String.Index) -> Bool {
      let byte = utf8[index]
      return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
    while start < end && isSpace(start) { start = utf8.index(after: start) }
    while end > start && isSpace(utf8.index(before: end)) { end = utf8.index(before: end) }
    if start == utf8.startIndex && end == utf8.endIndex { return self }
    return String(self[start..<end])
  }

  /// The string cut to at most `maximum` characters, the last one "…" when it is cut.
  package func clipped(to maximum: Int) -> String {
    guard count > maximum else { return self }
    return maximum < 1 ? "" : String(prefix(maximum - 1)) + "…"
  }

  /// The string with runs of ASCII white space collapsed to one space, trimmed.
  package var collapsingWhitespace: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var pendingSpace = false
    for byte in utf8 {
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Splits at any of the given ASCII bytes, dropping empty pieces.
  package func split(asciiSeparators separators: [UInt8]) -> [String] {
    utf8.split(whereSeparator: { separators.contains($0) }).map { String(Substring($0)) }
  }
}

extension String {
  /// A size limit for messages: "64 MB" for whole megabytes, else "100-byte".
  package init(describingLimit bytes: Int) {
    self = bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes)-byte"
  }
}
