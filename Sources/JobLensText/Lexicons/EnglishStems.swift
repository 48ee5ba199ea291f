/// Words that Snowball's English stemmer gives the stem of an unrelated word: "experience" and
/// "experiment" both stem to "experi"; "customer", "custom" and "customs" to "custom"; "engine"
/// and "engineer" to "engin"; "responsible" and "response" to "respons"; "production" and
/// "product" to "product"; "excellent", "excellence" and Excel to "excel"; "attendance" and
/// "attend" to "attend"; "useful", "usefulness" and "use" to "use" ("helpful" and "help"
/// alike); "internal", "international" and "interns" to "intern". Each word listed here
/// keeps a stem of its own, shared with its inflections (and with the forms Snowball already
/// separates: "experienced" stems to "experienc"). Both the index and the postings go through
/// it, so a job ad's "3 years of experience" no longer matches "conduct experiments on
/// animals", nor "custom rules" the customs skills, nor "production knowledge" *product
/// comprehension*, nor "excellent" *operational excellence* or Excel, nor an "attendance
/// policy" *attend meetings*, nor "verify use" *verify feasibility* (its label "verify
/// usefulness"), nor "internal stakeholders" *work in an international environment*, nor
/// "Customer Service experience helpful" *help customers*.
enum EnglishStems {
  /// The stem of a lower-case (British-spelled) word when Snowball's would conflate it.
  static func exception(_ word: String) -> String? { exceptions[word] }

  /// A lower-case word without its possessive ending ("customer's" → "customer", "clients'" →
  /// "clients"), which Snowball drops first anyway: so that the possessive keeps the word's own
  /// stem ("customer's" stemmed as "custom", "production's" as "product") and spelling.
  static func withoutPossessive(_ word: String) -> String {
    // The suffix first: a String's count walks its characters, and most words have none.
    for ending in ["'s'", "'s", "'"] where word.hasSuffix(ending) && word.count > ending.count {
      return String(word.dropLast(ending.count))
    }
    return word
  }

  private static let exceptions: [String: String] = {
    let families: [String: [String]] = [
      "experienc": ["experience", "experiences"],
      "responsibl": ["responsible", "responsibly", "responsibility", "responsibilities"],
      "responsiv": ["responsive", "responsiveness"],
      "accountabl": ["accountable", "accountability", "accountabilities"],
      "securities": ["securities"],
      "applicant": ["applicant", "applicants"],
      "projection": ["projection", "projections"],
      "productiv": ["productive", "productively", "productivity"],
      "engine": ["engine", "engines"],
      "customer": ["customer", "customers"],
      "customs": ["customs"],
      "positiv": ["positive", "positively", "positivity"],
      "integriti": ["integrity"],
      "informal": ["informal", "informally"],
      "executiv": ["executive", "executives"],
      "goods": ["goods"],
      "busy": ["busy"],
      "wellness": ["wellness"],
      "canvas": ["canvas", "canvases"],
      "production": ["production", "productions"],
      "excellen": ["excellence"],
      "excellent": ["excellent", "excellently"],
      "attendanc": ["attendance", "attendances"],
      "useful": ["useful", "usefully", "usefulness"],
      "helpful": ["helpful", "helpfully", "helpfulness"],
      "internal": ["internal", "internally"],
      "internation": [
        "international", "internationally", "internationalisation", "internationalization",
      ],
    ]
    var table: [String: String] = [:]
    for (stem, words) in families {
      for word in words { table[word] = stem }
    }
    return table
  }()
}
