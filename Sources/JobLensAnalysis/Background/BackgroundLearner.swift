package import JobLensIndex
import JobLensText

/// Learns a ``BackgroundModel`` from a corpus of real postings, for the index: the words of
/// each zone, from the phrases that stand under a section heading (``SectionHeadings``) and,
/// for duties, from the task items of ISCO's unit groups too (so that a task no heading
/// introduces reads as one, whatever its trade); the
/// sentences that recur in postings of several different titles (template text), with the
/// zone they were mostly seen in; and the share of postings in which each skill is found.
///
/// Postings are added one at a time; memory grows with the corpus's distinct words and
/// sentences, not with its size.
package struct BackgroundLearner {
  /// A sentence is a template when postings of this many different titles have it.
  package static let templateTitles = 3

  private let searcher: ConceptSearcher
  private let rules = SkillMentionRules()
  private let skillThreshold: Float
  private var postings = 0
  private var sectionPhrases = [UInt32](repeating: 0, count: PostingZone.learned.count)
  private var wordCounts: [UInt64: [UInt32]] = [:]
  /// Per sentence: the titles seen with it (up to ``templateTitles``) and its zone votes.
  private var sentences: [UInt64: (titles: [UInt64], sections: [UInt32])] = [:]
  private var skillPostings: [Int: Int] = [:]

  /// A learner that finds skills in `index` at `skillThreshold` (the analysis's threshold).
  package init(index: ConceptIndex, skillThreshold: Double) throws {
    searcher = try ConceptSearcher(index: index)
    self.skillThreshold = Float(skillThreshold)
    let duty = PostingZone.duty.section!
    for label in 0..<index.labelCount where index.labelField(label) == .iscoTask {
      searcher.tokenizer.keepingForms {
        let tokenized = searcher.tokenizer.tokenize(index.labelText(label))
        countWords(of: tokenized.tokens.indices, in: tokenized, zone: duty)
      }
    }
  }

  /// Counts a phrase's distinct words under a zone.
  private mutating func countWords(
    of tokens: some Sequence<Int>, in tokenized: TokenizedText, zone: Int
  ) {
    sectionPhrases[zone] += 1
    var seen: Set<UInt64> = []
    for token in tokens where tokenized.tokens[token].kind == .word {
      let hash = ZoneClassifier.wordHash(tokenizer.form(tokenized.tokens[token].form).stem)
      guard seen.insert(hash).inserted else { continue }
      wordCounts[hash, default: [UInt32](repeating: 0, count: sectionPhrases.count)][zone] += 1
    }
  }

  private var tokenizer: Tokenizer { searcher.tokenizer }

  /// Adds one posting.
  /// - Complexity: O(n) in the posting's length, plus its phrases' skill matching.
  package mutating func add(title: String, text: String) {
    postings += 1
    tokenizer.keepingForms {
      let titleKeys = tokenizer.tokenize(title).tokens.filter { $0.kind == .word }.map {
        tokenizer.form($0.form).key
      }
      let titleHash = ZoneClassifier.sentenceHash(titleKeys)
      let body = tokenizer.tokenize(text)
      var section: PostingZone?
      var skills: Set<Int> = []
      for phrase in tokenizer.phrases(in: body) {
        let keys = PhraseLexicon.keys(of: phrase, in: body, tokenizer: tokenizer)
        if phrase.kind == .heading {
          section = SectionHeadings.zone(of: keys)
          continue
        }
        let words = phrase.tokens.filter { body.tokens[$0].kind == .word }
        let zone = section?.section
        if let zone { countWords(of: words, in: body, zone: zone) }
        if words.count >= ZoneClassifier.templateMinimumWords {
          countSentence(ZoneClassifier.sentenceHash(keys), title: titleHash, zone: zone)
        }
        var query = searcher.query(body, tokens: phrase.tokens)
        guard !query.isEmpty else { continue }
        // As the analyser reads it: idioms name no skill.
        query = query.maskingIdioms(keys: query.forms.map { tokenizer.key($0) })
        for (skill, _) in searcher.bestMatches(
          searcher.matchMentions(query, kind: .skill, minimumScore: skillThreshold, rules: rules)
        ) {
          skills.insert(skill)
        }
      }
      for skill in skills { skillPostings[skill, default: 0] += 1 }
    }
  }

  private mutating func countSentence(_ hash: UInt64, title: UInt64, zone: Int?) {
    var entry =
      sentences[hash]
      ?? ([], [UInt32](repeating: 0, count: PostingZone.learned.count))
    if entry.titles.count < BackgroundLearner.templateTitles && !entry.titles.contains(title) {
      entry.titles.append(title)
    }
    if let zone { entry.sections[zone] += 1 }
    sentences[hash] = entry
  }

  /// The model learned so far; `sourceChecksum` identifies the corpus in run manifests.
  /// - Complexity: O(w log w + s log s) for w distinct words and s distinct sentences.
  package func model(sourceChecksum: String) -> BackgroundModel {
    var model = BackgroundModel()
    model.postingCount = postings
    model.sourceChecksum = sourceChecksum
    model.sectionPhrases = sectionPhrases
    for hash in wordCounts.keys.sorted() {
      model.wordHashes.append(hash)
      model.wordSectionCounts += wordCounts[hash]!
    }
    for (hash, entry) in sentences.sorted(by: { $0.key < $1.key })
    where entry.titles.count >= BackgroundLearner.templateTitles {
      model.templateHashes.append(hash)
      let votes = entry.sections
      let best = votes.indices.max { votes[$0] < votes[$1] || (votes[$0] == votes[$1] && $0 > $1) }
      model.templateSections.append(
        best.map { votes[$0] > 0 ? UInt8($0) : BackgroundModel.noSection }
          ?? BackgroundModel.noSection)
    }
    let count = searcher.index.count(.skill)
    model.skillRates = (0..<count).map {
      postings > 0 ? Float(skillPostings[$0] ?? 0) / Float(postings) : 0
    }
    return model
  }
}
