public import Foundation
import JobLensAnalysis
import JobLensBatch
import JobLensCore
public import JobLensCoverage
public import JobLensIndex
import JobLensInput
import JobLensRender

/// The web app for curriculum designers (`joblens serve`): every route as a function from a
/// ``ServeRequest`` to a ``ServeResponse``, with no state but the corpora it read (in memory,
/// bounded) and nothing read from or written to the file system after it starts.
///
/// Routes: `GET /` (the app with the default report), `/app.js`, `/app.css`,
/// `/api/openapi.json`; the JSON API `POST /api/classify`, `/api/skills`, `/api/coverage`; and
/// the app's own `POST /app/corpus`, `/app/curriculum`, `/app/report`, `/app/compare`,
/// `/app/suggest`, `/app/export`, `/app/table`, `GET /app/postings`, `/app/explain`.
public final class ServeApp: Sendable {
  /// The index every analysis uses.
  public let index: ConceptIndex
  /// The limits on requests.
  public let limits: ServeLimits
  let pool: AnalyzerPool
  let store: CorpusStore
  /// The curriculum shown first (the default VA curriculum).
  let defaultCurriculum: Curriculum
  /// The id of the corpus shown first (our sample postings).
  let sampleCorpusID: String
  /// The default report's page, rendered once at start.
  let homePage: String
  let jobs: Int

  /// Starts the app: reads and analyses the sample postings and renders the default report.
  /// - Parameters:
  ///   - samplePostings: the sample corpus's bytes (JSONL) and name.
  ///   - curriculum: the default curriculum.
  public init(
    index: ConceptIndex, curriculum: Curriculum, samplePostings: (bytes: [UInt8], name: String),
    limits: ServeLimits = ServeLimits(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  ) async throws {
    self.index = index
    self.limits = limits
    self.jobs = max(1, jobs)
    pool = AnalyzerPool(index: index, size: self.jobs)
    store = CorpusStore(limit: limits.corpora)
    defaultCurriculum = curriculum
    let sample = try await Self.read(
      samplePostings.bytes, format: .jsonl, name: samplePostings.name, index: index,
      limits: limits, jobs: self.jobs, pool: pool)
    await store.add(sample, pinned: true)
    sampleCorpusID = sample.id
    let report = try Self.report(
      corpus: sample, curriculum: curriculum, options: CoverageOptions(), index: index)
    var initial = JSONWriter()
    initial.beginObject()
    initial.field("corpus", sample.id)
    initial.field("corpusName", sample.name)
    initial.key("curriculum")
    CurriculumJSON.write(curriculum, index: index, to: &initial)
    initial.endObject()
    homePage = AppPage.render(report: report, initialState: initial.text)
  }

  // MARK: Routing

  /// Answers one request; errors become a JSON `{"error": …}` with their status, never a crash.
  public func handle(_ request: ServeRequest) async -> ServeResponse {
    do {
      return try await route(request)
    } catch let error as ServeError {
      return Self.errorResponse(error)
    } catch {
      return Self.errorResponse(ServeError(status: 500, message: "internal error: \(error)"))
    }
  }

  static func errorResponse(_ error: ServeError) -> ServeResponse {
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("error", error.message)
    if !error.problems.isEmpty {
      writer.key("problems")
      CurriculumJSON.strings(error.problems, to: &writer)
    }
    writer.endObject()
    return .json(writer.text, status: error.status)
  }

  private func route(_ request: ServeRequest) async throws -> ServeResponse {
    switch (request.method, request.path) {
    case ("GET", "/"), ("HEAD", "/"): return .html(homePage)
    case ("GET", "/app.js"):
      return ServeResponse(
        status: 200, contentType: "text/javascript; charset=utf-8",
        body: Array(AppScript.source.utf8))
    case ("GET", "/app.css"):
      return ServeResponse(
        status: 200, contentType: "text/css; charset=utf-8", body: Array(AppPage.style.utf8))
    case ("GET", "/api/openapi.json"): return .json(OpenAPIDocument.json)
    case ("POST", "/api/classify"): return try await classify(request)
    case ("POST", "/api/skills"): return try await skills(request)
    case ("POST", "/api/coverage"): return try await coverage(request)
    case ("POST", "/app/corpus"): return try await uploadCorpus(request)
    case ("POST", "/app/curriculum"): return try uploadCurriculum(request)
    case ("POST", "/app/report"): return try await appReport(request)
    case ("POST", "/app/compare"): return try await compare(request)
    case ("POST", "/app/suggest"): return try await suggest(request)
    case ("POST", "/app/export"): return try export(request)
    case ("POST", "/app/table"): return try await table(request)
    case ("GET", "/app/postings"): return try await postings(request)
    case ("GET", "/app/explain"): return try await explain(request)
    case (_, "/"), (_, "/app.js"), (_, "/app.css"), (_, "/api/openapi.json"), (_, "/app/postings"),
      (_, "/app/explain"):
      throw ServeError(status: 405, message: "\(request.method) is not allowed on \(request.path)")
    default:
      if request.path.hasPrefix("/api/") || request.path.hasPrefix("/app/") {
        if request.method != "POST" {
          throw ServeError(
            status: 405, message: "\(request.method) is not allowed on \(request.path)")
        }
      }
      throw ServeError.notFound("no such page: \(request.path)")
    }
  }

  // MARK: Shared steps

  /// The request's body as JSON.
  static func json(_ request: ServeRequest) throws(ServeError) -> JSONValue {
    guard !request.body.isEmpty else {
      throw .badRequest("the request has no body (JSON expected)")
    }
    do {
      return try JSONParser.parse(String(decoding: request.body, as: UTF8.self))
    } catch {
      throw .badRequest("the body is not valid JSON: \(error)")
    }
  }

  /// A list of texts (ids, URIs) from a JSON field.
  func texts(_ value: JSONValue?, _ field: String) throws(ServeError) -> [String] {
    guard let value, value != .null else { return [] }
    guard case .array(let entries) = value else { throw .badRequest("'\(field)' must be a list") }
    guard entries.count <= limits.listEntries else {
      throw ServeError(
        status: 413, message: "'\(field)' has more than \(limits.listEntries) entries")
    }
    var result: [String] = []
    for entry in entries {
      guard let text = entry.textValue else { throw .badRequest("'\(field)' must hold texts") }
      result.append(text)
    }
    return result
  }

  /// A corpus by the id a request names.
  func corpus(_ id: String?) async throws(ServeError) -> Corpus {
    guard let id, !id.isEmpty else { throw .badRequest("no corpus named (upload postings first)") }
    guard let corpus = await store.corpus(id) else {
      throw .notFound("unknown corpus '\(id.clipped(to: 40))': upload the postings again")
    }
    return corpus
  }

  /// Reads an upload and analyses its postings (near-duplicates marked) on worker threads.
  static func read(
    _ bytes: [UInt8], format: UploadFormat, name: String, index: ConceptIndex,
    limits: ServeLimits, jobs: Int, pool: AnalyzerPool
  ) async throws -> Corpus {
    let (records, skipped) = try UploadReader.records(
      bytes, format: format, name: name, limits: limits)
    let id = String(SHA256.hex(Array(format.rawValue.utf8) + [0] + bytes).prefix(16))
    return try await pool.run { _ in
      let runner = BatchRunner(index: index, jobs: jobs)
      runner.detector = NearDuplicateDetector()
      var postings: [Posting] = []
      var demands: [PostingDemand] = []
      var failures: [Corpus.Failure] = []
      var position = 0
      var seen: Set<String> = []
      _ = try runner.run(
        next: {
          guard position < records.count else { return nil }
          defer { position += 1 }
          return records[position]
        },
        emit: { result in
          switch result {
          case .analysis(let analysis, _):
            guard seen.insert(analysis.id).inserted else {
              failures.append(
                Corpus.Failure(
                  source: analysis.id,
                  message: "the id '\(analysis.id)' is used twice; the second posting is left out"))
              return
            }
            demands.append(PostingDemand(analysis))
          case .failure(_, let source, let message):
            failures.append(Corpus.Failure(source: source, message: message))
          }
        })
      var kept: Set<String> = []
      for record in records {
        if case .posting(let posting) = record, seen.contains(posting.id),
          kept.insert(posting.id).inserted
        {
          postings.append(posting)
        }
      }
      return Corpus(
        id: id, name: name, postings: postings, demands: demands, failures: failures,
        skipped: skipped)
    }
  }

  /// Measures a curriculum against a corpus.
  static func report(
    corpus: Corpus, curriculum: Curriculum, options: CoverageOptions, index: ConceptIndex
  ) throws -> CoverageReport {
    let coverage = try CoverageAnalysis(curriculum: curriculum, index: index, options: options)
    for demand in corpus.demands { coverage.add(demand) }
    for _ in corpus.failures { coverage.addFailure() }
    let manifest = RunManifest(
      index: index,
      options: options.manifestEntries + [
        ("curriculum", curriculum.id), ("curriculumSha256", curriculum.checksum),
        ("inputs", corpus.name),
      ])
    return coverage.report(manifest: manifest.entries)
  }
}
