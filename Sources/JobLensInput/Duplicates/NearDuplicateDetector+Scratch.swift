import JobLensCore

extension NearDuplicateDetector {
  /// Reusable buffers for one posting, so checking allocates nothing in the steady state.
  struct Scratch: Sendable {
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
                  let loaded = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                    .littleEndian
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
