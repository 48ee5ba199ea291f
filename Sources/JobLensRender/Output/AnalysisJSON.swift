public import JobLensAnalysis
public import JobLensBatch
public import JobLensCore
public import JobLensIndex
import JobLensInput

/// The run manifest: what produced an output, so that it can be reproduced and compared.
public struct RunManifest: Sendable, Equatable {
  /// The JobLens version.
  public var joblensVersion = JobLensVersion.current
  /// The ICU version.
  public var icuVersion = JobLensVersion.icu
  /// The ESCO version of the index.
  public var taxonomyVersion: String
  /// The taxonomy's language.
  public var language: String
  /// The index checksum (XXH64 of its body).
  public var indexChecksum: String
  /// SHA-256 of the ESCO files the index was built from.
  public var escoChecksum: String
  /// Options as name–value pairs, in a fixed order.
  public var options: [(String, String)]

  /// The manifest of a run over `index` with the given options.
  public init(index: ConceptIndex, options: [(String, String)]) {
    taxonomyVersion = index.metadata.taxonomyVersion
    language = index.metadata.language
    indexChecksum = index.checksum
    escoChecksum = index.metadata.inputChecksum
    self.options = options
  }

  public static func == (lhs: RunManifest, rhs: RunManifest) -> Bool {
    lhs.json == rhs.json
  }

  /// The manifest as key–value pairs (options as "option.NAME"), in a fixed order, names in
  /// snake_case like every output's.
  public var entries: [(String, String)] {
    [
      ("joblens", joblensVersion), ("icu", icuVersion), ("esco", taxonomyVersion),
      ("language", language), ("index_checksum", indexChecksum), ("esco_sha256", escoChecksum),
    ] + options.map { ("option.\(JSONWriter.snakeCase($0.0))", $0.1) }
  }

  /// The manifest as one JSON object.
  public var json: String {
    var writer = JSONWriter()
    write(to: &writer)
    return writer.text
  }

  /// Writes the manifest object.
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("joblens", joblensVersion)
    writer.field("icu", icuVersion)
    writer.field("esco", taxonomyVersion)
    writer.field("language", language)
    writer.field("index_checksum", indexChecksum)
    writer.field("esco_sha256", escoChecksum)
    writer.key("options")
    writer.beginObject()
    for (name, value) in options { writer.field(JSONWriter.snakeCase(name), value) }
    writer.endObject()
    writer.field(
      "attribution", "This product uses the ESCO classification of the European Commission.")
    writer.endObject()
  }

  /// The manifest as the first line of a JSONL output: `{"manifest": {...}}`.
  public var jsonLine: String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("manifest")
    write(to: &writer)
    writer.endObject()
    writer.newline()
    return writer.text
  }
}

/// JSON rendering of analyses (one object per posting, keys in snake_case in a fixed order).
public enum AnalysisJSON {
  /// What an analysis's JSON leaves out.
  public struct Options: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Codes, scores and offsets only: no evidence texts or labels (nor the skill named by an
    /// occupation's skill evidence), no phrase lists (a mix share keeps its `phrase_count`;
    /// `zones`, `boilerplate` and `requirements` are left out) and no derived text.
    public static let lean = Options(rawValue: 1 << 0)
  }

  /// One analysis as a JSON object on one line (with the newline); `source` ("file:line") is
  /// written last when given, as in error records.
  public static func line(
    _ analysis: PostingAnalysis, options: Options = [], source: String? = nil
  ) -> String {
    var writer = JSONWriter()
    appendLine(analysis, options: options, source: source, to: &writer)
    return writer.text
  }

  /// Appends one analysis as a JSON object on one line, with the newline (``line(_:options:source:)``
  /// as bytes, into a writer that can be reused from line to line).
  public static func appendLine(
    _ analysis: PostingAnalysis, options: Options = [], source: String? = nil,
    to writer: inout JSONWriter
  ) {
    write(analysis, options: options, source: source, to: &writer)
    writer.newline()
  }

  /// Appends a batch result as its JSONL line: the analysis with its source, or the error
  /// record (what `joblens classify` writes for each input record).
  public static func appendLine(
    _ result: BatchResult, options: Options = [], to writer: inout JSONWriter
  ) {
    switch result {
    case .analysis(let analysis, let source):
      appendLine(analysis, options: options, source: source, to: &writer)
    case .failure(let id, let source, let message):
      appendErrorLine(id: id, error: message, source: source, to: &writer)
    }
  }

  /// An error record: the posting could not be read or analysed.
  public static func errorLine(id: String?, error: String, source: String) -> String {
    var writer = JSONWriter()
    appendErrorLine(id: id, error: error, source: source, to: &writer)
    return writer.text
  }

  /// Appends an error record on one line, with the newline (``errorLine(id:error:source:)`` as
  /// bytes).
  public static func appendErrorLine(
    id: String?, error: String, source: String, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.field("id", id)
    writer.field("error", error)
    writer.field("source", source)
    writer.endObject()
    writer.newline()
  }

  static func write(_ evidence: Evidence, options: Options, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("field", evidence.field.rawValue)
    writer.field("start", evidence.start)
    writer.field("end", evidence.end)
    if !options.contains(.lean) {
      writer.field("text", evidence.text)
      if !evidence.label.isEmpty { writer.field("label", evidence.label) }
    }
    if evidence.phraseStart != evidence.start || evidence.phraseEnd != evidence.end {
      writer.field("phrase_start", evidence.phraseStart)
      writer.field("phrase_end", evidence.phraseEnd)
    }
    writer.endObject()
  }

  /// One skill as a JSON object on one line (with the newline), as in an analysis's `skills`.
  public static func skillLine(_ skill: SkillMatch) -> String {
    var writer = JSONWriter()
    write(skill, options: [], to: &writer)
    writer.newline()
    return writer.text
  }

  static func write(_ skill: SkillMatch, options: Options, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("uri", skill.uri)
    writer.field("label", skill.label)
    writer.field("type", skill.type.name)
    writer.field("skill_group", skill.group)
    writer.field("skill_group_label", skill.groupLabel)
    writer.field("score", skill.score)
    writer.field("literal", skill.isLiteral)
    writer.field("context", skill.context)
    writer.key("evidence")
    writer.beginArray()
    for span in skill.evidence { write(span, options: options, to: &writer) }
    writer.endArray()
    writer.endObject()
  }

  static func writeList(_ values: [String], to writer: inout JSONWriter) {
    writer.beginArray()
    for value in values { writer.string(value) }
    writer.endArray()
  }

  /// Writes one analysis object; `source` ("file:line") last, when given.
  public static func write(
    _ analysis: PostingAnalysis, options: Options = [], source: String? = nil,
    to writer: inout JSONWriter
  ) {
    let lean = options.contains(.lean)
    writer.beginObject()
    writer.field("id", analysis.id)
    writer.field("title", analysis.title)
    writer.field("coded_title", analysis.codedTitle)
    writer.key("attributes")
    write(analysis.attributes, to: &writer)
    writer.key("isco")
    write(analysis.isco, to: &writer)
    writer.key("occupations")
    writer.beginArray()
    for occupation in analysis.occupations { write(occupation, options: options, to: &writer) }
    writer.endArray()
    writer.key("skills")
    writer.beginArray()
    for skill in analysis.skills { write(skill, options: options, to: &writer) }
    writer.endArray()
    writer.key("mix")
    write(analysis.mix, options: options, to: &writer)
    if !lean { writePhrases(of: analysis, to: &writer) }
    writer.field("phrase_count", analysis.phraseCount)
    if !lean, let text = analysis.derivedText { writer.field("text", text) }
    if let duplicate = analysis.duplicate {
      writer.key("duplicate")
      write(duplicate, to: &writer)
    }
    writer.key("notes")
    writeList(analysis.notes, to: &writer)
    if let source { writer.field("source", source) }
    writer.endObject()
  }

  /// Writes a title's attributes.
  static func write(_ attributes: TitleAttributes, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("work_mode")
    writeList(attributes.workMode, to: &writer)
    writer.key("employment")
    writeList(attributes.employment, to: &writer)
    writer.key("seniority")
    writeList(attributes.seniority, to: &writer)
    writer.key("noise")
    writeList(attributes.noise, to: &writer)
    writer.endObject()
  }

  /// The evidence sources, and their keys in snake_case in the same order, made once rather
  /// than per posting (a source is found by a scan of the few: a dictionary hashed its
  /// string raw value).
  static let sources = EvidenceSource.allCases
  static let sourceKeys = sources.map { JSONWriter.snakeCase($0.rawValue) }

  /// Writes an ISCO assignment with its levels and their sources.
  static func write(_ isco: ISCOAssignment, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("code", isco.code)
    writer.field("level", isco.level)
    writer.field("label", isco.label)
    writer.field("confidence", isco.confidence)
    writer.field("reason", isco.reason)
    writer.key("levels")
    writer.beginArray()
    for level in isco.levels {
      writer.beginObject()
      writer.field("level", level.level)
      writer.field("code", level.code)
      writer.field("label", level.label)
      writer.field("confidence", level.confidence)
      writer.key("sources")
      writer.beginObject()
      for part in level.sources {
        writer.field(
          sources.firstIndex(of: part.source).map { sourceKeys[$0] } ?? part.source.rawValue,
          part.share)
      }
      writer.endObject()
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
  }

  /// Writes an occupation with its evidence.
  static func write(
    _ occupation: OccupationMatch, options: Options, to writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.field("uri", occupation.uri)
    writer.field("label", occupation.label)
    writer.field("isco", occupation.isco)
    writer.field("score", occupation.score)
    writer.field("margin", occupation.margin)
    writer.key("evidence")
    writer.beginArray()
    for support in occupation.evidence {
      writer.beginObject()
      writer.field("kind", support.kind.rawValue)
      if !options.contains(.lean), let skill = support.skill { writer.field("skill", skill) }
      if let essential = support.isEssential { writer.field("essential", essential) }
      writer.field("weight", support.weight)
      if let span = support.evidence {
        writer.key("span")
        write(span, options: options, to: &writer)
      }
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
  }

  /// Writes the occupation mix with each share's phrases (their count only, when lean).
  static func write(_ mix: OccupationMix, options: Options, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("top_share", mix.topShare)
    writer.field("herfindahl", mix.herfindahl)
    writer.field("unassigned", mix.unassigned)
    writer.key("shares")
    writer.beginArray()
    for share in mix.shares {
      writer.beginObject()
      writer.field("isco", share.isco)
      writer.field("label", share.label)
      writer.field("share", share.share)
      writer.field("phrase_count", share.phrases.count)
      if !options.contains(.lean) {
        writer.key("phrases")
        writer.beginArray()
        for phrase in share.phrases { write(phrase, options: options, to: &writer) }
        writer.endArray()
      }
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
  }

  /// Writes the phrases' zones, and the boilerplate and requirement phrases.
  static func writePhrases(of analysis: PostingAnalysis, to writer: inout JSONWriter) {
    writer.key("zones")
    writer.beginArray()
    for phrase in analysis.zones {
      writer.beginObject()
      writer.field("zone", phrase.zone.rawValue)
      writer.field("start", phrase.start)
      writer.field("end", phrase.end)
      if phrase.isHeading { writer.field("heading", true) }
      writer.endObject()
    }
    writer.endArray()
    writer.key("boilerplate")
    writer.beginArray()
    for phrase in analysis.boilerplate {
      writer.beginObject()
      writer.field("kind", phrase.kind.rawValue)
      writer.field("start", phrase.evidence.start)
      writer.field("end", phrase.evidence.end)
      writer.field("text", phrase.evidence.text)
      writer.endObject()
    }
    writer.endArray()
    writer.key("requirements")
    writer.beginArray()
    for phrase in analysis.requirements {
      writer.beginObject()
      writer.field("start", phrase.start)
      writer.field("end", phrase.end)
      writer.field("text", phrase.text)
      writer.endObject()
    }
    writer.endArray()
  }

  /// Writes a duplicate mark.
  static func write(_ duplicate: DuplicateMark, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("of", duplicate.of)
    writer.field("exact", duplicate.isExact)
    writer.field("similarity", duplicate.similarity)
    writer.endObject()
  }
}
