import JobLensCore
public import JobLensTaxonomy

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

  /// Builds the index's data. The order of the steps fixes the term and string IDs, and so
  /// the file's bytes.
  static func makeData(_ taxonomy: Taxonomy) throws -> IndexData {
    var state = try State(language: taxonomy.language)
    var data = IndexData(
      metadata: IndexMetadata(
        formatVersion: IndexFile.formatVersion, joblensVersion: JobLensVersion.current,
        taxonomyVersion: taxonomy.version, language: taxonomy.language,
        inputChecksum: taxonomy.inputChecksum, cleaning: taxonomy.cleaning,
        warningCount: taxonomy.warnings.count,
        warnings: taxonomy.warnings.prefix(50).map(\.description)))

    let preferredTerms = addSkillLabels(of: taxonomy, state: &state, to: &data)
    addOccupationAndGroupLabels(of: taxonomy, state: &state, to: &data)
    let documents = Documents(taxonomy, state: &state)
    let modelCounts = groupModelCounts(
      taxonomy, documents: documents, preferredTerms: preferredTerms, state: &state)

    let termCount = state.termStrings.count
    data.terms = state.termStrings
    var stop = [UInt8](repeating: 0, count: termCount)
    for word in StopWords.words(for: taxonomy.language) {
      for term in state.lookupTerms(of: word) { stop[Int(term)] = 1 }
    }
    data.stopTerms = stop
    addIDF(taxonomy, documents: documents, termCount: termCount, to: &data)
    addLabelPostings(termCount: termCount, to: &data)
    addDescriptionPostings(documents, termCount: termCount, to: &data)
    data.groupModel = GroupTextModel(counts: modelCounts, stop: stop, termCount: termCount)

    addSkillRecords(of: taxonomy, state: &state, to: &data)
    addOccupationRecords(of: taxonomy, state: &state, to: &data)
    addGroupRecords(of: taxonomy, state: &state, to: &data)
    addRelations(of: taxonomy, to: &data)
    data.strings = state.strings.table
    data.matching = MatchingTables(deriving: data)
    return data
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
