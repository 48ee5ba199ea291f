import Testing

@testable import JobLensIndex

/// Labels whose texts are equal in lower case have equal keys, and keys tell apart nearly all
/// texts that differ (``ConceptIndex/labelLowercaseKey(_:)``).
@Suite("Label lower-case keys", .needsESCO)
struct LabelLowercaseKeyTests {
  @Test func equalTextsHaveEqualKeys() throws {
    let index = try SharedIndex.v111
    var keyOfText: [String: UInt64] = [:]
    var textsOfKey: [UInt64: Set<String>] = [:]
    var recurring = 0
    var nonASCII = 0
    for label in 0..<index.labelCount {
      let text = index.labelText(label).lowercased()
      let key = index.labelLowercaseKey(label)
      if let known = keyOfText[text] {
        #expect(known == key, "\(text)")
        recurring += 1
      }
      if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
      keyOfText[text] = key
      textsOfKey[key, default: []].insert(text)
    }
    // Texts that recur in lower case are there, and so are non-ASCII ones.
    #expect(recurring > 100)
    #expect(nonASCII > 10)
    #expect(textsOfKey.values.filter { $0.count > 1 }.count <= 2)
  }

  /// Texts that differ in bytes but are equal as lower-case Strings: case, a Kelvin sign for
  /// "k", a decomposed "é".
  @Test(arguments: [
    ("Welder", "wELDER"), ("\u{212A}iln operator", "kiln operator"),
    ("caf\u{E9} manager", "Cafe\u{301} manager"),
  ])
  func canonicallyEqualTextsHaveEqualKeys(pair: (String, String)) {
    #expect(ConceptIndex.lowercaseKey(pair.0) == ConceptIndex.lowercaseKey(pair.1))
    #expect(ConceptIndex.lowercaseKey(pair.0) != ConceptIndex.lowercaseKey(pair.0 + "s"))
  }
}
