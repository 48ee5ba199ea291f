import Foundation

/// Options of ``PostingAnalyzer``. The defaults are the documented behaviour of
/// `joblens classify`; every value is recorded in the run manifest.
public struct AnalysisOptions: Sendable, Equatable {
  /// Skills scoring below this are not reported. A label found word for word scores 1.15 × its
  /// field weight; a label whose weighted terms are all in one phrase (in any order or form)
  /// scores its field weight; partial overlap scores the square of the covered share.
  public var skillThreshold = 0.5
  /// At most this many skills are reported.
  public var maxSkills = 40
  /// Occupations reported.
  public var occupationCount = 5
  /// Minimum confidence (share of the evidence) for a code at 1, 2, 3 and 4 digits; the
  /// answer is the most specific level that passes.
  public var backoffThresholds = [0.5, 0.4, 0.3, 0.25]
  /// Below this much evidence in total the posting is uncodable.
  public var minimumEvidence = 0.2
  /// Weight of the title beside the task phrases and the skills.
  public var titleWeight = 1.0
  /// Weight of the task phrases (ISCO task lists and descriptions).
  public var taskWeight = 1.0
  /// Weight of the skills (through ESCO's occupation–skill relations).
  public var skillWeight = 0.5
  /// A phrase joins the occupation mix when its best unit group has this share of its evidence.
  public var mixMinimumShare = 0.0

  public init() {}

  /// The options as name–value pairs, for the run manifest.
  public var manifestEntries: [(String, String)] {
    [
      ("skillThreshold", JSONWriter.format(skillThreshold, decimals: 4)),
      ("maxSkills", String(maxSkills)), ("occupationCount", String(occupationCount)),
      (
        "backoffThresholds",
        backoffThresholds.map { JSONWriter.format($0, decimals: 4) }.joined(separator: ",")
      ),
      ("minimumEvidence", JSONWriter.format(minimumEvidence, decimals: 4)),
      ("titleWeight", JSONWriter.format(titleWeight, decimals: 4)),
      ("taskWeight", JSONWriter.format(taskWeight, decimals: 4)),
      ("skillWeight", JSONWriter.format(skillWeight, decimals: 4)),
    ]
  }
}

/// Turns postings into analyses: skills with evidence, occupations, the ISCO code with
/// back-off, the occupation mix, title attributes and boilerplate.
///
/// Holds a searcher with scratch buffers: not thread-safe, make one per thread (they share the
/// ``ConceptIndex``).
public final class PostingAnalyzer {
  public let index: ConceptIndex
  public let options: AnalysisOptions
  let searcher: ConceptSearcher
  var tokenizer: Tokenizer { searcher.tokenizer }

  /// ISCO group index of each occupation's unit group (-1 when unknown).
  private let occupationGroup: [Int]
  /// Whether each ISCO group is a unit group (4 digits).
  private let isUnitGroup: [Bool]
  /// Per occupation: 1 / sqrt(number of skills), so that occupations with long skill lists do
  /// not win on quantity.
  private let skillNorm: [Double]

  /// Makes an analyzer for an index.
  public init(index: ConceptIndex, options: AnalysisOptions = AnalysisOptions()) throws {
    self.index = index
    self.options = options
    searcher = try ConceptSearcher(index: index)
    occupationGroup = (0..<index.count(.occupation)).map {
      index.iscoGroupIndex(code: index.occupationISCO($0)) ?? -1
    }
    isUnitGroup = (0..<index.count(.iscoGroup)).map { index.iscoCode($0).count == 4 }
    skillNorm = (0..<index.count(.occupation)).map {
      1 / Double(max(1, index.skills(ofOccupation: $0).count)).squareRoot()
    }
  }

  // MARK: Analysis

  /// Analyses one posting.
  /// - Complexity: O(n) in the posting's length, times the index postings its terms touch.
  public func analyze(_ posting: Posting) -> PostingAnalysis {
    var notes: [String] = []
    let titleText = UTF8Text(posting.title)
    let bodyText = UTF8Text(posting.text)
    let title = tokenizer.tokenize(titleText)
    let reading = TitleReader.read(title, tokenizer: tokenizer)
    let body = tokenizer.tokenize(bodyText)
    let phrases = tokenizer.phrases(in: body)
    let kinds = BoilerplateDetector.classify(phrases, in: body, tokenizer: tokenizer)

    var boilerplate: [BoilerplatePhrase] = []
    var contentPhrases: [TaskPhrase] = []
    for (phrase, kind) in zip(phrases, kinds) {
      if let kind {
        boilerplate.append(BoilerplatePhrase(kind: kind, evidence: evidence(of: phrase, in: body)))
      } else {
        contentPhrases.append(phrase)
      }
    }
    // Headings name skills ("Social Media", "Bookkeeping") but are not tasks of their own.
    let taskPhrases = contentPhrases.filter { $0.kind != .heading }

    // Skills and task evidence, phrase by phrase.
    var skills = SkillCollector()
    var phraseGroups: [[(Int, Double)]] = []
    for phrase in contentPhrases {
      let query = searcher.query(body, tokens: phrase.tokens)
      if !query.isEmpty {
        for (skill, match) in searcher.bestPerConcept(
          searcher.matchLabels(query, kind: .skill, scoring: .mention))
        {
          skills.add(
            skill, match: match,
            evidence: evidence(of: match, query: query, phrase: phrase, in: body))
        }
      }
      guard phrase.kind != .heading else { continue }
      phraseGroups.append(query.isEmpty ? [] : groupDistribution(query))
    }

    // The title.
    let titleQuery = searcher.query(title, tokens: reading.kept)
    var titleOccupations: [Int: (Double, LabelMatch)] = [:]
    var titleGroups: [Int: Double] = [:]
    if !titleQuery.isEmpty {
      let boost = headBoost(title, kept: reading.kept, query: titleQuery)
      for (occupation, match) in searcher.bestPerConcept(
        searcher.matchLabels(titleQuery, kind: .occupation, scoring: .whole, boost: boost))
      {
        titleOccupations[occupation] = (Double(match.score), match)
        let group = occupationGroup[occupation]
        if group >= 0 { titleGroups[group] = max(titleGroups[group] ?? 0, Double(match.score)) }
      }
      for match in searcher.matchLabels(titleQuery, kind: .iscoGroup, scoring: .whole, boost: boost)
      {
        let field = index.labelField(match.label)
        guard field == .iscoTitle || field == .iscoExample else { continue }
        let group = index.labelConcept(match.label).index
        guard isUnitGroup[group] else { continue }
        titleGroups[group] = max(titleGroups[group] ?? 0, Double(match.score))
      }
    }

    // Title words in occupation and ISCO descriptions, for titles no label covers well.
    if !titleQuery.isEmpty {
      for (group, score) in groupDistribution(titleQuery) {
        titleGroups[group, default: 0] += 0.5 * score
      }
    }

    let reported = report(skills)
    let skillOccupations = occupationsFromSkills(skills.all)

    // Unit group evidence: title, task phrases, skills.
    var groups = Evidence3()
    let titleStrength = titleGroups.values.max() ?? 0
    // Squared, so that the best-matching titles dominate the weak partial matches.
    groups.add(
      titleGroups.mapValues { $0 * $0 }, weight: options.titleWeight * min(1, titleStrength),
      normalise: true)
    var taskTotals: [Int: Double] = [:]
    for distribution in phraseGroups {
      for (group, share) in distribution { taskTotals[group, default: 0] += share }
    }
    let taskStrength = min(1, Double(phraseGroups.filter { !$0.isEmpty }.count) / 3)
    groups.add(taskTotals, weight: options.taskWeight * taskStrength, normalise: true)
    var skillGroups: [Int: Double] = [:]
    for (occupation, score) in skillOccupations {
      let group = occupationGroup[occupation]
      if group >= 0 { skillGroups[group] = max(skillGroups[group] ?? 0, score) }
    }
    let skillStrength = min(1, reported.reduce(0) { $0 + $1.score } / 3)
    groups.add(skillGroups, weight: options.skillWeight * skillStrength, normalise: true)

    let isco = assign(groups, totalEvidence: groups.total)
    if taskPhrases.isEmpty && !posting.text.isEmpty {
      notes.append("no task phrases outside boilerplate")
    }
    if bodyText.replacedSequences + titleText.replacedSequences > 0 {
      notes.append(
        "replaced \(bodyText.replacedSequences + titleText.replacedSequences) invalid UTF-8 sequences with U+FFFD"
      )
    }
    if let note = languageNote(title: title, body: body) { notes.append(note) }

    let occupations = rankOccupations(
      groups: groups.scores, titleOccupations: titleOccupations, skillOccupations: skillOccupations,
      title: title, skills: skills)

    return PostingAnalysis(
      id: posting.id, title: posting.title,
      codedTitle: reading.kept.map { title.string(title.tokens[$0].byteRange) }.joined(
        separator: " "),
      attributes: reading.attributes, skills: reported, occupations: occupations, isco: isco,
      mix: mix(taskPhrases, phraseGroups, in: body), boilerplate: boilerplate,
      phraseCount: phrases.count, notes: notes)
  }

  /// The head noun of a title counts double: the last word before "of", "for", "in", "at",
  /// "-", "(" or the end ("Hospital Personnel Director", "Director of Sales").
  func headBoost(_ title: TokenizedText, kept: [Int], query: QueryText) -> [Int32: Float] {
    headTerm(title, kept: kept, query: query).map { [$0: 2] } ?? [:]
  }

  /// The term of a title's head noun.
  func headTerm(_ title: TokenizedText, kept: [Int], query: QueryText) -> Int32? {
    let breakers: Set<String> = ["of", "for", "in", "at", "to", "with", "and", "or", "&"]
    var head: Int?
    for (position, token) in kept.enumerated() {
      let key = tokenizer.form(title.tokens[token].form).key
      if breakers.contains(key) {
        if head != nil { break }
        continue
      }
      if position > 0 {
        let gap =
          title.tokens[kept[position - 1]].byteRange
          .upperBound..<title.tokens[token].byteRange.lowerBound
        let between = title.string(gap)
        if head != nil
          && (between.contains("(") || between.contains(" - ") || between.contains(",")
            || between.contains("|"))
        {
          break
        }
      }
      if title.tokens[token].kind == .word { head = position }
    }
    guard let head, head < query.terms.count, query.terms[head] >= 0 else { return nil }
    return query.terms[head]
  }

  /// A phrase's spread over unit groups. Three signals, summed per unit group:
  /// - BM25 against the ISCO unit groups (definition, task items, example titles);
  /// - 1.5 × the best BM25 against the descriptions of the group's ESCO occupations;
  /// - the 20 skills whose descriptions match best (BM25), through ESCO's relations to
  ///   occupations (essential 1, optional 0.5, ÷ √ skills of the occupation), best occupation
  ///   per group.
  /// The 8 strongest groups are kept, scaled to the best (cubed, to sharpen) and normalised to
  /// sum to the phrase's strength (2 × the best score, at most 1).
  func groupDistribution(_ query: QueryText) -> [(Int, Double)] {
    var scores: [Int: Double] = [:]
    for (group, score) in searcher.descriptionScores(query, kind: .iscoGroup)
    where isUnitGroup[group] {
      scores[group, default: 0] += Double(score)
    }
    var viaOccupations: [Int: Double] = [:]
    for (occupation, score) in searcher.descriptionScores(query, kind: .occupation) {
      let group = occupationGroup[occupation]
      if group >= 0 { viaOccupations[group] = max(viaOccupations[group] ?? 0, Double(score)) }
    }
    for (group, score) in viaOccupations { scores[group, default: 0] += 1.5 * score }
    let skillHits = searcher.descriptionScores(query, kind: .skill)
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(20)
    var viaSkills: [Int: Double] = [:]
    for (skill, score) in skillHits {
      for (occupation, essential) in index.occupations(ofSkill: skill) {
        let group = occupationGroup[occupation]
        guard group >= 0 else { continue }
        let value = Double(score) * (essential ? 1 : 0.5) * skillNorm[occupation]
        viaSkills[occupation, default: 0] += value
      }
    }
    var skillGroups: [Int: Double] = [:]
    for (occupation, value) in viaSkills {
      let group = occupationGroup[occupation]
      skillGroups[group] = max(skillGroups[group] ?? 0, value)
    }
    for (group, value) in skillGroups { scores[group, default: 0] += value }

    let top = scores.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8)
    guard let best = top.first?.value, best > 0.05 else { return [] }
    let sharpened = top.map { ($0.key, pow($0.value / best, 3)) }
    let sum = sharpened.reduce(0) { $0 + $1.1 }
    let strength = min(1, best * 2)
    return sharpened.map { ($0.0, $0.1 / sum * strength) }
  }

  /// Skills at or above the threshold, best first (ties by skill order).
  func report(_ skills: SkillCollector) -> [SkillMatch] {
    let kept = skills.all.filter { $0.value.score >= options.skillThreshold }
      .sorted { ($0.value.score, $1.key) > ($1.value.score, $0.key) }
      .prefix(options.maxSkills)
    return kept.map { skill, entry in
      let group = index.skillTopGroups(skill).first ?? ""
      return SkillMatch(
        skill: skill, uri: index.skillURI(skill), label: index.skillLabel(skill),
        type: index.skillType(skill).name, group: group,
        groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "",
        score: entry.score, isLiteral: entry.isLiteral, evidence: entry.evidence)
    }
  }

  /// Occupation scores from the skills found: Σ skill score × (1 essential, 0.5 optional),
  /// divided by √(the occupation's number of skills).
  func occupationsFromSkills(_ skills: [Int: SkillCollector.Entry]) -> [Int: Double] {
    var scores: [Int: Double] = [:]
    for (skill, entry) in skills {
      for (occupation, essential) in index.occupations(ofSkill: skill) {
        scores[occupation, default: 0] +=
          entry.score * (essential ? 1 : 0.5) * skillNorm[occupation]
      }
    }
    return scores
  }

  // MARK: Codes

  /// Rolls unit group scores up to 3, 2 and 1 digits and picks the most specific level whose
  /// best group has at least its threshold's share of the evidence.
  func assign(_ groups: Evidence3, totalEvidence: Double) -> ISCOAssignment {
    let unitScores = groups.scores
    let total = unitScores.values.reduce(0, +)
    guard total > 0, totalEvidence >= options.minimumEvidence else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: 0, levels: [],
        reason: total > 0 ? "too little evidence" : "no title or task evidence")
    }
    var levels: [ISCOLevel] = []
    for level in 1...4 {
      var rolled: [String: Double] = [:]
      for (group, score) in unitScores {
        rolled[String(index.iscoCode(group).prefix(level)), default: 0] += score
      }
      let (code, score) = rolled.max { ($0.value, $1.key) < ($1.value, $0.key) }!
      levels.append(
        ISCOLevel(
          level: level, code: code, label: index.iscoTitle(code: code) ?? "",
          confidence: score / total))
    }
    for level in stride(from: 4, through: 1, by: -1) {
      let candidate = levels[level - 1]
      if candidate.confidence >= options.backoffThresholds[level - 1] {
        return ISCOAssignment(
          code: candidate.code, level: level, label: candidate.label,
          confidence: candidate.confidence, levels: levels,
          reason: level < 4 ? "evidence too spread for \(level + 1) digits" : nil)
      }
    }
    return ISCOAssignment(
      code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
      reason: "evidence spread over several major groups")
  }

  /// Ranks occupations: their unit group's score, plus title and skill support of their own.
  func rankOccupations(
    groups: [Int: Double], titleOccupations: [Int: (Double, LabelMatch)],
    skillOccupations: [Int: Double], title: TokenizedText, skills: SkillCollector
  ) -> [OccupationMatch] {
    let groupTotal = max(groups.values.reduce(0, +), 1e-9)
    let skillMax = max(skillOccupations.values.max() ?? 0, 1e-9)
    var candidates = Set(titleOccupations.keys).union(skillOccupations.keys)
    for (occupation, group) in occupationGroup.enumerated() where group >= 0 && groups[group] != nil
    {
      candidates.insert(occupation)
    }
    var scored: [(Int, Double)] = candidates.map { occupation in
      let group = occupationGroup[occupation]
      let groupShare = group >= 0 ? (groups[group] ?? 0) / groupTotal : 0
      let titleScore = titleOccupations[occupation]?.0 ?? 0
      let skillScore = (skillOccupations[occupation] ?? 0) / skillMax
      return (occupation, groupShare + 0.5 * titleScore + 0.25 * skillScore)
    }
    scored.sort { ($0.1, $1.0) > ($1.1, $0.0) }
    let top = Array(scored.prefix(options.occupationCount))
    return top.enumerated().map { position, entry in
      let (occupation, score) = entry
      var support: [OccupationEvidence] = []
      if let (weight, match) = titleOccupations[occupation] {
        let titleQuery = searcher.query(title, tokens: 0..<title.tokens.count)
        support.append(
          OccupationEvidence(
            kind: .title,
            evidence: span(of: match, query: titleQuery, in: title, field: .title, phrase: nil),
            skill: nil, isEssential: nil, weight: weight))
      }
      let needed = Dictionary(
        index.skills(ofOccupation: occupation).map { ($0.skill, $0.isEssential) },
        uniquingKeysWith: { first, _ in first })
      for (skill, entry) in skills.all.sorted(by: {
        ($0.value.score, $1.key) > ($1.value.score, $0.key)
      })
      where needed[skill] != nil {
        support.append(
          OccupationEvidence(
            kind: .skill, evidence: entry.evidence.first, skill: index.skillLabel(skill),
            isEssential: needed[skill], weight: entry.score))
        if support.count >= 6 { break }
      }
      let next = position + 1 < scored.count ? scored[position + 1].1 : 0
      return OccupationMatch(
        occupation: occupation, uri: index.uri(of: ConceptID(.occupation, occupation)),
        label: index.occupationLabel(occupation), isco: index.occupationISCO(occupation),
        score: score, margin: score - next, evidence: support)
    }
  }

  // MARK: Mix

  /// Assigns each task phrase to its strongest unit group; shares are the groups' shares of
  /// the assigned phrases.
  func mix(
    _ phrases: [TaskPhrase], _ distributions: [[(Int, Double)]], in body: TokenizedText
  )
    -> OccupationMix
  {
    var byGroup: [Int: [Evidence]] = [:]
    var unassigned = 0
    for (phrase, distribution) in zip(phrases, distributions) {
      guard let best = distribution.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else {
        unassigned += 1
        continue
      }
      byGroup[best.0, default: []].append(evidence(of: phrase, in: body))
    }
    let assigned = byGroup.values.reduce(0) { $0 + $1.count }
    guard assigned > 0 else {
      return OccupationMix(shares: [], topShare: 0, herfindahl: 0, unassigned: unassigned)
    }
    let shares = byGroup.map { group, phrases in
      MixShare(
        isco: index.iscoCode(group), label: index.iscoTitle(group),
        share: Double(phrases.count) / Double(assigned), phrases: phrases)
    }.sorted { ($0.share, $1.isco) > ($1.share, $0.isco) }
    return OccupationMix(
      shares: shares, topShare: shares[0].share,
      herfindahl: shares.reduce(0) { $0 + $1.share * $1.share }, unassigned: unassigned)
  }

  // MARK: Evidence

  func evidence(of phrase: TaskPhrase, in body: TokenizedText) -> Evidence {
    let span = body.codePointRange(phrase.byteRange)
    return Evidence(
      field: .text, start: span.lowerBound, end: span.upperBound,
      text: body.string(phrase.byteRange), label: "", phraseStart: span.lowerBound,
      phraseEnd: span.upperBound)
  }

  func evidence(
    of match: LabelMatch, query: QueryText, phrase: TaskPhrase, in body: TokenizedText
  )
    -> Evidence
  {
    span(of: match, query: query, in: body, field: .text, phrase: phrase)
  }

  /// The span of a label match: its exact occurrence, or from the first to the last token
  /// whose term is in the label.
  func span(
    of match: LabelMatch, query: QueryText, in tokenized: TokenizedText, field: PostingField,
    phrase: TaskPhrase?
  ) -> Evidence {
    var positions: Range<Int>
    if let exact = match.exact {
      positions = exact
    } else {
      let labelTerms = Set(index.data.labelTerms[match.label].map { Int32($0) })
      let hits = query.terms.indices.filter { labelTerms.contains(query.terms[$0]) }
      positions = (hits.first ?? 0)..<((hits.last ?? 0) + 1)
    }
    positions = positions.clamped(to: 0..<max(1, query.tokenIndices.count))
    let first = tokenized.tokens[query.tokenIndices[positions.lowerBound]]
    let last = tokenized.tokens[query.tokenIndices[positions.upperBound - 1]]
    let bytes = first.byteRange.lowerBound..<last.byteRange.upperBound
    let span = tokenized.codePointRange(bytes)
    let phraseSpan = phrase.map { tokenized.codePointRange($0.byteRange) } ?? span
    return Evidence(
      field: field, start: span.lowerBound, end: span.upperBound, text: tokenized.string(bytes),
      label: index.labelText(match.label), phraseStart: phraseSpan.lowerBound,
      phraseEnd: phraseSpan.upperBound)
  }

  /// A note when most words are unknown to the index (a posting in another language).
  func languageNote(title: TokenizedText, body: TokenizedText) -> String? {
    var known = 0
    var total = 0
    for token in body.tokens.prefix(400) where token.kind == .word {
      total += 1
      if searcher.term(token.form) >= 0 { known += 1 }
    }
    guard total >= 8, Double(known) / Double(total) < 0.5 else { return nil }
    return "most words are unknown to the \(index.metadata.language) index: the posting may be "
      + "in another language, so codes are unreliable"
  }
}

/// Skill evidence gathered over a posting's phrases.
struct SkillCollector {
  struct Entry {
    var score: Double
    var isLiteral: Bool
    var evidence: [Evidence]
  }

  private(set) var all: [Int: Entry] = [:]

  mutating func add(_ skill: Int, match: LabelMatch, evidence: Evidence) {
    let score = Double(match.score)
    if var entry = all[skill] {
      entry.score = max(entry.score, score)
      entry.isLiteral = entry.isLiteral || match.exact != nil
      if entry.evidence.count < 5 { entry.evidence.append(evidence) }
      all[skill] = entry
    } else {
      all[skill] = Entry(score: score, isLiteral: match.exact != nil, evidence: [evidence])
    }
  }

}

/// Scores per unit group from several sources, each normalised and weighted.
struct Evidence3 {
  private(set) var scores: [Int: Double] = [:]
  private(set) var total = 0.0

  /// Adds a source: its scores scaled to sum to 1 (when `normalise`), times `weight`.
  mutating func add(_ source: [Int: Double], weight: Double, normalise: Bool) {
    guard weight > 0 else { return }
    let sum = source.values.reduce(0, +)
    guard sum > 0 else { return }
    for (group, score) in source {
      scores[group, default: 0] += weight * (normalise ? score / sum : score)
    }
    total += weight
  }
}
