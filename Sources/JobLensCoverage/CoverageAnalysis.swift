import JobLensAnalysis
public import JobLensIndex
import JobLensText

/// Measures a curriculum against the demand of a corpus, one posting at a time (memory grows
/// with the number of distinct skills and unit groups, not with the corpus).
///
/// - An item is demanded by a posting when the posting asks for one of the item's skills, or
///   when one of the posting's task phrases contains every content word (stem) of one of the
///   item's phrases.
/// - Demand is counted in posting × skill pairs: a pair is covered when its skill is one of an
///   item's skills, and group-covered when its top-level ESCO group holds one of them.
/// - The corpus mix is the mean of the postings' mixes (postings without assigned phrases left
///   out), so its shares sum to 1.
/// - A posting marked as a near-duplicate of an earlier one (`--dedup`) is counted once, with
///   the earlier one; postings and skills the options exclude are left out.
public final class CoverageAnalysis {
  /// The curriculum measured.
  public let curriculum: Curriculum
  /// The options of the measurement.
  public let options: CoverageOptions
  private let index: ConceptIndex
  private let tokenizer: Tokenizer
  private let stopWords: Set<String>

  /// Problems with the curriculum found while preparing (phrases that can match nothing).
  public private(set) var warnings: [String] = []

  /// Per item: its skill URIs (explicit or automatic) and the stem sets of its phrases.
  private var itemSkills: [[String]] = []
  private var itemSkillLabels: [[String]] = []
  private var automatic: [Bool] = []
  private var itemPhrases: [[Set<String>]] = []
  /// Items by skill URI.
  private var itemsBySkill: [String: [Int]] = [:]
  private var curriculumGroups: Set<String> = []
  /// Per area: how many of its items' skills fall in each top-level group.
  private var areaGroups: [[String: Int]] = []

  private var postings = 0
  private var failed = 0
  private var itemCounts: [Int] = []
  private var itemExamples: [[String]] = []
  private var itemExamplePostings: [[String]] = []
  private var itemPostingIDs: [[String]] = []
  private var duplicates = 0
  private var excludedPostings = 0
  private var titles: [String: String] = [:]
  private var areaCounts: [Int] = []
  private var demand = 0
  private var covered = 0
  private var groupCovered = 0
  private var groupDemand: [String: (label: String, demand: Int, covered: Int)] = [:]
  /// Every demanded skill, covered or not.
  private var skillDemand: [String: SkillTally] = [:]

  /// What the postings demanded of one skill.
  private struct SkillTally {
    var label: String
    var group: String
    var groupLabel: String
    var isCovered: Bool
    var first: Int
    var postings = 0
    var examples: [String] = []
    var examplePostings: [String] = []
    var postingIDs: [String] = []
  }
  private var mixTotals: [String: (label: String, share: Double, topIn: Int)] = [:]
  private var postingsWithMix = 0
  private var herfindahlSum = 0.0
  private var dominated = 0

  /// A posting is dominated by its largest unit group when that holds at least this share of
  /// its task phrases (``CoverageReport/Concentration/dominatedPostings``).
  public static let dominantShare = 0.5
  /// The share of the corpus mix that ``CoverageReport/Concentration/groupsFor80Percent``
  /// counts unit groups up to.
  public static let concentrationShare = 0.8

  /// Prepares a measurement; items listing no skills get the best automatic suggestions.
  public init(
    curriculum: Curriculum, index: ConceptIndex, options: CoverageOptions = CoverageOptions()
  )
    throws
  {
    self.curriculum = curriculum
    self.options = options
    self.index = index
    tokenizer = try Tokenizer(language: index.metadata.language)
    stopWords = Set(StopWords.words(for: index.metadata.language))
    let mapper = try CurriculumMapper(index: index)
    let areaPositions = Dictionary(
      curriculum.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    areaGroups = Array(repeating: [:], count: curriculum.areas.count)
    for (position, item) in curriculum.items.enumerated() {
      var uris = item.skills
      let isAutomatic = uris.isEmpty
      if isAutomatic {
        uris = mapper.suggestions(for: item, limit: options.automaticSkills).map(\.uri)
      }
      var labels: [String] = []
      for uri in uris {
        guard let concept = index.concept(uriOrCode: uri), concept.kind == .skill else {
          labels.append(uri)
          continue
        }
        labels.append(index.skillLabel(concept.index))
        if let group = index.skillTopGroups(concept.index).first {
          curriculumGroups.insert(group)
          if let area = areaPositions[item.area] { areaGroups[area][group, default: 0] += 1 }
        }
        if !(itemsBySkill[uri]?.contains(position) ?? false) {
          itemsBySkill[uri, default: []].append(position)
        }
      }
      itemSkills.append(uris)
      itemSkillLabels.append(labels)
      automatic.append(isAutomatic)
      var patterns: [Set<String>] = []
      for phrase in item.phrases {
        let words = stems(phrase)
        if words.isEmpty {
          warnings.append(
            "item '\(item.id)': phrase '\(phrase)' has only function words and matches nothing")
        } else {
          patterns.append(words)
        }
      }
      itemPhrases.append(patterns)
    }
    itemCounts = Array(repeating: 0, count: itemSkills.count)
    itemExamples = Array(repeating: [], count: itemSkills.count)
    itemExamplePostings = itemExamples
    itemPostingIDs = itemExamples
    areaCounts = Array(repeating: 0, count: curriculum.areas.count)
  }

  /// The content stems of a text.
  private func stems(_ text: String) -> Set<String> {
    let tokenized = tokenizer.tokenize(text)
    var result: Set<String> = []
    for token in tokenized.tokens {
      let form = tokenizer.form(token.form)
      if stopWords.contains(form.key) { continue }
      result.insert(form.stem)
    }
    return result
  }

  /// Counts a record that could not be read or analysed.
  public func addFailure() { failed += 1 }

  /// Adds one posting's demand.
  /// - Complexity: O(s + p × i) for s skills, p phrases and i items with phrases.
  public func add(_ posting: PostingDemand) {
    if posting.duplicateOf != nil {
      duplicates += 1
      return
    }
    if options.excludedPostings.contains(posting.id) {
      excludedPostings += 1
      return
    }
    postings += 1
    var demanded = Array(repeating: false, count: itemSkills.count)
    addSkills(of: posting, demanded: &demanded)
    addPhrases(of: posting, demanded: &demanded)
    countAreasAndItems(demanded, of: posting)
    addMix(of: posting)
  }

  /// Marks an item demanded, keeping `example` (from `posting`) among its first few examples.
  private func note(
    _ item: Int, _ example: String, of posting: PostingDemand, in demanded: inout [Bool]
  ) {
    demanded[item] = true
    if itemExamples[item].count < options.exampleLimit && !example.isEmpty
      && !itemExamples[item].contains(example)
    {
      itemExamples[item].append(example)
      itemExamplePostings[item].append(posting.id)
      titles[posting.id] = posting.title
    }
  }

  /// Counts a posting's distinct skills: demand, coverage by items and groups, and the gaps.
  private func addSkills(of posting: PostingDemand, demanded: inout [Bool]) {
    var seen: Set<String> = []
    for skill in posting.skills
    where !options.excludedSkills.contains(skill.uri) && seen.insert(skill.uri).inserted {
      demand += 1
      let items = itemsBySkill[skill.uri] ?? []
      let isCovered = !items.isEmpty
      let isGroupCovered = curriculumGroups.contains(skill.group)
      if isCovered { covered += 1 }
      if isGroupCovered { groupCovered += 1 }
      let groupKey = skill.group.isEmpty ? "-" : skill.group
      var group = groupDemand[groupKey] ?? (skill.groupLabel, 0, 0)
      group.demand += 1
      if isCovered { group.covered += 1 }
      groupDemand[groupKey] = group
      for item in items { note(item, skill.evidence, of: posting, in: &demanded) }
      tally(skill, of: posting, isCovered: isCovered)
    }
  }

  /// Counts a skill's demand, its first postings and (for a gap) its first examples.
  private func tally(_ skill: PostingDemand.Skill, of posting: PostingDemand, isCovered: Bool) {
    var entry =
      skillDemand[skill.uri]
      ?? SkillTally(
        label: skill.label, group: skill.group, groupLabel: skill.groupLabel,
        isCovered: isCovered, first: skillDemand.count)
    entry.postings += 1
    if entry.postingIDs.count < options.postingListLimit { entry.postingIDs.append(posting.id) }
    if !isCovered && entry.examples.count < options.exampleLimit && !skill.evidence.isEmpty
      && !entry.examples.contains(skill.evidence)
    {
      entry.examples.append(skill.evidence)
      entry.examplePostings.append(posting.id)
      titles[posting.id] = posting.title
    }
    skillDemand[skill.uri] = entry
  }

  /// Marks the items whose phrases a posting's task phrases contain.
  private func addPhrases(of posting: PostingDemand, demanded: inout [Bool]) {
    if itemPhrases.contains(where: { !$0.isEmpty }) {
      for phrase in posting.phrases {
        let words = stems(phrase)
        for (item, patterns) in itemPhrases.enumerated()
        where patterns.contains(where: { $0.isSubset(of: words) }) {
          note(item, phrase, of: posting, in: &demanded)
        }
      }
    }
  }

  /// Counts the areas and items a posting demands.
  private func countAreasAndItems(_ demanded: [Bool], of posting: PostingDemand) {
    var position = 0
    for (area, entry) in curriculum.areas.enumerated() {
      let range = position..<(position + entry.items.count)
      if range.contains(where: { demanded[$0] }) { areaCounts[area] += 1 }
      position = range.upperBound
    }
    for (item, isDemanded) in demanded.enumerated() where isDemanded {
      itemCounts[item] += 1
      if itemPostingIDs[item].count < options.postingListLimit {
        itemPostingIDs[item].append(posting.id)
      }
    }
  }

  /// Adds a posting's occupation mix to the corpus mix and its concentration figures.
  private func addMix(of posting: PostingDemand) {
    guard !posting.mix.isEmpty else { return }
    postingsWithMix += 1
    var herfindahl = 0.0
    for share in posting.mix {
      var total = mixTotals[share.isco] ?? (share.label, 0, 0)
      total.share += share.share
      mixTotals[share.isco] = total
      herfindahl += share.share * share.share
    }
    herfindahlSum += herfindahl
    if let top = posting.mix.max(by: { ($0.share, $1.isco) < ($1.share, $0.isco) }) {
      mixTotals[top.isco]!.topIn += 1
      if top.share >= Self.dominantShare { dominated += 1 }
    }

  }

  /// The report of what was added so far.
  /// - Complexity: O(n log n) in the number of distinct skills and unit groups seen.
  public func report(manifest: [(String, String)] = []) -> CoverageReport {
    func share(_ count: Int, of total: Int) -> Double {
      total == 0 ? 0 : Double(count) / Double(total)
    }
    let items = curriculum.items.enumerated().map { position, item in
      CoverageReport.Item(
        id: item.id, title: item.title, area: item.area,
        skills: Array(zip(itemSkills[position], itemSkillLabels[position])).map {
          (uri: $0.0, label: $0.1)
        },
        isMappedAutomatically: automatic[position], weight: item.weight,
        postings: itemCounts[position],
        share: share(itemCounts[position], of: postings), examples: itemExamples[position],
        examplePostings: itemExamplePostings[position], postingIDs: itemPostingIDs[position])
    }
    let areas = curriculum.areas.enumerated().map { position, area in
      CoverageReport.Area(
        id: area.id, title: area.title, postings: areaCounts[position],
        share: share(areaCounts[position], of: postings))
    }
    let groups = groupDemand.map { code, entry in
      CoverageReport.Group(
        code: code, label: entry.label, demand: entry.demand, covered: entry.covered,
        inCurriculum: curriculumGroups.contains(code))
    }.sorted { ($0.demand, $1.code) > ($1.demand, $0.code) }
    let (gaps, topSkills) = rankedSkills()

    let (mix, concentration) = corpusMix()

    return CoverageReport(
      curriculumID: curriculum.id, curriculumTitle: curriculum.title,
      curriculumVersion: curriculum.version, postings: postings, failed: failed, items: items,
      areas: areas, demand: demand, skillCoverage: share(covered, of: demand),
      groupCoverage: share(groupCovered, of: demand), groups: groups, gaps: Array(gaps),
      undemandedItems: items.filter { $0.postings == 0 }.map(\.id),
      demandedWeight: items.filter { $0.postings > 0 }.map(\.weight).reduce(0, +)
        / max(items.map(\.weight).reduce(0, +), .leastNonzeroMagnitude),
      mix: mix,
      concentration: concentration, manifest: manifest, duplicates: duplicates,
      excludedPostings: excludedPostings, topSkills: topSkills,
      distinctSkills: skillDemand.count, postingTitles: titles)
  }

  /// The gaps (uncovered skills) and the top skills, by postings and then first seen.
  private func rankedSkills() -> ([CoverageReport.Gap], [CoverageReport.DemandedSkill]) {
    let ranked = skillDemand.sorted {
      ($0.value.postings, $1.value.first) > ($1.value.postings, $0.value.first)
    }
    let gaps = ranked.filter { !$0.value.isCovered }.prefix(options.gapLimit).map { uri, entry in
      CoverageReport.Gap(
        uri: uri, label: entry.label, group: entry.group, postings: entry.postings,
        share: postings == 0 ? 0 : Double(entry.postings) / Double(postings),
        examples: entry.examples, groupLabel: entry.groupLabel,
        examplePostings: entry.examplePostings, postingIDs: entry.postingIDs,
        suggestedArea: suggestedArea(group: entry.group))
    }
    let topSkills = ranked.prefix(options.topSkillLimit).map { uri, entry in
      CoverageReport.DemandedSkill(
        uri: uri, label: entry.label, postings: entry.postings, isCovered: entry.isCovered)
    }
    return (Array(gaps), Array(topSkills))
  }

  /// The area holding most curriculum skills of a top-level group (the first on a tie).
  private func suggestedArea(group: String) -> String? {
    var best: (count: Int, area: Int)? = nil
    for (area, groups) in areaGroups.enumerated() {
      if let count = groups[group], count > (best?.count ?? 0) { best = (count, area) }
    }
    return best.map { curriculum.areas[$0.area].id }
  }

  /// The corpus mix (the unit groups' mean shares, largest first) and its concentration.
  private func corpusMix() -> ([CoverageReport.MixShare], CoverageReport.Concentration) {
    let mix = mixTotals.map { isco, entry in
      CoverageReport.MixShare(
        isco: isco, label: entry.label,
        share: postingsWithMix == 0 ? 0 : entry.share / Double(postingsWithMix),
        topIn: entry.topIn)
    }.sorted { ($0.share, $1.isco) > ($1.share, $0.isco) }
    var cumulative = 0.0
    var groupsFor80 = 0
    for entry in mix where cumulative < Self.concentrationShare - 1e-9 {
      cumulative += entry.share
      groupsFor80 += 1
    }
    let concentration = CoverageReport.Concentration(
      topShare: mix.first?.share ?? 0,
      herfindahl: mix.reduce(0) { $0 + $1.share * $1.share },
      groupsFor80Percent: groupsFor80,
      meanPostingHerfindahl: postingsWithMix == 0 ? 0 : herfindahlSum / Double(postingsWithMix),
      dominatedPostings: postingsWithMix == 0 ? 0 : Double(dominated) / Double(postingsWithMix),
      postingsWithMix: postingsWithMix)
    return (mix, concentration)
  }
}
