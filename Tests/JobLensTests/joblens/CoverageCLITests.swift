import Foundation
import Testing

@testable import JobLensCore

@Suite("Command line: curricula and coverage", .serialized, .needsESCO)
struct CoverageCLITests {
  static let samples = Fixtures.projectFile("Data/samples/va-postings.jsonl").path
  static let curriculum = Fixtures.projectFile("Data/curricula/va-vet.yaml").path

  /// The JSON report without its manifest (which names the inputs).
  static func withoutManifest(_ json: String) throws -> JSONValue {
    guard case .object(let fields) = try JSONParser.parse(json.trimmed) else { return .null }
    return .object(fields.filter { $0.0 != "manifest" })
  }

  @Test func coverageOfPostingsEqualsCoverageOfTheirClassifyOutput() throws {
    let folder = try TemporaryDirectory("cli-coverage")
    defer { folder.remove() }
    let analyses = folder.file("analyses.jsonl")
    #expect(try CLI.run(["classify", Self.samples, "--out", analyses, "--quiet"]).status == 0)
    let fromPostings = try CLI.run([
      "coverage", "--curriculum", Self.curriculum, Self.samples, "--format", "json",
    ])
    let fromAnalyses = try CLI.run([
      "coverage", "--curriculum", Self.curriculum, analyses, "--format", "json",
    ])
    #expect(fromPostings.status == 0 && fromAnalyses.status == 0)
    #expect(
      try Self.withoutManifest(fromPostings.stdout) == Self.withoutManifest(fromAnalyses.stdout))
    let report = try JSONParser.parse(fromPostings.stdout.trimmed)
    #expect(report["postings"] == .number(8))
    #expect(report["manifest"]?["option.curriculum_sha256"] != nil)
    #expect(fromPostings.stderr.hasPrefix("postings 8, failed 0; skill demand covered "))

    let html = folder.file("report.html")
    let written = try CLI.run([
      "coverage", "--curriculum", Self.curriculum, analyses, "--format", "html", "--out", html,
    ])
    #expect(written.status == 0)
    #expect(written.stderr.hasSuffix("; report written to \(html)\n"))
    #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
  }

  @Test func curriculumCheckAndMap() throws {
    let check = try CLI.run(["curriculum", "check", Self.curriculum])
    #expect(check.status == 0)
    #expect(
      check.stdout
        == "\(Self.curriculum): ok: 5 areas, 17 items, 63 ESCO skills, 0 items without skills (mapped automatically)\n"
    )

    let folder = try TemporaryDirectory("cli-curriculum")
    defer { folder.remove() }
    let bad = try folder.write(
      "bad.yaml",
      "id: x\ntitle: X\nversion: \"1\"\nlanguage: en\nareas:\n  - id: a\n    title: A\n    items: []\n"
    )
    let failed = try CLI.run(["curriculum", "check", bad])
    #expect(failed.status == 1)
    #expect(
      failed.stderr
        == "joblens: error: \(bad):8:12: area 'a' is empty: 'items' must be a non-empty list\n")

    let map = try CLI.run([
      "curriculum", "map", Self.curriculum, "--limit", "2", "--format", "yaml",
    ])
    #expect(map.status == 0)
    #expect(
      map.stdout.hasPrefix(
        "# digital.prerequisites: Prerequisite skills\nskills:\n  - http://data.europa.eu/esco/skill/"
      ))
    #expect(map.stdout.components(separatedBy: "\nskills:\n").count == 18)
  }
}
