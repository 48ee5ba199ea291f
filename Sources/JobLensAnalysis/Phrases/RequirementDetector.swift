import JobLensText

/// Finds the phrases of a posting that describe the candidate rather than the work: the
/// phrases under a requirements heading ("Requirements", "About you", "Skills"), and phrases
/// that open like a requirement ("You are organised…", "Must have a laptop", "Excellent
/// written English") or name years of experience. They are matched for skills, but they are
/// not tasks: they take no part in the occupation mix or the task evidence.
///
/// A task heading ("Responsibilities", "What you will do") or any other heading ends a
/// requirements section.
enum RequirementDetector {
  /// Per phrase: whether it is a requirement. Headings are not. `keys`: the phrases' match
  /// keys (``PhraseLexicon/keys(of:in:tokenizer:)``).
  static func classify(_ phrases: [TaskPhrase], keys phraseKeys: [[String]]) -> [Bool] {
    var inRequirements = false
    return zip(phrases, phraseKeys).map { phrase, keys in
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
