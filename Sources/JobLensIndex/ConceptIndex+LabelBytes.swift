import Foundation

extension ConceptIndex {
  /// A hash of the label's text in lower case (``lowercaseKey(_:)``), made from its bytes
  /// without a String when they are ASCII.
  /// - Complexity: O(n) in the text's bytes.
  package func labelLowercaseKey(_ label: Int) -> UInt64 {
    withLabelBytes(label) { ConceptIndex.asciiLowercaseKey($0) }
      ?? ConceptIndex.lowercaseKey(labelText(label))
  }

  /// A hash of a text in lower case: texts equal in lower case (as Strings compare, by
  /// canonical equivalence) have equal keys, so that a look-up by text can compare keys first
  /// and make Strings only for the texts that share one. An ASCII text is hashed as its bytes
  /// with A–Z lowered, any other as the UTF-8 of its lower case in NFC (the same bytes for an
  /// ASCII text).
  /// - Complexity: O(n) in the text's bytes.
  package static func lowercaseKey(_ text: String) -> UInt64 {
    var text = text
    if let key = text.withUTF8({ asciiLowercaseKey($0) }) { return key }
    var hash = keySeed
    for byte in text.lowercased().precomposedStringWithCanonicalMapping.utf8 {
      hash = (hash ^ UInt64(byte)) &* keyPrime
    }
    return hash
  }

  /// FNV-1a over ASCII bytes with A–Z lowered, or nil for bytes that are not all ASCII.
  private static func asciiLowercaseKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var hash = keySeed
    for byte in bytes {
      guard byte < 0x80 else { return nil }
      let lowered = byte &- 0x41 < 26 ? byte | 0x20 : byte
      hash = (hash ^ UInt64(lowered)) &* keyPrime
    }
    return hash
  }

  /// FNV-1a's offset basis and prime.
  private static let keySeed: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let keyPrime: UInt64 = 0x0000_0100_0000_01b3
}
