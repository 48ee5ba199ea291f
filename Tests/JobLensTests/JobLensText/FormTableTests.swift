import Testing

@testable import JobLensText

/// The form table interns byte strings: each distinct string one ID, found again after the
/// table grows, short forms (packed in their slot) and long ones (in the arena) alike.
@Suite("Form table")
struct FormTableTests {
  /// Byte strings around the short-form limit (7 bytes) and with long lengths (more than a
  /// byte of length), with neighbours that differ in one byte or in length only.
  static let words: [[UInt8]] = {
    var words: [[UInt8]] = [[], [0x61], Array("seven77".utf8), Array("eight888".utf8)]
    for length in [6, 7, 8, 9, 31, 255, 256, 300, 70_000] {
      let base = (0..<length).map { UInt8(0x61 + $0 % 26) }
      words.append(base)
      var changed = base
      changed[length - 1] ^= 1
      words.append(changed)
      words.append(base + [0])
    }
    // Enough distinct words for the table to grow several times.
    for number in 0..<5_000 { words.append(Array("w\(number)-\(number * 7919)".utf8)) }
    return words
  }()

  static func form(_ bytes: [UInt8]) -> Form {
    let text = String(decoding: bytes, as: UTF8.self)
    return Form(folded: text, key: text, stem: text)
  }

  @Test func eachDistinctStringHasOneIDFoundAgain() {
    var table = FormTable()
    var ids: [FormID] = []
    for word in Self.words {
      let id = word.withUnsafeBufferPointer { bytes in
        #expect(table.find(bytes, key: FormTable.Key(bytes)) == nil)
        return table.intern(bytes) { Self.form(word) }
      }
      ids.append(id)
    }
    #expect(Set(ids.map(\.rawValue)).count == Self.words.count)
    #expect(table.count == Self.words.count)
    for (word, id) in zip(Self.words, ids) {
      word.withUnsafeBufferPointer { bytes in
        #expect(table.find(bytes, key: FormTable.Key(bytes)) == id)
        #expect(
          table.intern(bytes) {
            Issue.record("made again"); return Self.form(word)
          } == id)
      }
      #expect(table[id] == Self.form(word))
    }
    // Strings not in the table: one byte more or less than a stored one.
    for word in Self.words.suffix(100) {
      (word + [0x7A]).withUnsafeBufferPointer { bytes in
        #expect(table.find(bytes, key: FormTable.Key(bytes)) == nil)
      }
      word.dropLast().withUnsafeBufferPointer { bytes in
        #expect(table.find(bytes, key: FormTable.Key(bytes)) == nil)
      }
    }
  }
}
