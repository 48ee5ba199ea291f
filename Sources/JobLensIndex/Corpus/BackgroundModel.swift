import JobLensCore

/// What a background corpus of real job postings taught the index: the words of each posting
/// section (duties, requirements, company text, offers, legal and application text, as their
/// headings named them), the sentences that recur across unrelated postings (template text),
/// and how often each skill is found in a posting. Empty when the index was built without a
/// corpus; the analysis then reads sections by headings and lexicons alone.
///
/// The index keeps the numbers, not their meaning: sections are numbered by the analysis that
/// learned them (``sectionCount`` of them), and words and sentences are 64-bit hashes of their
/// stems and match keys.
package struct BackgroundModel: Sendable, Equatable {
  /// Postings read (0: no corpus).
  package var postingCount = 0
  /// SHA-256 of the corpus's titles and texts, recorded with the model ("" without a corpus).
  package var sourceChecksum = ""
  /// Per section: the phrases seen under a heading of that section.
  package var sectionPhrases: [UInt32] = []
  /// Word hashes, ascending…
  package var wordHashes: [UInt64] = []
  /// …and per word, per section (row-major, ``sectionCount`` per word): the phrases of that
  /// section containing it.
  package var wordSectionCounts: [UInt32] = []
  /// Hashes of the sentences that recur in postings of several different titles, ascending…
  package var templateHashes: [UInt64] = []
  /// …and the section each was mostly seen in (``noSection`` when under no known heading).
  package var templateSections: [UInt8] = []
  /// Per skill: the share of the corpus's postings in which the skill was found (empty
  /// without a corpus).
  package var skillRates: [Float] = []

  /// A template sentence seen under no known heading.
  package static let noSection: UInt8 = 255

  package init() {}

  /// The number of sections the word counts distinguish.
  package var sectionCount: Int { sectionPhrases.count }

  /// Whether a corpus was read.
  package var isEmpty: Bool { postingCount == 0 }

  /// The row of a word in ``wordSectionCounts`` (nil when the corpus never had it).
  /// - Complexity: O(log w) for w words.
  package func row(ofWord hash: UInt64) -> Int? { Self.position(of: hash, in: wordHashes) }

  /// The section a template sentence was mostly seen in (``noSection`` when none), or nil when
  /// the sentence is not a template.
  /// - Complexity: O(log t) for t templates.
  package func templateSection(of hash: UInt64) -> UInt8? {
    Self.position(of: hash, in: templateHashes).map { templateSections[$0] }
  }

  /// The share of the corpus's postings that name a skill (0 without a corpus).
  package func skillRate(_ skill: Int) -> Double {
    skill < skillRates.count ? Double(skillRates[skill]) : 0
  }

  /// Structural checks: parallel arrays of equal length, hashes ascending, rates in 0…1.
  func problem(skillCount: Int) -> String? {
    guard postingCount >= 0, wordSectionCounts.count == wordHashes.count * sectionCount,
      templateSections.count == templateHashes.count,
      skillRates.isEmpty || skillRates.count == skillCount,
      skillRates.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }),
      zip(wordHashes, wordHashes.dropFirst()).allSatisfy({ $0 < $1 }),
      zip(templateHashes, templateHashes.dropFirst()).allSatisfy({ $0 < $1 }),
      templateSections.allSatisfy({ Int($0) < sectionCount || $0 == Self.noSection })
    else { return "background model" }
    return nil
  }

  /// The position of a hash in an ascending array.
  private static func position(of hash: UInt64, in hashes: [UInt64]) -> Int? {
    let low = hashes.lowerBound { $0 < hash }
    return low < hashes.count && hashes[low] == hash ? low : nil
  }
}
