import JobLensCore

/// The judgement of one real posting (a line of `postings_dev.jsonl`; see
/// `../shared/eval/README.md`): its acceptable codes, the demands it makes and the skills judged.
public struct PostingGold: Sendable, Equatable {
  /// Acceptable 4-digit ISCO-08 codes, best first (empty for junk or major-group-only gold).
  public var codes: [String]
  /// Acceptable 1-digit major groups.
  public var majors: [String]
  /// What the posting asks of the worker: for each demand, the ESCO skill URIs that express it
  /// (empty where ESCO has none); nil when the line has no `demands`, which leaves the posting
  /// out of the skill figures.
  public var demands: [[String]]?
  /// Skills judged by reading the posting: URI → 1, 0.5 or 0; nil when the line has no `judged`
  /// (every skill no demand names is then unjudged).
  public var judged: [String: Double]?

  /// A judgement from its parts.
  public init(
    codes: [String], majors: [String] = [], demands: [[String]]? = nil,
    judged: [String: Double]? = nil
  ) {
    self.codes = codes
    self.majors = majors
    self.demands = demands
    self.judged = judged
  }

  /// Whether the posting counts in the occupation figures (it has a code or a major group).
  public var hasOccupation: Bool { !codes.isEmpty || !majors.isEmpty }

  /// The ISCO levels it is scored at: 4 with unit groups, 1 with major groups only.
  public var depth: Int { codes.isEmpty ? 1 : 4 }
}

/// A field of a gold line with the wrong shape: the field's name and what is wrong with it
/// (the evaluator reports it after the file and line, and skips the line).
struct GoldFieldProblem: Error, Equatable, CustomStringConvertible {
  /// The field ("gold_isco", "demands", …).
  var field: String
  /// What is wrong ("is string, expected an array").
  var problem: String

  var description: String { "field '\(field)' \(problem)" }
}

extension PostingGold {
  /// The judgement on one parsed gold line. Absent or null `gold_isco` and `gold_major` are
  /// empty, as `score_postings.py` reads them.
  ///
  /// - Throws: ``GoldFieldProblem`` naming the first field of the wrong shape.
  init(line value: JSONValue) throws(GoldFieldProblem) {
    codes = try Self.strings(value, "gold_isco")
    majors = try Self.strings(value, "gold_major")
    demands = try Self.demands(value)
    judged = try Self.judged(value)
  }

  /// An optional array of strings (absent or null: empty).
  private static func strings(
    _ value: JSONValue, _ field: String
  ) throws(GoldFieldProblem)
    -> [String]
  {
    guard let raw = value[field], raw != .null else { return [] }
    guard case .array(let items) = raw else {
      throw GoldFieldProblem(field: field, problem: "is \(raw.typeName), expected an array")
    }
    return try items.enumerated().map { (offset, item) throws(GoldFieldProblem) in
      guard let text = item.stringValue else {
        throw GoldFieldProblem(
          field: field, problem: "item \(offset + 1) is \(item.typeName), expected a string")
      }
      return text
    }
  }

  /// `demands`: an array of objects, each with an optional array of skill URIs.
  private static func demands(_ value: JSONValue) throws(GoldFieldProblem) -> [[String]]? {
    guard let raw = value["demands"], raw != .null else { return nil }
    guard case .array(let items) = raw else {
      throw GoldFieldProblem(field: "demands", problem: "is \(raw.typeName), expected an array")
    }
    return try items.enumerated().map { (offset, item) throws(GoldFieldProblem) in
      guard case .object = item else {
        throw GoldFieldProblem(
          field: "demands",
          problem: "item \(offset + 1) is \(item.typeName), expected an object")
      }
      do throws(GoldFieldProblem) {
        return try strings(item, "skills")
      } catch {
        throw GoldFieldProblem(
          field: "demands", problem: "item \(offset + 1): '\(error.field)' \(error.problem)")
      }
    }
  }

  /// `judged`: an object of skill URI → 1, 0.5 or 0 (the last of a repeated URI wins).
  private static func judged(_ value: JSONValue) throws(GoldFieldProblem) -> [String: Double]? {
    guard let raw = value["judged"], raw != .null else { return nil }
    guard case .object(let members) = raw else {
      throw GoldFieldProblem(field: "judged", problem: "is \(raw.typeName), expected an object")
    }
    var judged: [String: Double] = [:]
    for (uri, mark) in members {
      guard case .number(let credit) = mark, [0, 0.5, 1].contains(credit) else {
        let found = mark.textValue ?? mark.typeName
        throw GoldFieldProblem(
          field: "judged", problem: "'\(uri)' is \(found), expected 1, 0.5 or 0")
      }
      judged[uri] = credit.value
    }
    return judged
  }
}
