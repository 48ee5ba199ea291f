import JobLensCore

/// Finds postings whose normalised text is a near-duplicate of an earlier one (MinHash + LSH).
///
/// Feed postings in input order to `check(id:title:text:)`; each call records the posting and
/// returns the earliest earlier posting it duplicates, or nil.
///
/// - Normalisation: the title's words, then the text's. A word is a maximal run of bytes that are
///   ASCII letters, ASCII digits or ≥ 0x80 (all non-ASCII UTF-8, so accented letters stay inside
///   words, and so do non-ASCII spaces and bullets such as U+00A0 and U+2022); every other byte
///   separates words. Only ASCII letters are lowercased ("É" and "é" differ).
/// - Exact duplicates: identical normalised word sequences, found through a 64-bit hash of the
///   words. A posting without words (empty, or only punctuation) is never reported as a
///   duplicate and is never matched: all empty postings are alike, but not copies of each other.
/// - Near duplicates: a MinHash signature of the set of `shingleSize`-word shingles (a posting
///   with fewer words uses its whole word sequence as one shingle). It is a one-permutation
///   MinHash with 128 bins (`hashCount`), empty bins densified, each bin's minimum kept as a
///   4-bit b-bit minhash: 64 bytes a posting. LSH banding over the full 64-bit minima makes an
///   earlier posting a candidate when all `rows` minima of at least one of the `bands` bands
///   agree; a candidate is verified when the Jaccard similarity estimated from the 4-bit
///   signatures reaches `threshold`. The match is the earliest (lowest ordinal) verified
///   candidate; an exact copy matches what its first copy matched, so every posting points at
///   the earliest posting known to duplicate it.
/// - Defaults: threshold 0.8, 5-word shingles, 128 minhashes, 10 bands × 4 rows. A pair with
///   Jaccard similarity s becomes a candidate with probability 1 − (1 − s⁴)¹⁰: 0.476 at s = 0.5,
///   0.936 at 0.7, 0.995 at 0.8 and 0.99998 at 0.9. The estimate's standard error is about 0.035
///   near 0.8, so pairs within a few hundredths of the threshold may fall either way.
/// - Memory: for each distinct non-empty posting, 64 bytes of signature, 8 of ordinal and
///   back-link, the id's UTF-8 bytes + 4, and hash-table slots (8 bytes in each band, 12 in the
///   exact table, at 68–85 % load): about 200–230 bytes with 16-byte ids. Exact copies and empty
///   postings cost nothing.
/// - Bounded work: an LSH bucket keeps at most `bucketCapacity` postings (the earliest ones), so
///   a template shared by thousands of postings cannot make checking quadratic.
/// - Determinism: every hash uses a fixed seed (never `Hasher`, which is seeded per process), so
///   the same postings in the same order give the same answers in every run.
public struct NearDuplicateDetector: Sendable {
  /// Detection parameters; `threshold` 0.8, `shingleSize` 5, `bands` 10 × `rows` 4 by default.
  public struct Options: Sendable, Equatable {
    /// Estimated Jaccard similarity of word shingles at or above which postings are duplicates.
    public var threshold: Double
    /// Words per shingle.
    public var shingleSize: Int
    /// LSH bands; `bands × rows` must not exceed `NearDuplicateDetector.hashCount`.
    public var bands: Int
    /// Minhashes per LSH band.
    public var rows: Int
    /// Most postings kept in one LSH bucket (the earliest), bounding the work per posting.
    public var bucketCapacity: Int

    /// Creates options; the detector clamps out-of-range values into their valid ranges.
    public init(
      threshold: Double = 0.8, shingleSize: Int = 5, bands: Int = 10, rows: Int = 4,
      bucketCapacity: Int = 128
    ) {
      self.threshold = threshold
      self.shingleSize = shingleSize
      self.bands = bands
      self.rows = rows
      self.bucketCapacity = bucketCapacity
    }

    /// The probability 1 − (1 − sʳ)ᵇ that a pair with Jaccard similarity s becomes a candidate.
    public func candidateProbability(similarity: Double) -> Double {
      var bandAgrees = 1.0
      for _ in 0..<max(rows, 0) { bandAgrees *= similarity }
      var allBandsDiffer = 1.0
      for _ in 0..<max(bands, 0) { allBandsDiffer *= 1 - bandAgrees }
      return 1 - allBandsDiffer
    }

    /// These options with every value moved into its valid range.
    var clamped: Options {
      var options = self
      options.threshold = threshold.isNaN ? 0.8 : min(max(threshold, 0), 1)
      options.shingleSize = max(shingleSize, 1)
      options.rows = min(max(rows, 1), NearDuplicateDetector.hashCount)
      options.bands = min(max(bands, 1), NearDuplicateDetector.hashCount / options.rows)
      options.bucketCapacity = max(bucketCapacity, 1)
      return options
    }
  }

  /// An earlier posting that a checked posting duplicates.
  public struct Match: Sendable, Equatable {
    /// The earlier posting's position among all checked postings, counting from 0.
    public var ordinal: Int
    /// The earlier posting's id.
    public var id: String
    /// Whether the two normalised word sequences are identical.
    public var isExact: Bool
    /// Jaccard similarity of the shingle sets estimated from the signatures (1 when exact).
    public var similarity: Double

    /// Creates a match.
    public init(ordinal: Int, id: String, isExact: Bool, similarity: Double) {
      self.ordinal = ordinal
      self.id = id
      self.isExact = isExact
      self.similarity = similarity
    }
  }

  /// Minhashes (one-permutation bins) in a signature; each is stored in 4 bits.
  public static let hashCount = 128

  /// The options in effect, after clamping.
  public let options: Options
  /// Postings checked so far, including empty ones and duplicates.
  public private(set) var count = 0

  private var entries = EntryStore()
  private var exactTable = ExactTable()
  private var bandTables: [BandTable]
  private var scratch = Scratch()

  /// Creates an empty detector.
  public init(options: Options = Options()) {
    self.options = options.clamped
    bandTables = Array(repeating: BandTable(), count: self.options.bands)
  }

  /// Records a posting and returns the earliest earlier posting it duplicates, or nil.
  /// - Complexity: O(n + 128) for n bytes, plus at most bands × bucketCapacity verifications.
  public mutating func check(id: String, title: String, text: String) -> Match? {
    let ordinal = count
    count += 1
    defer { scratch.releaseIfLarge() }
    guard scratch.normalize(title: title, text: text) > 0 else { return nil }
    let key = scratch.exactKey()
    if let first = exactTable.find(key) { return matchForCopy(of: first) }

    scratch.computeSignature(shingleSize: options.shingleSize)
    let canRecord = entries.count < Int(UInt32.max - 1) && ordinal < Int(UInt32.max)
    let newEntry: UInt32? = canRecord ? UInt32(entries.count) : nil
    scratch.candidates.removeAll(keepingCapacity: true)
    for band in 0..<options.bands {
      let fingerprint = scratch.bandFingerprint(band: band, rows: options.rows)
      bandTables[band].collect(
        fingerprint, into: &scratch.candidates, inserting: newEntry,
        bucketCapacity: options.bucketCapacity)
    }
    let found = earliestVerifiedCandidate()
    if let newEntry {
      scratch.signature.withUnsafeBufferPointer { signature in
        entries.append(
          signature: signature, ordinal: UInt32(ordinal), firstMatch: found?.entry ?? .max, id: id)
      }
      exactTable.insert(key, entry: newEntry)
    }
    guard let found else { return nil }
    return Match(
      ordinal: entries.ordinal(found.entry), id: entries.id(found.entry), isExact: false,
      similarity: found.similarity)
  }

  /// The match for a posting whose normalised text equals that of recorded entry `first`.
  private func matchForCopy(of first: UInt32) -> Match {
    let earlier = entries.firstMatch(first)
    guard earlier != .max else {
      return Match(
        ordinal: entries.ordinal(first), id: entries.id(first), isExact: true, similarity: 1)
    }
    let similarity = entries.withSignature(first) { copy in
      entries.withSignature(earlier) { Self.estimatedSimilarity(copy, $0) }
    }
    return Match(
      ordinal: entries.ordinal(earlier), id: entries.id(earlier), isExact: false,
      similarity: similarity)
  }

  /// The lowest candidate entry whose estimated similarity reaches the threshold.
  private mutating func earliestVerifiedCandidate() -> (entry: UInt32, similarity: Double)? {
    guard !scratch.candidates.isEmpty else { return nil }
    scratch.candidates.sort()
    var previous = UInt32.max
    for candidate in scratch.candidates where candidate != previous {
      previous = candidate
      let similarity = scratch.signature.withUnsafeBufferPointer { signature in
        entries.withSignature(candidate) { Self.estimatedSimilarity(signature, $0) }
      }
      if similarity >= options.threshold { return (candidate, similarity) }
    }
    return nil
  }

  /// The normalised words of a posting, title first (for tests and diagnostics).
  static func normalizedWords(title: String, text: String) -> [String] {
    var scratch = Scratch()
    _ = scratch.normalize(title: title, text: text)
    return scratch.words
  }

  /// The hash that identifies exact duplicates, or nil for a posting without words.
  static func exactKey(title: String, text: String) -> UInt64? {
    var scratch = Scratch()
    guard scratch.normalize(title: title, text: text) > 0 else { return nil }
    return scratch.exactKey()
  }

  /// The similarity of two postings estimated from their signatures, or nil if one has no words.
  static func estimatedSimilarity(
    _ lhs: (title: String, text: String), _ rhs: (title: String, text: String),
    shingleSize: Int = Options().shingleSize
  ) -> Double? {
    var first = Scratch()
    var second = Scratch()
    guard first.normalize(title: lhs.title, text: lhs.text) > 0,
      second.normalize(title: rhs.title, text: rhs.text) > 0
    else { return nil }
    first.computeSignature(shingleSize: shingleSize)
    second.computeSignature(shingleSize: shingleSize)
    return first.signature.withUnsafeBufferPointer { lhs in
      second.signature.withUnsafeBufferPointer { estimatedSimilarity(lhs, $0) }
    }
  }

  /// Jaccard similarity estimated from two packed 4-bit signatures, corrected for the 1/16
  /// chance that two different minhashes share their low bits (Li and König's b-bit estimator).
  static func estimatedSimilarity(
    _ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>
  ) -> Double {
    var differing = 0
    for word in 0..<(signatureBytes / 8) {
      let x =
        UnsafeRawBufferPointer(lhs).loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
        ^ UnsafeRawBufferPointer(rhs).loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
      var nibbles = x | (x >> 1)
      nibbles |= nibbles >> 2
      differing += (nibbles & 0x1111_1111_1111_1111).nonzeroBitCount
    }
    let agreement = Double(hashCount - differing) / Double(hashCount)
    let chance = 1.0 / 16
    return min(max((agreement - chance) / (1 - chance), 0), 1)
  }

  static let signatureBytes = hashCount / 2

  static let binBits = 7

  /// For each bin, the other bins in a fixed pseudo-random order: where densification looks for
  /// a non-empty bin to copy (bin i's order is at offsets i·127 ..< (i + 1)·127).
  static let densifyOrder: [UInt8] = {
    var state: UInt64 = 0x4A6F_624C_656E_7331  // "JobLens1"
    var order: [UInt8] = []
    order.reserveCapacity(hashCount * (hashCount - 1))
    for bin in 0..<hashCount {
      var others = (0..<hashCount).filter { $0 != bin }.map { UInt8($0) }
      for index in stride(from: others.count - 1, to: 0, by: -1) {
        others.swapAt(index, Int(splitMix64(&state) % UInt64(index + 1)))
      }
      order.append(contentsOf: others)
    }
    return order
  }()

  static let exactSeed: UInt64 = 0x6578_6163_7420_7478
  static let wordSeed: UInt64 = 0x776F_7264_7320_2020
  static let shingleSeed: UInt64 = 0x7368_696E_676C_6573
  static let bandSeed: UInt64 = 0x6261_6E64_7320_2020
  static let combinePrime: UInt64 = 0x9E37_79B9_7F4A_7C15 | 1
}

/// SplitMix64, the fixed-seed generator behind the densification order.
private func splitMix64(_ state: inout UInt64) -> UInt64 {
  state &+= 0x9E37_79B9_7F4A_7C15
  var z = state
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// MurmurHash3's 64-bit finaliser: spreads every input bit over the whole word.
@inline(__always) private func mix64(_ value: UInt64) -> UInt64 {
  var x = value
  x ^= x >> 33
  x &*= 0xFF51_AFD7_ED55_8CCD
  x ^= x >> 33
  x &*= 0xC4CE_B9FE_1A85_EC53
  x ^= x >> 33
  return x
}

/// Reusable buffers for one posting, so checking allocates nothing in the steady state.
private struct Scratch: Sendable {
  /// Title and text with ASCII letters lowercased and separator bytes zeroed, joined by a zero
  /// byte and followed by at least 8 zero bytes (so 8-byte loads never leave the buffer).
  var bytes: ContiguousArray<UInt8> = []
  /// Start and end offsets in `bytes` of each word (first `wordCount` entries).
  var wordStarts: ContiguousArray<Int> = []
  var wordEnds: ContiguousArray<Int> = []
  var wordCount = 0
  var wordHashes: ContiguousArray<UInt64> = []
  var minima = ContiguousArray<UInt64>(repeating: .max, count: NearDuplicateDetector.hashCount)
  var signature = ContiguousArray<UInt8>(
    repeating: 0, count: NearDuplicateDetector.signatureBytes)
  var candidates: ContiguousArray<UInt32> = []

  /// Drops buffers grown for an unusually long posting (about 12 bytes per text byte), so that
  /// one 10 MB posting does not keep 120 MB for the rest of the run.
  mutating func releaseIfLarge() {
    guard bytes.count > 1 << 20 else { return }
    bytes = []
    wordStarts = []
    wordEnds = []
    wordHashes = []
  }

  /// Splits title then text into normalised words and hashes each; returns the word count.
  mutating func normalize(title: String, text: String) -> Int {
    var title = title
    var text = text
    let titleCount = title.utf8.count
    let textCount = text.utf8.count
    let used = titleCount + 1 + textCount
    let needed = (used + 15) & ~7
    if bytes.count < needed {
      // Words alternate with separators, so there are at most used / 2 + 1 < needed / 2 of them.
      bytes = ContiguousArray(repeating: 0, count: needed)
      wordStarts = ContiguousArray(repeating: 0, count: needed / 2)
      wordEnds = ContiguousArray(repeating: 0, count: needed / 2)
      wordHashes = ContiguousArray(repeating: 0, count: needed / 2)
    }
    bytes.withUnsafeMutableBufferPointer { output in
      title.withUTF8 { Self.fold($0, into: output.baseAddress!) }
      output[titleCount] = 0
      text.withUTF8 { Self.fold($0, into: output.baseAddress! + titleCount + 1) }
      for index in used..<needed { output[index] = 0 }
    }
    wordCount = findWords(in: needed)
    hashWords()
    return wordCount
  }

  /// Copies `input` with ASCII letters lowercased, ASCII digits and bytes ≥ 0x80 kept, and every
  /// other byte zeroed. Branch-free, so the compiler vectorises it.
  @inline(__always) private static func fold(
    _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>
  ) {
    for index in 0..<input.count {
      let byte = input[index]
      let lowered = byte | 0x20
      let isLetter = lowered &- 0x61 < 26
      let isWord = isLetter || byte &- 0x30 < 10 || byte >= 0x80
      output[index] = isWord ? (isLetter ? lowered : byte) : 0
    }
  }

  /// Records the runs of non-zero bytes in the first `count` bytes (a multiple of 8 ending in a
  /// zero), eight bytes at a time, so the work follows the number of words, not of bytes.
  private mutating func findWords(in count: Int) -> Int {
    var words = 0
    bytes.withUnsafeBytes { raw in
      wordStarts.withUnsafeMutableBufferPointer { starts in
        wordEnds.withUnsafeMutableBufferPointer { ends in
          let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
          let high: UInt64 = 0x8080_8080_8080_8080
          var inWord: UInt64 = 0  // 0x80 when the previous byte belongs to a word
          var offset = 0
          while offset < count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            // Bit 7 of each byte: the byte is not zero.
            let nonZero = (((chunk & low7) &+ low7) | chunk) & high
            var changes = nonZero ^ ((nonZero << 8) | inWord)
            while changes != 0 {
              let position = offset + changes.trailingZeroBitCount >> 3
              if nonZero & (changes & (0 &- changes)) != 0 {
                starts[words] = position
              } else {
                ends[words] = position
                words += 1
              }
              changes &= changes &- 1
            }
            inWord = nonZero >> 56
            offset += 8
          }
        }
      }
    }
    return words
  }

  /// Fills `wordHashes` for the `wordCount` words.
  private mutating func hashWords() {
    let words = wordCount
    bytes.withUnsafeBytes { raw in
      wordStarts.withUnsafeBufferPointer { starts in
        wordEnds.withUnsafeBufferPointer { ends in
          wordHashes.withUnsafeMutableBufferPointer { hashes in
            for index in 0..<words {
              let start = starts[index]
              let length = ends[index] - start
              if length <= 8 {
                // Words hold no zero bytes, so a word of up to 8 bytes is its own 64-bit key;
                // mixing it is much cheaper than a general hash call for the common case.
                let loaded = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian
                let key = length == 8 ? loaded : loaded & ((1 << UInt64(8 * length)) - 1)
                hashes[index] = mix64(key ^ NearDuplicateDetector.wordSeed)
              } else {
                hashes[index] = XXHash64.hash(
                  UnsafeRawBufferPointer(rebasing: raw[start..<ends[index]]),
                  seed: NearDuplicateDetector.wordSeed)
              }
            }
          }
        }
      }
    }
  }

  /// The normalised words as strings (for tests and diagnostics).
  var words: [String] {
    (0..<wordCount).map {
      String(decoding: bytes[wordStarts[$0]..<wordEnds[$0]], as: UTF8.self)
    }
  }

  /// The 64-bit hash of the normalised word sequence (order-sensitive, over the word hashes).
  func exactKey() -> UInt64 {
    var combined = NearDuplicateDetector.exactSeed ^ UInt64(wordCount)
    wordHashes.withUnsafeBufferPointer { hashes in
      for index in 0..<wordCount {
        combined = (combined ^ hashes[index]) &* NearDuplicateDetector.combinePrime
      }
    }
    return mix64(combined)
  }

  /// Fills `minima` and the packed 4-bit `signature` from the posting's shingles.
  ///
  /// One-permutation MinHash: each shingle hash falls into one of `hashCount` bins by its top
  /// bits and each bin keeps its minimum, so a posting costs O(shingles + bins) instead of
  /// O(shingles × hashes). Empty bins are filled by optimal densification (Shrivastava, ICML
  /// 2017): bin i copies the first non-empty bin along a fixed pseudo-random order of the other
  /// bins, which keeps the chance that two postings agree in a bin equal to their Jaccard
  /// similarity.
  mutating func computeSignature(shingleSize: Int) {
    let binCount = NearDuplicateDetector.hashCount
    let words = wordCount
    let width = min(shingleSize, words)
    let shingles = words - width + 1
    let prime = NearDuplicateDetector.combinePrime
    let binShift = UInt64(64 - NearDuplicateDetector.binBits)
    wordHashes.withUnsafeBufferPointer { hashes in
      minima.withUnsafeMutableBufferPointer { minima in
        for bin in 0..<binCount { minima[bin] = .max }
        for first in 0..<shingles {
          var combined = NearDuplicateDetector.shingleSeed
          for offset in 0..<width { combined = (combined ^ hashes[first + offset]) &* prime }
          // `.max` marks an empty bin, so no shingle may hash to it.
          let shingle = min(mix64(combined), .max - 1)
          let bin = Int(shingle >> binShift)
          minima[bin] = min(minima[bin], shingle)
        }
        var filled = (UInt64(0), UInt64(0))
        for bin in 0..<binCount where minima[bin] != .max {
          if bin < 64 { filled.0 |= 1 << UInt64(bin) } else { filled.1 |= 1 << UInt64(bin - 64) }
        }
        guard filled.0 & filled.1 != .max else { return }
        NearDuplicateDetector.densifyOrder.withUnsafeBufferPointer { order in
          for bin in 0..<binCount where minima[bin] == .max {
            var position = bin * (binCount - 1)
            while true {
              let source = Int(order[position])
              let word = source < 64 ? filled.0 : filled.1
              if word & (1 << UInt64(source & 63)) != 0 {
                minima[bin] = minima[source]
                break
              }
              position += 1
            }
          }
        }
      }
    }
    // The low bits of a bin's minimum are independent of the high bits that made it the minimum.
    minima.withUnsafeBufferPointer { minima in
      signature.withUnsafeMutableBufferPointer { signature in
        for index in 0..<(binCount / 2) {
          let low = UInt8(truncatingIfNeeded: minima[2 * index]) & 0x0F
          let high = UInt8(truncatingIfNeeded: minima[2 * index + 1]) & 0x0F
          signature[index] = low | (high << 4)
        }
      }
    }
  }

  /// The 32-bit fingerprint of band `band`: a hash of its `rows` full 64-bit minhashes.
  func bandFingerprint(band: Int, rows: Int) -> UInt32 {
    let prime = NearDuplicateDetector.combinePrime
    var combined = NearDuplicateDetector.bandSeed ^ UInt64(band)
    for row in (band * rows)..<((band + 1) * rows) {
      combined = (combined ^ minima[row]) &* prime
    }
    return UInt32(truncatingIfNeeded: mix64(combined) >> 32)
  }
}

/// The slots of a linear-probing table: a key and an entry per slot, `UInt32.max` marking an
/// empty one. Grows by 1.25× once 85 % full (68–85 % load).
private struct ProbeSlots<Key: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
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
private struct BandTable: Sendable {
  private var slots = ProbeSlots<UInt32>()

  /// Appends the entries stored under `fingerprint` to `candidates`, then stores `entry` under it
  /// unless the bucket already holds `bucketCapacity` entries.
  /// - Complexity: O(1) expected, O(bucketCapacity) when the bucket is full.
  mutating func collect(
    _ fingerprint: UInt32, into candidates: inout ContiguousArray<UInt32>, inserting entry: UInt32?,
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
private struct ExactTable: Sendable {
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
private struct EntryStore: Sendable {
  private static let pageBits = 12
  private static let pageSize = 1 << pageBits

  private struct Page: Sendable {
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
