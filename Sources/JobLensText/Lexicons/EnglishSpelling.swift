/// American spellings mapped to the British ones ESCO uses ("organize" → "organise", "labor"
/// → "labour", "center" → "centre", "traveling" → "travelling", "inquiry" → "enquiry"),
/// applied to English words before stemming so that both spellings share a stem. Both the
/// index and the postings go through it, so an over-eager rule only merges two spellings of
/// one word.
enum EnglishSpelling {
  /// The British spelling of a lower-case word, or the word unchanged.
  static func british(_ word: String) -> String {
    if let whole = words[word] { return whole }
    var word = word
    // Nearly every word is ASCII: compare bytes there rather than Characters (the same result,
    // since ASCII letters are whole Characters), as this runs for every new form.
    let ascii = word.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiRules(bytes) : nil }
    return ascii ?? unicodeRules(word)
  }

  /// ``british(_:)``'s rules over an ASCII word's bytes.
  private static func asciiRules(_ word: UnsafeBufferPointer<UInt8>) -> String {
    func hasPrefix(_ prefix: [UInt8]) -> Bool {
      prefix.count <= word.count && word[..<prefix.count].elementsEqual(prefix)
    }
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
      suffix.count <= word.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
    }
    let string = { String(decoding: word, as: UTF8.self) }
    if word.count >= 7 && !sizeBytes.contains(where: hasSuffix) {
      for (american, british) in izeSuffixBytes where hasSuffix(american) {
        return String(decoding: word[..<(word.count - american.count)], as: UTF8.self) + british
      }
    }
    for (american, _) in ourStemBytes where hasPrefix(american) { return unicodeRules(string()) }
    for base in doubledLBytes where hasPrefix(base) { return unicodeRules(string()) }
    return string()
  }

  /// ``british(_:)``'s rules after the whole-word lookup, over Characters.
  private static func unicodeRules(_ word: String) -> String {
    if word.count >= 7 && !word.hasSuffix("size") && !word.hasSuffix("sizes") {
      for (american, british) in izeSuffixes where word.hasSuffix(american) {
        return String(word.dropLast(american.count)) + british
      }
    }
    // The prefixes are ASCII: a word whose bytes do not start with one does not (a String's
    // `hasPrefix`, which compares Characters, is asked only where the bytes do).
    for (american, british) in ourStems
    where word.utf8.starts(with: american.utf8) && word.hasPrefix(american) {
      let rest = word.dropFirst(american.count)
      if wordSuffixes.contains(String(rest)) { return british + rest }
    }
    for base in doubledL where word.utf8.starts(with: base.utf8) && word.hasPrefix(base) {
      let rest = word.dropFirst(base.count)
      if ["ed", "er", "ers", "ing", "ings"].contains(String(rest)) { return base + "l" + rest }
    }
    return word
  }

  private static let sizeBytes = [Array("size".utf8), Array("sizes".utf8)]
  private static let izeSuffixBytes = izeSuffixes.map { (Array($0.0.utf8), $0.1) }
  private static let ourStemBytes = ourStems.map { (Array($0.0.utf8), $0.1) }
  private static let doubledLBytes = doubledL.map { Array($0.utf8) }

  private static let izeSuffixes: [(String, String)] = [
    ("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("ized", "ised"),
    ("izes", "ises"), ("izers", "isers"), ("izer", "iser"), ("ize", "ise"), ("yzing", "ysing"),
    ("yzed", "ysed"), ("yzes", "yses"), ("yzers", "ysers"), ("yzer", "yser"), ("yze", "yse"),
  ]

  /// Stems written -or in American English and -our in British English.
  private static let ourStems: [(String, String)] = [
    "labor", "color", "favor", "honor", "harbor", "behavior", "neighbor", "vapor", "rumor",
    "odor", "flavor", "humor", "armor", "vigor", "tumor", "savior", "endeavor", "parlor",
    "splendor", "valor", "fervor", "rigor", "clamor", "candor",
  ].map { ($0, String($0.dropLast()) + "ur") }

  private static let wordSuffixes: Set<String> = [
    "", "s", "ed", "ing", "er", "ers", "ful", "ite", "able", "al", "ally", "less", "ist",
    "ists",
  ]

  /// Words whose last l doubles before -ed, -er, -ing in British English.
  private static let doubledL = [
    "travel", "counsel", "model", "label", "level", "signal", "fuel", "refuel", "channel",
    "jewel", "enamel", "bevel", "cancel", "marvel", "total", "dial", "shovel", "tunnel",
    "panel", "barrel", "pedal", "pencil", "rival", "spiral", "stencil", "gravel", "funnel",
    "chisel", "duel", "equal", "initial", "install",
  ]

  private static let words: [String: String] = [
    "center": "centre", "centers": "centres", "centered": "centred", "theater": "theatre",
    "theaters": "theatres", "liter": "litre", "liters": "litres", "fiber": "fibre",
    "fibers": "fibres", "caliber": "calibre", "somber": "sombre", "luster": "lustre",
    "saber": "sabre", "maneuver": "manoeuvre", "maneuvers": "manoeuvres",
    "counselor": "counsellor", "counselors": "counsellors", "jewelry": "jewellery",
    "aluminum": "aluminium", "catalog": "catalogue", "catalogs": "catalogues",
    "dialog": "dialogue", "analog": "analogue", "defense": "defence", "offense": "offence",
    "mold": "mould", "molds": "moulds", "molded": "moulded", "molding": "moulding",
    "molder": "moulder", "molders": "moulders", "moldmaker": "mouldmaker", "gray": "grey",
    "plow": "plough", "plowing": "ploughing", "tire": "tyre", "tires": "tyres",
    "enroll": "enrol", "enrollment": "enrolment", "fulfill": "fulfil",
    "fulfillment": "fulfilment", "skillful": "skilful", "pediatric": "paediatric",
    "pediatrics": "paediatrics", "pediatrician": "paediatrician", "anesthesia": "anaesthesia",
    "anesthetist": "anaesthetist", "anesthesiologist": "anaesthesiologist",
    "orthopedic": "orthopaedic", "gynecology": "gynaecology", "gynecologist": "gynaecologist",
    "hematology": "haematology", "esthetician": "aesthetician", "estrogen": "oestrogen",
    "fetal": "foetal", "hemodialysis": "haemodialysis", "ameba": "amoeba", "sulfur": "sulphur",
    "practicing": "practising", "cozy": "cosy", "pajamas": "pyjamas", "woolen": "woollen",
    "inquiry": "enquiry", "inquiries": "enquiries", "inquire": "enquire", "inquires": "enquires",
    "inquired": "enquired", "inquiring": "enquiring", "license": "licence", "licenses": "licences",
    "judgment": "judgement", "judgments": "judgements", "acknowledgment": "acknowledgement",
    "acknowledgments": "acknowledgements", "aging": "ageing",
  ]
}
