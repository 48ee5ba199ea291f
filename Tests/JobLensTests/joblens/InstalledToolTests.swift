import Foundation
import Testing

@testable import JobLensCore
@testable import JobLensInput

/// What an installed tool needs: outputs that load cleanly (gzip, the manifest apart, lean),
/// HTML in text fields, and the index in the user's data directory.
@Suite("Command line: an installed tool", .serialized, .needsESCO)
struct InstalledToolTests {
  static let samples = Fixtures.projectFile("Data/samples/va-postings.jsonl").path

  /// The lines of a file, gzip or not.
  static func lines(_ path: String) throws -> [String] {
    let bytes = try ByteStream(path: path).readAll()
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test func gzipOutputWithTheManifestApart() throws {
    let folder = try TemporaryDirectory("cli-gzip")
    defer { folder.remove() }
    let plain = try CLI.run(["classify", Self.samples, "--quiet"])
    let lines = plain.stdout.split(separator: "\n").map(String.init)
    let out = folder.file("out.jsonl.gz")
    let manifest = folder.file("run.manifest.json")
    let run = try CLI.run([
      "classify", Self.samples, "--quiet", "--out", out, "--manifest", manifest,
    ])
    #expect(run.status == 0)
    let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
    #expect(raw.starts(with: [0x1F, 0x8B]))
    #expect(try Self.lines(out) == Array(lines.dropFirst()))
    let written = try String(contentsOfFile: manifest, encoding: .utf8)
    #expect(#"{"manifest":"# + written.dropLast() + "}" == lines[0])

    // CSV: the manifest goes to the file named, not beside the output.
    let csv = folder.file("postings.csv")
    let csvManifest = folder.file("csv.manifest.json")
    let table = try CLI.run([
      "classify", Self.samples, "--quiet", "--format", "csv", "--out", csv, "--manifest",
      csvManifest,
    ])
    #expect(table.status == 0)
    #expect(FileManager.default.fileExists(atPath: csvManifest))
    #expect(!FileManager.default.fileExists(atPath: csv + ".manifest.json"))

    // Resuming checks the manifest file and continues the JSONL without a manifest line.
    let partial = try folder.write("part.jsonl", lines[1...3].joined(separator: "\n") + "\n")
    let resumed = try CLI.run([
      "classify", Self.samples, "--out", partial, "--manifest", manifest, "--resume", "--quiet",
    ])
    #expect(resumed.status == 0)
    #expect(try Self.lines(partial) == Array(lines.dropFirst()))
    // Another run's manifest: no resuming.
    let other = try CLI.run([
      "classify", Self.samples, "--out", partial, "--manifest", csvManifest, "--resume",
    ])
    #expect(other.status == 1)
    #expect(other.stderr.contains("cannot resume '\(csvManifest)'"))
    let gz = try CLI.run(["classify", Self.samples, "--out", out, "--resume"])
    #expect(gz.status == 64)
  }

  @Test func leanOutputKeepsTheCodes() throws {
    let full = try CLI.run(["classify", Self.samples, "--quiet"])
    let lean = try CLI.run(["classify", Self.samples, "--quiet", "--lean"])
    #expect(lean.stdout.utf8.count * 10 < full.stdout.utf8.count * 9)
    let fullRecords = try full.stdout.split(separator: "\n").dropFirst().map {
      try JSONParser.parse(String($0))
    }
    let leanRecords = try lean.stdout.split(separator: "\n").dropFirst().map {
      try JSONParser.parse(String($0))
    }
    #expect(fullRecords.map { $0["isco"]?["code"] } == leanRecords.map { $0["isco"]?["code"] })
    #expect(fullRecords.map { $0["skills"] != nil } == leanRecords.map { $0["skills"] != nil })
    #expect(leanRecords.allSatisfy { $0["boilerplate"] == nil && $0["requirements"] == nil })
  }

  /// va-004 as plain text, and as the HTML a scraper would keep (entities, a hidden element).
  static let plain = """
    Small accounting firm seeks a virtual assistant with bookkeeping experience.
    Duties include:
    - recording invoices and receipts in Xero
    - reconciling bank statements
    - preparing monthly financial reports
    - chasing overdue payments
    - maintaining accurate accounting records
    Requirements: knowledge of bookkeeping principles, accuracy with numbers, experience with \
    accounting software.
    """
  static let html = """
    <div class="posting"><p>Small accounting firm seeks a virtual&nbsp;assistant with \
    bookkeeping experience.</p><span style="display: none">Forklift drivers wanted for night \
    shifts</span><p><strong>Duties include:</strong></p><ul><li>recording invoices and receipts \
    in Xero</li><li>reconciling bank statements</li><li>preparing monthly financial \
    reports</li><li>chasing overdue payments</li><li>maintaining accurate accounting \
    records</li></ul><p hidden>Apply via our careers page</p><p>Requirements: knowledge of \
    bookkeeping principles, accuracy with numbers, experience with accounting&#160;software.</p>\
    </div>
    """

  @Test func markupInATextFieldGivesTheSameCodes() throws {
    func record(_ id: String, _ text: String) throws -> String {
      var writer = JSONWriter()
      writer.beginObject()
      writer.field("id", id)
      writer.field("title", "Bookkeeping Virtual Assistant (part-time)")
      writer.field("text", text)
      writer.endObject()
      return writer.text
    }
    let input = try [record("plain", Self.plain), record("html", Self.html)].joined(separator: "\n")
    let result = try CLI.run(["classify", "-", "--quiet"], stdin: input)
    #expect(result.status == 0)
    let records = try result.stdout.split(separator: "\n").dropFirst().map {
      try JSONParser.parse(String($0))
    }
    try #require(records.count == 2)
    let (plain, html) = (records[0], records[1])
    #expect(plain["isco"]?["code"] == html["isco"]?["code"])
    #expect(plain["isco"]?["code"] == .string("3313"))
    func uris(_ record: JSONValue, _ key: String) -> [String] {
      guard case .array(let items)? = record[key] else { return [] }
      return items.compactMap { $0["uri"]?.stringValue }
    }
    #expect(uris(plain, "skills") == uris(html, "skills"))
    #expect(uris(plain, "occupations") == uris(html, "occupations"))
    // The text analysed is in the output, without the hidden parts.
    let text = try #require(html["text"]?.stringValue)
    #expect(text.hasPrefix("Small accounting firm seeks a virtual assistant with bookkeeping"))
    #expect(!text.contains("Forklift") && !text.contains("careers page"))
    #expect(plain["text"] == nil)

    // --text-html no reads the markup as text: nothing is derived.
    let raw = try CLI.run(["classify", "-", "--quiet", "--text-html", "no"], stdin: input)
    let rawLines = raw.stdout.split(separator: "\n").map(String.init)
    #expect(rawLines[0].contains(#""text_html":"no""#))
    #expect(try JSONParser.parse(rawLines[2])["text"] == nil)
  }

  @Test func theIndexLivesInTheDataDirectory() throws {
    let folder = try TemporaryDirectory("cli-xdg")
    defer { folder.remove() }
    let environment: [String: String?] = [
      "JOBLENS_INDEX": nil, "XDG_DATA_HOME": folder.file("data"), "HOME": folder.path,
    ]
    let expected = folder.file("data/joblens/esco.jlidx")
    // Nothing there yet (and no checkout's Data/index in that directory): the error names it.
    let missing = try CLI.run(["taxonomy", "info"], environment: environment, in: folder.path)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no index at '\(expected)'"))

    let build = try CLI.run(
      ["index", "build", "--esco", Shared.escoPath], environment: environment, in: folder.path)
    #expect(build.status == 0)
    #expect(build.stderr.contains("wrote \(expected) "))
    let info = try CLI.run(["taxonomy", "info"], environment: environment, in: folder.path)
    #expect(info.status == 0)

    // Without XDG_DATA_HOME, ~/.local/share/joblens.
    let home = try CLI.run(
      ["taxonomy", "info"],
      environment: ["JOBLENS_INDEX": nil, "XDG_DATA_HOME": nil, "HOME": folder.path],
      in: folder.path)
    #expect(home.stderr.contains("no index at '\(folder.path)/.local/share/joblens/esco.jlidx'"))
  }
}
