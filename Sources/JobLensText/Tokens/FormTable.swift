/// Interns surface forms (byte strings) and keeps their normalised ``Form``s, so that folding
/// and stemming run once per distinct form rather than once per token.
///
/// Open addressing. A slot holds the full hash, the length, the form ID and, for forms of up
/// to seven bytes (most words), the bytes themselves, so that most lookups touch one cache
/// line; longer forms are compared against a byte arena. Frequent short forms are found in a
/// small direct-mapped cache before the slot table. Lookups allocate nothing. A value
/// type, so that the tokenizing pass owns it while it runs (no exclusivity checks per token).
struct FormTable {
  private struct Slot {
    var hash: UInt64 = 0
    /// ``Key/packed`` or, for longer forms, the arena offset.
    var payload: UInt64 = 0
    var id = UInt32.max
    var length: UInt32 = 0

    var isEmpty: Bool { id == .max }
  }

  /// What a lookup needs to know of a form's bytes, computed in one pass (by ``init(_:)`` or
  /// by a caller that scans the bytes anyway).
  struct Key {
    /// FNV-1a of the bytes, finished with ``finish(_:)``.
    var hash: UInt64
    /// For forms of up to seven bytes: the bytes little-endian, the length in the top byte;
    /// 0 for longer forms.
    var packed: UInt64

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let shortLimit = 7

    /// One FNV-1a step.
    @inline(__always) static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
      (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Folds the high bits in (slots are chosen by the low bits).
    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 29) }

    init(hash: UInt64, packed: UInt64) {
      self.hash = hash
      self.packed = packed
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      var hash = Key.seed
      var packed: UInt64 = 0
      for (offset, byte) in bytes.enumerated() {
        hash = Key.step(hash, byte)
        if offset < Key.shortLimit { packed |= UInt64(byte) << (offset * 8) }
      }
      self.hash = Key.finish(hash)
      self.packed = bytes.count <= Key.shortLimit ? packed | UInt64(bytes.count) << 56 : 0
    }
  }

  /// A direct-mapped cache of short forms (packed key → ID) small enough for the fastest CPU
  /// caches: frequent words are found here without touching the larger slot table.
  private var hot = ContiguousArray<(packed: UInt64, id: UInt32)>(
    repeating: (0, 0), count: FormTable.hotCount)
  private static let hotCount = 8192

  private(set) var forms: ContiguousArray<Form> = []
  /// The bytes of forms longer than eight bytes.
  private var arena: ContiguousArray<UInt8> = []
  private var slots = ContiguousArray<Slot>(repeating: Slot(), count: 1024)

  /// The number of distinct forms.
  var count: Int { forms.count }

  /// An empty table to swap in while the real one is lent out (never mutated, so shared).
  static let placeholder = FormTable()

  /// Forgets every form (their IDs become invalid).
  mutating func removeAll() {
    forms.removeAll(keepingCapacity: true)
    arena.removeAll(keepingCapacity: true)
    slots = ContiguousArray(repeating: Slot(), count: 1024)
    hot = ContiguousArray(repeating: (0, 0), count: FormTable.hotCount)
  }

  /// The ID of `bytes`, calling `make` to build its form the first time it is seen.
  /// - Complexity: O(n) in the length of `bytes`, amortised.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> Form) -> FormID {
    intern(bytes, key: Key(bytes), make: make)
  }

  /// ``intern(_:make:)`` with the key already computed.
  mutating func intern(
    _ bytes: UnsafeBufferPointer<UInt8>, key: Key, make: () -> Form
  ) -> FormID {
    if let found = find(bytes, key: key) { return found }
    return insert(bytes, key: key, form: make())
  }

  /// The ID of `bytes` when the table has them, else nil; a caller that finds most forms
  /// (words recur) asks this first and makes a form only when it is new, so that what making
  /// one needs is not held (retained) for every word.
  /// - Complexity: O(n) in the length of `bytes`, amortised.
  mutating func find(_ bytes: UnsafeBufferPointer<UInt8>, key: Key) -> FormID? {
    let hash = key.hash
    let packed = key.packed
    let short = packed != 0
    let hotIndex = Int(truncatingIfNeeded: hash >> 7) & (FormTable.hotCount - 1)
    if short, hot[hotIndex].packed == packed { return FormID(rawValue: hot[hotIndex].id) }
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    let found: UInt32? = slots.withUnsafeBufferPointer { slots in
      while true {
        let slot = slots[index]
        if slot.isEmpty { return nil }
        if slot.hash == hash && Int(slot.length) == bytes.count {
          if short ? slot.payload == packed : arenaMatches(Int(slot.payload), bytes) {
            return slot.id
          }
        }
        index = (index + 1) & mask
      }
    }
    guard let found else { return nil }
    if short { hot[hotIndex] = (packed, found) }
    return FormID(rawValue: found)
  }

  /// Adds `bytes`, which the table does not have, with their form.
  private mutating func insert(
    _ bytes: UnsafeBufferPointer<UInt8>, key: Key, form: Form
  )
    -> FormID
  {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: key.hash) & mask
    while !slots[index].isEmpty { index = (index + 1) & mask }
    let id = UInt32(forms.count)
    forms.append(form)
    var payload = key.packed
    if payload == 0 {
      payload = UInt64(arena.count)
      arena.append(contentsOf: bytes)
    }
    slots[index] = Slot(hash: key.hash, payload: payload, id: id, length: UInt32(bytes.count))
    if forms.count * 2 > slots.count { grow() }
    return FormID(rawValue: id)
  }

  subscript(id: FormID) -> Form { forms[Int(id.rawValue)] }

  private func arenaMatches(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBufferPointer { arena in
      var offset = 0
      while offset < bytes.count {
        if arena[start + offset] != bytes[offset] { return false }
        offset += 1
      }
      return true
    }
  }

  private mutating func grow() {
    var bigger = ContiguousArray<Slot>(repeating: Slot(), count: slots.count * 2)
    let mask = bigger.count - 1
    for slot in slots where !slot.isEmpty {
      var index = Int(truncatingIfNeeded: slot.hash) & mask
      while !bigger[index].isEmpty { index = (index + 1) & mask }
      bigger[index] = slot
    }
    slots = bigger
  }

  /// The hash of a byte string, as ``Key`` computes it.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { Key(bytes).hash }
}
