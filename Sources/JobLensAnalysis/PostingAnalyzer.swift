import Foundation
import JobLensCore
public import JobLensIndex
public import JobLensInput
import JobLensText

/// Turns postings into analyses: skills with evidence, occupations, the ISCO code with
/// back-off, the occupation mix, title attributes and boilerplate.
///
/// Holds a searcher with scratch buffers: not thread-safe, make one per thread (they share the
/// ``ConceptIndex``).
public final class PostingAnalyzer {
  /// The index it analyses against.
  public let index: ConceptIndex
  /// The options it was made with.
  public let options: AnalysisOptions
  let searcher: ConceptSearcher
  /// What counts as a skill mention in a phrase (``SkillMentionRules``).
  let mentionRules = SkillMentionRules()
  /// Gives each phrase its zone.
  let zoneClassifier: ZoneClassifier
  /// Which labels may be an occupation's preferred label (for the title's less skilled names).
  let namesakes = PreferredNameKeys()
  /// Writes out abbreviations and corrects misspellings in titles.
  let titleNormaliser: TitleNormaliser
  var tokenizer: Tokenizer { searcher.tokenizer }

  /// ISCO group index of each occupation's unit group (-1 when unknown).
  let occupationGroup: [Int]
  /// Whether each ISCO group is a unit group (4 digits).
  let isUnitGroup: [Bool]
  /// The occupations of each ISCO group.
  let groupOccupations: [[Int]]
  /// The BM25 contributions of the unit groups' descriptions (the mix and the codes are built
  /// from these).
  let unitGroupContributions: DescriptionContributions
  /// Per ISCO level 1…4: the distinct prefixes of at most that length of the groups' codes, in
  /// code order, the prefix of each group (for rolling unit group scores up) and the groups of
  /// each prefix, in group order.
  let codePrefixes: [(codes: [String], ofGroup: [Int], groups: [[Int]])]
  /// Per occupation: 1 / sqrt(number of skills), so that occupations with long skill lists do
  /// not win on quantity.
  let skillNorm: [Double]
  /// Per skill: whether ESCO's reuse level says it is transversal.
  let isTransversal: [Bool]
  /// Per skill: whether it is a knowledge category that ESCO names by its members:
  /// ``SkillOptions/categoryMembers`` or more one-word alternative labels, none of them
  /// starting with a capital (*design principles*: "scale", "balance", "unity"; *ceramic
  /// ware*: "pottery"). Such a label, unless it is a word of the category's own name, is a
  /// member and a bare variant however rare its word (``isBare(_:_:in:of:)``).
  let namedByMembers: [Bool]
  /// Per skill: how much naming it says about the occupation, log(N / n) / log(N) for a skill
  /// that n of the N occupations need (1 for a skill of one occupation, 0 for one of all).
  let skillSpecificity: [Double]

  /// The index terms of ``MatchingLexicons/dutyFrames``, each with the term of the word that
  /// follows it.
  let dutyFrameTerms: [Int32: Int32]
  /// The index terms of ``MatchingLexicons/people``, and of "others", the object of labels
  /// such as "lead others" and "direct others".
  let peopleTerms: Set<Int32>
  let othersTerm: Int32
  /// The index terms of ``MatchingLexicons/makers``, ``MatchingLexicons/topics`` and
  /// ``MatchingLexicons/beforeVerbs``.
  let makerTerms: Set<Int32>
  let topicTerms: Set<Int32>
  let beforeVerbTerms: Set<Int32>
  /// The index terms of ``MatchingLexicons/agentNouns`` (the stems they share with their
  /// work: "manag", "develop").
  let agentNounTerms: Set<Int32>
  /// The index terms of ``MatchingLexicons/traits`` (read before their words' forms).
  let traitTerms: Set<Int32>

  /// Scratch, per skill: 0, or whether the occupation being ranked needs it (1 optional,
  /// 2 essential); cleared after each use.
  var neededScratch: [UInt8]
  /// Scratch, per index term: false, or true while a look-up marks it; cleared after each use.
  var termScratch: [Bool]
  /// Scores over the occupations and the ISCO groups, lent per posting.
  let scoresPool = ScoresPool()

  /// Per form ID: its flags (none when not looked up); valid for the tokenizer's
  /// ``formFlagsGeneration`` of form IDs.
  var formFlags: [FormFlags] = []
  var formFlagsGeneration = -1

  /// What was found in phrases already seen (boilerplate and template lines recur across
  /// postings), by their words; valid while the tokenizer's form IDs are.
  var phraseCache: [PhraseKey: PhraseResult] = [:]
  var cacheGeneration = 0
  /// Phrases cached at most (the cache is emptied when full).
  static let phraseCacheLimit = 20_000
  /// The note on a posting whose text has no task phrase to code it from.
  public static let noTaskPhrasesNote = "no task phrases outside boilerplate and requirements"

  /// Makes an analyzer for an index.
  public init(index: ConceptIndex, options: AnalysisOptions = AnalysisOptions()) throws {
    self.index = index
    self.options = options
    searcher = try ConceptSearcher(index: index)
    zoneClassifier = ZoneClassifier(index: index, options: options.zones)
    titleNormaliser = TitleNormaliser(index: index, searcher: searcher)
    occupationGroup = (0..<index.count(.occupation)).map {
      index.iscoGroupIndex(code: index.occupationISCO($0)) ?? -1
    }
    isUnitGroup = (0..<index.count(.iscoGroup)).map { index.iscoCode($0).count == 4 }
    let groupKind = Int(ConceptKind.iscoGroup.rawValue)
    unitGroupContributions = DescriptionContributions(
      postings: index.data.descriptions[groupKind].filtered { [isUnitGroup] in isUnitGroup[$0] },
      idf: index.data.idf[groupKind], conceptCount: index.count(.iscoGroup))
    var members = [[Int]](repeating: [], count: index.count(.iscoGroup))
    for (occupation, group) in occupationGroup.enumerated() where group >= 0 {
      members[group].append(occupation)
    }
    groupOccupations = members
    let codes = (0..<index.count(.iscoGroup)).map { index.iscoCode($0) }
    let distinct = (1...4).map { level in
      Array(Set(codes.map { String($0.prefix(level)) })).sorted()
    }
    let position = distinct.map {
      Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, $0) })
    }
    codePrefixes = (1...4).map { level in
      let ofGroup = codes.map { position[level - 1][String($0.prefix(level))]! }
      var groups = [[Int]](repeating: [], count: distinct[level - 1].count)
      for (group, prefix) in ofGroup.enumerated() { groups[prefix].append(group) }
      return (distinct[level - 1], ofGroup, groups)
    }
    neededScratch = [UInt8](repeating: 0, count: index.count(.skill))
    termScratch = [Bool](repeating: false, count: index.termCount)
    let searcher = searcher
    func terms(_ words: Set<String>) -> Set<Int32> {
      Set(searcher.query(words.sorted().joined(separator: " ")).1.terms.filter { $0 >= 0 })
    }
    dutyFrameTerms = MatchingLexicons.dutyFrames.reduce(into: [:]) { frames, frame in
      if let word = terms([frame.key]).first, let next = terms([frame.value]).first {
        frames[word] = next
      }
    }
    peopleTerms = terms(MatchingLexicons.people)
    othersTerm = terms(["others"]).first ?? -1
    makerTerms = terms(MatchingLexicons.makers)
    traitTerms = terms(MatchingLexicons.traits)
    topicTerms = terms(MatchingLexicons.topics)
    beforeVerbTerms = terms(MatchingLexicons.beforeVerbs)
    agentNounTerms = terms(MatchingLexicons.agentNouns)
    isTransversal = (0..<index.count(.skill)).map { index.skillReuseLevel($0) == "transversal" }
    namedByMembers = PostingAnalyzer.categoriesNamedByMembers(
      index, minimum: options.skills.categoryMembers)
    skillNorm = (0..<index.count(.occupation)).map {
      1 / Double(max(1, index.skills(ofOccupation: $0).count)).squareRoot()
    }
    let occupationCount = Double(max(2, index.count(.occupation)))
    skillSpecificity = (0..<index.count(.skill)).map {
      let needed = Double(max(1, index.occupations(ofSkill: $0).count))
      return log(occupationCount / needed) / log(occupationCount)
    }
  }

  /// Per skill: whether it is a knowledge category named by its members (``namedByMembers``),
  /// at least `minimum` of them.
  /// - Complexity: O(l) in the number of labels.
  private static func categoriesNamedByMembers(_ index: ConceptIndex, minimum: Int) -> [Bool] {
    var members = [Int](repeating: 0, count: index.count(.skill))
    var capitalised = [Bool](repeating: false, count: index.count(.skill))
    for label in 0..<index.labelCount
    where index.labelField(label) == .alternative && index.data.labelTerms[label].count == 1 {
      let concept = index.labelConcept(label)
      guard concept.kind == .skill, index.skillType(concept.index) == .knowledge else { continue }
      members[concept.index] += 1
      if !index.labelTextFacts(label).contains(.startsLowercase) {
        capitalised[concept.index] = true
      }
    }
    return members.indices.map { members[$0] >= minimum && !capitalised[$0] }
  }

  // MARK: Analysis

  /// Analyses one posting.
  /// - Complexity: O(n) in the posting's length, times the index postings its terms touch.
  public func analyze(_ posting: Posting) -> PostingAnalysis {
    // The title's, the body's and the labels' form IDs are used together.
    tokenizer.keepingForms { analyzeKeepingForms(posting) }
  }

  /// The steps of an analysis: read the text into phrases, match each phrase's skills and
  /// unit groups, match the title, report the skills, weigh the evidence for each unit group
  /// (title, tasks, skills, the phrases' votes, the word model), assign the ISCO code and rank
  /// the occupations.
  private func analyzeKeepingForms(_ posting: Posting) -> PostingAnalysis {
    let text = read(posting)
    let phrases = matchPhrases(of: text)
    let title = matchTitle(text.title, kept: text.reading.kept)
    var groups = GroupEvidence(count: isUnitGroup.count, pool: scoresPool)
    addTitleEvidence(title, to: &groups)
    let taskStrength = addTaskEvidence(phrases.taskGroups, to: &groups)
    let likely = PostingAnalyzer.strongest(
      options.skills.fitGroups, of: groups.scores.entries)
    let skills = reportSkills(phrases, of: text, fitting: Set(likely.map(\.0)))
    // Skills found only in the title add nothing to what the title says of the occupation.
    let textSkills = skills.filter { $0.evidence.contains { $0.field == .text } }
    var skillOccupations = occupationsFromSkills(textSkills)
    addSkillEvidence(skillOccupations, skills: textSkills, to: &groups)
    let mix = mix(text.taskPhrases, phrases.taskGroups, posting: groups.scores, in: text.body)
    addVotes(mix, taskStrength: taskStrength, to: &groups)
    var coarse = addWordModel(
      title.query.terms + phrases.taskWords, assignedPhrases: mix.assignedPhrases, to: &groups)
    // At least the first occupation is ranked, reported or not: it may decide the code.
    let ranked = rankOccupations(
      groups: groups.scores, titleOccupations: title.occupations,
      skillOccupations: skillOccupations, title: text.title, titleQuery: title.query,
      skills: textSkills, count: max(1, options.occupations.count))
    let occupations = Array(ranked.prefix(max(0, options.occupations.count)))
    let assigned = assign(
      groups, coarse: coarse, totalEvidence: groups.total,
      unit: decidingOccupationGroup(ranked, taskStrength: taskStrength),
      first: witness(ranked, taskStrength: taskStrength))
    scoresPool.giveBack(&skillOccupations)
    groups.giveBack()
    coarse.giveBack()
    let language = languageNote(title: text.title, body: text.body)
    let isco = language == nil ? assigned : readByTitle(assigned)
    return PostingAnalysis(
      id: posting.id, title: posting.title, codedTitle: text.codedTitle,
      attributes: text.reading.attributes, skills: skills, occupations: occupations, isco: isco,
      mix: mix, zones: text.zonedPhrases, boilerplate: text.boilerplate,
      requirements: text.requirements,
      phraseCount: text.phrases.count,
      notes: notes(posting, text, language: language)
        + [codeNote(isco, first: ranked.first)].compactMap { $0 })
  }
}
