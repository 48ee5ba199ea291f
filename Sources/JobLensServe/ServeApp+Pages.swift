import JobLensAnalysis
import JobLensBatch
import JobLensCore
import JobLensCoverage
import JobLensIndex
import JobLensInput
import JobLensRender

/// The app's own routes: uploads, the report with the person's edits, comparisons, look-ups
/// and downloads.
extension ServeApp {
  /// What the script sends for a report: a corpus, a curriculum and exclusions.
  struct Measurement {
    var corpus: Corpus
    var curriculum: Curriculum
    var options: CoverageOptions
  }

  func measurement(_ value: JSONValue?) async throws -> Measurement {
    guard let value, case .object = value else {
      throw ServeError.badRequest("expected an object with 'corpus' and 'curriculum'")
    }
    let corpus = try await corpus(value["corpus"]?.textValue)
    let curriculum =
      value["curriculum"] == nil || value["curriculum"] == .null
      ? defaultCurriculum : try CurriculumJSON.read(value["curriculum"], index: index)
    var options = CoverageOptions()
    options.excludedSkills = Set(try texts(value["excludedSkills"], "excludedSkills"))
    options.excludedPostings = Set(try texts(value["excludedPostings"], "excludedPostings"))
    return Measurement(corpus: corpus, curriculum: curriculum, options: options)
  }

  func report(_ measurement: Measurement) async throws -> CoverageReport {
    let index = self.index
    return try await pool.run { _ in
      try Self.report(
        corpus: measurement.corpus, curriculum: measurement.curriculum,
        options: measurement.options, index: index)
    }
  }

  /// `POST /app/corpus?name=…&format=…`: the body is the uploaded file (or pasted text).
  func uploadCorpus(_ request: ServeRequest) async throws -> ServeResponse {
    guard !request.body.isEmpty else { throw ServeError.badRequest("the upload is empty") }
    let name = Self.uploadName(request.query["name"], fallback: "upload")
    let format = try UploadFormat.of(
      name: name, query: request.query["format"], bytes: request.body)
    let corpus = try await Self.read(
      request.body, format: format, name: name, index: index, limits: limits, jobs: jobs, pool: pool
    )
    guard !corpus.demands.isEmpty else {
      let first = corpus.failures.first.map { ": \($0.source): \($0.message)" } ?? ""
      throw ServeError(status: 422, message: "no posting in \(name) could be read\(first)")
    }
    await store.add(corpus)
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("corpus", corpus.id)
    writer.field("name", corpus.name)
    writer.field("postings", corpus.demands.count)
    writer.field("failed", corpus.failures.count)
    writer.field("duplicates", corpus.duplicates)
    writer.key("errors")
    CurriculumJSON.strings(
      corpus.failures.prefix(20).map { "\($0.source): \($0.message)" }, to: &writer)
    writer.key("skipped")
    CurriculumJSON.strings(Array(corpus.skipped.prefix(20)), to: &writer)
    writer.endObject()
    return .json(writer.text)
  }

  /// `POST /app/curriculum?name=…&format=yaml|csv`: the body is a curriculum file.
  func uploadCurriculum(_ request: ServeRequest) throws -> ServeResponse {
    guard !request.body.isEmpty else { throw ServeError.badRequest("the upload is empty") }
    let name = Self.uploadName(request.query["name"], fallback: "curriculum")
    let lower = name.lowercased()
    let format =
      request.query["format"].flatMap { $0.isEmpty || $0 == "auto" ? nil : $0.lowercased() }
      ?? (lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") ? "csv" : "yaml")
    let curriculum: Curriculum
    switch format {
    case "yaml", "yml":
      curriculum = try CurriculumJSON.parse(
        String(decoding: request.body, as: UTF8.self), name: name, index: index)
    case "csv", "tsv":
      var stem = name
      if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
      do {
        curriculum = try Curriculum.parseCSV(
          request.body, file: name, id: Curriculum.slug(stem), title: stem, index: index)
      } catch {
        throw CurriculumJSON.invalid(error, name: name)
      }
    default: throw ServeError.badRequest("unknown curriculum format '\(format)' (yaml or csv)")
    }
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("curriculum")
    CurriculumJSON.write(curriculum, index: index, to: &writer)
    writer.endObject()
    return .json(writer.text)
  }

  /// `POST /app/report`: the report's HTML (with the app's buttons) and its headline figures.
  func appReport(_ request: ServeRequest) async throws -> ServeResponse {
    let measurement = try await measurement(try Self.json(request))
    let report = try await report(measurement)
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("html", CoverageHTML.page(report, options: [.fragment, .interactive]))
    writer.field("headline", CoverageHTML.headline(report))
    writer.field("coverage", report.skillCoverage)
    writer.field("postings", report.postings)
    writer.field("duplicates", report.duplicates)
    writer.field("failed", report.failed)
    writer.endObject()
    return .json(writer.text)
  }

  /// `POST /app/compare` `{"left": …, "right": …}` (each as for a report).
  func compare(_ request: ServeRequest) async throws -> ServeResponse {
    let body = try Self.json(request)
    var left = try await measurement(body["left"])
    var right = try await measurement(body["right"])
    left.options.topSkillLimit = 60
    right.options.topSkillLimit = 60
    let leftReport = try await report(left)
    let rightReport = try await report(right)
    var writer = JSONWriter()
    writer.beginObject()
    writer.field(
      "html",
      CompareHTML.render(
        left: leftReport, right: rightReport,
        leftName: left.corpus.name + " × " + left.curriculum.title,
        rightName: right.corpus.name + " × " + right.curriculum.title))
    writer.endObject()
    return .json(writer.text)
  }

  /// `POST /app/suggest` `{"curriculum": …, "item": id}`: the item's skills (listed or matched
  /// automatically) and ESCO skills suggested for it.
  func suggest(_ request: ServeRequest) async throws -> ServeResponse {
    let body = try Self.json(request)
    let curriculum = try CurriculumJSON.read(body["curriculum"], index: index)
    guard let id = body["item"]?.textValue,
      let item = curriculum.items.first(where: { $0.id == id })
    else { throw ServeError.notFound("no such item in the curriculum") }
    let index = self.index
    let suggestions = try await pool.run { _ in
      try CurriculumMapper(index: index).suggestions(for: item, limit: 10)
    }
    let automatic = item.skills.isEmpty
    let current =
      automatic ? suggestions.prefix(CoverageOptions().automaticSkills).map(\.uri) : item.skills
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("item", item.id)
    writer.field("title", item.title)
    writer.field("automatic", automatic)
    writer.key("skills")
    writer.beginArray()
    for uri in current {
      writer.beginObject()
      writer.field("uri", uri)
      writer.field("label", CurriculumJSON.label(uri, index: index))
      writer.endObject()
    }
    writer.endArray()
    writer.key("suggestions")
    writer.beginArray()
    for suggestion in suggestions where !current.contains(suggestion.uri) {
      writer.beginObject()
      writer.field("uri", suggestion.uri)
      writer.field("label", suggestion.label)
      writer.field("score", suggestion.score)
      writer.endObject()
    }
    writer.endArray()
    writer.key("phrases")
    CurriculumJSON.strings(item.phrases, to: &writer)
    writer.endObject()
    return .json(writer.text)
  }

  /// `POST /app/export?format=yaml|csv` with a curriculum: the file to download.
  func export(_ request: ServeRequest) throws -> ServeResponse {
    let body = try Self.json(request)
    let curriculum = try CurriculumJSON.read(body["curriculum"] ?? body, index: index)
    let index = self.index
    let labels: (String) -> String? = { CurriculumJSON.label($0, index: index) }
    switch request.query["format"] ?? "yaml" {
    case "yaml":
      return .download(
        curriculum.yaml(labels: labels), name: "\(curriculum.id).yaml", type: "application/yaml")
    case "csv":
      return .download(
        curriculum.csv(labels: labels), name: "\(curriculum.id).csv", type: "text/csv")
    default: throw ServeError.badRequest("format must be yaml or csv")
    }
  }

  /// `POST /app/table?format=csv|json|md` (as for a report): every table of the report.
  func table(_ request: ServeRequest) async throws -> ServeResponse {
    let measurement = try await measurement(try Self.json(request))
    let report = try await report(measurement)
    switch request.query["format"] ?? "csv" {
    case "csv":
      return .download(
        CoverageRendering.render(report, format: .csv), name: "coverage.csv", type: "text/csv")
    case "json":
      return .download(
        CoverageRendering.render(report, format: .json), name: "coverage.json",
        type: "application/json")
    case "md":
      return .download(
        CoverageRendering.render(report, format: .md), name: "coverage.md", type: "text/markdown")
    case "html":
      return .download(CoverageHTML.page(report), name: "coverage.html", type: "text/html")
    default: throw ServeError.badRequest("format must be csv, json, md or html")
    }
  }

  /// `GET /app/postings?corpus=…&ids=a b c`: titles and skills of postings.
  func postings(_ request: ServeRequest) async throws -> ServeResponse {
    let corpus = try await corpus(request.query["corpus"])
    let ids = (request.query["ids"] ?? "").split(separator: " ").prefix(limits.listEntries).map(
      String.init)
    let demands = Dictionary(
      corpus.demands.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var writer = JSONWriter()
    writer.beginArray()
    for id in ids {
      guard let demand = demands[id] else { continue }
      writer.beginObject()
      writer.field("id", id)
      writer.field("title", demand.title)
      writer.field("isco", demand.isco)
      writer.key("skills")
      CurriculumJSON.strings(demand.skills.prefix(8).map(\.label), to: &writer)
      writer.endObject()
    }
    writer.endArray()
    return .json(writer.text)
  }

  /// `GET /app/explain?corpus=…&id=…`: one posting's analysis with its text marked, as HTML.
  func explain(_ request: ServeRequest) async throws -> ServeResponse {
    let corpus = try await corpus(request.query["corpus"])
    guard let id = request.query["id"], let posting = corpus.posting(id) else {
      throw ServeError.notFound("no such posting in the corpus")
    }
    let analysis = try await pool.run { analyzer in BatchRunner.analyze(posting, with: analyzer) }
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("html", ExplainHTML.render(analysis, posting: posting))
    writer.endObject()
    return .json(writer.text)
  }

  /// An upload's name for people and ids: its last path component, without control characters,
  /// at most 100 characters (it is never used as a path).
  static func uploadName(_ name: String?, fallback: String) -> String {
    let last =
      (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(
      last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)
    )
    .trimmed
    return clean.isEmpty ? fallback : clean.clipped(to: 100)
  }
}
