extension NearDuplicateDetector {
  /// The slots of a linear-probing table: a key and an entry per slot, `UInt32.max` marking an
  /// empty one. Grows by 1.25× once 85 % full (68–85 % load).
  struct ProbeSlots<Key: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    private(set) var keys: ContiguousArray<Key> = []
    private(set) var entries: ContiguousArray<UInt32> = []
    private var count = 0

    var capacity: Int { entries.count }

    /// The slot a key's search starts at: its bits scaled to the capacity.
    @inline(__always) func home(_ key: Key) -> Int {
      let scaled = (UInt64(key) << (64 - Key.bitWidth)).multipliedFullWidth(by: UInt64(capacity))
      return Int(truncatingIfNeeded: scaled.high)
    }

    /// The slot after `slot`, wrapping around.
    @inline(__always) func next(_ slot: Int) -> Int { slot + 1 == capacity ? 0 : slot + 1 }

    /// Makes room for one more entry.
    mutating func reserveOne() {
      guard (count + 1) * 20 > capacity * 17 else { return }
      var grown = ProbeSlots()
      grown.keys = ContiguousArray(repeating: 0, count: max(64, capacity + capacity / 4))
      grown.entries = ContiguousArray(repeating: .max, count: grown.keys.count)
      for slot in entries.indices where entries[slot] != .max {
        grown.insert(keys[slot], entries[slot])
      }
      self = grown
    }

    /// Stores `entry` under `key` in the first empty slot from its home on (room reserved).
    mutating func insert(_ key: Key, _ entry: UInt32) {
      var slot = home(key)
      while entries[slot] != .max { slot = next(slot) }
      store(key, entry, at: slot)
    }

    /// Stores `entry` under `key` in `slot`, an empty slot a search for `key` reaches.
    mutating func store(_ key: Key, _ entry: UInt32, at slot: Int) {
      keys[slot] = key
      entries[slot] = entry
      count += 1
    }
  }

  /// One LSH band: a linear-probing multimap from 32-bit band fingerprints to entries.
  struct BandTable: Sendable {
    private var slots = ProbeSlots<UInt32>()

    /// Appends the entries stored under `fingerprint` to `candidates`, then stores `entry` under it
    /// unless the bucket already holds `bucketCapacity` entries.
    /// - Complexity: O(1) expected, O(bucketCapacity) when the bucket is full.
    mutating func collect(
      _ fingerprint: UInt32, into candidates: inout ContiguousArray<UInt32>,
      inserting entry: UInt32?,
      bucketCapacity: Int
    ) {
      if entry != nil { slots.reserveOne() }
      guard slots.capacity > 0 else { return }
      let capacity = slots.capacity
      var slot = slots.home(fingerprint)
      var bucketSize = 0
      slots.keys.withUnsafeBufferPointer { fingerprints in
        slots.entries.withUnsafeBufferPointer { entries in
          while entries[slot] != .max {
            if fingerprints[slot] == fingerprint {
              candidates.append(entries[slot])
              bucketSize += 1
            }
            slot += 1
            if slot == capacity { slot = 0 }
          }
        }
      }
      if let entry, bucketSize < bucketCapacity { slots.store(fingerprint, entry, at: slot) }
    }
  }

  /// Exact duplicates: a linear-probing map from 64-bit hashes of normalised texts to entries.
  struct ExactTable: Sendable {
    private var slots = ProbeSlots<UInt64>()

    /// The entry recorded under `key`.
    /// - Complexity: O(1) expected.
    func find(_ key: UInt64) -> UInt32? {
      guard slots.capacity > 0 else { return nil }
      var slot = slots.home(key)
      while slots.entries[slot] != .max {
        if slots.keys[slot] == key { return slots.entries[slot] }
        slot = slots.next(slot)
      }
      return nil
    }

    /// Records `entry` under `key`, which is not in the table.
    mutating func insert(_ key: UInt64, entry: UInt32) {
      slots.reserveOne()
      slots.insert(key, entry)
    }
  }

  /// Per-entry data (one entry per distinct non-empty posting) in fixed-size pages, so growing
  /// never copies or doubles the bulk of it.
  struct EntryStore: Sendable {
    private static let pageBits = 12
    private static let pageSize = 1 << pageBits

    struct Page: Sendable {
      var signatures = ContiguousArray<UInt8>()
      var ordinals = ContiguousArray<UInt32>()
      /// The entry this one near-duplicates, or `UInt32.max`.
      var firstMatches = ContiguousArray<UInt32>()
      var idBytes = ContiguousArray<UInt8>()
      var idEnds = ContiguousArray<UInt32>()
    }

    private var pages: [Page] = []
    private(set) var count = 0

    mutating func append(
      signature: UnsafeBufferPointer<UInt8>, ordinal: UInt32, firstMatch: UInt32, id: String
    ) {
      if count & (Self.pageSize - 1) == 0 {
        if let last = pages.indices.last {
          // The finished page's id bytes may have up to twice the capacity they need.
          var idBytes = ContiguousArray<UInt8>()
          idBytes.reserveCapacity(pages[last].idBytes.count)
          idBytes.append(contentsOf: pages[last].idBytes)
          pages[last].idBytes = idBytes
        }
        var page = Page()
        page.signatures.reserveCapacity(Self.pageSize * NearDuplicateDetector.signatureBytes)
        page.ordinals.reserveCapacity(Self.pageSize)
        page.firstMatches.reserveCapacity(Self.pageSize)
        page.idEnds.reserveCapacity(Self.pageSize)
        pages.append(page)
      }
      let last = pages.count - 1
      pages[last].signatures.append(contentsOf: signature)
      pages[last].ordinals.append(ordinal)
      pages[last].firstMatches.append(firstMatch)
      pages[last].idBytes.append(contentsOf: id.utf8)
      pages[last].idEnds.append(UInt32(truncatingIfNeeded: pages[last].idBytes.count))
      count += 1
    }

    func ordinal(_ entry: UInt32) -> Int {
      Int(pages[Int(entry) >> Self.pageBits].ordinals[Int(entry) & (Self.pageSize - 1)])
    }

    func firstMatch(_ entry: UInt32) -> UInt32 {
      pages[Int(entry) >> Self.pageBits].firstMatches[Int(entry) & (Self.pageSize - 1)]
    }

    func id(_ entry: UInt32) -> String {
      let page = pages[Int(entry) >> Self.pageBits]
      let index = Int(entry) & (Self.pageSize - 1)
      let start = index == 0 ? 0 : Int(page.idEnds[index - 1])
      return String(decoding: page.idBytes[start..<Int(page.idEnds[index])], as: UTF8.self)
    }

    func withSignature<Result>(
      _ entry: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
      let size = NearDuplicateDetector.signatureBytes
      let start = (Int(entry) & (Self.pageSize - 1)) * size
      return pages[Int(entry) >> Self.pageBits].signatures.withUnsafeBufferPointer {
        body(UnsafeBufferPointer(rebasing: $0[start..<(start + size)]))
      }
    }
  }
}
