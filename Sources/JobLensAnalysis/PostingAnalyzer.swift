import Foundation
import JobLensCore
public import JobLensIndex
public import JobLensInput
import JobLensText

/// Options of ``PostingAnalyzer``. The defaults are the documented behaviour of
/// `joblens classify`; every value is recorded in the run manifest.
public struct AnalysisOptions: Sendable, Equatable {
  /// Skills scoring below this are not reported, and a phrase is evidence for a skill only
  /// where the skill scores at least this in it. A label found word for word scores 1.15 × its
  /// field weight; a label whose weighted terms are all in one phrase (in any order or form)
  /// scores its field weight; partial overlap scores the square of the covered share.
  public var skillThreshold = 0.5
  /// At most this many skills are reported.
  public var maxSkills = 40
  /// Occupations reported.
  public var occupationCount = 5
  /// Minimum confidence (share of the evidence) for a code at 1, 2, 3 and 4 digits; the
  /// answer is the most specific level that passes.
  public var backoffThresholds = [0.3, 0.25, 0.2, 0.2]
  /// Below this much evidence in total the posting is uncodable.
  public var minimumEvidence = 0.2
  /// Weight of the title beside the task phrases and the skills.
  public var titleWeight = 1.0
  /// Weight of the task phrases (ISCO task lists and descriptions).
  public var taskWeight = 1.0
  /// Weight of the skills (through ESCO's occupation–skill relations).
  public var skillWeight = 0.5
  /// Weight of the task phrases' votes (the occupation mix) beside their summed scores…
  public var voteWeight = 1.0
  /// …counted when at least this many phrases were assigned to unit groups.
  public var minimumVotingPhrases = 3
  /// A group at 2, 3 or 4 digits is chosen by its own rolled-up score plus this times the
  /// scores of the groups above it, so that, of two close groups, the one in the stronger
  /// branch wins.
  public var ancestorWeight = 0.1
  /// Weight of the unit groups' word model (``GroupTextModel``) over the title and the task
  /// phrases, times the words' specificity. It adds to the groups' scores (and so to their
  /// shares and to the occupations' ranking) but not to the evidence's strength: it cannot
  /// lift a posting over ``minimumEvidence``; a posting with no other evidence keeps the
  /// model's groups as its candidates, uncodable for "no title or task evidence". At 1 and 2
  /// digits ``wordModelCoarseWeight`` adds to it (set both to 0 to leave the model out).
  public var wordModelWeight = 0.25
  /// The word model's likeliest groups are weighted exp((log-likelihood − best) / this); at 0
  /// or below, only the likeliest counts.
  public var wordModelTemperature = 5.0
  /// At 1 and 2 digits the word model weighs this much more (times the words' specificity; 0
  /// or below: nothing more), in proportion to the task phrases assigned to unit groups, in
  /// full from ``wordModelFullPhrases`` on: pooled over many phrases, its words tell major
  /// groups apart well, but not the neighbouring unit groups that share most of their
  /// vocabulary. The 1- and 2-digit candidates, their confidence (which the back-off reads)
  /// and their sources come from the scores with this extra weight; the occupations' ranking
  /// and the mix do not see it.
  public var wordModelCoarseWeight = 0.5
  /// …reached with this many assigned task phrases (below 1 counts as 1).
  public var wordModelFullPhrases = 10
  /// Reported skills are listed literal matches first, then by score plus this times their
  /// context: how well the best of the phrases that name them matches their labels and
  /// description together (BM25, 0…1). The threshold reads the score alone; when more than
  /// ``maxSkills`` pass it, the first ones in this order are kept.
  public var skillContextWeight = 1.0

  /// The documented defaults.
  public init() {}

  /// The options as name–value pairs, for the run manifest.
  public var manifestEntries: [(String, String)] {
    [
      ("skillThreshold", JSONWriter.format(skillThreshold, decimals: 4)),
      ("maxSkills", maxSkills == .max ? "all" : String(maxSkills)),
      ("occupationCount", String(occupationCount)),
      (
        "backoffThresholds",
        backoffThresholds.map { JSONWriter.format($0, decimals: 4) }.joined(separator: ",")
      ),
      ("minimumEvidence", JSONWriter.format(minimumEvidence, decimals: 4)),
      ("titleWeight", JSONWriter.format(titleWeight, decimals: 4)),
      ("taskWeight", JSONWriter.format(taskWeight, decimals: 4)),
      ("skillWeight", JSONWriter.format(skillWeight, decimals: 4)),
      ("voteWeight", JSONWriter.format(voteWeight, decimals: 4)),
      ("minimumVotingPhrases", String(minimumVotingPhrases)),
      ("ancestorWeight", JSONWriter.format(ancestorWeight, decimals: 4)),
      ("wordModelWeight", JSONWriter.format(wordModelWeight, decimals: 4)),
      ("wordModelTemperature", JSONWriter.format(wordModelTemperature, decimals: 4)),
      ("wordModelCoarseWeight", JSONWriter.format(wordModelCoarseWeight, decimals: 4)),
      ("wordModelFullPhrases", String(wordModelFullPhrases)),
      ("skillContextWeight", JSONWriter.format(skillContextWeight, decimals: 4)),
    ]
  }
}

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
  var tokenizer: Tokenizer { searcher.tokenizer }

  /// ISCO group index of each occupation's unit group (-1 when unknown).
  private let occupationGroup: [Int]
  /// Whether each ISCO group is a unit group (4 digits).
  private let isUnitGroup: [Bool]
  /// The occupations of each ISCO group.
  private let groupOccupations: [[Int]]
  /// The description postings of the unit groups (the mix and the codes are built from these).
  private let unitGroupDescriptions: DescriptionPostings
  /// Per ISCO level 1…4: the distinct prefixes of at most that length of the groups' codes, in
  /// code order, the prefix of each group (for rolling unit group scores up) and the parent of
  /// each prefix (its position one level up; 0 at level 1).
  private let codePrefixes: [(codes: [String], ofGroup: [Int], parent: [Int])]
  /// Per occupation: 1 / sqrt(number of skills), so that occupations with long skill lists do
  /// not win on quantity.
  private let skillNorm: [Double]
  /// Per skill: how much naming it says about the occupation, log(N / n) / log(N) for a skill
  /// that n of the N occupations need (1 for a skill of one occupation, 0 for one of all).
  private let skillSpecificity: [Double]

  /// What was found in phrases already seen (boilerplate and template lines recur across
  /// postings), by their words; valid while the tokenizer's form IDs are.
  private var phraseCache: [PhraseKey: PhraseResult] = [:]
  private var cacheGeneration = 0
  /// Phrases cached at most (the cache is emptied when full).
  static let phraseCacheLimit = 20_000

  /// Makes an analyzer for an index.
  public init(index: ConceptIndex, options: AnalysisOptions = AnalysisOptions()) throws {
    self.index = index
    self.options = options
    searcher = try ConceptSearcher(index: index)
    occupationGroup = (0..<index.count(.occupation)).map {
      index.iscoGroupIndex(code: index.occupationISCO($0)) ?? -1
    }
    isUnitGroup = (0..<index.count(.iscoGroup)).map { index.iscoCode($0).count == 4 }
    unitGroupDescriptions = index.data.descriptions[Int(ConceptKind.iscoGroup.rawValue)].filtered {
      [isUnitGroup] in isUnitGroup[$0]
    }
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
      (
        distinct[level - 1], codes.map { position[level - 1][String($0.prefix(level))]! },
        level == 1
          ? distinct[0].map { _ in 0 }
          : distinct[level - 1].map { position[level - 2][String($0.prefix(level - 1))]! }
      )
    }
    skillNorm = (0..<index.count(.occupation)).map {
      1 / Double(max(1, index.skills(ofOccupation: $0).count)).squareRoot()
    }
    let occupationCount = Double(max(2, index.count(.occupation)))
    skillSpecificity = (0..<index.count(.skill)).map {
      let needed = Double(max(1, index.occupations(ofSkill: $0).count))
      return log(occupationCount / needed) / log(occupationCount)
    }
  }

  // MARK: Analysis

  /// Analyses one posting.
  /// - Complexity: O(n) in the posting's length, times the index postings its terms touch.
  public func analyze(_ posting: Posting) -> PostingAnalysis {
    // The title's, the body's and the labels' form IDs are used together.
    tokenizer.keepingForms { analyzeKeepingForms(posting) }
  }

  private func analyzeKeepingForms(_ posting: Posting) -> PostingAnalysis {
    var notes: [String] = []
    let titleText = UTF8Text(posting.title)
    let bodyText = UTF8Text(posting.text)
    let title = searcher.splittingUnknownCompounds(tokenizer.tokenize(titleText))
    let body = tokenizer.tokenize(bodyText)
    if tokenizer.formGeneration != cacheGeneration {
      phraseCache.removeAll()
      cacheGeneration = tokenizer.formGeneration
    }
    let reading = TitleReader.read(title, tokenizer: tokenizer)
    let phrases = tokenizer.phrases(in: body)
    let keys = phrases.map { PhraseLexicon.keys(of: $0, in: body, tokenizer: tokenizer) }
    let kinds = BoilerplateDetector.classify(phrases, keys: keys)
    let isRequirement = RequirementDetector.classify(phrases, keys: keys)

    var boilerplate: [BoilerplatePhrase] = []
    var requirements: [Evidence] = []
    var contentPhrases: [TaskPhrase] = []
    // Headings name skills ("Social Media", "Bookkeeping") and requirements name skills and
    // qualities, but neither is a task.
    var isTask: [Bool] = []
    for (position, (phrase, kind)) in zip(phrases, kinds).enumerated() {
      if let kind {
        boilerplate.append(BoilerplatePhrase(kind: kind, evidence: evidence(of: phrase, in: body)))
        continue
      }
      contentPhrases.append(phrase)
      if isRequirement[position] { requirements.append(evidence(of: phrase, in: body)) }
      isTask.append(phrase.kind != .heading && !isRequirement[position])
    }
    let taskPhrases = zip(contentPhrases, isTask).filter(\.1).map(\.0)

    // Skills and task evidence, phrase by phrase.
    var skills = SkillCollector()
    var phraseGroups: [[(Int, Double)]] = []
    // The task phrases' words without work-mode words, for the word model.
    var taskWords: [Int32] = []
    var queries: [QueryText] = []
    for (position, phrase) in contentPhrases.enumerated() {
      let query = searcher.query(body, tokens: phrase.tokens)
      queries.append(query)
      let result = matchPhrase(query, in: body, withGroups: isTask[position])
      for (skill, match) in result.skills {
        skills.add(skill, match: match, context: result.contexts[skill] ?? 0, phrase: position)
      }
      if isTask[position] {
        phraseGroups.append(result.groups ?? [])
        taskWords += result.occupationalTerms ?? []
      }
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

    let reported = report(skills) { phrase, match in
      self.evidence(of: match, query: queries[phrase], phrase: contentPhrases[phrase], in: body)
    }
    let skillOccupations = occupationsFromSkills(reported)

    // Unit group evidence: title, task phrases, skills.
    var groups = Evidence3()
    // A title's strength: its best match, times its specificity (a bare "Assistant" or
    // "Manager", left after "Virtual" is removed, names no occupation).
    let titleStrength =
      min(1, titleGroups.values.max() ?? 0) * specificity(titleQuery.terms, kind: .occupation)
    // Squared, so that the best-matching titles dominate the weak partial matches.
    groups.add(
      titleGroups.mapValues { $0 * $0 }, from: .title,
      weight: options.titleWeight * titleStrength, normalise: true)
    var taskTotals: [Int: Double] = [:]
    for distribution in phraseGroups {
      for (group, share) in distribution { taskTotals[group, default: 0] += share }
    }
    // Three task phrases with unit group evidence make full task evidence.
    let taskStrength = min(1, Double(phraseGroups.filter { !$0.isEmpty }.count) / 3)
    groups.add(taskTotals, from: .tasks, weight: options.taskWeight * taskStrength, normalise: true)
    var skillGroups: [Int: Double] = [:]
    for (occupation, score) in skillOccupations {
      let group = occupationGroup[occupation]
      if group >= 0 { skillGroups[group] = max(skillGroups[group] ?? 0, score) }
    }
    let skillStrength = min(1, reported.reduce(0) { $0 + $1.score } / 3)
    groups.add(
      skillGroups, from: .skills, weight: options.skillWeight * skillStrength, normalise: true)

    // The mix: each task phrase goes to one unit group. With several phrases, their votes are
    // evidence of their own, steadier than the summed phrase scores (one phrase that fits
    // many groups weakly cannot outweigh several that each fit one group).
    let mix = mix(taskPhrases, phraseGroups, posting: groups.scores, in: body)
    let assignedPhrases = mix.shares.reduce(0) { $0 + $1.phrases.count }
    if assignedPhrases >= options.minimumVotingPhrases {
      var votes: [Int: Double] = [:]
      for share in mix.shares {
        if let group = index.iscoGroupIndex(code: share.isco) { votes[group] = share.share }
      }
      groups.add(
        votes, from: .votes, weight: options.voteWeight * options.taskWeight * taskStrength,
        normalise: true)
    }

    // The word model: the title's and the task phrases' words, without work-mode words,
    // weighted by how much they say (a bare "Assistant" says little).
    let words = titleQuery.terms + taskWords
    let wordModel = wordModelDistribution(words)
    let wordSpecificity = specificity(words, kind: .occupation)
    groups.add(
      wordModel, from: .wordModel, weight: options.wordModelWeight * wordSpecificity,
      normalise: true, isEvidence: false)
    // At 1 and 2 digits, more of the word model, the more task phrases it pooled.
    var coarseGroups = groups
    coarseGroups.add(
      wordModel, from: .wordModel,
      weight: options.wordModelCoarseWeight * wordSpecificity
        * min(1, Double(assignedPhrases) / Double(max(1, options.wordModelFullPhrases))),
      normalise: true, isEvidence: false)

    let isco = assign(groups, coarse: coarseGroups, totalEvidence: groups.total)
    if taskPhrases.isEmpty && !posting.text.isEmpty {
      notes.append(PostingAnalyzer.noTaskPhrasesNote)
    }
    if bodyText.replacedSequences + titleText.replacedSequences > 0 {
      notes.append(
        "replaced \(bodyText.replacedSequences + titleText.replacedSequences) invalid UTF-8 sequences with U+FFFD"
      )
    }
    if let note = languageNote(title: title, body: body) { notes.append(note) }

    let occupations = rankOccupations(
      groups: groups.scores, titleOccupations: titleOccupations, skillOccupations: skillOccupations,
      title: title, titleQuery: titleQuery, skills: reported)

    return PostingAnalysis(
      id: posting.id, title: posting.title,
      codedTitle: reading.kept.map { title.string(title.tokens[$0].byteRange) }.joined(
        separator: " "),
      attributes: reading.attributes, skills: reported, occupations: occupations, isco: isco,
      mix: mix,
      boilerplate: boilerplate, requirements: requirements,
      phraseCount: phrases.count, notes: notes)
  }

  /// A phrase's skills and, `withGroups`, its spread over unit groups; from the cache when the
  /// same words were seen before.
  private func matchPhrase(
    _ query: QueryText, in body: TokenizedText, withGroups: Bool
  )
    -> PhraseResult
  {
    let key = PhraseKey(query)
    let cached = phraseCache[key]
    var result: PhraseResult
    if let cached {
      result = cached
    } else {
      let skills =
        query.isEmpty
        ? [:]
        : searcher.bestPerConcept(
          searcher.matchMentions(
            query, kind: .skill, minimumScore: Float(options.skillThreshold),
            rules: mentionRules))
      result = PhraseResult(
        skills: skills, contexts: contexts(of: skills, in: query), groups: nil,
        occupationalTerms: nil)
    }
    if withGroups && result.groups == nil {
      // Work-mode words ("virtual assistant", "remote") say nothing about the occupation.
      let occupational = withoutWorkMode(query, in: body)
      result.groups = occupational.isEmpty ? [] : groupDistribution(occupational)
      result.occupationalTerms = occupational.terms
    }
    if cached == nil && phraseCache.count >= PostingAnalyzer.phraseCacheLimit {
      phraseCache.removeAll()
    }
    phraseCache[key] = result
    return result
  }

  /// A query without its work-mode words (see ``MatchingLexicons/workMode``).
  func withoutWorkMode(_ query: QueryText, in tokenized: TokenizedText) -> QueryText {
    let keep = query.forms.map { MatchingLexicons.workMode[tokenizer.form($0).key] == nil }
    return keep.allSatisfy { $0 } ? query : query.keeping(keep)
  }

  /// How much words say: their summed content-term IDF over ``specificTitleMass``, at most 1.
  func specificity(_ terms: [Int32], kind: ConceptKind) -> Double {
    var seen: Set<Int32> = []
    var mass: Float = 0
    for term in terms where term >= 0 && seen.insert(term).inserted {
      if !index.isStopTerm(TermID(rawValue: UInt32(term))) {
        mass += index.idf(TermID(rawValue: UInt32(term)), kind: kind)
      }
    }
    return min(1, Double(mass) / PostingAnalyzer.specificTitleMass)
  }

  /// The title IDF mass that counts as fully specific (two ordinary words).
  static let specificTitleMass = 7.0

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

  /// A phrase's spread over unit groups: BM25 against the ISCO unit group documents
  /// (definition, task items, example titles and the descriptions of the group's ESCO
  /// occupations). The 8 strongest groups are kept, scaled to the best (cubed, to sharpen) and
  /// normalised to sum to the phrase's strength (2 × the best score, at most 1).
  func groupDistribution(_ query: QueryText) -> [(Int, Double)] {
    let top = PostingAnalyzer.strongest(
      8,
      of: searcher.descriptionScores(query, kind: .iscoGroup, postings: unitGroupDescriptions)
        .lazy.filter { $0.1 > 0 }.map { ($0.0, Double($0.1)) })
    guard let best = top.first?.1, best > 0.05 else { return [] }
    // Sorted again: rounding in `pow` can make nearly equal scores equal.
    let sharpened = top.map { ($0.0, pow($0.1 / best, 3)) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    let sum = sharpened.reduce(0) { $0 + $1.1 }
    let strength = min(1, best * 2)
    return sharpened.map { ($0.0, $0.1 / sum * strength) }
  }

  /// The unit groups that best explain `words` by the word model (``GroupTextModel``): the
  /// ``wordModelGroups`` likeliest (ties by group order), each weighted
  /// exp((log-likelihood − best) / temperature); empty when the model knows none of the words.
  /// - Complexity: O(g × ``wordModelGroups`` + Σ postings of the words) for g unit groups.
  func wordModelDistribution(_ words: [Int32]) -> [Int: Double] {
    guard
      let scores = index.data.groupModel.logLikelihoods(words, groups: isUnitGroup)
    else { return [:] }
    let top = PostingAnalyzer.strongest(
      PostingAnalyzer.wordModelGroups,
      of: scores.indices.lazy.filter { self.isUnitGroup[$0] }.map { ($0, scores[$0]) })
    guard let best = top.first?.1 else { return [:] }
    let temperature = options.wordModelTemperature
    var result: [Int: Double] = [:]
    for (group, score) in top {
      let gap = score - best
      result[group] = temperature > 0 ? exp(gap / temperature) : (gap == 0 ? 1 : 0)
    }
    return result.filter { $0.value > 0 }
  }

  /// The note on a posting whose text has no task phrase to code it from.
  public static let noTaskPhrasesNote = "no task phrases outside boilerplate and requirements"

  /// The word model's likeliest groups kept.
  static let wordModelGroups = 10

  /// The context of each skill found in a phrase: the phrase's BM25 score against the skill's
  /// labels and description together (Σ idf × weight over the phrase's distinct content
  /// terms), scaled by the phrase's best possible score, Σ idf × (k1 + 1) (0…1).
  /// - Complexity: O(Σ (context length + phrase length) over the skills).
  func contexts(of skills: [Int: LabelMatch], in query: QueryText) -> [Int: Double] {
    guard !skills.isEmpty else { return [:] }
    let idf = index.data.idf[Int(ConceptKind.skill.rawValue)]
    // The phrase's distinct content terms, with its hyphenated compounds also written closed.
    let all = query.terms + (query.closedCompounds?.map(\.term) ?? [])
    let phrase = Array(
      Set(all.filter { $0 >= 0 && index.data.stopTerms[Int($0)] == 0 }.map(UInt32.init))
    ).sorted()
    let maximum = phrase.reduce(Float(0)) { $0 + idf[Int($1)] * (IndexBuilder.k1 + 1) }
    guard maximum > 0 else { return [:] }
    let terms = index.data.skillContextTerms
    let weights = index.data.skillContextWeights
    var result: [Int: Double] = [:]
    for skill in skills.keys {
      // Both in term order: one merge.
      var sum: Float = 0
      var next = 0
      for offset in terms.range(skill) {
        let term = terms.values[offset]
        while next < phrase.count && phrase[next] < term { next += 1 }
        if next < phrase.count && phrase[next] == term { sum += idf[Int(term)] * weights[offset] }
      }
      result[skill] = Double(sum / maximum)
    }
    return result
  }

  /// Skills at or above the threshold, with their evidence: literal matches first, then by
  /// score plus ``AnalysisOptions/skillContextWeight`` × context (ties by skill order), the
  /// first ``AnalysisOptions/maxSkills``.
  func report(_ skills: SkillCollector, span: (Int, LabelMatch) -> Evidence) -> [SkillMatch] {
    let weight = options.skillContextWeight
    let kept = skills.all.filter { $0.value.score >= options.skillThreshold }
      .map { (skill: $0.key, entry: $0.value, rank: $0.value.score + weight * $0.value.context) }
      .sorted {
        ($0.entry.isLiteral ? 1 : 0, $0.rank, $1.skill) > (
          $1.entry.isLiteral ? 1 : 0, $1.rank, $0.skill
        )
      }
      .prefix(options.maxSkills)
      .map { ($0.skill, $0.entry) }
    return kept.map { skill, entry in
      let group = index.skillTopGroups(skill).first ?? ""
      return SkillMatch(
        skill: skill, uri: index.skillURI(skill), label: index.skillLabel(skill),
        type: index.skillType(skill).name, group: group,
        groupLabel: group.isEmpty ? "" : index.skillGroupLabel(code: group) ?? "",
        score: entry.score, context: entry.context, isLiteral: entry.isLiteral,
        evidence: entry.matches.map { span($0.phrase, $0.match) })
    }
  }

  /// Occupation scores from the skills found: Σ skill score × (1 essential, 0.5 optional) ×
  /// the skill's specificity, divided by √(the occupation's number of skills).
  func occupationsFromSkills(_ skills: [SkillMatch]) -> [Int: Double] {
    var scores: [Int: Double] = [:]
    for skill in skills {
      for (occupation, essential) in index.occupations(ofSkill: skill.skill) {
        scores[occupation, default: 0] +=
          skill.score * (essential ? 1 : 0.5) * skillNorm[occupation]
          * skillSpecificity[skill.skill]
      }
    }
    return scores
  }

  // MARK: Codes

  /// The sum of a dictionary's values in key order, so that floating-point rounding (and the
  /// output bytes) do not depend on the process's hash seed.
  static func sum(_ values: [Int: Double]) -> Double {
    values.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
  }

  /// The `count` highest-scoring of `candidates` (keys distinct), best first; among equal
  /// scores, the lower key first.
  /// - Complexity: O(n × count) for n candidates, O(n log n) when `count` is over 64.
  static func strongest(
    _ count: Int, of candidates: some Sequence<(Int, Double)>
  ) -> [(Int, Double)] {
    func isBetter(_ entry: (Int, Double), than other: (Int, Double)) -> Bool {
      entry.1 > other.1 || (entry.1 == other.1 && entry.0 < other.0)
    }
    guard count > 0 else { return [] }
    guard count <= 64 else { return Array(candidates.sorted(by: isBetter).prefix(count)) }
    var top: [(Int, Double)] = []
    top.reserveCapacity(count + 1)
    for entry in candidates {
      if top.count == count, let last = top.last, !isBetter(entry, than: last) { continue }
      let position = top.firstIndex { isBetter(entry, than: $0) } ?? top.count
      top.insert(entry, at: position)
      if top.count > count { top.removeLast() }
    }
    return top
  }

  /// Rolls unit group scores up to 3, 2 and 1 digits, ranks each level's groups by their score
  /// plus ``AnalysisOptions/ancestorWeight`` × their ancestors' scores, and picks the most
  /// specific level whose best group's confidence passes its threshold. Confidence = the
  /// group's share of the evidence × the evidence's strength (the weighted sources present, at
  /// most 1), so that a bare title such as "Virtual Assistant" cannot reach a confident 4-digit
  /// code. The 1- and 2-digit candidates, with their confidence and sources, are read from
  /// `coarse` (the same evidence with more of the word model) when given and not empty, the
  /// 3- and 4-digit ones from `groups`; as each level is chosen on its own, the levels need
  /// not nest.
  func assign(
    _ groups: Evidence3, coarse: Evidence3? = nil, totalEvidence: Double
  )
    -> ISCOAssignment
  {
    let fine = bestGroups(groups, through: 4, totalEvidence: totalEvidence)
    guard !fine.isEmpty else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: 0, levels: [],
        reason: "no title or task evidence")
    }
    let upper = coarse.map { bestGroups($0, through: 2, totalEvidence: totalEvidence) } ?? []
    let levels = upper.count == 2 ? upper + fine[2...] : fine
    // Too little evidence: uncodable, with the candidates and their low confidence (with
    // none at all, the candidates are the word model's alone).
    guard totalEvidence >= options.minimumEvidence else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
        reason: totalEvidence > 0 ? "too little evidence" : "no title or task evidence")
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

  /// The best group at each level from 1 to `last` digits, with its confidence and sources
  /// (see ``assign(_:coarse:totalEvidence:)``); empty when no group scores.
  /// - Complexity: O(g log g + levels × prefixes) for g scored unit groups.
  func bestGroups(_ groups: Evidence3, through last: Int, totalEvidence: Double) -> [ISCOLevel] {
    let total = PostingAnalyzer.sum(groups.scores)
    guard total > 0 else { return [] }
    var levels: [ISCOLevel] = []
    let sorted = groups.scores.sorted { $0.key < $1.key }
    let sourceScores = EvidenceSource.allCases.map { source in
      (source, (groups.bySource[source] ?? [:]).sorted { $0.key < $1.key })
    }
    // Per prefix of the level above: its rolled score plus those of its own ancestors.
    var above: [Double] = [0]
    for level in 1...last {
      let prefixes = codePrefixes[level - 1]
      var rolled = [Double](repeating: 0, count: prefixes.codes.count)
      for (group, score) in sorted { rolled[prefixes.ofGroup[group]] += score }
      let ranked = rolled.indices.map {
        rolled[$0] + options.ancestorWeight * above[prefixes.parent[$0]]
      }
      // The best prefix; among equal ones, the first code.
      var best = 0
      for prefix in ranked.indices where ranked[prefix] > ranked[best] { best = prefix }
      above = rolled.indices.map { rolled[$0] + above[prefixes.parent[$0]] }
      let (code, score) = (prefixes.codes[best], rolled[best])
      // Each source's part of the chosen group's score (its unit groups' parts, in group order).
      let sources = sourceScores.compactMap { source, scores -> SourceShare? in
        let part = scores.reduce(0) { $0 + (prefixes.ofGroup[$1.key] == best ? $1.value : 0) }
        return part > 0 && score > 0 ? SourceShare(source: source, share: part / score) : nil
      }
      levels.append(
        ISCOLevel(
          level: level, code: code, label: index.iscoTitle(code: code) ?? "",
          confidence: score / total * min(1, totalEvidence), sources: sources))
    }
    return levels
  }

  /// Ranks occupations: their unit group's score, plus title and skill support of their own.
  func rankOccupations(
    groups: [Int: Double], titleOccupations: [Int: (Double, LabelMatch)],
    skillOccupations: [Int: Double], title: TokenizedText, titleQuery: QueryText,
    skills: [SkillMatch]
  ) -> [OccupationMatch] {
    let groupTotal = max(PostingAnalyzer.sum(groups), 1e-9)
    let skillMax = max(skillOccupations.values.max() ?? 0, 1e-9)
    var candidates = Set(titleOccupations.keys).union(skillOccupations.keys)
    for (group, _) in PostingAnalyzer.strongest(10, of: groups.lazy.map { ($0.key, $0.value) }) {
      candidates.formUnion(groupOccupations[group])
    }
    let scored = candidates.map { occupation -> (Int, Double) in
      let group = occupationGroup[occupation]
      let groupShare = group >= 0 ? (groups[group] ?? 0) / groupTotal : 0
      let titleScore = titleOccupations[occupation]?.0 ?? 0
      let skillScore = (skillOccupations[occupation] ?? 0) / skillMax
      return (occupation, groupShare + 0.5 * titleScore + 0.25 * skillScore)
    }
    // One more than reported: the last one's margin is to the next.
    let ranked = PostingAnalyzer.strongest(
      options.occupationCount < .max ? options.occupationCount + 1 : .max, of: scored)
    // The strongest skills first (the reported order puts literal matches first).
    let byScore = skills.enumerated().sorted {
      ($0.element.score, $1.offset) > ($1.element.score, $0.offset)
    }.map(\.element)
    return ranked.prefix(max(0, options.occupationCount)).enumerated().map { position, entry in
      let (occupation, score) = entry
      var support: [OccupationEvidence] = []
      if let (weight, match) = titleOccupations[occupation] {
        // The match's positions are in the title query (the title without work-mode words).
        support.append(
          OccupationEvidence(
            kind: .title,
            evidence: span(of: match, query: titleQuery, in: title, field: .title, phrase: nil),
            skill: nil, isEssential: nil, weight: weight))
      }
      let needed = Dictionary(
        index.skills(ofOccupation: occupation).map { ($0.skill, $0.isEssential) },
        uniquingKeysWith: { first, _ in first })
      for skill in byScore where needed[skill.skill] != nil {
        support.append(
          OccupationEvidence(
            kind: .skill, evidence: skill.evidence.first, skill: skill.label,
            isEssential: needed[skill.skill], weight: skill.score))
        if support.count >= 6 { break }
      }
      let next = position + 1 < ranked.count ? ranked[position + 1].1 : 0
      return OccupationMatch(
        occupation: occupation, uri: index.uri(of: ConceptID(.occupation, occupation)),
        label: index.occupationLabel(occupation), isco: index.occupationISCO(occupation),
        score: score, margin: score - next, evidence: support)
    }
  }

  // MARK: Mix

  /// Assigns each task phrase to a unit group: the best of its own groups, each weighted by
  /// 0.5 + the group's share of the whole posting's evidence (relative to the posting's top
  /// group), so that a phrase that fits several groups goes to the one the posting is about.
  /// Shares are the groups' shares of the assigned phrases.
  func mix(
    _ phrases: [TaskPhrase], _ distributions: [[(Int, Double)]], posting: [Int: Double],
    in body: TokenizedText
  ) -> OccupationMix {
    let postingBest = max(posting.values.max() ?? 0, 1e-9)
    var byGroup: [Int: [Evidence]] = [:]
    var unassigned = 0
    for (phrase, distribution) in zip(phrases, distributions) {
      let weighted = distribution.map { ($0.0, $0.1 * (0.5 + (posting[$0.0] ?? 0) / postingBest)) }
      guard let best = weighted.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else {
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
    /// The best context of the phrases it was found in (see ``PostingAnalyzer/contexts(of:in:)``).
    var context: Double
    var isLiteral: Bool
    /// Up to five (phrase position, match) pairs; spans are made only for reported skills.
    var matches: [(phrase: Int, match: LabelMatch)]
  }

  private(set) var all: [Int: Entry] = [:]

  mutating func add(_ skill: Int, match: LabelMatch, context: Double, phrase: Int) {
    let score = Double(match.score)
    if var entry = all[skill] {
      entry.score = max(entry.score, score)
      entry.context = max(entry.context, context)
      entry.isLiteral = entry.isLiteral || match.exact != nil
      if entry.matches.count < 5 { entry.matches.append((phrase, match)) }
      all[skill] = entry
    } else {
      all[skill] = Entry(
        score: score, context: context, isLiteral: match.exact != nil, matches: [(phrase, match)])
    }
  }
}

/// Scores per unit group from several sources, each normalised and weighted.
struct Evidence3 {
  private(set) var scores: [Int: Double] = [:]
  private(set) var total = 0.0
  /// Each source's part of ``scores``.
  private(set) var bySource: [EvidenceSource: [Int: Double]] = [:]

  /// Adds a source's scores: scaled to sum to 1 (when `normalise`), times `weight`; its
  /// weight counts towards the evidence total when `isEvidence`.
  mutating func add(
    _ source: [Int: Double], from kind: EvidenceSource, weight: Double, normalise: Bool,
    isEvidence: Bool = true
  ) {
    guard weight > 0 else { return }
    let sum = PostingAnalyzer.sum(source)
    guard sum > 0 else { return }
    // One addition per group: the order does not change the sums.
    for (group, score) in source {
      let value = weight * (normalise ? score / sum : score)
      scores[group, default: 0] += value
      bySource[kind, default: [:]][group, default: 0] += value
    }
    if isEvidence { total += weight }
  }
}

/// A phrase's query as a cache key: everything skill and unit group matching read from it.
struct PhraseKey: Hashable {
  private var words: [UInt32]

  init(_ query: QueryText) {
    // The length, then each form with its capitals flag in the top bit (form IDs stay far
    // below 2³¹: the tokenizer clears its table long before), then the compounds.
    words = [UInt32(query.forms.count), query.hasCapitals ? 1 : 0]
    for (form, isCapital) in zip(query.forms, query.allCaps) {
      words.append(form.rawValue | (isCapital ? 1 << 31 : 0))
    }
    for entry in query.closedCompounds ?? [] {
      words += [UInt32(bitPattern: entry.term), UInt32(entry.first), UInt32(entry.last)]
    }
  }
}

/// What was found in one phrase: its skills (best label match per skill) with their contexts,
/// and its spread over unit groups with the terms it was read from (its terms without
/// work-mode words); both nil until needed (headings have none).
struct PhraseResult {
  var skills: [Int: LabelMatch]
  var contexts: [Int: Double]
  var groups: [(Int, Double)]?
  var occupationalTerms: [Int32]?
}
