import Dispatch
import JobLensTaxonomy

/// What label matching reads besides the labels themselves: per kind the labels by anchor,
/// per label its distinct content terms, and the labels by term-sequence hash. Derived from
/// the labels and IDF when an index is built and stored in its file (since format 9), so that
/// loading an index reads them (in place, since format 10) instead of deriving them again.
struct MatchingTables: Sendable {
  /// Per kind (``ConceptKind/rawValue``): the labels by anchor.
  var anchors: [AnchorTable]
  /// Per label: its distinct content terms (not function words), in label order.
  var labelContent: CSR<UInt32>
  /// The labels by the hash of their term sequence.
  var phrases: PhraseTable

  init(anchors: [AnchorTable], labelContent: CSR<UInt32>, phrases: PhraseTable) {
    self.anchors = anchors
    self.labelContent = labelContent
    self.phrases = phrases
  }

  /// The tables of an index's labels.
  /// - Complexity: O(n) in the labels' terms.
  init(deriving data: IndexData) {
    // The phrase table is independent of the rest: it is built on a second thread meanwhile.
    let phraseTable = Background { [labelTerms = data.labelTerms] in PhraseTable(labelTerms) }
    (anchors, labelContent) = MatchingTables.anchorTables(data)
    phrases = phraseTable.value()
  }

  /// Per kind, the labels by anchor (their rarest content term), and per label its distinct
  /// content terms in label order.
  private static func anchorTables(
    _ data: IndexData
  ) -> (anchors: [AnchorTable], labelContent: CSR<UInt32>) {
    var anchorEntries: [[AnchorTable.Entry]] = Array(
      repeating: [], count: ConceptKind.allCases.count)
    var contentStarts: [UInt32] = [0]
    var content: [UInt32] = []
    var contentWeights: [Float] = []
    contentStarts.reserveCapacity(data.labelCount + 1)
    content.reserveCapacity(data.labelTerms.values.count)
    contentWeights.reserveCapacity(data.labelTerms.values.count)
    for label in 0..<data.labelCount {
      let kind = Int(data.labelKinds[label])
      let idf = data.idf[kind]
      let first = content.count
      var anchor: UInt32?
      for term in data.labelTerms[label] where data.stopTerms[Int(term)] == 0 {
        // The rarest term; among equally rare ones, the first in vocabulary order.
        if anchor.map({ (idf[Int($0)], term) < (idf[Int(term)], $0) }) ?? true { anchor = term }
        if !content[first...].contains(term) {
          content.append(term)
          contentWeights.append(idf[Int(term)])
        }
      }
      contentStarts.append(UInt32(content.count))
      // Variant spellings (a compound written closed) are found through the label before them.
      if let anchor, data.labelFlags[label] & 1 == 0 {
        anchorEntries[kind].append(
          AnchorTable.Entry(
            anchor: anchor, label: UInt32(label), content: first..<content.count,
            mass: data.labelMass[label]))
      }
    }
    let anchors = anchorEntries.map {
      AnchorTable(
        termCount: data.terms.count, entries: $0, terms: content, weights: contentWeights)
    }
    return (anchors, CSR(starts: contentStarts, values: content))
  }

  /// What is wrong with stored tables (anchor tables, label content terms, phrase table) for an
  /// index's labels and terms, or nil.
  /// - Complexity: O(n) in the tables' size.
  func problem(termCount: Int, labelCount: Int) -> String? {
    guard anchors.count == ConceptKind.allCases.count else { return "anchor tables" }
    for table in anchors {
      if let problem = table.problem(termCount: termCount, labelCount: labelCount) {
        return problem
      }
    }
    guard labelContent.rowCount == labelCount, labelContent.isValid,
      labelContent.values.allSatisfy({ Int($0) < termCount })
    else { return "label content terms" }
    return phrases.problem(labelCount: labelCount)
  }
}

/// A value computed on another thread, waited for by ``value()``.
private final class Background<Value: Sendable>: @unchecked Sendable {
  private var result: Value?
  private let group = DispatchGroup()

  init(_ compute: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async(group: group) { self.result = compute() }
  }

  /// The value, once computed (the group's wait orders the write before the read).
  func value() -> Value {
    group.wait()
    return result!
  }
}
