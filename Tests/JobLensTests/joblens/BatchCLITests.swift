import Foundation
import Testing

@testable import JobLensRender

@Suite("Command line: batch runs", .serialized, .needsESCO)
struct BatchCLITests {
  static let samples = Fixtures.projectFile("Data/samples/va-postings.jsonl").path

  @Test func resumeAfterAKilledRunLosesAndRepeatsNothing() throws {
    let folder = try TemporaryDirectory("cli-resume")
    defer { folder.remove() }
    let full = folder.file("full.jsonl")
    #expect(try CLI.run(["classify", Self.samples, "--out", full, "--quiet"]).status == 0)
    let expected = try String(contentsOfFile: full, encoding: .utf8)

    // A run killed in the middle of writing record 6 left five records and half of the sixth.
    let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let partial = lines[0...5].joined(separator: "\n") + "\n" + lines[6].prefix(40)
    let out = try folder.write("out.jsonl", partial)
    let resumed = try CLI.run(["classify", Self.samples, "--out", out, "--resume", "--jobs", "2"])
    #expect(resumed.status == 0)
    #expect(
      resumed.stderr == "read 8, skipped 5 (already written), analysed 3, failed 0, duplicates 0\n")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == expected)

    // Another option set is another run: no resuming into it.
    let other = try CLI.run([
      "classify", Self.samples, "--out", out, "--resume", "--skill-threshold", "0.7",
    ])
    #expect(other.status == 1)
    #expect(other.stderr.contains("it was written with another index, version or options"))
  }

  @Test(.needsShared("corpus_dev.jsonl")) func resumeAfterARealKill() throws {
    let folder = try TemporaryDirectory("cli-kill")
    defer { folder.remove() }
    // 200 postings of the development corpus.
    let corpus = try Fixtures.lines(Fixtures.sharedFile("corpus_dev.jsonl")).prefix(200)
    let input = try folder.write("in.jsonl", corpus.joined(separator: "\n") + "\n")
    let arguments = ["classify", input, "--text-field", "description", "--quiet"]
    let reference = folder.file("reference.jsonl")
    #expect(try CLI.run(arguments + ["--out", reference]).status == 0)

    let out = folder.file("out.jsonl")
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = arguments + ["--out", out]
    process.environment = ["JOBLENS_INDEX": CLI.indexPath]
    try process.run()
    Thread.sleep(forTimeInterval: 0.6)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let resumed = try CLI.run(arguments + ["--out", out, "--resume"])
    #expect(resumed.status == 0)
    #expect(
      try String(contentsOfFile: out, encoding: .utf8)
        == String(contentsOfFile: reference, encoding: .utf8))
  }

  @Test func directoriesCSVAndGzipThroughTheCommand() throws {
    let folder = try TemporaryDirectory("cli-inputs")
    defer { folder.remove() }
    try folder.write(
      "ads/one.html",
      "<h1>Bookkeeper</h1><ul><li>Maintain financial records</li><li>Prepare invoices</li></ul>")
    try folder.write("ads/two.txt.gz", try gzip(Array("Receptionist\nAnswer the phone.\n".utf8)))
    let csv = try folder.write("ads.csv", "id,title,text\nc1,Typist,Type letters\nc2,broken\n")
    let result = try CLI.run(["classify", folder.file("ads"), csv, "--jobs", "2"])
    #expect(result.status == 3)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[1].hasPrefix(#"{"id":"one.html","title":"Bookkeeper""#))
    #expect(
      lines[1].contains(#""text":"Bookkeeper\n• Maintain financial records\n• Prepare invoices""#))
    #expect(lines[2].hasPrefix(#"{"id":"two.txt.gz","title":"Receptionist""#))
    #expect(lines[3].hasPrefix(#"{"id":"c1","title":"Typist""#))
    #expect(
      lines[4] == #"{"id":"c2","error":"row has 2 fields, the header has 3","source":"\#(csv):3"}"#)
    #expect(result.stderr.hasSuffix("read 4, analysed 3, failed 1, duplicates 0\n"))
  }

  @Test func csvExplodeSQLiteAndDedup() throws {
    let folder = try TemporaryDirectory("cli-outputs")
    defer { folder.remove() }
    let postings = try String(contentsOfFile: Self.samples, encoding: .utf8)
    let first = postings.split(separator: "\n")[0].replacingOccurrences(
      of: "\"va-001\"", with: "\"again\"")
    let input = try folder.write("in.jsonl", postings + first + "\n")

    let csv = try CLI.run(["classify", input, "--explode", "skills", "--dedup", "--quiet"])
    #expect(csv.status == 0)
    #expect(
      csv.stdout.hasPrefix(
        "ordinal,id,rank,uri,label,type,skill_group,skill_group_label,score,literal,context,"
          + "field,start,end,evidence\n"))
    #expect(csv.stdout.contains("\n9,again,1,"))
    let table = try CLI.run(["classify", input, "--format", "csv", "--dedup", "--quiet"])
    #expect(table.stdout.split(separator: "\n").last?.hasPrefix("9,again,\(input):9,") == true)
    #expect(table.stdout.hasSuffix(",va-001,,\n"))

    let database = folder.file("out.db")
    let run = try CLI.run(["classify", input, "--sqlite", database, "--dedup"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "read 9, analysed 9, failed 0, duplicates 1\n")
    let sqlite = try SQLiteDatabase(path: database, create: false)
    #expect(
      try sqlite.rows("SELECT id, duplicate_of FROM postings WHERE duplicate_of IS NOT NULL")
        == [[.text("again"), .text("va-001")]])
    #expect(
      try sqlite.rows("SELECT count(*) FROM postings WHERE isco_code LIKE '33%'")[0][0]
        != .integer(0))
    let again = try CLI.run(["classify", input, "--sqlite", database])
    #expect(again.status == 1)
    #expect(again.stderr.contains("already holds analyses"))
  }
}
