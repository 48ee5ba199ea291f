import JobLensTaxonomy
import JobLensText

extension IndexBuilder {
  /// Terms and strings collected while building.
  struct State {
    let tokenizer: Tokenizer
    var strings = StringInterner()
    var termIDs: [String: UInt32] = [:]
    var termStrings: [UInt32] = []

    init(language: String) throws {
      tokenizer = try Tokenizer(language: language)
    }

    mutating func term(_ stem: String) -> UInt32 {
      if let known = termIDs[stem] { return known }
      let id = UInt32(termStrings.count)
      termIDs[stem] = id
      termStrings.append(strings.id(stem))
      return id
    }

    /// The terms of a text, in order.
    mutating func terms(of text: String) -> [UInt32] {
      let tokenized = tokenizer.tokenize(text)
      return tokenized.tokens.map { term(tokenizer.form($0.form).stem) }
    }

    /// The terms of a text that are already known.
    func lookupTerms(of text: String) -> [UInt32] {
      let tokenized = tokenizer.tokenize(text)
      return tokenized.tokens.compactMap { termIDs[tokenizer.form($0.form).stem] }
    }

    /// Adds a label and, when it has hyphenated compounds, its closed-compound variant.
    mutating func addLabel(
      _ text: String, _ kind: ConceptKind, _ concept: Int, _ field: LabelField,
      to data: inout IndexData
    ) {
      let tokenized = tokenizer.tokenize(text)
      guard !tokenized.tokens.isEmpty else { return }
      let sequence = tokenized.tokens.map { term(tokenizer.form($0.form).stem) }
      let stringID = strings.id(text)
      let facts = LabelTextFacts(text).rawValue
      append(sequence, flags: facts)
      let compounds = tokenized.groups.filter { $0.kind == .compound }
      guard !compounds.isEmpty else { return }
      var variant: [UInt32] = []
      var position = 0
      for group in compounds {
        variant += sequence[position..<group.tokens.lowerBound]
        variant.append(term(tokenizer.form(group.form).stem))
        position = group.tokens.upperBound
      }
      variant += sequence[position...]
      append(variant, flags: facts | 1)

      func append(_ terms: [UInt32], flags: UInt8) {
        data.labelKinds.append(kind.rawValue)
        data.labelConcepts.append(UInt32(concept))
        data.labelFields.append(field.rawValue)
        data.labelFlags.append(flags)
        data.labelStrings.append(stringID)
        data.labelTerms.values += terms
        data.labelTerms.starts.append(UInt32(data.labelTerms.values.count))
      }
    }

    /// Rows of string IDs.
    mutating func stringRows(_ rows: [[String]]) -> CSR<UInt32> {
      var starts: [UInt32] = [0]
      var values: [UInt32] = []
      for row in rows {
        for string in row { values.append(strings.id(string)) }
        starts.append(UInt32(values.count))
      }
      return CSR(starts: starts, values: values)
    }
  }
}
