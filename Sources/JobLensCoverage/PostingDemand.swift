public import JobLensAnalysis
public import JobLensCore
import JobLensTaxonomy

/// What one posting demands, as coverage needs it: its skills, its task phrases and its
/// occupation mix. Made from a fresh analysis or read back from `joblens classify` output, with
/// the same result either way.
public struct PostingDemand: Sendable, Equatable {
  /// A skill the posting asks for.
  public struct Skill: Sendable, Equatable {
    /// The skill's ESCO URI.
    public var uri: String
    /// Its preferred label.
    public var label: String
    /// Top-level ESCO group code (S1…S8, K…, T…, L…).
    public var group: String
    /// The group's label.
    public var groupLabel: String
    /// The posting's words for it (first evidence span).
    public var evidence: String
  }

  /// One ISCO unit group's share of the posting's task phrases.
  public struct Share: Sendable, Equatable {
    /// ISCO-08 unit group code.
    public var isco: String
    /// Its title.
    public var label: String
    /// Share of the posting's assigned task phrases (0…1).
    public var share: Double
  }

  /// The posting's id.
  public var id: String
  /// The skills it asks for, best first.
  public var skills: [Skill]
  /// The task phrases assigned to unit groups (the phrases that carry the posting's tasks).
  public var phrases: [String]
  /// Its occupation mix, largest share first.
  public var mix: [Share]
  /// The posting's ISCO code after back-off (nil when uncodable).
  public var isco: String?
  /// The posting's title (empty when it has none), to name it in reports.
  public var title: String
  /// The id of the earlier posting this one nearly duplicates (`--dedup`): coverage counts
  /// it once, with the earlier one.
  public var duplicateOf: String?

  /// A demand from its parts.
  public init(
    id: String, skills: [Skill], phrases: [String], mix: [Share], isco: String?,
    title: String = "", duplicateOf: String? = nil
  ) {
    self.id = id
    self.skills = skills
    self.phrases = phrases
    self.mix = mix
    self.isco = isco
    self.title = title
    self.duplicateOf = duplicateOf
  }

  /// The demand of an analysis.
  public init(_ analysis: PostingAnalysis) {
    id = analysis.id
    skills = analysis.skills.map {
      Skill(
        uri: $0.uri, label: $0.label, group: $0.group, groupLabel: $0.groupLabel,
        evidence: $0.evidence.first?.text ?? "")
    }
    phrases = analysis.mix.shares.flatMap { $0.phrases.map(\.text) }
    // Shares at the precision `classify` writes them, so that both sources agree exactly.
    mix = analysis.mix.shares.map {
      Share(
        isco: $0.isco, label: $0.label,
        share: Double(JSONWriter.format($0.share, decimals: 4)) ?? $0.share)
    }
    isco = analysis.isco.code
    title = analysis.title
    duplicateOf = analysis.duplicate?.of
  }

  /// The demand recorded in one line of `joblens classify` JSONL output; nil for an error
  /// record.
  /// - Throws: a message naming the field that is missing or of the wrong type.
  public init?(json value: JSONValue) throws(CoverageInputError) {
    if value["error"] != nil { return nil }
    func string(_ value: JSONValue?, _ field: String) throws(CoverageInputError) -> String {
      guard case .string(let text)? = value else { throw CoverageInputError(field: field) }
      return text
    }
    func array(_ value: JSONValue?, _ field: String) throws(CoverageInputError) -> [JSONValue] {
      guard case .array(let items)? = value else { throw CoverageInputError(field: field) }
      return items
    }
    id = try string(value["id"], "id")
    var skills: [Skill] = []
    for skill in try array(value["skills"], "skills") {
      let evidence = try array(skill["evidence"], "skills[].evidence")
      skills.append(
        Skill(
          uri: try string(skill["uri"], "skills[].uri"),
          label: try string(skill["label"], "skills[].label"),
          // Outputs before 0.2 named these in camelCase.
          group: try string(skill["skill_group"] ?? skill["group"], "skills[].skill_group"),
          groupLabel: try string(
            skill["skill_group_label"] ?? skill["groupLabel"], "skills[].skill_group_label"),
          evidence: evidence.first.flatMap { $0["text"]?.stringValue } ?? ""))
    }
    self.skills = skills
    var phrases: [String] = []
    var mix: [Share] = []
    for share in try array(value["mix"]?["shares"], "mix.shares") {
      guard case .number(let fraction)? = share["share"] else {
        throw CoverageInputError(field: "mix.shares[].share")
      }
      mix.append(
        Share(
          isco: try string(share["isco"], "mix.shares[].isco"),
          label: try string(share["label"], "mix.shares[].label"), share: fraction.value))
      for phrase in try array(share["phrases"], "mix.shares[].phrases") {
        phrases.append(try string(phrase["text"], "mix.shares[].phrases[].text"))
      }
    }
    self.phrases = phrases
    self.mix = mix
    isco = value["isco"]?["code"]?.stringValue
    title = value["title"]?.stringValue ?? ""
    duplicateOf = value["duplicate"]?["of"]?.stringValue
  }
}

/// A `classify` output line without a field coverage needs.
public struct CoverageInputError: Error, Equatable, CustomStringConvertible {
  /// The missing or mistyped field.
  public var field: String
  public var description: String { "field '\(field)' is missing or has the wrong type" }
}
