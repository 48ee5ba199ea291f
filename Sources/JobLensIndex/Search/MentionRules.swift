/// What counts as a mention of a label in running text, and how much: the rules that
/// ``ConceptSearcher/matchMentions(_:kind:minimumScore:rules:)`` applies to the candidates it
/// finds in the posting lists. The searcher finds labels; the analysis (`SkillMentionRules`)
/// decides which occurrences are mentions (same word or plural, acronyms written as such,
/// proximity, specificity).
///
/// A rule set may cache per label (it is used by one searcher, on one thread).
package protocol MentionRules: AnyObject {
  /// The factor on the score of `label` found in `query` (`exact`: the query positions of its
  /// word-for-word occurrence, if any), or nil when it is not a mention there.
  func factor(
    label: Int, query: QueryText, exact: Range<Int>?, searcher: ConceptSearcher
  )
    -> Float?

  /// The largest factor a label of this weighted mass (the summed IDF of its content terms)
  /// can get: the searcher skips labels that cannot reach the minimum score with it.
  func maximumFactor(labelMass: Float) -> Float

  /// Whether a label made only of function words ("IT"), found word for word at query
  /// positions `range`, is a mention.
  func functionWordLabelCounts(
    label: Int, at range: Range<Int>, query: QueryText, searcher: ConceptSearcher
  ) -> Bool
}
