/// Finds the phrases of a posting that describe the candidate rather than the work: the
/// phrases under a requirements heading ("Requirements", "About you", "Skills"), and phrases
/// that open like a requirement ("You are organised…", "Must be available…", "Excellent
/// written English") or name years of experience. They are matched for skills, but they are
/// not tasks: they take no part in the occupation mix or the task evidence.
///
/// A task heading ("Responsibilities", "What you will do") or any other heading ends a
/// requirements section.
enum RequirementDetector {
  /// Per phrase: whether it is a requirement. Headings are not.
  static func classify(
    _ phrases: [TaskPhrase], in tokenized: TokenizedText, tokenizer: Tokenizer
  ) -> [Bool] {
    var inRequirements = false
    return phrases.map { phrase in
      let keys = PhraseLexicon.keys(of: phrase, in: tokenized, tokenizer: tokenizer)
      if phrase.kind == .heading {
        inRequirements =
          !PhraseLexicon.taskHeadings.containedIn(keys)
          && PhraseLexicon.requirementHeadings.containedIn(keys)
        return false
      }
      return inRequirements || PhraseLexicon.requirementOpenings.starts(keys)
        || PhraseLexicon.requirementCues.containedIn(keys)
    }
  }
}
