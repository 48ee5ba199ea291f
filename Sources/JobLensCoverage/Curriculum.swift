import Foundation
import JobLensCore
public import JobLensIndex
import JobLensInput
internal import Yams

/// A training curriculum: areas of items, each item mapped to the ESCO skills it teaches.
/// The file format (YAML) is described in the README and in
/// `Data/curricula/curriculum.schema.json`.
public struct Curriculum: Sendable, Equatable {
  /// Identifier (a-z, 0-9, '.', '-', '_').
  public var id: String
  /// Name for people.
  public var title: String
  /// The curriculum's own version.
  public var version: String
  /// ISO 639-1 code of the curriculum's language.
  public var language: String
  /// Where the curriculum comes from (free text).
  public var source: String?
  /// The areas, in file order.
  public var areas: [CurriculumArea]
  /// SHA-256 of the file's content (for run manifests).
  public var checksum = ""

  /// All items, area by area.
  public var items: [CurriculumItem] { areas.flatMap(\.items) }
}

/// One area of a curriculum.
public struct CurriculumArea: Sendable, Equatable {
  /// Identifier, unique in the file.
  public var id: String
  /// Name for people.
  public var title: String
  /// What the area is about (optional).
  public var description: String?
  /// The items, in file order.
  public var items: [CurriculumItem]
  /// Line of the area in its file.
  public var line: Int
}

/// One item of a curriculum: what is taught, and the ESCO skills and phrases it stands for.
public struct CurriculumItem: Sendable, Equatable {
  /// Identifier, unique in the file.
  public var id: String
  /// Name for people.
  public var title: String
  /// What is taught.
  public var description: String
  /// ESCO skill URIs chosen for the item.
  public var skills: [String]
  /// Task phrases as postings word them, for what ESCO lacks.
  public var phrases: [String]
  /// Relative importance (default 1).
  public var weight: Double
  /// The id of the area the item belongs to.
  public var area: String
  /// Line of the item in its file.
  public var line: Int
  /// Lines of the entries of `skills`, for messages.
  public var skillLines: [Int]
  /// Columns of the entries of `skills`, for messages.
  public var skillColumns: [Int]
}

/// A problem in a curriculum file, with its place.
public struct CurriculumProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column (in Unicode scalars).
  public var column: Int
  /// What is wrong, in lower case.
  public var message: String

  public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// All the problems found in a curriculum file (it is not used when there is any).
public struct CurriculumErrors: Error, Sendable, Equatable, CustomStringConvertible {
  /// The problems, in file order of discovery.
  public var problems: [CurriculumProblem]
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Curriculum {
  /// Reads and validates a curriculum file; with an index, explicit skill URIs are checked
  /// against it.
  /// - Throws: ``CurriculumErrors`` listing every problem with file, line and column, or
  ///   ``InputError`` when the file cannot be read.
  public static func load(path: String, index: ConceptIndex? = nil) throws -> Curriculum {
    let bytes = try ByteStream(path: path).readAll()
    var curriculum = try parse(String(decoding: bytes, as: UTF8.self), file: path, index: index)
    curriculum.checksum = SHA256.hex(bytes)
    return curriculum
  }

  /// Parses and validates curriculum YAML (see ``load(path:index:)``).
  public static func parse(
    _ yaml: String, file: String, index: ConceptIndex? = nil
  ) throws
    -> Curriculum
  {
    var reader = CurriculumReader(file: file)
    let node: Node?
    let parser: Parser
    do {
      if let alias = try CurriculumReader.firstAlias(yaml) {
        throw CurriculumErrors(problems: [
          CurriculumProblem(
            file: file, line: alias.line, column: alias.column,
            message: "anchors and aliases are not allowed in a curriculum (found \(alias.name)): "
              + "write each value out")
        ])
      }
      parser = try Parser(yaml: yaml)
      node = try parser.singleRoot()
    } catch let error as YamlError {
      throw CurriculumErrors(problems: [reader.problem(error)])
    }
    guard let node else {
      throw CurriculumErrors(problems: [
        CurriculumProblem(file: file, line: 1, column: 1, message: "the file is empty")
      ])
    }
    // Nodes know their anchors only while the parser that made them lives.
    if let anchored = withExtendedLifetime(parser, { CurriculumReader.firstAnchored(node) }) {
      throw CurriculumErrors(problems: [
        CurriculumProblem(
          file: file, line: anchored.mark?.line ?? 1, column: anchored.mark?.column ?? 1,
          message: "anchors and aliases are not allowed in a curriculum (found "
            + "&\(anchored.anchor?.rawValue ?? "")): write each value out")
      ])
    }
    let curriculum = reader.curriculum(node)
    if let index, let curriculum { reader.checkSkills(curriculum, index: index) }
    guard reader.problems.isEmpty, var curriculum else {
      throw CurriculumErrors(problems: reader.problems)
    }
    curriculum.checksum = SHA256.hex(yaml.utf8)
    return curriculum
  }
}

/// Walks the YAML tree, collecting problems instead of stopping at the first.
struct CurriculumReader {
  let file: String
  var problems: [CurriculumProblem] = []
  var seenIDs: [String: Int] = [:]

  init(file: String) { self.file = file }

  mutating func report(_ node: Node?, _ message: String) {
    problems.append(
      CurriculumProblem(
        file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1,
        message: message))
  }

  /// The first alias of a YAML text, found without expanding any: Yams expands aliases while
  /// composing and hashes mapping keys, so aliased keys nested a few levels deep take
  /// exponential time. Every possible anchor (`&name` after a space, a flow indicator or the
  /// start) is blanked out of a copy; composing the copy then stops at the first real alias,
  /// which names an anchor that is no longer there.
  static func firstAlias(_ yaml: String) throws -> (name: String, line: Int, column: Int)? {
    var scalars = Array(yaml.unicodeScalars)
    var blanked = false
    var index = 0
    let separators: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "[", "{", ",", ":"]
    // Quotes too: text such as "Q &A" must keep its closing quote.
    let ends: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "[", "]", "{", "}", ",", "\"", "'"]
    while index < scalars.count {
      if scalars[index] == "&", index + 1 < scalars.count, !ends.contains(scalars[index + 1]),
        index == 0 || separators.contains(scalars[index - 1])
      {
        while index < scalars.count && !ends.contains(scalars[index]) {
          scalars[index] = " "
          index += 1
        }
        blanked = true
        continue
      }
      index += 1
    }
    guard blanked else { return nil }
    var copy = String.UnicodeScalarView()
    copy.append(contentsOf: scalars)
    do {
      _ = try Parser(yaml: String(copy)).singleRoot()
    } catch YamlError.composer(_, let problem, let mark, _) where problem == "found undefined alias"
    {
      let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
      let line = mark.line <= lines.count ? lines[mark.line - 1] : ""
      let name = line.unicodeScalars.dropFirst(mark.column - 1).prefix { !ends.contains($0) }
      return (String(String.UnicodeScalarView(name)), mark.line, mark.column)
    }
    return nil
  }

  /// The first node with an anchor, in file order. Every alias repeats a node anchored before
  /// it, so the search stops before any alias is expanded: a small file whose aliases expand
  /// to gigabytes ("billion laughs") costs no more than its size.
  static func firstAnchored(_ node: Node) -> Node? {
    var pending = [node]
    while let next = pending.popLast() {
      if next.anchor != nil { return next }
      switch next {
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() { pending += [value, key] }
      case .sequence(let sequence): pending += sequence.reversed()
      default: break
      }
    }
    return nil
  }

  func problem(_ error: YamlError) -> CurriculumProblem {
    let (problem, mark): (String, Mark?) =
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        (problem, mark)
      case .duplicatedKeysInMapping(let duplicates, let context):
        ("duplicate keys: \(duplicates.joined(separator: ", "))", context.mark)
      case .reader(let problem, _, _, _): (problem, nil)
      default: ("\(error)", nil)
      }
    return CurriculumProblem(
      file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
      message: "invalid YAML: \(problem)")
  }

  /// The fields of a mapping by key, reporting unknown keys and a node that is no mapping.
  mutating func mapping(_ node: Node, _ what: String, allowed: [String]) -> [String: Node]? {
    guard case .mapping(let mapping) = node else {
      report(node, "\(what) must be a mapping of keys to values")
      return nil
    }
    var fields: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.string else {
        report(key, "\(what) has a key that is not text")
        continue
      }
      if !allowed.contains(name) {
        report(key, "unknown key '\(name)' in \(what) (known: \(allowed.joined(separator: ", ")))")
      }
      fields[name] = value
    }
    return fields
  }

  /// A required or optional text field.
  mutating func text(
    _ fields: [String: Node], _ key: String, in what: String, parent: Node, required: Bool = true
  ) -> String? {
    guard let node = fields[key] else {
      if required { report(parent, "\(what) has no '\(key)'") }
      return nil
    }
    guard case .scalar(let scalar) = node, !scalar.string.trimmed.isEmpty else {
      report(node, "'\(key)' of \(what) must be non-empty text")
      return nil
    }
    return scalar.string.trimmed
  }

  /// A list of texts, with the line and column of each entry.
  mutating func texts(
    _ fields: [String: Node], _ key: String, in what: String
  ) -> [(
    String, Int, Int
  )] {
    guard let node = fields[key] else { return [] }
    guard case .sequence(let sequence) = node else {
      report(node, "'\(key)' of \(what) must be a list")
      return []
    }
    var values: [(String, Int, Int)] = []
    for entry in sequence {
      guard case .scalar(let scalar) = entry, !scalar.string.trimmed.isEmpty else {
        report(entry, "entries of '\(key)' in \(what) must be non-empty text")
        continue
      }
      values.append((scalar.string.trimmed, entry.mark?.line ?? 1, entry.mark?.column ?? 1))
    }
    return values
  }

  mutating func identifier(_ fields: [String: Node], in what: String, parent: Node) -> String? {
    guard let id = text(fields, "id", in: what, parent: parent) else { return nil }
    let allowed = id.utf8.allSatisfy {
      ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D
        || $0 == 0x5F
    }
    if !allowed { report(fields["id"], "id '\(id)' may only hold a-z, 0-9, '.', '-' and '_'") }
    if let first = seenIDs[id] {
      report(fields["id"], "duplicate id '\(id)' (first used on line \(first))")
    } else {
      seenIDs[id] = fields["id"]?.mark?.line ?? 1
    }
    return id
  }

  mutating func curriculum(_ node: Node) -> Curriculum? {
    guard
      let fields = mapping(
        node, "the curriculum", allowed: ["id", "title", "version", "language", "source", "areas"])
    else { return nil }
    let id = identifier(fields, in: "the curriculum", parent: node)
    let title = text(fields, "title", in: "the curriculum", parent: node)
    let version = text(fields, "version", in: "the curriculum", parent: node)
    let language = text(fields, "language", in: "the curriculum", parent: node)
    if let language, language.count != 2 || !language.allSatisfy(\.isLowercase) {
      report(fields["language"], "language must be an ISO 639-1 code such as 'en'")
    }
    let source = text(fields, "source", in: "the curriculum", parent: node, required: false)
    var areas: [CurriculumArea] = []
    if let list = fields["areas"] {
      if case .sequence(let sequence) = list, !sequence.isEmpty {
        areas = sequence.compactMap { area($0) }
      } else {
        report(list, "'areas' must be a non-empty list")
      }
    } else {
      report(node, "the curriculum has no 'areas'")
    }
    guard let id, let title, let version, let language else { return nil }
    return Curriculum(
      id: id, title: title, version: version, language: language, source: source, areas: areas)
  }

  mutating func area(_ node: Node) -> CurriculumArea? {
    guard
      let fields = mapping(node, "an area", allowed: ["id", "title", "description", "items"])
    else { return nil }
    let id = identifier(fields, in: "an area", parent: node)
    let what = "area '\(id ?? "?")'"
    let title = text(fields, "title", in: what, parent: node)
    let description = text(fields, "description", in: what, parent: node, required: false)
    var items: [CurriculumItem] = []
    if let list = fields["items"] {
      if case .sequence(let sequence) = list, !sequence.isEmpty {
        items = sequence.compactMap { item($0, area: id ?? "") }
      } else {
        report(list, "\(what) is empty: 'items' must be a non-empty list")
      }
    } else {
      report(node, "\(what) has no 'items'")
    }
    guard let id, let title else { return nil }
    return CurriculumArea(
      id: id, title: title, description: description, items: items, line: node.mark?.line ?? 1)
  }

  mutating func item(_ node: Node, area: String) -> CurriculumItem? {
    guard
      let fields = mapping(
        node, "an item",
        allowed: ["id", "title", "description", "skills", "phrases", "weight"])
    else { return nil }
    let id = identifier(fields, in: "an item", parent: node)
    let what = "item '\(id ?? "?")'"
    let title = text(fields, "title", in: what, parent: node)
    let description = text(fields, "description", in: what, parent: node)
    let skills = texts(fields, "skills", in: what)
    for (uri, line, column) in skills where !uri.hasPrefix("http://data.europa.eu/esco/skill/") {
      problems.append(
        CurriculumProblem(
          file: file, line: line, column: column,
          message:
            "'\(uri)' in \(what) is not an ESCO skill URI (http://data.europa.eu/esco/skill/…)"))
    }
    let phrases = texts(fields, "phrases", in: what).map(\.0)
    var weight = 1.0
    if let node = fields["weight"] {
      if let value = node.float, value > 0, value.isFinite {
        weight = value
      } else {
        report(node, "'weight' of \(what) must be a number above 0")
      }
    }
    guard let id, let title, let description else { return nil }
    return CurriculumItem(
      id: id, title: title, description: description, skills: skills.map(\.0), phrases: phrases,
      weight: weight, area: area, line: node.mark?.line ?? 1, skillLines: skills.map(\.1),
      skillColumns: skills.map(\.2))
  }

  /// Reports explicit URIs the index does not know, and a language the index is not in.
  mutating func checkSkills(_ curriculum: Curriculum, index: ConceptIndex) {
    if curriculum.language != index.metadata.language {
      problems.append(
        CurriculumProblem(
          file: file, line: 1, column: 1,
          message:
            "the curriculum is in '\(curriculum.language)' but the index in "
            + "'\(index.metadata.language)': build an index from ESCO in that language"))
    }
    for item in curriculum.items {
      for (position, uri) in item.skills.enumerated()
      where uri.hasPrefix("http://data.europa.eu/esco/skill/") {
        if let concept = index.concept(uriOrCode: uri), concept.kind == .skill { continue }
        problems.append(
          CurriculumProblem(
            file: file, line: item.skillLines[position], column: item.skillColumns[position],
            message:
              "unknown ESCO skill '\(uri)' in item '\(item.id)' (not in ESCO \(index.metadata.taxonomyVersion))"
          ))
      }
    }
  }
}
