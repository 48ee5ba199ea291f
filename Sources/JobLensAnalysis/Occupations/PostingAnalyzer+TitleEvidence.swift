import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

/// What a title matched: its query (the title's job words), its occupations with their best
/// label match (in occupation order; a match's score is the occupation's), and its unit
/// groups' scores (flat: a title sets a few hundred of them, one at a time).
struct TitleMatch {
  var query: QueryText
  var occupations = ConceptMatches()
  var groups: DenseScores
}

extension PostingAnalyzer {
  /// How much words say: their summed content-term IDF over ``TitleOptions/specificMass``, at most 1.
  /// - Complexity: O(n) for n terms.
  func specificity(_ terms: [Int32], kind: ConceptKind) -> Double {
    // Each term once, in order (so the same sum), marked in the per-term scratch (moved out
    // for the loop and cleared after), not hashed into a set.
    var seen = termScratch
    termScratch = []
    defer {
      for term in terms where term >= 0 { seen[Int(term)] = false }
      termScratch = seen
    }
    var mass: Float = 0
    for term in terms where term >= 0 && !seen[Int(term)] {
      seen[Int(term)] = true
      if !index.isStopTerm(TermID(rawValue: UInt32(term))) {
        mass += index.idf(TermID(rawValue: UInt32(term)), kind: kind)
      }
    }
    return min(1, Double(mass) / options.title.specificMass)
  }

  /// The head noun of a title counts double: the last word before "of", "for", "in", "at",
  /// "-", "(" or the end ("Hospital Personnel Director", "Director of Sales").
  func headBoost(_ title: TokenizedText, kept: [Int], query: QueryText) -> [Int32: Float] {
    headTerm(title, kept: kept, query: query).map { [$0: options.title.headWeight] } ?? [:]
  }

  /// The words that end a title's head noun phrase ("Director of Sales").
  static let headBreakers: Set<String> = [
    "of", "for", "in", "at", "to", "with", "and", "or", "&",
  ]

  /// Whether the bytes between two title words end a head noun phrase: a "(", " - ", ","
  /// or "|" ("Director (Sales)", "Manager - Sales"). ASCII bytes are read as they are (a
  /// `String`'s `contains` went through Foundation's search, 3,400 instructions a gap).
  static func endsHead(_ gap: ArraySlice<UInt8>) -> Bool {
    guard gap.allSatisfy({ $0 < 0x80 }) else {
      let between = String(decoding: gap, as: UTF8.self)
      return between.contains("(") || between.contains(" - ") || between.contains(",")
        || between.contains("|")
    }
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in gap {
      if byte == 0x28 || byte == 0x2C || byte == 0x7C { return true }
      if byte == 0x20 && previous == (0x20, 0x2D) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  /// The term of a title's head noun.
  func headTerm(_ title: TokenizedText, kept: [Int], query: QueryText) -> Int32? {
    let breakers = PostingAnalyzer.headBreakers
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
        if head != nil && PostingAnalyzer.endsHead(title.text.bytes[gap]) { break }
      }
      if title.tokens[token].kind == .word { head = position }
    }
    // The head word's last term: a written-out abbreviation ("Asst" → assistant) has several.
    guard let head, let position = query.tokenIndices.lastIndex(of: kept[head]),
      query.terms[position] >= 0
    else { return nil }
    return query.terms[position]
  }

  /// The title's occupations (best label match each) and unit groups: its label matches,
  /// abbreviations written out and misspellings corrected (``TitleNormaliser``),
  /// against occupations and ISCO titles and example titles (the head noun counting
  /// ``TitleOptions/headWeight``), plus its words against the unit group documents (for
  /// titles no label covers well).
  func matchTitle(_ title: TokenizedText, kept: [Int]) -> TitleMatch {
    let query = titleNormaliser.normalise(
      searcher.query(title, tokens: kept), tokenizer: tokenizer, searcher: searcher)
    var match = TitleMatch(query: query, groups: DenseScores(count: isUnitGroup.count))
    guard !query.isEmpty else { return match }
    let boost = headBoost(title, kept: kept, query: query)
    let roles = titleRoles(title, query: query)
    // A label that names a rank the title does not counts less, and so does one whose words
    // are in different roles of the title.
    func ranked(_ labels: [LabelMatch]) -> [LabelMatch] {
      labels.map { label in
        var label = label
        if titleNormaliser.ranksAbove(query, label: label.label, in: index, tokenizer: tokenizer) {
          label.score *= Float(options.title.unsaidRankFactor)
        }
        if let roles, isSplitOverRoles(label.label, roles: roles, query: query) {
          label.score *= Float(options.title.coordinatedFactor)
        }
        return label
      }
    }
    let best = searcher.bestMatches(
      ranked(searcher.matchLabels(query, kind: .occupation, scoring: .whole, boost: boost)))
    // The occupations whose preferred label the title matches, by that label: needed only
    // for another label that may be one (most are not, and their texts are not read).
    var named = PreferredNames()
    func mayName(_ label: Int) -> Bool {
      index.labelField(label) != .preferred && namesakes.mayBePreferred(label, in: index)
    }
    if best.contains(where: { mayName($0.match.label) }) {
      for (occupation, label) in best where index.labelField(label.label) == .preferred {
        named.add(label.label, of: occupation, in: index)
      }
    }
    var occupations: [ConceptMatches.Element] = []
    occupations.reserveCapacity(best.count)
    for (occupation, var label) in best {
      // Another, less skilled occupation's own name (the major group, an ISCO code's first
      // digit: lower is more skilled).
      if mayName(label.label), let namesake = named.occupation(named: label.label, in: index),
        let other = index.occupationISCO(namesake).first,
        let own = index.occupationISCO(occupation).first, own < other
      {
        label.score *= Float(options.title.otherPreferredFactor)
      }
      occupations.append((occupation, label))
      let group = occupationGroup[occupation]
      if group >= 0 { match.groups[group] = max(match.groups[group], Double(label.score)) }
    }
    match.occupations = ConceptMatches(uniqueConcepts: occupations)
    for label in ranked(
      searcher.matchLabels(query, kind: .iscoGroup, scoring: .whole, boost: boost))
    {
      let field = index.labelField(label.label)
      guard field == .iscoTitle || field == .iscoExample else { continue }
      let group = index.labelConcept(label.label).index
      guard isUnitGroup[group] else { continue }
      match.groups[group] = max(match.groups[group], Double(label.score))
    }
    for (group, score) in groupDistribution(query) {
      match.groups[group] += options.title.descriptionWeight * score
    }
    return match
  }

  /// The role of each query position of a title that names several, joined by "and", "or",
  /// "&" or "/" after a worker's noun (``isPersonalHead(_:in:)``: "Receptionist and Office
  /// Assistant", "Office Manager & Finance Coordinator", "Receptionist / Data Entry"): 0 for
  /// the first, 1 for the next …; nil for a title of one role. Words joined before their head ("Credit and
  /// Collections Clerk", "Cloud & Application Security Engineer"), a slash between acronyms
  /// ("AI/ML") and a comma ("Analyst, Business Development": the role and its field) join no
  /// roles.
  func titleRoles(_ title: TokenizedText, query: QueryText) -> [Int]? {
    var roles: [Int] = []
    var role = 0
    var joined = false
    var lastWord: Int?
    for position in query.terms.indices {
      let token = query.tokenIndices[position]
      if ["and", "or", "&"].contains(tokenizer.form(title.tokens[token].form).key) {
        joined = true
        roles.append(role)
        continue
      }
      if let previous = lastWord {
        let before = query.tokenIndices[previous]
        if before < token {
          let gap = title.string(
            title.tokens[before].byteRange.upperBound..<title.tokens[token].byteRange.lowerBound)
          let acronyms =
            gap == "/" && query.allCaps[previous] && query.allCaps[position]
            && title.tokens[before].byteRange.count <= 4
            && title.tokens[token].byteRange.count <= 4
          if !acronyms
            && (gap.contains(where: { $0 == "/" || $0 == "&" })
              || gap.lowercased().split(separator: " ").contains { $0 == "and" || $0 == "or" })
          {
            joined = true
          }
        }
        if joined && isPersonalHead(previous, in: query) { role += 1 }
      }
      joined = false
      lastWord = position
      roles.append(role)
    }
    return role > 0 ? roles : nil
  }

  /// Whether a title word names a worker: it ends some occupation label and is written as a
  /// person's noun ("receptionist", "manager", "clerk"; not "sales", "credit", "data").
  private func isPersonalHead(_ position: Int, in query: QueryText) -> Bool {
    guard query.terms[position] >= 0, searcher.endsOccupationLabel(query.terms[position])
    else { return false }
    let key = MatchingLexicons.singular(tokenizer.key(query.forms[position]))
    return ["er", "or", "ist", "ant", "ian", "ary", "clerk"].contains { key.hasSuffix($0) }
  }

  /// Whether the title has a label's content words only in different roles (no role has all
  /// of those the title has), for a label of two content words or more and without a
  /// conjunction of its own.
  func isSplitOverRoles(_ label: Int, roles: [Int], query: QueryText) -> Bool {
    let content = index.labelContent[label]
    guard content.count > 1 else { return false }
    // Whether some role has every content word of the label that the title has.
    var found = false
    for role in 0...(roles.last ?? 0) {
      var inRole = true
      for term in content {
        var present = false
        var here = false
        for position in query.terms.indices where query.terms[position] == Int32(term) {
          present = true
          here = here || roles[position] == role
        }
        found = found || present
        if present && !here {
          inRole = false
          break
        }
      }
      if inRole { return false }
    }
    // A label with a conjunction of its own ("sales and marketing manager") may span roles.
    return found
      && !index.labelText(label).split(separator: " ").contains(where: {
        ["and", "or", "&", "/"].contains($0) || $0.hasSuffix(",")
      })
  }

  /// Adds the title's unit groups, squared (so that the best-matching titles dominate the
  /// weak partial matches), weighted by the title's strength: its best match times its
  /// specificity (a bare "Assistant" or "Manager", left after "Virtual" is removed, names no
  /// occupation).
  func addTitleEvidence(_ title: TitleMatch, to groups: inout GroupEvidence) {
    let strength =
      min(1, title.groups.max() ?? 0) * specificity(title.query.terms, kind: .occupation)
    var squared = DenseScores(count: title.groups.capacity)
    for (group, score) in title.groups.entries { squared[group] = score * score }
    groups.add(squared, from: .title, weight: options.title.weight * strength, normalise: true)
  }
}
