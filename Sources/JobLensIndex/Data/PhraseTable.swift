/// Labels by the hash of their term sequence, for finding whole labels in a text.
struct PhraseTable: Sendable {
  /// A slot of the open-addressing table: a label and its key, together (one read).
  struct Slot {
    var key: UInt64 = 0
    var label = UInt32.max

    /// Whether a slot lies in memory as an index file stores it (key, label, 4 bytes of
    /// padding), so that a mapped file's slots are read in place.
    static let isFileLayout =
      MemoryLayout<Slot>.stride == 16 && MemoryLayout<Slot>.offset(of: \.label) == 8
  }
  /// All slots, the empty ones too (read in place from a mapped index file).
  private(set) var slots: FlatArray<Slot>
  private let mask: Int
  /// A Bloom-style bit set of the keys of every label prefix, so that a search stops as soon
  /// as no label starts with the terms read so far; beside each prefix's bit (in the same
  /// word), one set when a whole label has the key, so that a search looks up only those.
  private(set) var prefixBits: FlatArray<UInt64>
  private let prefixMask: Int
  /// The longest label, in terms.
  let maxLength: Int
  /// How many slots hold a label.
  let usedCount: Int

  init(_ labelTerms: CSR<UInt32>) {
    let count = labelTerms.rowCount
    var capacity = 16
    while capacity < count * 2 { capacity *= 2 }
    var slots = [Slot](repeating: Slot(), count: capacity)
    mask = capacity - 1
    var bits = 1 << 16
    while bits < labelTerms.values.count * 8 { bits *= 2 }
    var prefixBits = [UInt64](repeating: 0, count: bits / 64)
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
      let bit = PhraseTable.prefixBit(key, mask: prefixMask) ^ 1
      prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
      var slot = Int(truncatingIfNeeded: key) & mask
      while slots[slot].label != UInt32.max { slot = (slot + 1) & mask }
      slots[slot] = Slot(key: key, label: UInt32(label))
    }
    self.slots = FlatArray(slots)
    self.prefixBits = FlatArray(prefixBits)
    maxLength = longest
    usedCount = count
  }

  /// A table as an index file stores it (format 10: every slot, read in place), checked by
  /// ``problem(labelCount:)``.
  init(slots: FlatArray<Slot>, usedCount: Int, prefixBits: FlatArray<UInt64>, maxLength: Int) {
    self.slots = slots
    mask = slots.count - 1
    self.prefixBits = prefixBits
    prefixMask = prefixBits.count * 64 - 1
    self.maxLength = maxLength
    self.usedCount = usedCount
  }

  /// A table's parts (the number of slots, the used ones by position, key and label, the
  /// prefix bits and the longest label), as index format 9 stored them; tests damage them.
  struct Stored {
    var capacity: Int
    var used: ContiguousArray<(position: UInt32, key: UInt64, label: UInt32)>
    var prefixBits: [UInt64]
    var maxLength: Int
  }

  /// The table's parts.
  var stored: Stored {
    var used = ContiguousArray<(position: UInt32, key: UInt64, label: UInt32)>()
    for (position, slot) in slots.enumerated() where slot.label != UInt32.max {
      used.append((UInt32(position), slot.key, slot.label))
    }
    return Stored(
      capacity: slots.count, used: used, prefixBits: prefixBits.array, maxLength: maxLength)
  }

  /// A table from its parts, checked by ``problem(labelCount:)`` (slots outside the table are
  /// left out).
  init(_ stored: Stored) {
    var slots = [Slot](repeating: Slot(), count: max(0, stored.capacity))
    for (position, key, label) in stored.used where Int(position) < slots.count {
      slots[Int(position)] = Slot(key: key, label: label)
    }
    self.slots = FlatArray(slots)
    mask = slots.count - 1
    prefixBits = FlatArray(stored.prefixBits)
    prefixMask = prefixBits.count * 64 - 1
    maxLength = stored.maxLength
    usedCount = stored.used.count
  }

  /// What is wrong with a stored table (sizes not powers of two, a slot outside the table or
  /// used twice, no empty slot to end a search, a label out of range), or nil.
  /// - Complexity: O(n) in the table's size.
  func problem(labelCount: Int) -> String? {
    let capacity = slots.count
    let bits = prefixBits.count * 64
    guard capacity >= 16, capacity & (capacity - 1) == 0, bits >= 1 << 16,
      bits & (bits - 1) == 0, maxLength >= 0, usedCount < capacity
    else { return "phrase table" }
    let (used, inRange) = slots.withUnsafeBufferPointer { slots in
      var (used, inRange) = (0, true)
      for slot in slots where slot.label != UInt32.max {
        used += 1
        inRange = inRange && Int(slot.label) < labelCount
      }
      return (used, inRange)
    }
    guard used == usedCount, inRange else { return "phrase table" }
    return nil
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

  /// Whether some label may have exactly the terms whose key this is (false: none does).
  @inline(__always) func mayBeLabel(_ key: UInt64) -> Bool {
    let bit = PhraseTable.prefixBit(key, mask: prefixMask) ^ 1
    return prefixBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// Calls `body` with each label whose term sequence hashes to `key` (callers compare terms).
  /// - Complexity: O(1) expected.
  func forEachLabel(withKey key: UInt64, _ body: (Int) -> Void) {
    guard mayBeLabel(key) else { return }
    slots.withUnsafeBufferPointer { slots in
      var slot = Int(truncatingIfNeeded: key) & mask
      while slots[slot].label != UInt32.max {
        if slots[slot].key == key { body(Int(slots[slot].label)) }
        slot = (slot + 1) & mask
      }
    }
  }
}
