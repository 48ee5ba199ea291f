import JobLensText

/// Function words, which do not count towards how much of a label a text covers. Small lists
/// of our own for the languages ESCO is most used in; other languages rely on IDF alone.
package enum StopWords {
  package static func words(for language: String) -> [String] {
    switch Stemmer.baseLanguage(language) {
    case "en":
      [
        "a", "an", "and", "are", "as", "at", "be", "by", "etc", "for", "from", "has", "have", "in",
        "into", "is", "it", "its", "of", "on", "or", "other", "such", "that", "the", "their",
        "this", "to", "with", "within", "without", "e", "g", "i", "via", "all", "any", "our",
        "your", "you", "we", "will", "who", "which", "they", "them", "those", "these",
      ]
    case "fr":
      [
        "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "en", "au",
        "aux", "à", "a", "pour", "par", "sur", "dans", "avec", "sans", "que", "qui", "ce", "ces",
      ]
    case "de":
      [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "und", "oder",
        "in", "im", "mit", "von", "vom", "zu", "zur", "zum", "für", "auf", "an", "am", "bei",
      ]
    case "es":
      [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "y", "o", "en", "a",
        "al", "con", "por", "para", "sin", "que",
      ]
    default:
      []
    }
  }

  /// The words that join coordinated words ("answer and process incoming calls"): a word
  /// before them can share what follows the last (``ConceptSearcher/exactOccurrences``).
  static func coordinators(for language: String) -> [String] {
    switch Stemmer.baseLanguage(language) {
    case "en": ["and", "or"]
    case "fr": ["et", "ou"]
    case "de": ["und", "oder"]
    case "es": ["y", "o"]
    default: []
    }
  }

  /// Words that name nothing inside a fixed connective ("well" in "as well as", "order" in "in
  /// order to", "part" in "as part of"), with the words around them that make the connective
  /// (nil: any word, or none). Such a word is not matched against labels, so "as well as" is
  /// not an oil well and "in order to" not a purchase order.
  static func connectives(for language: String) -> [String: [(before: String?, after: String?)]] {
    switch Stemmer.baseLanguage(language) {
    case "en":
      [
        "well": [("as", nil)],
        "order": [("in", "to"), ("in", "for"), ("in", "that")],
        "terms": [("in", "of")],
        "number": [("a", "of")],
        "lot": [("a", "of")],
        "lots": [(nil, "of")],
        "charge": [("in", "of")],
        "case": [("in", "of"), ("in", "you")],
        "part": [("as", "of"), ("be", "of"), ("are", "of")],
        "touch": [("in", nil)],
      ]
    default:
      [:]
    }
  }
}
