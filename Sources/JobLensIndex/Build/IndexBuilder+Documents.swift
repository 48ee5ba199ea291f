import Foundation
import JobLensTaxonomy

extension IndexBuilder {
  /// The description documents of the concepts, as terms.
  struct Documents {
    /// Per kind (in ``ConceptKind`` order), per concept: its description document.
    var byKind: [[[UInt32]]]
    /// Per skill, its context document: its preferred and alternative labels and its
    /// description.
    var skillContexts: [[UInt32]]

    /// The documents of a taxonomy's concepts (an ISCO unit group's is its definition, task
    /// items and example titles, and the descriptions of the ESCO occupations classified in
    /// it).
    init(_ taxonomy: Taxonomy, state: inout State) {
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
      byKind = [skillDocuments, occupationDocuments, iscoDocuments]
      skillContexts = skillContextDocuments
    }
  }

  /// The unit groups' word counts (``GroupTextModel``): their documents and titles, the
  /// titles of their occupations, and the preferred labels of those occupations' essential
  /// skills.
  static func groupModelCounts(
    _ taxonomy: Taxonomy, documents: Documents, preferredTerms: [[UInt32]], state: inout State
  ) -> [[UInt32: Float]] {
    let iscoDocuments = documents.byKind[Int(ConceptKind.iscoGroup.rawValue)]
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
    return modelCounts
  }

  /// IDF per kind, over labels and descriptions.
  static func addIDF(
    _ taxonomy: Taxonomy, documents: Documents, termCount: Int, to data: inout IndexData
  ) {
    let documents = documents.byKind
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
  }

  /// BM25 description postings per kind, and the skills' context documents.
  static func addDescriptionPostings(
    _ documents: Documents, termCount: Int, to data: inout IndexData
  ) {
    for kind in ConceptKind.allCases {
      data.descriptions.append(
        bm25Postings(documents.byKind[Int(kind.rawValue)], termCount: termCount))
    }
    let contexts = bm25Weights(documents.skillContexts)
    data.skillContextTerms = CSR(
      rows: contexts.count,
      pairs: contexts.enumerated().flatMap { skill, row in row.map { (skill, $0.0) } })
    data.skillContextWeights = contexts.flatMap { $0.map(\.1) }
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
}
