extension ConceptIndex {
  /// The term of a stem, if the vocabulary has it.
  public func term(_ stem: String) -> TermID? { termIDs[stem].map(TermID.init(rawValue:)) }

  /// The text of a term.
  public func termString(_ term: TermID) -> String { data.strings[data.terms[Int(term.rawValue)]] }

  /// The label's text as written in ESCO.
  public func labelText(_ label: Int) -> String { data.strings[data.labelStrings[label]] }

  /// What the analysis asks of the label's text (its first Character's case, one word),
  /// read from the label's flags without reading the text.
  /// - Complexity: O(1).
  public func labelTextFacts(_ label: Int) -> LabelTextFacts {
    LabelTextFacts(rawValue: data.labelFlags[label] & LabelTextFacts.all.rawValue)
  }

  /// Calls `body` with the UTF-8 bytes of the label's text, without making a String (for a
  /// look at many labels' texts).
  public func withLabelBytes<Result>(
    _ label: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try data.strings.withBytes(data.labelStrings[label], body)
  }

  /// Whether a label's text is, as written, the first word of its skill's preferred label
  /// ("report" of *report facts*; not "reporting"), read from bytes without making Strings.
  public func isFirstWordOfPreferredLabel(_ label: Int, ofSkill skill: Int) -> Bool {
    withLabelBytes(label) { word in
      data.strings.withBytes(data.skills.labels[skill]) { preferred in
        preferred.count > word.count && preferred[word.count] == 0x20
          && preferred.prefix(word.count).elementsEqual(word)
      }
    }
  }

  /// The concept a label belongs to.
  public func labelConcept(_ label: Int) -> ConceptID {
    ConceptID(ConceptKind(rawValue: data.labelKinds[label])!, Int(data.labelConcepts[label]))
  }

  /// The field a label comes from.
  public func labelField(_ label: Int) -> LabelField {
    LabelField(rawValue: data.labelFields[label])!
  }

  /// The inverse document frequency of a term among concepts of a kind.
  public func idf(_ term: TermID, kind: ConceptKind) -> Float {
    data.idf[Int(kind.rawValue)][Int(term.rawValue)]
  }

  /// How many labels of a kind contain a term.
  public func labelPostingCount(term: Int, kind: ConceptKind) -> Int {
    labelsByTerm[Int(kind.rawValue)].range(term).count
  }

  /// Whether a term is a function word.
  public func isStopTerm(_ term: TermID) -> Bool { data.stopTerms[Int(term.rawValue)] != 0 }
}
