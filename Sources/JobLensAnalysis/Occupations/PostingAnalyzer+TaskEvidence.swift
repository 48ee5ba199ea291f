import Foundation
import JobLensCore
import JobLensIndex
import JobLensInput
import JobLensText

extension PostingAnalyzer {
  /// A query without its work-mode words (see ``MatchingLexicons/workMode``).
  func withoutWorkMode(_ query: QueryText, in tokenized: TokenizedText) -> QueryText {
    let keep = query.forms.map { flags(of: $0) & FormFlag.workMode == 0 }
    return keep.allSatisfy { $0 } ? query : query.keeping(keep)
  }

  /// A query without the words of its idioms (``MatchingLexicons/idioms``: "play a key role",
  /// "cutting-edge"), which name no skill.
  func withoutIdioms(_ query: QueryText) -> QueryText {
    guard query.forms.contains(where: { flags(of: $0) & FormFlag.idiomStart != 0 }) else {
      return query
    }
    let keys = query.forms.map { tokenizer.key($0) }
    var keep = [Bool](repeating: true, count: keys.count)
    var start = 0
    while start < keys.count {
      if let length = MatchingLexicons.idioms.longestLength(keys, at: start) {
        for position in start..<(start + length) { keep[position] = false }
        start += length
      } else {
        start += 1
      }
    }
    return keep.allSatisfy { $0 } ? query : query.keeping(keep)
  }

  /// A form's ``FormFlag`` bits, looked up once per form while the tokenizer's form IDs are
  /// valid.
  private func flags(of form: FormID) -> UInt8 {
    if tokenizer.formGeneration != formFlagsGeneration {
      formFlags.removeAll(keepingCapacity: true)
      formFlagsGeneration = tokenizer.formGeneration
    }
    let id = Int(form.rawValue)
    if id >= formFlags.count {
      formFlags.append(contentsOf: repeatElement(0, count: id + 1 - formFlags.count))
    }
    if formFlags[id] == 0 {
      let key = tokenizer.form(form).key
      var flags = FormFlag.lookedUp
      if MatchingLexicons.workMode[key] != nil { flags |= FormFlag.workMode }
      if MatchingLexicons.idioms.starts(with: key) { flags |= FormFlag.idiomStart }
      formFlags[id] = flags
    }
    return formFlags[id]
  }

  /// A phrase's spread over unit groups: BM25 against the ISCO unit group documents
  /// (definition, task items, example titles and the descriptions of the group's ESCO
  /// occupations). The ``TaskOptions/spreadGroups`` strongest groups are kept, scaled to the
  /// best (raised to ``TaskOptions/sharpening``) and normalised to sum to the phrase's strength
  /// (``TaskOptions/strengthScale`` × the best score, at most 1).
  func groupDistribution(_ query: QueryText) -> [(Int, Double)] {
    let top = PostingAnalyzer.strongest(
      options.tasks.spreadGroups,
      of: searcher.descriptionScores(query, contributions: unitGroupContributions).lazy.map {
        ($0.0, Double($0.1))
      })
    guard let best = top.first?.1, best > options.tasks.minimumBest else { return [] }
    // Sorted again: rounding in `pow` can make nearly equal scores equal.
    let sharpened = top.map { ($0.0, pow($0.1 / best, options.tasks.sharpening)) }.sorted {
      ($0.1, $1.0) > ($1.1, $0.0)
    }
    let sum = sharpened.reduce(0) { $0 + $1.1 }
    let strength = min(1, best * options.tasks.strengthScale)
    return sharpened.map { ($0.0, $0.1 / sum * strength) }
  }

  /// Adds the task phrases' unit groups (their shares summed), weighted by the task evidence's
  /// strength (full from ``TaskOptions/fullStrengthPhrases`` phrases with unit group
  /// evidence); returns that strength.
  func addTaskEvidence(_ taskGroups: [[(Int, Double)]], to groups: inout GroupEvidence) -> Double {
    var totals = DenseScores(count: groups.scores.capacity)
    for distribution in taskGroups {
      for (group, share) in distribution { totals[group] += share }
    }
    let strength = min(
      1,
      Double(taskGroups.filter { !$0.isEmpty }.count) / Double(options.tasks.fullStrengthPhrases))
    groups.add(totals, from: .tasks, weight: options.tasks.weight * strength, normalise: true)
    return strength
  }
}

/// What a form is, for the phrase readers (bits of ``PostingAnalyzer/formFlags``).
enum FormFlag {
  static let lookedUp: UInt8 = 1
  /// A work-mode word (``MatchingLexicons/workMode``).
  static let workMode: UInt8 = 2
  /// The first word of an idiom (``MatchingLexicons/idioms``).
  static let idiomStart: UInt8 = 4
}
