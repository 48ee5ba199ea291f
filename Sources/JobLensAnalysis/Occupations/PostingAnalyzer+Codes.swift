import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// The ISCO code with back-off. The candidate at 4 digits is the unit group whose score plus
  /// ``CodeOptions/ancestorWeight`` × the scores of its major, sub-major and minor groups is
  /// highest (the major and sub-major ones from `coarse`, the same evidence with more of the
  /// word model, times ``CodeOptions/coarseAncestorWeight``), so that, of two close groups,
  /// the one in the stronger branch wins — or `unit`, when the first occupation decided it; the
  /// candidates at 3, 2 and 1 digits are its minor, sub-major and major groups, so the levels
  /// nest. Each level's confidence is its group's share of the evidence (from `coarse` at 1
  /// and 2 digits) × the evidence's strength (the weighted sources present, at most 1), so
  /// that a bare title such as "Virtual Assistant" cannot reach a confident 4-digit code. The
  /// code is the most specific level whose confidence passes its threshold.
  ///
  /// The first occupation (`first`: its unit group and score, when ``witness(_:taskStrength:)``
  /// admits it) is a second witness: when it is strong (``CodeOptions/agreedOccupationScore``)
  /// and in the candidate unit group, the 4-digit threshold is ``CodeOptions/agreementFactor``
  /// times its own; when it is in another major group, the code backs off to one digit or
  /// none and the candidate major group's confidence is below
  /// ``CodeOptions/weakMajorConfidence``, the candidates are the first occupation's branch
  /// and the code at least its major group.
  func assign(
    _ groups: GroupEvidence, coarse: GroupEvidence, totalEvidence: Double, unit: Int? = nil,
    first: Witness? = nil
  ) -> ISCOAssignment {
    let fine = rolledScores(groups)
    let upper = rolledScores(coarse)
    guard let unit = unit ?? bestUnitGroup(groups, fine: fine, coarse: upper) else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: 0, levels: [],
        reason: "no title or task evidence")
    }
    func candidates(under unit: Int) -> [ISCOLevel] {
      (1...4).map { level in
        level <= 2
          ? isco(
            level, of: unit, in: coarse, rolled: upper[level - 1], totalEvidence: totalEvidence)
          : isco(level, of: unit, in: groups, rolled: fine[level - 1], totalEvidence: totalEvidence)
      }
    }
    let levels = candidates(under: unit)
    // Too little evidence: uncodable, with the candidates and their low confidence (with
    // none at all, the candidates are the word model's alone).
    guard totalEvidence >= options.codes.minimumEvidence else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
        reason: totalEvidence > 0 ? "too little evidence" : "no title or task evidence")
    }
    let agreed =
      first.map { $0.group == unit && $0.score >= options.codes.agreedOccupationScore } ?? false
    let level = backedOffLevel(levels, agreed: agreed)
    // A weak major group, backed off to, gives way to the first occupation's.
    if level <= 1, let first, codePrefixes[0].ofGroup[first.group] != codePrefixes[0].ofGroup[unit],
      levels[0].confidence < options.codes.weakMajorConfidence
    {
      let theirs = candidates(under: first.group)
      let level = max(1, backedOffLevel(theirs, agreed: false))
      return coded(
        theirs, at: level,
        reason: "the evidence for major group \(levels[0].code) is weak, so the first "
          + "occupation's group"
          + (level < 4 ? "; evidence too spread for \(level + 1) digits" : ""))
    }
    guard level > 0 else {
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: levels[0].confidence, levels: levels,
        reason: "evidence spread over several major groups")
    }
    return coded(
      levels, at: level, reason: level < 4 ? "evidence too spread for \(level + 1) digits" : nil)
  }

  /// The assignment of a posting the index cannot read (``languageNote(title:body:)``): coded
  /// only at the levels, up to its own, whose title share reaches
  /// ``CodeOptions/unreadableTitleShare``, the deepest of them; uncodable when none does.
  func readByTitle(_ isco: ISCOAssignment) -> ISCOAssignment {
    let supported = isco.levels.prefix(isco.level).lastIndex {
      ($0.sources.first { $0.source == .title }?.share ?? 0)
        >= options.codes.unreadableTitleShare
    }
    guard let supported else {
      guard isco.code != nil else { return isco }
      return ISCOAssignment(
        code: nil, level: 0, label: nil, confidence: isco.levels.first?.confidence ?? 0,
        levels: isco.levels,
        reason: "the posting may be in another language and its title names no group")
    }
    let level = supported + 1
    guard level < isco.level else { return isco }
    return coded(
      isco.levels, at: level,
      reason: "the posting may be in another language: coded as far as its title says")
  }

  /// The assignment that codes `levels` at `level` digits.
  func coded(_ levels: [ISCOLevel], at level: Int, reason: String?) -> ISCOAssignment {
    let candidate = levels[level - 1]
    return ISCOAssignment(
      code: candidate.code, level: level, label: candidate.label,
      confidence: candidate.confidence, levels: levels, reason: reason)
  }

  /// The most specific level (4…1) whose confidence passes its threshold, the 4-digit one
  /// times ``CodeOptions/agreementFactor`` when `agreed`; 0 for none.
  func backedOffLevel(_ levels: [ISCOLevel], agreed: Bool) -> Int {
    for level in stride(from: 4, through: 1, by: -1) {
      let threshold =
        options.codes.backoffThresholds[level - 1]
        * (level == 4 && agreed ? options.codes.agreementFactor : 1)
      if levels[level - 1].confidence >= threshold { return level }
    }
    return 0
  }

  /// Per level 1…4: the evidence's scores rolled up to each code prefix of that length
  /// (``codePrefixes``), summed in group order.
  /// - Complexity: O(g) for the g ISCO groups.
  func rolledScores(_ groups: GroupEvidence) -> [[Double]] {
    let scores = groups.scores
    return codePrefixes.map { prefixes in
      var rolled = [Double](repeating: 0, count: prefixes.codes.count)
      // The groups scored, in group order: a pass over the 619 groups, not a sort of those
      // scored.
      for group in 0..<scores.capacity where scores.contains(group) {
        rolled[prefixes.ofGroup[group]] += scores[group]
      }
      return rolled
    }
  }

  /// The unit group with the best score plus ``CodeOptions/ancestorWeight`` × (its major and
  /// sub-major groups' coarse scores × ``CodeOptions/coarseAncestorWeight`` + its minor
  /// group's score); among equal ones, the first
  /// code. Nil when no unit group scores.
  /// - Complexity: O(g) for g scored groups.
  func bestUnitGroup(_ groups: GroupEvidence, fine: [[Double]], coarse: [[Double]]) -> Int? {
    // A unit group's code is its whole 4-digit prefix: its position among them is its code's
    // place in code order.
    let codeOrder = codePrefixes[3].ofGroup
    var best: (group: Int, code: Int, rank: Double)?
    for group in groups.scores.touched where isUnitGroup[group] {
      let ancestors =
        options.codes.coarseAncestorWeight
        * (coarse[0][codePrefixes[0].ofGroup[group]] + coarse[1][codePrefixes[1].ofGroup[group]])
        + fine[2][codePrefixes[2].ofGroup[group]]
      let rank = fine[3][codePrefixes[3].ofGroup[group]] + options.codes.ancestorWeight * ancestors
      let code = codeOrder[group]
      if best.map({ rank > $0.rank || (rank == $0.rank && code < $0.code) }) ?? true {
        best = (group, code, rank)
      }
    }
    return best?.group
  }

  /// The candidate at `level` digits: the unit group's prefix of that length, its confidence
  /// (its rolled score's share of all the scores × the evidence's strength) and where its score
  /// came from.
  func isco(
    _ level: Int, of unit: Int, in groups: GroupEvidence, rolled: [Double], totalEvidence: Double
  ) -> ISCOLevel {
    let prefixes = codePrefixes[level - 1]
    let prefix = prefixes.ofGroup[unit]
    let (code, score) = (prefixes.codes[prefix], rolled[prefix])
    let total = groups.scores.sum()
    // Each source's part of the group's score (its unit groups' parts, in group order).
    let sources = EvidenceSource.allCases.compactMap { source -> SourceShare? in
      var part = 0.0
      if let scores = groups.part(from: source)?.values {
        for group in prefixes.groups[prefix] { part += scores[group] }
      }
      return part > 0 && score > 0 ? SourceShare(source: source, share: part / score) : nil
    }
    return ISCOLevel(
      level: level, code: code,
      label: index.iscoGroupIndex(code: code).map { searcher.iscoTexts($0).title } ?? "",
      confidence: total > 0 ? score / total * min(1, totalEvidence) : 0, sources: sources)
  }
}
