import JobLensAnalysis
import JobLensBatch
import JobLensCore
import JobLensCoverage
import JobLensInput
import JobLensRender

/// The JSON API for other programs: arrays in, arrays out, one result per posting in order
/// (an analysis or an error record: nothing is dropped). See ``OpenAPIDocument``.
extension ServeApp {
  /// The postings of a request: `[…]` or `{"postings": […]}`, each `{"id", "title", "text"}`
  /// (or a bare string of text); a malformed entry is an error record, not a failed request.
  func postingRecords(_ body: JSONValue, limit: Int) throws(ServeError) -> [InputRecord] {
    let entries: [JSONValue]
    switch body {
    case .array(let list): entries = list
    case .object:
      guard case .array(let list)? = body["postings"] else {
        throw .badRequest("expected a list of postings, or an object with 'postings'")
      }
      entries = list
    default: throw .badRequest("expected a list of postings, or an object with 'postings'")
    }
    guard entries.count <= limit else {
      throw ServeError(
        status: 413,
        message: "the request holds \(entries.count) postings; the limit is \(limit) per request")
    }
    var records: [InputRecord] = []
    for (position, entry) in entries.enumerated() {
      let number = position + 1
      let source = "request:\(number)"
      if case .string(let text) = entry {
        records.append(.posting(Posting(id: String(number), title: "", text: text, source: source)))
        continue
      }
      guard case .object = entry else {
        records.append(
          .failure(
            id: nil, source: source,
            message: "a posting must be an object or a text, not \(entry.typeName)"))
        continue
      }
      let id = entry["id"]?.textValue ?? String(number)
      let title = entry["title"]
      let text = entry["text"] ?? entry["description"] ?? entry["body"] ?? entry["content"]
      if let title, title != .null, title.stringValue == nil {
        records.append(
          .failure(
            id: id, source: source, message: "field 'title' must be a string, not \(title.typeName)"
          ))
        continue
      }
      if let text, text != .null, text.stringValue == nil {
        records.append(
          .failure(
            id: id, source: source, message: "field 'text' must be a string, not \(text.typeName)"))
        continue
      }
      let titleText = title?.stringValue ?? ""
      let bodyText = text?.stringValue ?? ""
      if titleText.isEmpty && bodyText.isEmpty {
        records.append(
          .failure(id: id, source: source, message: "the posting has neither title nor text"))
        continue
      }
      records.append(.posting(Posting(id: id, title: titleText, text: bodyText, source: source)))
    }
    return records
  }

  /// `POST /api/classify`: one analysis (as `joblens classify` writes it) or error record per
  /// posting, in order.
  func classify(_ request: ServeRequest) async throws -> ServeResponse {
    let records = try postingRecords(try Self.json(request), limit: limits.apiPostings)
    let lines = try await pool.run { analyzer in
      records.map { record -> String in
        switch record {
        case .posting(let posting):
          AnalysisJSON.line(BatchRunner.analyze(posting, with: analyzer))
        case .failure(let id, let source, let message):
          AnalysisJSON.errorLine(id: id, error: message, source: source)
        }
      }
    }
    return .json(Self.array(lines))
  }

  /// `POST /api/skills`: per text, `{"id", "skills": […]}` as `joblens skills --format json`.
  func skills(_ request: ServeRequest) async throws -> ServeResponse {
    let records = try postingRecords(try Self.json(request), limit: limits.apiPostings)
    let lines = try await pool.run { analyzer in
      records.map { record -> String in
        switch record {
        case .posting(let posting):
          let analysis = analyzer.analyze(posting)
          var writer = JSONWriter()
          writer.beginObject()
          writer.field("id", posting.id)
          writer.endObject()
          // The skills as `joblens skills` writes them, one object each.
          let skills = analysis.skills.map { AnalysisJSON.skillLine($0).dropLast() }
          return String(writer.text.dropLast()) + ",\"skills\":[" + skills.joined(separator: ",")
            + "]}"
        case .failure(let id, let source, let message):
          return AnalysisJSON.errorLine(id: id, error: message, source: source)
        }
      }
    }
    return .json(Self.array(lines))
  }

  /// `POST /api/coverage`: `{"postings": […], "curriculum": YAML text or object,
  /// "excludedSkills": […], "excludedPostings": […]}` → the coverage report as
  /// `joblens coverage --format json` writes it. Without `curriculum`, the default one.
  func coverage(_ request: ServeRequest) async throws -> ServeResponse {
    let body = try Self.json(request)
    guard case .object = body else {
      throw ServeError.badRequest("expected an object with 'postings'")
    }
    let records = try postingRecords(body, limit: limits.postings)
    let curriculum: Curriculum
    switch body["curriculum"] {
    case nil, .null?: curriculum = defaultCurriculum
    case .string(let yaml)?:
      curriculum = try CurriculumJSON.parse(yaml, name: "curriculum", index: index)
    case let value?: curriculum = try CurriculumJSON.read(value, index: index)
    }
    var options = CoverageOptions()
    options.excludedSkills = Set(try texts(body["excludedSkills"], "excludedSkills"))
    options.excludedPostings = Set(try texts(body["excludedPostings"], "excludedPostings"))
    let index = self.index
    let chosen = options
    let report = try await pool.run { analyzer in
      let coverage = try CoverageAnalysis(curriculum: curriculum, index: index, options: chosen)
      for record in records {
        switch record {
        case .posting(let posting): coverage.add(PostingDemand(analyzer.analyze(posting)))
        case .failure: coverage.addFailure()
        }
      }
      return coverage.report(
        manifest: RunManifest(index: index, options: chosen.manifestEntries).entries)
    }
    return .json(CoverageRendering.render(report, format: .json))
  }

  /// JSON objects, one per line of `lines` (each ending in a newline), as one array.
  static func array(_ lines: [String]) -> String {
    "[" + lines.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: ",\n")
      + "]\n"
  }
}
