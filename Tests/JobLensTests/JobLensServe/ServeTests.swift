import Foundation
import Testing
import ZIPFoundation

@testable import JobLensCore
@testable import JobLensCoverage
@testable import JobLensServe

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The web app over the real index and our sample postings, made once.
enum SharedServeApp {
  static func make(limits: ServeLimits = ServeLimits()) async throws -> ServeApp {
    let index = try SharedIndex.v111
    let curriculum = try Curriculum.load(
      path: Fixtures.projectFile("Data/curricula/va-vet.yaml").path, index: index)
    let samples = try Array(
      Data(contentsOf: Fixtures.projectFile("Data/samples/va-postings.jsonl")))
    return try await ServeApp(
      index: index, curriculum: curriculum, samplePostings: (samples, "va-postings.jsonl"),
      limits: limits, jobs: 2)
  }
}

extension ServeApp {
  func get(_ target: String) async -> ServeResponse {
    let (path, query) = ServeRequest.split(target: target)
    return await handle(ServeRequest(method: "GET", path: path, query: query))
  }

  func post(_ target: String, _ body: String) async -> ServeResponse {
    await post(target, Array(body.utf8))
  }

  func post(_ target: String, _ body: [UInt8]) async -> ServeResponse {
    let (path, query) = ServeRequest.split(target: target)
    return await handle(ServeRequest(method: "POST", path: path, query: query, body: body))
  }

  /// The JSON of the sample corpus and default curriculum the page starts with.
  func initialMeasurement() throws -> String {
    let page = homePage
    let start = page.range(of: "<script type=\"application/json\" id=\"initial-state\">")!
      .upperBound
    let end = page[start...].range(of: "</script>")!.lowerBound
    return String(page[start..<end])
  }
}

extension ServeResponse {
  var json: JSONValue { (try? JSONParser.parse(text)) ?? .null }
}

@Suite("Web app (joblens serve)", .serialized, .needsESCO)
struct ServeTests {
  @Test func homePageShowsTheDefaultReportWithNoInlineScript() async throws {
    let app = try await SharedServeApp.make()
    let page = await app.get("/")
    #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
    #expect(page.text.contains("<main id=\"report\">"))
    #expect(page.text.contains("the curriculum covers"))
    #expect(page.text.contains("<script src=\"/app.js\"></script>"))
    // Scripts: the app's file and the initial state as data, nothing inline that would run.
    #expect(page.text.components(separatedBy: "<script").count == 3)
    let state = try JSONParser.parse(try app.initialMeasurement())
    #expect(state["curriculum"]?["id"] == .string("va-vet"))
    #expect((await app.get("/app.js")).text.contains("jobLensState"))
    #expect((await app.get("/app.css")).contentType.hasPrefix("text/css"))
  }

  @Test(arguments: [
    "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/Data/curricula/va-vet.yaml",
    "/app.js/../Package.swift", "/api/../README.md", "/Package.swift", "//etc/passwd",
    "/app/explain?corpus=x&id=../../etc/passwd",
  ])
  func noRequestPathReachesTheFileSystem(target: String) async throws {
    let app = try await SharedServeApp.make()
    let response = await app.get(target)
    #expect([400, 404, 405].contains(response.status))
    #expect(!response.text.contains("root:") && !response.text.contains("swift-tools-version"))
    #expect(!response.text.contains("id: va-vet") && response.json["error"] != nil)
  }

  @Test func explainAndPostingsNeverReadAFileNamedByTheRequest() async throws {
    let app = try await SharedServeApp.make()
    let corpus = try JSONParser.parse(try app.initialMeasurement())["corpus"]!.stringValue!
    for id in ["../../etc/passwd", "/etc/passwd", "Data/samples/va-postings.jsonl"] {
      let explain = await app.get(
        "/app/explain?corpus=\(corpus)&id=\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
      )
      #expect(explain.status == 404 && explain.text.contains("no such posting"))
    }
    let upload = await app.post(
      "/app/corpus?name=../../etc/passwd&format=text", "Title\nSome text here")
    #expect(upload.status == 200 && upload.json["name"] == .string("passwd"))
    #expect(!FileManager.default.fileExists(atPath: "passwd"))
  }

  @Test func classifyAnswersEveryPostingInOrder() async throws {
    let app = try await SharedServeApp.make()
    let response = await app.post(
      "/api/classify",
      #"[{"id":"a","title":"Virtual Assistant","text":"- Manage calendars\n- Answer e-mails"}, 5, {"id":"c","title":3}, "Book flights and hotels", {"id":"e"}]"#
    )
    #expect(response.status == 200)
    guard case .array(let results) = response.json else {
      Issue.record("not an array: \(response.text)")
      return
    }
    #expect(results.count == 5)
    #expect(results[0]["id"] == .string("a") && results[0]["skills"] != nil)
    #expect(results[1]["error"]?.stringValue == "a posting must be an object or a text, not number")
    #expect(results[2]["error"]?.stringValue == "field 'title' must be a string, not number")
    #expect(results[3]["id"] == .string("4") && results[3]["isco"] != nil)
    #expect(results[4]["source"] == .string("request:5"))
  }

  @Test func skillsAndCoverageAPIs() async throws {
    let app = try await SharedServeApp.make()
    let skills = await app.post("/api/skills", #"{"postings": ["schedule appointments"]}"#)
    #expect(
      skills.json.arrayFirst?["skills"]?.arrayFirst?["label"] == .string("administer appointments"))
    let coverage = await app.post(
      "/api/coverage",
      #"{"postings": [{"id": "1", "title": "VA", "text": "- Schedule appointments\n- Answer calls"}]}"#
    )
    #expect(coverage.status == 200 && coverage.json["postings"] == .number(1))
    #expect(coverage.json["curriculum"]?["id"] == .string("va-vet"))
    let yaml = try String(
      contentsOf: Fixtures.projectFile("Data/curricula/va-vet.yaml"), encoding: .utf8)
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("postings")
    writer.beginArray()
    writer.string("Answer the phone")
    writer.endArray()
    writer.field("curriculum", yaml)
    writer.endObject()
    #expect((await app.post("/api/coverage", writer.text)).status == 200)
    let spec = await app.get("/api/openapi.json")
    #expect(spec.json["openapi"] == .string("3.1.0"))
    for path in ["/api/classify", "/api/skills", "/api/coverage"] {
      #expect(spec.json["paths"]?[path]?["post"] != nil)
    }
  }

  @Test(arguments: [
    ("/api/classify", "", 400, "the request has no body"),
    ("/api/classify", "{not json", 400, "the body is not valid JSON"),
    ("/api/classify", "42", 400, "expected a list of postings"),
    ("/api/classify", "[1,2,3]", 413, "the request holds 3 postings; the limit is 2 per request"),
    (
      "/api/coverage", #"{"postings": [], "curriculum": "id: [broken"}"#, 422,
      "is not a valid curriculum"
    ),
    ("/app/corpus", "", 400, "the upload is empty"),
    ("/app/corpus?format=pdf", "x", 400, "unknown format 'pdf'"),
    (
      "/app/corpus?format=zip&name=a.zip", "PK\u{3}\u{4}garbage", 400,
      "a.zip is not a readable zip file"
    ),
    (
      "/app/corpus?format=jsonl&name=b.jsonl", "{broken\n[1]\n", 422,
      "no posting in b.jsonl could be read"
    ),
    ("/app/curriculum?name=c.yaml", "id: x\ntitle: [", 422, "c.yaml is not a valid curriculum"),
    ("/app/curriculum?name=c.csv", "title\nx\n", 422, "the header has no 'area' column"),
    ("/app/report", #"{"corpus": "0000"}"#, 404, "unknown corpus"),
    ("/app/report", #"{"corpus": 5, "excludedSkills": "x"}"#, 404, "unknown corpus"),
    ("/app/export?format=pdf", "{}", 400, "the curriculum's 'id' is missing"),
    ("/app/nothing", "{}", 404, "no such page"),
  ])
  func badRequestsGetAClearError(
    target: String, body: String, status: Int, message: String
  ) async throws {
    var limits = ServeLimits()
    limits.apiPostings = 2
    let app = try await SharedServeApp.make(limits: limits)
    let response = await app.post(target, body)
    #expect(response.status == status, "\(response.text)")
    #expect(response.json["error"]?.stringValue?.contains(message) == true, "\(response.text)")
  }

  static let hostileTitles = [
    "<script>window.__xss = 1</script>Assistant", #""><img src=x onerror="alert(2)">Clerk"#,
  ]

  @Test func hostileStringsAreEscapedEverywhere() async throws {
    let app = try await SharedServeApp.make()
    // Tags in a posting's fields are read as HTML (--text-html auto), so the hostile strings
    // are written as character references: they reach the pages as text, tags and all.
    func referenced(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    let jsonl = Self.hostileTitles.enumerated().map { number, title in
      var line = JSONWriter()
      line.beginObject()
      line.field("id", "h\(number)<b>")
      line.field("title", referenced(title))
      line.field(
        "text",
        referenced(title) + "\n- Schedule appointments "
          + referenced("<script>alert(3)</script>") + "\n- Answer calls")
      line.endObject()
      return line.text
    }.joined(separator: "\n")
    let upload = await app.post("/app/corpus?name=<i>x</i>.jsonl", jsonl)
    #expect(upload.status == 200, "\(upload.text)")
    let corpus = upload.json["corpus"]!.stringValue!
    let report = await app.post("/app/report", #"{"corpus": "\#(corpus)"}"#)
    let html = report.json["html"]?.stringValue ?? ""
    #expect(html.contains("curriculum covers"))
    let postings = await app.get("/app/postings?corpus=\(corpus)&ids=h0%3Cb%3E%20h1%3Cb%3E")
    #expect(postings.json.arrayFirst?["title"] == .string(Self.hostileTitles[0]))
    let explain = await app.get("/app/explain?corpus=\(corpus)&id=h1%3Cb%3E")
    let explained = explain.json["html"]?.stringValue ?? ""
    #expect(explained.contains("&quot;&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;Clerk"))
    #expect(explained.contains("<mark"))
    for text in [html, explained] {
      #expect(!text.contains("<script") && !text.contains("<img") && !text.contains("<i>"))
    }
  }

  @Test func zipUploadsAreReadInMemory() async throws {
    let archive = try Archive(accessMode: .create)
    func add(_ path: String, _ text: String) throws {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count),
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    try add(
      "a/one.html",
      "<html><head><title>Office assistant</title></head><body><ul><li>Answer calls</li><li>Schedule appointments</li></ul></body></html>"
    )
    try add("../two.txt", "Bookkeeper\nPrepare invoices and reconcile accounts.")
    try add("notes.pdf", "%PDF")
    let app = try await SharedServeApp.make()
    let bytes = Array(archive.data!)
    let response = await app.post("/app/corpus?name=postings.zip", bytes)
    #expect(response.status == 200, "\(response.text)")
    #expect(response.json["postings"] == .number(2))
    #expect(response.json["skipped"] == .array([.string("notes.pdf")]))
    #expect(!FileManager.default.fileExists(atPath: "../two.txt"))

    var limits = ServeLimits()
    limits.unzippedBytes = 100
    let small = try await SharedServeApp.make(limits: limits)
    let bomb = await small.post("/app/corpus?name=postings.zip", bytes)
    #expect(
      bomb.status == 413 && bomb.text.contains("postings.zip unzipped is larger than the limit"))
  }

  @Test func editsExportsAndComparisons() async throws {
    let app = try await SharedServeApp.make()
    let state = try JSONParser.parse(try app.initialMeasurement())
    let corpus = state["corpus"]!.stringValue!
    var curriculum = JSONWriter()
    CurriculumJSON.write(
      try Curriculum.load(path: Fixtures.projectFile("Data/curricula/va-vet.yaml").path),
      index: try SharedIndex.v111, to: &curriculum)
    let base = #"{"corpus": "\#(corpus)", "curriculum": \#(curriculum.text)"#
    let before = await app.post("/app/report", base + "}")
    guard case .number(let figure)? = before.json["coverage"] else {
      Issue.record("no figure: \(before.text)")
      return
    }
    let html = before.json["html"]!.stringValue!
    let uri = html.firstMatch(of: /data-action="exclude-skill" data-uri="([^"]+)"/)!.1
    let after = await app.post("/app/report", base + #", "excludedSkills": ["\#(uri)"]}"#)
    #expect(after.json["coverage"] != .number(figure))

    for format in ["yaml", "csv"] {
      let export = await app.post(
        "/app/export?format=\(format)", #"{"curriculum": \#(curriculum.text)}"#)
      #expect(
        export.status == 200
          && export.headers.contains { $0.1 == "attachment; filename=\"va-vet.\(format)\"" })
      let upload = await app.post("/app/curriculum?name=va-vet.\(format)", export.body)
      #expect(upload.status == 200, "\(upload.text)")
      #expect(upload.json["curriculum"]?["areas"]?.arrayFirst?["id"] == .string("digital"))
    }
    let table = await app.post("/app/table?format=csv", base + "}")
    #expect(table.text.hasPrefix("section,id,label"))
    let suggest = await app.post(
      "/app/suggest", #"{"curriculum": \#(curriculum.text), "item": "digital.software"}"#)
    #expect(suggest.json["suggestions"]?.arrayFirst?["uri"] != nil)
    let compare = await app.post(
      "/app/compare", #"{"left": \#(base)}, "right": \#(base), "excludedPostings": ["va-001"]}}"#)
    #expect(
      compare.json["html"]?.stringValue?.contains("id=\"compare-skills\"") == true,
      "\(compare.text)")
  }

  @Test func concurrentRequestsGiveTheSameAnswers() async throws {
    let app = try await SharedServeApp.make()
    let body =
      #"[{"id":"a","title":"Virtual Assistant","text":"- Manage calendars\n- Answer e-mails\n- Book travel"}]"#
    let expected = await app.post("/api/classify", body).text
    let answers = await withTaskGroup(of: String.self) { group in
      for _ in 0..<16 { group.addTask { await app.post("/api/classify", body).text } }
      var all: [String] = []
      for await answer in group { all.append(answer) }
      return all
    }
    #expect(answers.count == 16 && answers.allSatisfy { $0 == expected })
  }

  @Test func theServerListensOnLoopbackAndRefusesLargeUploads() async throws {
    var limits = ServeLimits()
    limits.uploadBytes = 1 << 10
    let app = try await SharedServeApp.make(limits: limits)
    let address = AsyncStream<String>.makeStream()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await ServeServer.run(app, host: "127.0.0.1", port: 0) {
          address.continuation.yield($0)
        }
      }
      var iterator = address.stream.makeAsyncIterator()
      let base = try #require(await iterator.next())
      #expect(base.hasPrefix("http://127.0.0.1:"))
      let (page, response) = try await URLSession.shared.data(from: URL(string: base)!)
      let http = try #require(response as? HTTPURLResponse)
      #expect(
        http.statusCode == 200
          && String(decoding: page, as: UTF8.self).contains("curriculum covers"))
      #expect(
        http.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("script-src 'self'")
          == true)
      var request = URLRequest(url: URL(string: base + "app/corpus?format=text")!)
      request.httpMethod = "POST"
      request.httpBody = Data(repeating: 0x61, count: 4 << 10)
      let (body, tooLarge) = try await URLSession.shared.data(for: request)
      #expect((tooLarge as? HTTPURLResponse)?.statusCode == 413)
      #expect(
        String(decoding: body, as: UTF8.self).contains(
          "the upload is larger than the limit of 1 KB"))
      group.cancelAll()
    }
  }
}

extension JSONValue {
  var arrayFirst: JSONValue? {
    if case .array(let values) = self { return values.first }
    return nil
  }
}
