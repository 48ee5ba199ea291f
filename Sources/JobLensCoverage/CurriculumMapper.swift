public import JobLensIndex

/// Suggests ESCO skills for curriculum items, from their title, description and phrases.
///
/// Each text is searched in the index (skills only; see ``ConceptSearcher/search(_:kinds:limit:)``);
/// a skill's score is its best score plus a quarter of its scores for the item's other texts,
/// so that a skill several texts point to ranks above one matched once.
public final class CurriculumMapper {
  /// One suggested skill.
  public struct Suggestion: Sendable, Equatable {
    /// The skill's ESCO URI.
    public var uri: String
    /// Its preferred label.
    public var label: String
    /// Top-level group code (S1…, K…).
    public var group: String
    /// Best search score plus a quarter of the other texts' scores.
    public var score: Double
    /// Whether the item already lists it.
    public var isListed: Bool
  }

  /// How much a skill's scores for an item's other texts count beside its best score.
  public static let otherTextsWeight = 0.25
  /// Search hits read per text, as a multiple of the suggestions wanted.
  static let hitsPerSuggestion = 3

  private let searcher: ConceptSearcher
  private let index: ConceptIndex

  /// A mapper over an index.
  public init(index: ConceptIndex) throws {
    self.index = index
    searcher = try ConceptSearcher(index: index)
  }

  /// Ranked suggestions for an item, best first.
  /// - Complexity: one index search per text of the item.
  public func suggestions(for item: CurriculumItem, limit: Int = 10) -> [Suggestion] {
    var scores: [Int: [Double]] = [:]
    for text in [item.title, item.description] + item.phrases {
      // Without overflowing for a huge limit.
      let hits = Self.hitsPerSuggestion * min(limit, Int.max / Self.hitsPerSuggestion)
      for hit in searcher.search(text, kinds: [.skill], limit: hits) {
        scores[hit.concept.index, default: []].append(Double(hit.score))
      }
    }
    let listed = Set(item.skills)
    let ranked = scores.map { skill, values -> (Int, Double) in
      let sorted = values.sorted(by: >)
      return (skill, sorted[0] + Self.otherTextsWeight * sorted.dropFirst().reduce(0, +))
    }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    return ranked.prefix(limit).map { skill, score in
      let uri = index.skillURI(skill)
      return Suggestion(
        uri: uri, label: index.skillLabel(skill), group: index.skillTopGroups(skill).first ?? "",
        score: score, isListed: listed.contains(uri))
    }
  }
}
