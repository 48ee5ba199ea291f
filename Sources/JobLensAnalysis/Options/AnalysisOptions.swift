import JobLensCore

/// Options of ``PostingAnalyzer``, by stage. The defaults are the documented behaviour of
/// `joblens classify`; every value is recorded in the run manifest (``manifestEntries``).
public struct AnalysisOptions: Sendable, Equatable {
  /// How phrases get their zones.
  public var zones = ZoneOptions()
  /// Which skills are reported, and in what order.
  public var skills = SkillOptions()
  /// How the title counts as occupation evidence.
  public var title = TitleOptions()
  /// How the task phrases count as occupation evidence.
  public var tasks = TaskOptions()
  /// How the skills found count as occupation evidence.
  public var skillEvidence = SkillEvidenceOptions()
  /// How the task phrases' votes (the occupation mix) count as evidence.
  public var votes = VoteOptions()
  /// How the unit groups' word model counts.
  public var wordModel = WordModelOptions()
  /// How the ISCO code is chosen and backed off.
  public var codes = CodeOptions()
  /// How occupations are ranked and reported.
  public var occupations = OccupationOptions()
  /// How task phrases are assigned to unit groups for the mix.
  public var mix = MixOptions()

  /// The documented defaults.
  public init() {}

  /// The options as name–value pairs ("stage.name"), for the run manifest.
  public var manifestEntries: [(String, String)] {
    func number(_ value: Double) -> String { JSONWriter.format(value, decimals: 4) }
    return [
      ("zones.wordModelWeight", number(zones.wordModelWeight)),
      ("zones.cueWeight", number(zones.cueWeight)),
      ("zones.headingWeight", number(zones.headingWeight)),
      ("zones.templateWeight", number(zones.templateWeight)),
      ("zones.dutyPrior", number(zones.dutyPrior)),
      ("zones.taskVerbWeight", number(zones.taskVerbWeight)),
      ("zones.fallbackMargin", number(zones.fallbackMargin)),
      ("zones.stayProbability", number(zones.stayProbability)),
      ("zones.smoothing", number(zones.smoothing)),
      ("skills.threshold", number(skills.threshold)),
      ("skills.partialMargin", number(skills.partialMargin)),
      ("skills.maximum", skills.maximum == .max ? "all" : String(skills.maximum)),
      ("skills.scoreWeight", number(skills.scoreWeight)),
      ("skills.contextWeight", number(skills.contextWeight)),
      ("skills.literalWeight", number(skills.literalWeight)),
      ("skills.toolWeight", number(skills.toolWeight)),
      ("skills.frequencyWeight", number(skills.frequencyWeight)),
      ("skills.fitWeight", number(skills.fitWeight)),
      ("skills.fitGroups", String(skills.fitGroups)),
      ("skills.coverageWeight", number(skills.coverageWeight)),
      ("skills.transversalWeight", number(skills.transversalWeight)),
      ("skills.requirementWeight", number(skills.requirementWeight)),
      ("skills.repeatedWeight", number(skills.repeatedWeight)),
      ("skills.oneWordVariantPenalty", number(skills.oneWordVariantPenalty)),
      ("skills.oneWordPenalty", number(skills.oneWordPenalty)),
      ("skills.knowledgePenalty", number(skills.knowledgePenalty)),
      ("skills.modifierPenalty", number(skills.modifierPenalty)),
      ("skills.dropBare", String(skills.dropBare)),
      ("skills.bareMaximumIDF", number(skills.bareMaximumIDF)),
      ("skills.categoryMembers", String(skills.categoryMembers)),
      ("skills.loneContextWeight", number(skills.loneContextWeight)),
      ("skills.samePhrasePenalty", number(skills.samePhrasePenalty)),
      ("skills.sameSpanPenalty", number(skills.sameSpanPenalty)),
      ("skills.fieldWordMaximumRate", number(skills.fieldWordMaximumRate)),
      ("title.weight", number(title.weight)),
      ("title.specificMass", number(title.specificMass)),
      ("title.headWeight", number(Double(title.headWeight))),
      ("title.unsaidRankFactor", number(title.unsaidRankFactor)),
      ("title.otherPreferredFactor", number(title.otherPreferredFactor)),
      ("title.coordinatedFactor", number(title.coordinatedFactor)),
      ("title.descriptionWeight", number(title.descriptionWeight)),
      ("tasks.weight", number(tasks.weight)),
      ("tasks.spreadGroups", String(tasks.spreadGroups)),
      ("tasks.minimumBest", number(tasks.minimumBest)),
      ("tasks.sharpening", number(tasks.sharpening)),
      ("tasks.strengthScale", number(tasks.strengthScale)),
      ("tasks.fullStrengthPhrases", String(tasks.fullStrengthPhrases)),
      ("skillEvidence.weight", number(skillEvidence.weight)),
      ("skillEvidence.optionalWeight", number(skillEvidence.optionalWeight)),
      ("skillEvidence.fullStrengthScore", number(skillEvidence.fullStrengthScore)),
      ("votes.weight", number(votes.weight)),
      ("votes.minimumPhrases", String(votes.minimumPhrases)),
      ("wordModel.weight", number(wordModel.weight)),
      ("wordModel.temperature", number(wordModel.temperature)),
      ("wordModel.groups", String(wordModel.groups)),
      ("wordModel.coarseWeight", number(wordModel.coarseWeight)),
      ("wordModel.fullPhrases", String(wordModel.fullPhrases)),
      ("codes.backoffThresholds", codes.backoffThresholds.map(number).joined(separator: ",")),
      ("codes.minimumEvidence", number(codes.minimumEvidence)),
      ("codes.ancestorWeight", number(codes.ancestorWeight)),
      ("codes.coarseAncestorWeight", number(codes.coarseAncestorWeight)),
      ("codes.occupationTitleScore", number(codes.occupationTitleScore)),
      ("codes.occupationScore", number(codes.occupationScore)),
      ("codes.agreementFactor", number(codes.agreementFactor)),
      ("codes.agreedOccupationScore", number(codes.agreedOccupationScore)),
      ("codes.weakMajorConfidence", number(codes.weakMajorConfidence)),
      ("codes.unreadableTitleShare", number(codes.unreadableTitleShare)),
      ("occupations.count", String(occupations.count)),
      ("occupations.candidateGroups", String(occupations.candidateGroups)),
      ("occupations.titleWeight", number(occupations.titleWeight)),
      ("occupations.skillWeight", number(occupations.skillWeight)),
      ("occupations.supportingSkills", String(occupations.supportingSkills)),
      ("mix.baseWeight", number(mix.baseWeight)),
    ]
  }
}

/// Which skills are reported, and in what order.
public struct SkillOptions: Sendable, Equatable {
  /// Skills scoring below this are not reported, and a phrase is evidence for a skill only
  /// where the skill scores at least this in it. A label found word for word scores 1.15 × its
  /// field weight; a label whose weighted terms are all in one phrase (in any order or form)
  /// scores its field weight; partial overlap scores the square of the covered share.
  public var threshold = 0.5
  /// A posting's skills found by no label word for word need this much more than the
  /// threshold (a lone sentence's, mostly such matches, only the threshold): a partial match
  /// scores the square of the share of its label found, so 0.6 asks for 78% of it ("Answer
  /// our questions" for *answer patients' questions* scores 0.52). Such skills scoring 0.5–0.6
  /// in postings_dev's first 10 were right for 38% of the judged, against 76% above 0.8.
  public var partialMargin = 0.1
  /// At most this many skills are reported (the first in rank order).
  public var maximum = 40

  // The rank: how likely a skill found is one the posting demands, a weighted sum. The
  // weights are those of a logistic regression over real postings' judged skills, rounded
  // (docs/decisions); they order the skills and do not decide which are reported.

  /// Weight of the skill's score.
  public var scoreWeight = 3.4
  /// Weight of its context: how well the best of the phrases that name it matches its labels
  /// and description together (BM25, 0…1).
  public var contextWeight = 2.9
  /// Added when a label was found word for word.
  public var literalWeight = 1.4
  /// Added when it was found by a tool name (``ToolNames``).
  public var toolWeight = 2.4
  /// Weight of the share of the background corpus's postings that name it.
  public var frequencyWeight = 1.7
  /// Added when an occupation of one of the posting's ``fitGroups`` likeliest unit groups
  /// (by its title and tasks) needs it.
  public var fitWeight = 1.2
  /// The unit groups a fitting skill's occupations may be in.
  public var fitGroups = 5
  /// Weight of the share of its label found.
  public var coverageWeight = 0.6
  /// Added for a transversal skill (ESCO's reuse level).
  public var transversalWeight = 0.5
  /// Added when a requirement names it.
  public var requirementWeight = 0.5
  /// Added when more than one phrase names it (of the matches kept per skill): a skill the
  /// posting comes back to is more often demanded (measured on postings_dev's output: 34% of
  /// the skills below the first 10 named twice were demanded, 22% of those named once).
  public var repeatedWeight = 0.6
  /// Taken off when its label is one word and not its preferred label ("current" for
  /// *electricity principles*, "rights" for *patents*).
  public var oneWordVariantPenalty = 0.5
  /// Taken off when its label is one lower-case word and its preferred label ("plan",
  /// "ethics", "logistics": of such skills in postings_dev's first 15, 44% of the judged were
  /// right, against 80% of those found by longer labels).
  public var oneWordPenalty = 1.0
  /// Taken off for knowledge (rather than a skill or competence).
  public var knowledgePenalty = 0.45
  /// Taken off when every match is a one-word label that qualifies the next word ("computer
  /// proficiency", "lead generation").
  public var modifierPenalty = 1.0
  /// Skills found only by matches that are no evidence (``PostingAnalyzer/isBare(_:_:in:of:)``:
  /// duty frames, names written as common words, bare variants, makers' names, verbs read as
  /// nouns; words inside a longer label; a label another skill's reading takes; another person
  /// read as the work; the title's acronym; the employer's name) are not reported.
  public var dropBare = true
  /// Knowledge (not transversal) or a sector's or an occupation's skill found only as a
  /// one-word label without capitals, in lower case, that no occupation of the posting's
  /// likely unit groups needs is not reported when real postings name it less often than this
  /// (``PostingAnalyzer/namesAnotherField(_:_:fit:span:)``: "migrations", "logging",
  /// "business logic", "clean code"; over corpus_dev's first 15 skills, 127 listings gone,
  /// about 9 in 10 of them wrong by our reading).
  public var fieldWordMaximumRate = 0.1
  /// A one-word alternative label's word is common, for the last two, when its IDF over
  /// ESCO's skills is below this (7.6: the word is in 7 or more of the 13,896 skills' texts).
  public var bareMaximumIDF = 7.6
  /// A knowledge skill with this many one-word alternative labels or more, none starting with
  /// a capital, is a category named by its members (*design principles*: "scale", "balance",
  /// "unity" …; ``PostingAnalyzer/namedByMembers``): 8 picks it and *ceramic ware* out of
  /// ESCO v1.1.1, whose other skills with as many list names ("PowerShell", "Lua").
  public var categoryMembers = 8
  /// Weight of the context beside the score in a lone phrase's rank (a sentence, not a
  /// posting: ``PostingAnalyzer/loneRank(_:)``).
  public var loneContextWeight = 1.0
  /// Taken off a skill's rank for each skill already listed from its best phrase (a phrase
  /// often names several demanded skills: "Word, Excel, PowerPoint and Outlook"; on
  /// postings_dev 0.25 gave P@5 0.853 against 0.840 for 0.75, demand recall@10 0.560 against
  /// 0.563).
  public var samePhrasePenalty = 0.25
  /// Taken off a skill's rank for each skill already listed that was found word for word at
  /// the same words: one mention read as several skills ("problem solving" as *solve
  /// problems* and *troubleshoot*, "self-motivated" as *show initiative* and *work
  /// independently*) names one demand, seldom two.
  public var sameSpanPenalty = 1.5

  /// The documented defaults.
  public init() {}
}

/// How the title counts as occupation evidence.
public struct TitleOptions: Sendable, Equatable {
  /// Weight of the title beside the task phrases and the skills.
  public var weight = 1.0
  /// The IDF mass of a title's words that counts as fully specific (two ordinary words): a
  /// title's strength is its best match times its mass over this (at most 1), so that a bare
  /// "Assistant" names little.
  public var specificMass = 7.0
  /// How much the title's head noun counts beside its other words ("Director" in "Director of
  /// Sales").
  public var headWeight: Float = 2
  /// Factor of a title's label match when the label names a rank the title does not
  /// ("customer service manager" for "Customer Service Associate").
  public var unsaidRankFactor = 0.5
  /// Factor of a title's match of an alternative or hidden label that is the preferred label of
  /// another occupation the title matches as well, in a less skilled major group: "customer
  /// service representative" is an alternative label of *client relations manager* (2431)
  /// and the preferred label of *customer service representative* (4225); "office clerk" of
  /// *administrative assistant* (3343) and of *office clerk* (4110). (The other way round,
  /// "administrative assistant" is an alternative label of *secretary*, 4120: postings so
  /// titled are more often secretaries' work than ESCO's *administrative assistant*, 3343.)
  public var otherPreferredFactor = 0.5
  /// Factor of a title's label match whose words the title has only in different roles joined
  /// by "and", "or", "&" or "/" after an occupation's head noun: "Receptionist and Office
  /// Assistant" names a receptionist and an office assistant, not an "office receptionist";
  /// "Office Manager & Finance Coordinator" no "finance manager".
  public var coordinatedFactor = 0.5
  /// Weight of the title's words against the unit group documents (for titles no label covers
  /// well) beside its label matches.
  public var descriptionWeight = 0.5

  /// The documented defaults.
  public init() {}
}

/// How the task phrases count as occupation evidence.
public struct TaskOptions: Sendable, Equatable {
  /// Weight of the task phrases (ISCO task lists and descriptions).
  public var weight = 1.0
  /// A phrase spreads over at most this many unit groups (its strongest)…
  public var spreadGroups = 8
  /// …when its best group's BM25 score (scaled to 0…1) reaches this.
  public var minimumBest = 0.05
  /// The spread is the groups' scores relative to the best, raised to this power (to sharpen).
  public var sharpening = 3.0
  /// A phrase's strength is its best score times this, at most 1.
  public var strengthScale = 2.0
  /// This many phrases with unit group evidence make full task evidence.
  public var fullStrengthPhrases = 3

  /// The documented defaults.
  public init() {}
}

/// How the skills found count as occupation evidence (through ESCO's occupation–skill
/// relations).
public struct SkillEvidenceOptions: Sendable, Equatable {
  /// Weight of the skills beside the title and the task phrases.
  public var weight = 0.5
  /// An optional skill counts this much of an essential one.
  public var optionalWeight = 0.5
  /// Skills whose scores add up to this make full skill evidence.
  public var fullStrengthScore = 3.0

  /// The documented defaults.
  public init() {}
}

/// How the task phrases' votes (the occupation mix) count as evidence.
public struct VoteOptions: Sendable, Equatable {
  /// Weight of the votes beside the phrases' summed scores (times the task weight)…
  public var weight = 1.0
  /// …counted when at least this many phrases were assigned to unit groups.
  public var minimumPhrases = 3

  /// The documented defaults.
  public init() {}
}

/// How the unit groups' word model (``GroupTextModel``) over the title and the task phrases
/// counts.
public struct WordModelOptions: Sendable, Equatable {
  /// Weight of the model, times the words' specificity. It adds to the groups' scores (and so
  /// to their shares and to the occupations' ranking) but not to the evidence's strength: it
  /// cannot lift a posting over ``CodeOptions/minimumEvidence``; a posting with no other
  /// evidence keeps the model's groups as its candidates, uncodable for "no title or task
  /// evidence". At 1 and 2 digits ``coarseWeight`` adds to it (set both to 0 to leave the
  /// model out).
  public var weight = 0.25
  /// The likeliest groups are weighted exp((log-likelihood − best) / this); at 0 or below,
  /// only the likeliest counts.
  public var temperature = 5.0
  /// The likeliest groups kept.
  public var groups = 10
  /// At 1 and 2 digits the model weighs this much more (times the words' specificity; 0 or
  /// below: nothing more), in proportion to the task phrases assigned to unit groups, in full
  /// from ``fullPhrases`` on: pooled over many phrases, its words tell major groups apart
  /// well, but not the neighbouring unit groups that share most of their vocabulary. The 1-
  /// and 2-digit candidates, their confidence (which the back-off reads) and their sources
  /// come from the scores with this extra weight; the occupations' ranking and the mix do not
  /// see it.
  public var coarseWeight = 0.5
  /// …reached with this many assigned task phrases (below 1 counts as 1).
  public var fullPhrases = 10

  /// The documented defaults.
  public init() {}
}

/// How the ISCO code is chosen and backed off.
public struct CodeOptions: Sendable, Equatable {
  /// Minimum confidence (share of the evidence) for a code at 1, 2, 3 and 4 digits; the
  /// answer is the most specific level that passes. Calibrated on judged real postings so
  /// that the codes given at each level are right at least 80% of the time (the reliability
  /// table in docs/Accuracy.md).
  public var backoffThresholds = [0.15, 0.35, 0.25, 0.15]
  /// Below this much evidence in total the posting is uncodable.
  public var minimumEvidence = 0.2
  /// The unit group coded is chosen by its own score plus this times the scores of the
  /// groups above it (see ``PostingAnalyzer/assign(_:coarse:totalEvidence:unit:)``), so that, of
  /// two close groups, the one in the stronger branch wins.
  public var ancestorWeight = 0.3
  /// The major and sub-major groups' scores count this much more than the minor group's in
  /// that choice: pooled over a posting, the word model tells major groups apart well.
  public var coarseAncestorWeight = 4.0
  /// The first occupation decides the unit group coded when the title names it this well (its
  /// title match's score) and the posting has task evidence: a title matched that well,
  /// borne out by the tasks and skills that ranked the occupation first, is the better
  /// witness of the unit group. The levels above nest under it as always.
  public var occupationTitleScore = 0.7
  /// …or when the first occupation scores this much in all (its unit group's share of the
  /// evidence, its title match and its skills), with its title among the evidence: where such
  /// an occupation and the unit group the evidence picks alone disagreed, the occupation was
  /// right more often (postings_dev and a reading of corpus_dev's titles).
  public var occupationScore = 0.6
  /// The 4-digit threshold is this times its own when the first occupation scores at least
  /// ``agreedOccupationScore`` and belongs to the candidate unit group: two witnesses that
  /// agree (calibrated like ``backoffThresholds``).
  public var agreementFactor = 0.65
  /// …the first occupation's score that makes it a witness.
  public var agreedOccupationScore = 0.7
  /// When the code backs off to one digit or none, a major group with less confidence than
  /// this gives way to the first occupation's, when that one is a witness in another major
  /// group.
  public var weakMajorConfidence = 0.33
  /// In a posting the index cannot read (most words unknown: another language), a level is
  /// coded only when at least this share of its group's score comes from the title: the
  /// text's few known words pick groups by chance (a French "Développeur/se Full Stack"
  /// posting was coded 7114, terrazzo setters; a German "Testautomatisierer" 7222).
  public var unreadableTitleShare = 0.15

  /// The documented defaults.
  public init() {}
}

/// How occupations are ranked and reported.
public struct OccupationOptions: Sendable, Equatable {
  /// Occupations reported.
  public var count = 5
  /// The occupations of this many of the strongest unit groups are candidates (beside those
  /// the title or the skills name).
  public var candidateGroups = 10
  /// An occupation scores its unit group's share of the evidence, plus this times its title
  /// match…
  public var titleWeight = 0.5
  /// …plus this times its skill score (relative to the best occupation's).
  public var skillWeight = 0.25
  /// Skills listed as an occupation's support, at most.
  public var supportingSkills = 6

  /// The documented defaults.
  public init() {}
}

/// How task phrases are assigned to unit groups for the mix.
public struct MixOptions: Sendable, Equatable {
  /// A phrase's groups are each weighted by this plus the group's share of the whole
  /// posting's evidence (relative to the posting's top group), so that a phrase that fits
  /// several groups goes to the one the posting is about.
  public var baseWeight = 0.5

  /// The documented defaults.
  public init() {}
}
