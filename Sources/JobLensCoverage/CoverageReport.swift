import JobLensAnalysis

/// How well a curriculum covers what a corpus of postings demands.
public struct CoverageReport: Sendable, Equatable {
  /// One curriculum item and the postings demanding it.
  public struct Item: Sendable, Equatable {
    /// The item's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The id of its area.
    public var area: String
    /// The ESCO skills the item stands for (URI, label).
    public var skills: [(uri: String, label: String)]
    /// Whether `skills` came from automatic mapping (the item lists none).
    public var isMappedAutomatically: Bool
    /// The item's weight in the curriculum.
    public var weight: Double
    /// Postings demanding the item.
    public var postings: Int
    /// Share of the analysed postings demanding the item.
    public var share: Double
    /// What the postings said (up to ``CoverageOptions/exampleLimit``).
    public var examples: [String]
    /// The id of the posting each example comes from.
    public var examplePostings: [String] = []
    /// The first postings demanding the item (up to ``CoverageOptions/postingListLimit``).
    public var postingIDs: [String] = []

    public static func == (lhs: Item, rhs: Item) -> Bool {
      lhs.id == rhs.id && lhs.title == rhs.title && lhs.area == rhs.area
        && lhs.skills.map(\.uri) == rhs.skills.map(\.uri)
        && lhs.isMappedAutomatically == rhs.isMappedAutomatically && lhs.weight == rhs.weight
        && lhs.postings == rhs.postings
        && lhs.share == rhs.share && lhs.examples == rhs.examples
        && lhs.examplePostings == rhs.examplePostings && lhs.postingIDs == rhs.postingIDs
    }
  }

  /// One curriculum area: postings demanding any of its items.
  public struct Area: Sendable, Equatable {
    /// The area's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Postings demanding any of its items.
    public var postings: Int
    /// Their share of the analysed postings.
    public var share: Double
  }

  /// Demand for one top-level ESCO skill group.
  public struct Group: Sendable, Equatable {
    /// Top-level group code (S1…, K…, T…, L…; "-" for skills without one).
    public var code: String
    /// The group's label.
    public var label: String
    /// Posting × skill pairs in the group.
    public var demand: Int
    /// Of those, pairs whose skill the curriculum covers.
    public var covered: Int
    /// Whether the curriculum has a skill in the group.
    public var inCurriculum: Bool
    /// Share of `demand` that is covered (0 when there is no demand).
    public var coveredShare: Double { demand == 0 ? 0 : Double(covered) / Double(demand) }
  }

  /// A demanded skill that no item covers.
  public struct Gap: Sendable, Equatable {
    /// The skill's ESCO URI.
    public var uri: String
    /// Its preferred label.
    public var label: String
    /// Its top-level group code.
    public var group: String
    /// Postings asking for it.
    public var postings: Int
    /// Their share of the analysed postings.
    public var share: Double
    /// What the postings said.
    public var examples: [String]
    /// The label of its top-level group.
    public var groupLabel = ""
    /// The id of the posting each example comes from.
    public var examplePostings: [String] = []
    /// The first postings asking for it (up to ``CoverageOptions/postingListLimit``).
    public var postingIDs: [String] = []
    /// The id of the area whose skills share the gap's group most, where an item teaching
    /// the skill would fit (nil when no area has a skill in that group).
    public var suggestedArea: String? = nil
  }

  /// A skill the postings demand, covered or not.
  public struct DemandedSkill: Sendable, Equatable {
    /// The skill's ESCO URI.
    public var uri: String
    /// Its preferred label.
    public var label: String
    /// Postings asking for it.
    public var postings: Int
    /// Whether an item of the curriculum teaches it.
    public var isCovered: Bool
  }

  /// One ISCO unit group's share of the corpus's task phrases.
  public struct MixShare: Sendable, Equatable {
    /// ISCO-08 unit group code.
    public var isco: String
    /// Its title.
    public var label: String
    /// Mean of the postings' shares (postings with assigned phrases); the shares sum to 1.
    public var share: Double
    /// Postings whose largest share is this unit group.
    public var topIn: Int
  }

  /// How concentrated the corpus's occupation mix is.
  public struct Concentration: Sendable, Equatable {
    /// The largest unit group's share of the corpus mix.
    public var topShare: Double
    /// Herfindahl index of the corpus mix (1 = one unit group).
    public var herfindahl: Double
    /// Unit groups needed to reach 80% of the corpus mix.
    public var groupsFor80Percent: Int
    /// Mean Herfindahl index of the postings' own mixes.
    public var meanPostingHerfindahl: Double
    /// Share of postings whose largest unit group holds at least half of their task phrases.
    public var dominatedPostings: Double
    /// Postings with at least one assigned task phrase.
    public var postingsWithMix: Int
  }

  /// The curriculum's id.
  public var curriculumID: String
  /// The curriculum's title.
  public var curriculumTitle: String
  /// The curriculum's version.
  public var curriculumVersion: String
  /// Postings analysed (failed records are not part of the figures).
  public var postings: Int
  /// Records that could not be read or analysed.
  public var failed: Int
  /// Items in curriculum order.
  public var items: [Item]
  /// Areas in curriculum order.
  public var areas: [Area]
  /// Posting × skill pairs demanded.
  public var demand: Int
  /// Share of `demand` whose skill some item covers.
  public var skillCoverage: Double
  /// Share of `demand` whose top-level group holds some curriculum skill.
  public var groupCoverage: Double
  /// Groups by demand, largest first.
  public var groups: [Group]
  /// Uncovered skills by postings, most demanded first.
  public var gaps: [Gap]
  /// Item ids no posting demands.
  public var undemandedItems: [String]
  /// Share of the curriculum's item weight on items at least one posting demands.
  public var demandedWeight: Double
  /// The corpus occupation mix, largest share first.
  public var mix: [MixShare]
  /// How concentrated the mix is.
  public var concentration: Concentration
  /// The run manifest's entries (versions, index checksum, options).
  public var manifest: [(String, String)]
  /// Postings left out as near-duplicates of an earlier one (counted once, with it).
  public var duplicates = 0
  /// Postings left out because the options exclude them.
  public var excludedPostings = 0
  /// The most demanded skills, covered or not (up to ``CoverageOptions/topSkillLimit``).
  public var topSkills: [DemandedSkill] = []
  /// Distinct skills demanded.
  public var distinctSkills = 0
  /// Titles of the postings that examples come from, by id.
  public var postingTitles: [String: String] = [:]

  public static func == (lhs: CoverageReport, rhs: CoverageReport) -> Bool {
    lhs.curriculumID == rhs.curriculumID && lhs.postings == rhs.postings
      && lhs.failed == rhs.failed && lhs.items == rhs.items && lhs.areas == rhs.areas
      && lhs.demand == rhs.demand && lhs.skillCoverage == rhs.skillCoverage
      && lhs.groupCoverage == rhs.groupCoverage && lhs.groups == rhs.groups
      && lhs.gaps == rhs.gaps && lhs.undemandedItems == rhs.undemandedItems
      && lhs.demandedWeight == rhs.demandedWeight
      && lhs.mix == rhs.mix && lhs.concentration == rhs.concentration
      && lhs.manifest.elementsEqual(rhs.manifest, by: ==)
      && lhs.duplicates == rhs.duplicates && lhs.excludedPostings == rhs.excludedPostings
      && lhs.topSkills == rhs.topSkills && lhs.distinctSkills == rhs.distinctSkills
      && lhs.postingTitles == rhs.postingTitles
  }
}

/// Options of a coverage run.
public struct CoverageOptions: Sendable, Equatable {
  /// Gaps listed.
  public var gapLimit = 20
  /// Example phrases kept per item and per gap.
  public var exampleLimit = 3
  /// Skills taken from automatic mapping for an item that lists none.
  public var automaticSkills = 3
  /// Most demanded skills listed (covered or not), for the report's headline.
  public var topSkillLimit = 20
  /// Posting ids kept per item and per gap, for looking them up.
  public var postingListLimit = 100
  /// Skills (ESCO URIs) left out of the demand, as a person judged them wrongly found.
  public var excludedSkills: Set<String> = []
  /// Postings (ids) left out of the corpus.
  public var excludedPostings: Set<String> = []
  public init() {}

  /// The options as name–value pairs for the run manifest (exclusions only when there are
  /// some).
  public var manifestEntries: [(String, String)] {
    var entries = [
      ("gapLimit", String(gapLimit)), ("exampleLimit", String(exampleLimit)),
      ("automaticSkills", String(automaticSkills)),
    ]
    if !excludedSkills.isEmpty {
      entries.append(("excludedSkills", excludedSkills.sorted().joined(separator: ",")))
    }
    if !excludedPostings.isEmpty {
      entries.append(("excludedPostings", excludedPostings.sorted().joined(separator: ",")))
    }
    return entries
  }
}
