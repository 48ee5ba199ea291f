import Foundation
import JobLensCore
public import JobLensTaxonomy
import JobLensText

/// Builds the weighted concept index from a taxonomy.
///
/// ## Scoring data
/// - **Labels.** Every preferred, alternative and hidden label of skills and occupations, and
///   every ISCO group title, and for ISCO unit groups every example occupation title and task
///   list item, becomes a label: a sequence of stemmed terms, with its field
///   (``LabelField/weight`` ranks preferred > alternative > ISCO title/example > ISCO task >
///   hidden). A label with a hyphenated compound also gets a variant with the compound written
///   closed ("e-mail" → "email"), so that either spelling matches exactly. Two kinds of skill
///   alternative and hidden labels are left out: one common word of other skills' preferred
///   labels ("design" for *think creatively*, see ``genericLabelMinimum``), and another
///   skill's preferred label ("decode handwritten text" for *analyse loans*): a text naming it
///   names that skill. Skills also get the tool names of ``ToolNames`` ("QuickBooks" for *use
///   accounting systems*).
/// - **IDF.** Per concept kind, `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))`, where `df` is
///   the number of concepts of the kind whose labels or description contain `t`.
/// - **Descriptions.** Per kind, BM25 postings (k1 = 1.2, b = 0.75) over the concept
///   descriptions (for ISCO unit groups: definition, task items, example titles and the
///   descriptions of the group's ESCO occupations), storing
///   the term-frequency part `tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))`; a query scores
///   `Σ idf(t)·weight(t, c)`.
/// - **Unit group word model.** ``GroupTextModel``: per ISCO unit group, the counts of the
///   words ESCO uses for it.
/// - **Skill contexts.** Per skill, the BM25 weights of the terms of its preferred and
///   alternative labels and description together, for ordering the skills found in a phrase.
public enum IndexBuilder {
  package static let k1: Float = 1.2
  static let b: Float = 0.75
  /// A skill's one-word alternative or hidden label is not matched when its word is in this
  /// many skills' preferred labels and not in the skill's own
  /// (see ``isGenericLabel(_:own:common:)``).
  static let genericLabelMinimum = 20

  /// Builds the index of a taxonomy.
  /// - Complexity: O(n) in the size of the taxonomy's text.
  public static func build(_ taxonomy: Taxonomy) throws -> ConceptIndex {
    let data = try makeData(taxonomy)
    let (bytes, checksum) = IndexFile.encode(data)
    return ConceptIndex(data: data, checksum: checksum, file: bytes)
  }

  /// Builds the index's data.
  static func makeData(_ taxonomy: Taxonomy) throws -> IndexData {
    var state = try State(language: taxonomy.language)
    var data = IndexData(
      metadata: IndexMetadata(
        formatVersion: IndexFile.formatVersion, joblensVersion: JobLensVersion.current,
        taxonomyVersion: taxonomy.version, language: taxonomy.language,
        inputChecksum: taxonomy.inputChecksum, cleaning: taxonomy.cleaning,
        warningCount: taxonomy.warnings.count,
        warnings: taxonomy.warnings.prefix(50).map(\.description)))

    // Labels.
    let preferredTerms = taxonomy.skills.map { state.terms(of: $0.preferredLabel) }
    let commonSkillTerms = commonTerms(of: preferredTerms, minimum: genericLabelMinimum)
    var preferredSkill: [[UInt32]: Int] = [:]
    for (index, terms) in preferredTerms.enumerated() { preferredSkill[terms] = index }
    for (index, skill) in taxonomy.skills.enumerated() {
      state.addLabel(skill.preferredLabel, .skill, index, .preferred, to: &data)
      // Left out: generic one-word labels, and labels that are another skill's preferred label
      // ("show commitment" is also an alternative label of *meet commitments*).
      func isMatched(_ label: String) -> Bool {
        let terms = state.terms(of: label)
        return !isGenericLabel(terms, own: preferredTerms[index], common: commonSkillTerms)
          && (preferredSkill[terms] ?? index) == index
      }
      for label in skill.altLabels where isMatched(label) {
        state.addLabel(label, .skill, index, .alternative, to: &data)
      }
      for label in skill.hiddenLabels where isMatched(label) {
        state.addLabel(label, .skill, index, .hidden, to: &data)
      }
    }
    for (skill, name) in ToolNames.resolve(in: taxonomy).names {
      state.addLabel(name, .skill, skill, .tool, to: &data)
    }
    for (index, occupation) in taxonomy.occupations.enumerated() {
      state.addLabel(occupation.preferredLabel, .occupation, index, .preferred, to: &data)
      for label in occupation.altLabels {
        state.addLabel(label, .occupation, index, .alternative, to: &data)
      }
      for label in occupation.hiddenLabels {
        state.addLabel(label, .occupation, index, .hidden, to: &data)
      }
    }
    for (index, group) in taxonomy.iscoGroups.enumerated() {
      state.addLabel(group.preferredLabel, .iscoGroup, index, .iscoTitle, to: &data)
      for label in group.altLabels {
        state.addLabel(label, .iscoGroup, index, .iscoTitle, to: &data)
      }
      guard group.level == 4 else { continue }
      for label in group.examples {
        state.addLabel(label, .iscoGroup, index, .iscoExample, to: &data)
      }
      for label in group.tasks { state.addLabel(label, .iscoGroup, index, .iscoTask, to: &data) }
    }

    // Description documents.
    let skillDocuments = taxonomy.skills.map { state.terms(of: $0.description) }
    // A skill's context document: its preferred and alternative labels and its description.
    let skillContextDocuments = taxonomy.skills.map { skill in
      state.terms(
        of: ([skill.preferredLabel] + skill.altLabels + [skill.description]).joined(
          separator: "\n"))
    }
    let occupationDocuments = taxonomy.occupations.map { state.terms(of: $0.description) }
    var membersOf: [String: [Int]] = [:]
    for (index, occupation) in taxonomy.occupations.enumerated() {
      membersOf[occupation.iscoGroup, default: []].append(index)
    }
    // An ISCO unit group's document: its definition, task items and example titles, and the
    // descriptions of the ESCO occupations classified in it.
    let iscoDocuments = taxonomy.iscoGroups.map { group in
      var parts = [group.definition]
      if group.level == 4 {
        parts += group.tasks + group.examples
        parts += (membersOf[group.code] ?? []).map { taxonomy.occupations[$0].description }
      }
      return state.terms(of: parts.joined(separator: "\n"))
    }
    let documents: [[[UInt32]]] = [skillDocuments, occupationDocuments, iscoDocuments]

    // The unit groups' word counts (``GroupTextModel``).
    var modelCounts = [[UInt32: Float]](repeating: [:], count: taxonomy.iscoGroups.count)
    var unitGroup: [String: Int] = [:]
    for (index, group) in taxonomy.iscoGroups.enumerated() where group.level == 4 {
      unitGroup[group.code] = index
      for term in iscoDocuments[index] { modelCounts[index][term, default: 0] += 1 }
      for term in state.terms(of: group.preferredLabel) {
        modelCounts[index][term, default: 0] += GroupTextModel.labelWeight
      }
    }
    for occupation in taxonomy.occupations {
      guard let group = unitGroup[occupation.iscoGroup] else { continue }
      for label in [occupation.preferredLabel] + occupation.altLabels {
        for term in state.terms(of: label) {
          modelCounts[group][term, default: 0] += GroupTextModel.labelWeight
        }
      }
    }
    for relation in taxonomy.occupationSkills where relation.isEssential {
      guard let group = unitGroup[taxonomy.occupations[relation.occupation].iscoGroup] else {
        continue
      }
      for term in preferredTerms[relation.skill] { modelCounts[group][term, default: 0] += 1 }
    }

    let termCount = state.termStrings.count
    data.terms = state.termStrings
    var stop = [UInt8](repeating: 0, count: termCount)
    for word in StopWords.words(for: taxonomy.language) {
      for term in state.lookupTerms(of: word) { stop[Int(term)] = 1 }
    }
    data.stopTerms = stop

    // IDF per kind, over labels and descriptions.
    for kind in ConceptKind.allCases {
      let conceptCount = taxonomy.count(kind)
      var seen = [Set<UInt32>](repeating: [], count: conceptCount)
      for label in 0..<data.labelCount where data.labelKinds[label] == kind.rawValue {
        seen[Int(data.labelConcepts[label])].formUnion(data.labelTerms[label])
      }
      for (concept, document) in documents[Int(kind.rawValue)].enumerated() {
        seen[concept].formUnion(document)
      }
      var df = [Float](repeating: 0, count: termCount)
      for terms in seen { for term in terms { df[Int(term)] += 1 } }
      let n = Float(conceptCount)
      data.idf.append(df.map { log(1 + (n - $0 + 0.5) / ($0 + 0.5)) })
    }

    // Labels by term, per kind (variants excluded: they repeat their label), and label mass.
    var pairs: [[(Int, UInt32)]] = Array(repeating: [], count: ConceptKind.allCases.count)
    data.labelMass = []
    for label in 0..<data.labelCount {
      let kind = Int(data.labelKinds[label])
      let distinct = Set(data.labelTerms[label]).sorted()
      data.labelMass.append(
        distinct.filter { stop[Int($0)] == 0 }.reduce(Float(0)) { $0 + data.idf[kind][Int($1)] })
      guard data.labelFlags[label] & 1 == 0 else { continue }
      for term in distinct { pairs[kind].append((Int(term), UInt32(label))) }
    }
    data.labelsByTerm = pairs.map { CSR(rows: termCount, pairs: $0) }

    // BM25 description postings per kind, and of the skills' context documents.
    for kind in ConceptKind.allCases {
      data.descriptions.append(bm25Postings(documents[Int(kind.rawValue)], termCount: termCount))
    }
    let contexts = bm25Weights(skillContextDocuments)
    data.skillContextTerms = CSR(
      rows: contexts.count,
      pairs: contexts.enumerated().flatMap { skill, row in row.map { (skill, $0.0) } })
    data.skillContextWeights = contexts.flatMap { $0.map(\.1) }

    data.groupModel = GroupTextModel(counts: modelCounts, stop: stop, termCount: termCount)

    // Records.
    for skill in taxonomy.skills {
      data.skills.uris.append(state.strings.id(skill.uri))
      data.skills.labels.append(state.strings.id(skill.preferredLabel))
      data.skills.descriptions.append(state.strings.id(skill.description))
      data.skills.types.append(SkillType.allCases.firstIndex(of: skill.type).map(UInt8.init) ?? 2)
      data.skills.reuseLevels.append(state.strings.id(skill.reuseLevel))
    }
    data.skills.altLabels = state.stringRows(taxonomy.skills.map(\.altLabels))
    data.skills.hiddenLabels = state.stringRows(taxonomy.skills.map(\.hiddenLabels))
    data.skills.broader = state.stringRows(taxonomy.skills.map(\.broader))
    data.skills.topGroups = state.stringRows(taxonomy.skills.map(\.topGroups))

    let occupationIndex = Dictionary(
      taxonomy.occupations.enumerated().map { ($1.uri, UInt32($0)) },
      uniquingKeysWith: { a, _ in a })
    for occupation in taxonomy.occupations {
      data.occupations.uris.append(state.strings.id(occupation.uri))
      data.occupations.labels.append(state.strings.id(occupation.preferredLabel))
      data.occupations.descriptions.append(state.strings.id(occupation.description))
      data.occupations.iscoCodes.append(state.strings.id(occupation.iscoGroup))
      data.occupations.codes.append(state.strings.id(occupation.code))
      data.occupations.broader.append(
        occupation.broaderOccupation.flatMap { occupationIndex[$0] } ?? UInt32.max)
    }
    data.occupations.altLabels = state.stringRows(taxonomy.occupations.map(\.altLabels))
    data.occupations.hiddenLabels = state.stringRows(taxonomy.occupations.map(\.hiddenLabels))

    for group in taxonomy.iscoGroups {
      data.iscoGroups.uris.append(state.strings.id(group.uri))
      data.iscoGroups.codes.append(state.strings.id(group.code))
      data.iscoGroups.labels.append(state.strings.id(group.preferredLabel))
      data.iscoGroups.definitions.append(state.strings.id(group.definition))
      data.iscoGroups.descriptions.append(state.strings.id(group.description))
    }
    data.iscoGroups.altLabels = state.stringRows(taxonomy.iscoGroups.map(\.altLabels))
    data.iscoGroups.tasks = state.stringRows(taxonomy.iscoGroups.map(\.tasks))
    data.iscoGroups.examples = state.stringRows(taxonomy.iscoGroups.map(\.examples))
    data.iscoGroups.elsewhere = state.stringRows(
      taxonomy.iscoGroups.map { $0.classifiedElsewhere.flatMap { [$0.title, $0.code] } })

    for group in taxonomy.skillGroups {
      data.skillGroups.uris.append(state.strings.id(group.uri))
      data.skillGroups.codes.append(state.strings.id(group.code))
      data.skillGroups.labels.append(state.strings.id(group.preferredLabel))
    }

    let essential = IndexData.essentialBit
    data.occupationSkills = CSR(
      rows: taxonomy.occupations.count,
      pairs: taxonomy.occupationSkills.map {
        ($0.occupation, UInt32($0.skill) | ($0.isEssential ? essential : 0))
      })
    data.skillOccupations = CSR(
      rows: taxonomy.skills.count,
      pairs: taxonomy.occupationSkills.map {
        ($0.skill, UInt32($0.occupation) | ($0.isEssential ? essential : 0))
      })

    data.strings = state.strings.table
    return data
  }

  /// BM25 postings of documents (given by their terms) over `termCount` terms: per term, the
  /// documents that have it, with `tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))`.
  private static func bm25Postings(_ documents: [[UInt32]], termCount: Int) -> DescriptionPostings {
    var postingPairs: [(Int, (UInt32, Float))] = []
    for (concept, weights) in bm25Weights(documents).enumerated() {
      for (term, weight) in weights { postingPairs.append((Int(term), (UInt32(concept), weight))) }
    }
    return DescriptionPostings(rows: termCount, pairs: postingPairs)
  }

  /// Per document: its distinct terms in term order, with their BM25 term-frequency weights.
  private static func bm25Weights(_ documents: [[UInt32]]) -> [[(UInt32, Float)]] {
    let total = documents.reduce(0) { $0 + $1.count }
    let average = max(1, Float(total) / Float(max(1, documents.count)))
    return documents.map { document in
      var frequencies: [UInt32: Int] = [:]
      for term in document { frequencies[term, default: 0] += 1 }
      let norm = k1 * (1 - b + b * Float(document.count) / average)
      return frequencies.sorted(by: { $0.key < $1.key }).map { term, tf in
        (term, Float(tf) * (k1 + 1) / (Float(tf) + norm))
      }
    }
  }

  /// The terms in at least `minimum` of the labels (given by their terms).
  private static func commonTerms(of labels: [[UInt32]], minimum: Int) -> Set<UInt32> {
    var counts: [UInt32: Int] = [:]
    for terms in labels {
      for term in Set(terms) { counts[term, default: 0] += 1 }
    }
    return Set(counts.filter { $0.value >= minimum }.keys)
  }

  /// Whether a label's terms are one common word (one of `common`) that is not a word of the
  /// concept's preferred label (`own`): "design" for *think creatively*, "equipment" for
  /// *compile airport certification manuals*. In running text such a word names some other
  /// concept far more often. Inflections of the preferred label ("communicating" for
  /// *communication*) are not generic.
  private static func isGenericLabel(
    _ terms: [UInt32], own: [UInt32], common: Set<UInt32>
  ) -> Bool {
    terms.count == 1 && common.contains(terms[0]) && !own.contains(terms[0])
  }

  /// Terms and strings collected while building.
  private struct State {
    let tokenizer: Tokenizer
    var strings = StringInterner()
    var termIDs: [String: UInt32] = [:]
    var termStrings: [UInt32] = []

    init(language: String) throws {
      tokenizer = try Tokenizer(language: language)
    }

    mutating func term(_ stem: String) -> UInt32 {
      if let known = termIDs[stem] { return known }
      let id = UInt32(termStrings.count)
      termIDs[stem] = id
      termStrings.append(strings.id(stem))
      return id
    }

    /// The terms of a text, in order.
    mutating func terms(of text: String) -> [UInt32] {
      let tokenized = tokenizer.tokenize(text)
      return tokenized.tokens.map { term(tokenizer.form($0.form).stem) }
    }

    /// The terms of a text that are already known.
    func lookupTerms(of text: String) -> [UInt32] {
      let tokenized = tokenizer.tokenize(text)
      return tokenized.tokens.compactMap { termIDs[tokenizer.form($0.form).stem] }
    }

    /// Adds a label and, when it has hyphenated compounds, its closed-compound variant.
    mutating func addLabel(
      _ text: String, _ kind: ConceptKind, _ concept: Int, _ field: LabelField,
      to data: inout IndexData
    ) {
      let tokenized = tokenizer.tokenize(text)
      guard !tokenized.tokens.isEmpty else { return }
      let sequence = tokenized.tokens.map { term(tokenizer.form($0.form).stem) }
      let stringID = strings.id(text)
      append(sequence, flags: 0)
      let compounds = tokenized.groups.filter { $0.kind == .compound }
      guard !compounds.isEmpty else { return }
      var variant: [UInt32] = []
      var position = 0
      for group in compounds {
        variant += sequence[position..<group.tokens.lowerBound]
        variant.append(term(tokenizer.form(group.form).stem))
        position = group.tokens.upperBound
      }
      variant += sequence[position...]
      append(variant, flags: 1)

      func append(_ terms: [UInt32], flags: UInt8) {
        data.labelKinds.append(kind.rawValue)
        data.labelConcepts.append(UInt32(concept))
        data.labelFields.append(field.rawValue)
        data.labelFlags.append(flags)
        data.labelStrings.append(stringID)
        data.labelTerms.values += terms
        data.labelTerms.starts.append(UInt32(data.labelTerms.values.count))
      }
    }

    /// Rows of string IDs.
    mutating func stringRows(_ rows: [[String]]) -> CSR<UInt32> {
      var starts: [UInt32] = [0]
      var values: [UInt32] = []
      for row in rows {
        for string in row { values.append(strings.id(string)) }
        starts.append(UInt32(values.count))
      }
      return CSR(starts: starts, values: values)
    }
  }
}

extension Taxonomy {
  /// The number of concepts of a kind.
  func count(_ kind: ConceptKind) -> Int {
    switch kind {
    case .skill: skills.count
    case .occupation: occupations.count
    case .iscoGroup: iscoGroups.count
    }
  }
}
