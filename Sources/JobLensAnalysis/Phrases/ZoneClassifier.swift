import Foundation
import JobLensCore
package import JobLensIndex
package import JobLensText

/// Options of ``ZoneClassifier``: how much each kind of evidence counts for a phrase's zone.
public struct ZoneOptions: Sendable, Equatable {
  /// Weight of the background corpus's word model (its per-zone log-likelihoods, relative to
  /// the likeliest zone).
  public var wordModelWeight = 0.5
  /// Added to a zone per cue phrase of that zone in the phrase (at most two count).
  public var cueWeight = 4.0
  /// Added to the zone of the section heading a phrase stands under.
  public var headingWeight = 4.0
  /// Added to the zone a recurring template sentence was mostly seen in, or taken from duties
  /// when it was seen under no heading: text that recurs in postings of many different jobs
  /// is not a task of this one.
  public var templateWeight = 2.0
  /// Added to duties: a phrase with no other evidence is a duty.
  public var dutyPrior = 0.5
  /// Added to duties when a phrase opens with a task verb (the first word of an ESCO skill's
  /// preferred label: "Prepare…", "Schedules…", "Answering…").
  public var taskVerbWeight = 2.0
  /// The chance that a phrase is in the zone of the phrase before it: zones come in runs.
  public var stayProbability = 0.85
  /// The word model's smoothing (added to every word's count).
  public var smoothing = 0.5
  /// In a posting where no phrase is zoned a duty or a requirement, phrases whose duty or
  /// requirement score is within this of their best zone's are read as that (half a cue: a
  /// phrase with its own cue for another zone keeps it).
  public var fallbackMargin = 2.0

  public init() {}
}

/// Gives every phrase of a posting a ``PostingZone``: from the section heading it stands under,
/// cue phrases (``ZoneLexicons``; a phrase whose subject is one of the posting's names,
/// ``names(in:searcher:)``, is cued as company text), the background corpus's word model and
/// template sentences (``BackgroundModel``), and the zones of its neighbours (zones come in runs: the most likely
/// sequence of zones is chosen, as by a hidden Markov model's Viterbi path).
///
/// Headings get the zone they open (``SectionHeadings``; other headings and phrases without a
/// word are ``PostingZone/other``).
package final class ZoneClassifier {
  let model: BackgroundModel
  let options: ZoneOptions
  /// The duty zone's section.
  private static let duty = PostingZone.duty.section!
  /// Per word of the model (row-major, a row per word): its smoothed log-likelihood in each
  /// learned zone.
  private let wordScores: [Double]
  /// The model's row of each form's stem, found on first use.
  private var formRows = FormRows()
  /// The cue phrases (tagged with their zone) and the requirement cues (tagged
  /// ``requirementCueTag``), found in one pass.
  private static let cues = PhraseLexicon(
    tagged: ZoneLexicons.cues.map { ($0.0, $0.1.rawValue) }
      + ZoneLexicons.requirementCues.map { ($0, requirementCueTag) })
  private static let requirementCueTag = "requirement cue"
  private static let openings = PhraseLexicon(ZoneLexicons.requirementOpenings)
  /// Template sentences are this long at least (in words).
  package static let templateMinimumWords = 4

  package init(index: ConceptIndex, options: ZoneOptions) {
    model = index.background
    self.options = options
    let zones = model.sectionCount
    var totals = [Double](repeating: 0, count: zones)
    for (offset, count) in model.wordSectionCounts.enumerated() {
      totals[offset % max(1, zones)] += Double(count)
    }
    let vocabulary = Double(model.wordHashes.count)
    let logTotals = totals.map { log($0 + options.smoothing * vocabulary) }
    wordScores = model.wordSectionCounts.enumerated().map { offset, count in
      log(Double(count) + options.smoothing) - logTotals[offset % max(1, zones)]
    }
  }

  /// The zone of each phrase. `keys`: the phrases' match keys
  /// (``PhraseLexicon/keys(of:in:tokenizer:)``).
  /// - Complexity: O(p × z²) for p phrases and z zones, plus the words' lookups.
  package func classify(
    _ phrases: [TaskPhrase], keys: [[String]], in tokenized: TokenizedText,
    searcher: ConceptSearcher
  ) -> [PostingZone] {
    let tokenizer = searcher.tokenizer
    // Moved out while the phrases are read (no exclusivity checks per word).
    var formRows = self.formRows
    self.formRows = FormRows()
    defer { self.formRows = formRows }
    formRows.begin(tokenizer: tokenizer)
    var zones = [PostingZone](repeating: .other, count: phrases.count)
    var scored: [(phrase: Int, scores: [Double])] = []
    var section: PostingZone?
    // A lone phrase (a sentence given to `joblens skills`, a one-line text) has no neighbours
    // and no sections: the corpus's word model, which a posting's runs of phrases confirm,
    // is left out, and its own cues decide (a duty by default).
    let isLone = ZoneClassifier.isLone(phrases)
    let names = isLone ? [] : ZoneClassifier.names(in: tokenized, searcher: searcher)
    for (position, phrase) in phrases.enumerated() {
      if phrase.kind == .heading {
        section = SectionHeadings.zone(of: keys[position])
        zones[position] = section ?? .other
        continue
      }
      // Reserved: filtering grows an array step by step (an allocation per doubling).
      var words: [Int] = []
      words.reserveCapacity(phrase.tokens.count)
      for token in phrase.tokens where tokenized.tokens[token].kind == .word { words.append(token) }
      guard !words.isEmpty else { continue }
      var scores =
        isLone
        ? [Double](repeating: 0, count: PostingZone.learned.count)
        : wordModelScores(words, of: tokenized, tokenizer: tokenizer, formRows: &formRows)
      scores[ZoneClassifier.duty] += options.dutyPrior
      let opensWithTask =
        !ZoneClassifier.openings.starts(keys[position])
        && searcher.isTaskVerb(searcher.term(tokenized.tokens[words[0]].form))
      // A task that names the company's customers or products ("Answer our customers'
      // e-mails") is still a task: company cues do not count in it.
      var cued = addCues(
        keys[position], of: phrase, in: tokenized, formRows: &formRows, to: &scores,
        ignoring: opensWithTask ? .company : nil)
      if !opensWithTask && words.count >= 4
        && ZoneClassifier.opensWithName(
          words, firstKey: keys[position][words[0] - phrase.tokens.lowerBound], names, tokenized)
      {
        scores[ZoneClassifier.company] += options.cueWeight
        cued.insert(ZoneClassifier.company)
      }
      if opensWithTask { scores[ZoneClassifier.duty] += options.taskVerbWeight }
      // A phrase's own cue for another zone outweighs the heading it stands under: scraped
      // sections run on ("Compensation: $18 per hour. … must know Excel").
      if let section, let index = section.section, cued.isEmpty || cued.contains(index) {
        scores[index] += options.headingWeight
      }
      if words.count >= ZoneClassifier.templateMinimumWords,
        let template = model.templateSection(of: ZoneClassifier.sentenceHash(keys[position]))
      {
        if Int(template) < scores.count {
          scores[Int(template)] += options.templateWeight
        } else {
          scores[ZoneClassifier.duty] -= options.templateWeight
        }
      }
      scored.append((position, scores))
    }
    for (entry, zone) in zip(scored, bestPath(scored.map(\.scores))) {
      zones[entry.phrase] = PostingZone.learned[zone]
    }
    if !isLone { readJobIfNone(scored, into: &zones) }
    return zones
  }

  /// A posting describes a job: when no phrase reads as a duty or a requirement (a short
  /// posting under a pay line, one legal sentence that pulls its neighbours along), the
  /// phrases whose own scores put a duty or a requirement within
  /// ``ZoneOptions/fallbackMargin`` of their best zone are read as that. (A lone phrase has
  /// no neighbours to be pulled along by: its own cues stand.)
  private func readJobIfNone(
    _ scored: [(phrase: Int, scores: [Double])], into zones: inout [PostingZone]
  ) {
    let job = [ZoneClassifier.duty, PostingZone.requirement.section!]
    guard !scored.contains(where: { job.contains(zones[$0.phrase].section ?? -1) }) else {
      return
    }
    for (phrase, scores) in scored {
      let zone = scores[job[1]] > scores[job[0]] ? job[1] : job[0]
      if scores.max()! - scores[zone] <= options.fallbackMargin {
        zones[phrase] = PostingZone.learned[zone]
      }
    }
  }

  private static let company = PostingZone.company.section!

  /// The posting's names: words of four letters or more, written with a capital, that the
  /// index does not know and that the posting uses twice or more ("AECOM", "Arize", "Canva":
  /// the company, its products, its places).
  static func names(in tokenized: TokenizedText, searcher: ConceptSearcher) -> Set<FormID> {
    var counts: [FormID: Int] = [:]
    for token in tokenized.tokens where token.kind == .word {
      let first = tokenized.text.bytes[token.byteRange.lowerBound]
      guard first >= 0x41 && first <= 0x5A, token.byteRange.count > 3,
        searcher.term(token.form) < 0
      else { continue }
      counts[token.form, default: 0] += 1
    }
    return Set(counts.filter { $0.value >= 2 }.keys)
  }

  /// Whether a phrase's subject is one of the posting's names: its first word, or its second
  /// after "as" or "at" ("Arize is the leading …", "AECOM Government Services supports …",
  /// "As Canva scales …"): the company speaking of itself.
  /// `firstKey`: the first word's match key.
  static func opensWithName(
    _ words: [Int], firstKey: String, _ names: Set<FormID>, _ tokenized: TokenizedText
  ) -> Bool {
    if names.contains(tokenized.tokens[words[0]].form) { return true }
    return words.count > 1 && (firstKey == "as" || firstKey == "at")
      && names.contains(tokenized.tokens[words[1]].form)
  }

  /// Whether a text is one phrase (headings aside): a sentence, not a posting.
  package static func isLone(_ phrases: [TaskPhrase]) -> Bool {
    phrases.lazy.filter { $0.kind != .heading }.count == 1
  }

  /// The hash of a sentence's match keys, as templates are stored.
  package static func sentenceHash(_ keys: [String]) -> UInt64 {
    // The bytes of the keys joined by spaces, copied into one buffer on the stack (not
    // appended through the generic `append(contentsOf:)`, which cost more than a short key).
    let count = keys.reduce(Swift.max(keys.count - 1, 0)) { $0 + $1.utf8.count }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(count, 1)) { buffer in
      var end = 0
      for (position, key) in keys.enumerated() {
        if position > 0 {
          buffer[end] = 0x20
          end += 1
        }
        let copied: Void? = key.utf8.withContiguousStorageIfAvailable { utf8 in
          guard let start = utf8.baseAddress else { return }
          (buffer.baseAddress! + end).initialize(from: start, count: utf8.count)
        }
        if copied == nil {
          for (offset, byte) in key.utf8.enumerated() { buffer[end + offset] = byte }
        }
        end += key.utf8.count
      }
      return XXHash64.hash(UnsafeRawBufferPointer(start: buffer.baseAddress, count: end))
    }
  }

  /// The hash of a word's stem, as the word model stores it.
  package static func wordHash(_ stem: String) -> UInt64 { XXHash64.hash(Array(stem.utf8)) }

  /// Per learned zone: the word model's log-likelihood of the phrase's distinct words, minus
  /// the best zone's, times ``ZoneOptions/wordModelWeight`` (all 0 without a model).
  /// `words`: the phrase's words, as positions of `tokenized`'s tokens.
  private func wordModelScores(
    _ words: [Int], of tokenized: TokenizedText, tokenizer: Tokenizer, formRows: inout FormRows
  ) -> [Double] {
    let zones = PostingZone.learned.count
    guard model.sectionCount == zones, zones > 0, zones <= 8 else {
      return [Double](repeating: 0, count: zones)
    }
    // Summed in a vector's lanes (each lane's additions in the same order), and the phrase's
    // array made by `map`: `Array(repeating:count:)` of Doubles allocates through the standard
    // library's unspecialized path, which looks up the storage's metadata at every call
    // (about 650 instructions).
    var likelihoods = SIMD8<Double>()
    formRows.beginPhrase(rows: model.wordHashes.count)
    for word in words {
      let form = tokenized.tokens[word].form
      let row = formRows.row(of: form) {
        model.row(ofWord: ZoneClassifier.wordHash(tokenizer.form(form).stem))
      }
      guard let row, formRows.isFirst(row) else { continue }
      for zone in 0..<zones { likelihoods[zone] += wordScores[row * zones + zone] }
    }
    var best = likelihoods[0]
    // As `max()` compares.
    for zone in 1..<zones where best < likelihoods[zone] { best = likelihoods[zone] }
    let weight = options.wordModelWeight
    return (0..<zones).map { weight * (likelihoods[$0] - best) }
  }

  /// Adds the cue phrases' and requirement openings' weights (but those of `ignored`);
  /// returns the zones that got any. `keys`: those of `phrase`'s tokens.
  @discardableResult
  private func addCues(
    _ keys: [String], of phrase: TaskPhrase, in tokenized: TokenizedText,
    formRows: inout FormRows, to scores: inout [Double], ignoring ignored: PostingZone?
  )
    -> ZoneBits
  {
    // Per zone (``PostingZone/learned``, six): how many cues found it.
    var found = SIMD8<Int>()
    var requirementCue = false
    for start in keys.indices {
      // Most words start no cue: known per form, so that their keys are not hashed again.
      let form = tokenized.tokens[phrase.tokens.lowerBound + start].form
      guard formRows.startsCue(form, lookUp: { ZoneClassifier.cues.starts(with: keys[start]) })
      else { continue }
      // Cues that start at the same word count once per zone ("salary range" is "salary").
      var here = ZoneBits()
      ZoneClassifier.cues.forEachTag(keys, at: start) { tag in
        if tag == ZoneClassifier.requirementCueTag {
          requirementCue = true
        } else if let kind = PostingZone(rawValue: tag), kind != ignored, let zone = kind.section,
          here.insert(zone)
        {
          found[zone] += 1
        }
      }
    }
    let requirement = PostingZone.requirement.section!
    if ZoneClassifier.openings.starts(keys) { found[requirement] += 1 }
    if requirementCue { found[requirement] += 1 }
    var cued = ZoneBits()
    for zone in scores.indices {
      scores[zone] += options.cueWeight * Double(min(2, found[zone]))
      if found[zone] > 0 { cued.insert(zone) }
    }
    return cued
  }

  /// A set of learned zones (their ``PostingZone/section`` numbers) as bits, so that a
  /// phrase's cued zones need no allocation.
  struct ZoneBits {
    private var bits: UInt8 = 0

    var isEmpty: Bool { bits == 0 }

    func contains(_ zone: Int) -> Bool { bits & 1 << zone != 0 }

    /// Inserts `zone`; whether it was not in the set.
    @discardableResult
    mutating func insert(_ zone: Int) -> Bool {
      let inserted = !contains(zone)
      bits |= 1 << zone
      return inserted
    }
  }

  /// The most likely zone sequence for phrases with these per-zone scores (log-space), where
  /// a phrase keeps the zone of the one before it with ``ZoneOptions/stayProbability``.
  /// - Complexity: O(p × z²).
  private func bestPath(_ scores: [[Double]]) -> [Int] {
    guard let first = scores.first else { return [] }
    let zones = first.count
    let stay = log(options.stayProbability)
    let move = log((1 - options.stayProbability) / Double(max(1, zones - 1)))
    // Two rows swapped and the back pointers in one flat array: no arrays per phrase.
    var best = first
    var next = [Double](repeating: 0, count: zones)
    // Per phrase after the first, per zone: the zone before it on its best path.
    var back = [Int](repeating: 0, count: (scores.count - 1) * zones)
    for (step, row) in scores.dropFirst().enumerated() {
      for zone in 0..<zones {
        var bestScore = -Double.infinity
        for previous in 0..<zones {
          let score = best[previous] + (previous == zone ? stay : move)
          if score > bestScore {
            bestScore = score
            back[step * zones + zone] = previous
          }
        }
        next[zone] = bestScore + row[zone]
      }
      swap(&best, &next)
    }
    var zone = best.indices.max { best[$0] < best[$1] || (best[$0] == best[$1] && $0 > $1) }!
    var path = [Int](repeating: 0, count: scores.count)
    path[scores.count - 1] = zone
    for step in stride(from: scores.count - 2, through: 0, by: -1) {
      zone = back[step * zones + zone]
      path[step] = zone
    }
    return path
  }
}

/// The background model's row of each form's stem and whether a cue phrase starts with its
/// key, kept per tokenizer form (forms are interned, so each word is hashed and looked up
/// once), until the tokenizer's form table is cleared. One per analyzer.
private struct FormRows {
  private var generation = -1
  /// Per form ID: its row + 1, 0 for a word not in the model, −1 not looked up yet.
  private var rows: [Int32] = []
  /// Per form ID: 1 when a cue phrase starts with its key, 0 when none does, −1 not looked up.
  private var cueStarts: [Int8] = []
  /// Per row: the phrase that last counted it (so that each word counts once per phrase).
  private var lastPhrase: [UInt32] = []
  private var phrase: UInt32 = 0

  /// Starts reading a text tokenised by `tokenizer` (forgetting every form when its form table
  /// was cleared since).
  mutating func begin(tokenizer: Tokenizer) {
    guard generation != tokenizer.formGeneration else { return }
    rows.removeAll(keepingCapacity: true)
    cueStarts.removeAll(keepingCapacity: true)
    generation = tokenizer.formGeneration
  }

  /// Starts a phrase, for ``isFirst(_:)``; `rows`: the model's word count.
  mutating func beginPhrase(rows: Int) {
    if lastPhrase.count != rows { lastPhrase = [UInt32](repeating: 0, count: rows) }
    phrase &+= 1
    if phrase == 0 {
      lastPhrase = [UInt32](repeating: 0, count: rows)
      phrase = 1
    }
  }

  /// Whether a row is counted for the first time in the current phrase.
  mutating func isFirst(_ row: Int) -> Bool {
    guard lastPhrase[row] != phrase else { return false }
    lastPhrase[row] = phrase
    return true
  }

  /// The model's row of a form (`lookUp` the first time), or nil.
  mutating func row(of form: FormID, lookUp: () -> Int?) -> Int? {
    let position = slot(of: form)
    if rows[position] < 0 { rows[position] = Int32((lookUp() ?? -1) + 1) }
    return rows[position] > 0 ? Int(rows[position]) - 1 : nil
  }

  /// Whether a cue phrase starts with the form's key (`lookUp` the first time).
  mutating func startsCue(_ form: FormID, lookUp: () -> Bool) -> Bool {
    let position = slot(of: form)
    if cueStarts[position] < 0 { cueStarts[position] = lookUp() ? 1 : 0 }
    return cueStarts[position] == 1
  }

  /// The form's position in the per-form arrays, grown to hold it.
  private mutating func slot(of form: FormID) -> Int {
    let position = Int(form.rawValue)
    if position >= rows.count {
      rows.append(contentsOf: repeatElement(-1, count: position - rows.count + 1))
      cueStarts.append(contentsOf: repeatElement(-1, count: position - cueStarts.count + 1))
    }
    return position
  }
}
