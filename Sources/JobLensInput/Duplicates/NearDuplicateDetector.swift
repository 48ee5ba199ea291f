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
