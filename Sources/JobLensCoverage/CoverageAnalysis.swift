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

  private var postings = 0
  private var failed = 0
  private var itemCounts: [Int] = []
  private var itemExamples: [[String]] = []
  private var areaCounts: [Int] = []
  private var demand = 0
  private var covered = 0
  private var groupCovered = 0
  private var groupDemand: [String: (label: String, demand: Int, covered: Int)] = [:]
  private var skillDemand:
    [String: (label: String, group: String, postings: Int, examples: [String], first: Int)] = [:]
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
        if let group = index.skillTopGroups(concept.index).first { curriculumGroups.insert(group) }
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
    postings += 1
    var demanded = Array(repeating: false, count: itemSkills.count)
    addSkills(of: posting, demanded: &demanded)
    addPhrases(of: posting, demanded: &demanded)
    countAreasAndItems(demanded)
    addMix(of: posting)
  }

  /// Marks an item demanded, keeping `example` among its first few examples.
  private func note(_ item: Int, _ example: String, in demanded: inout [Bool]) {
    demanded[item] = true
    if itemExamples[item].count < options.exampleLimit && !example.isEmpty
      && !itemExamples[item].contains(example)
    {
      itemExamples[item].append(example)
    }
  }

  /// Counts a posting's distinct skills: demand, coverage by items and groups, and the gaps.
  private func addSkills(of posting: PostingDemand, demanded: inout [Bool]) {
    var seen: Set<String> = []
    for skill in posting.skills where seen.insert(skill.uri).inserted {
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
      for item in items { note(item, skill.evidence, in: &demanded) }
      if !isCovered {
        var entry =
          skillDemand[skill.uri] ?? (skill.label, skill.group, 0, [], skillDemand.count)
        entry.postings += 1
        if entry.examples.count < options.exampleLimit && !skill.evidence.isEmpty
          && !entry.examples.contains(skill.evidence)
        {
          entry.examples.append(skill.evidence)
        }
        skillDemand[skill.uri] = entry
      }
    }
  }

  /// Marks the items whose phrases a posting's task phrases contain.
  private func addPhrases(of posting: PostingDemand, demanded: inout [Bool]) {
    if itemPhrases.contains(where: { !$0.isEmpty }) {
      for phrase in posting.phrases {
        let words = stems(phrase)
        for (item, patterns) in itemPhrases.enumerated()
        where patterns.contains(where: { $0.isSubset(of: words) }) {
          note(item, phrase, in: &demanded)
        }
      }
    }
  }

  /// Counts the areas and items a posting demands.
  private func countAreasAndItems(_ demanded: [Bool]) {
    var position = 0
    for (area, entry) in curriculum.areas.enumerated() {
      let range = position..<(position + entry.items.count)
      if range.contains(where: { demanded[$0] }) { areaCounts[area] += 1 }
      position = range.upperBound
    }
    for (item, isDemanded) in demanded.enumerated() where isDemanded { itemCounts[item] += 1 }
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
        share: share(itemCounts[position], of: postings), examples: itemExamples[position])
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
    let gaps = skillDemand.map { uri, entry in
      (
        entry.first,
        CoverageReport.Gap(
          uri: uri, label: entry.label, group: entry.group, postings: entry.postings,
          share: share(entry.postings, of: postings), examples: entry.examples)
      )
    }.sorted { ($0.1.postings, $1.0) > ($1.1.postings, $0.0) }.prefix(options.gapLimit).map(\.1)

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
      concentration: concentration, manifest: manifest)
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
