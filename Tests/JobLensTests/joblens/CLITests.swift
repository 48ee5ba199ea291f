import Foundation
import Testing

@testable import JobLensAnalysis
@testable import JobLensCore

/// Runs the `joblens` executable built beside the test bundle.
enum CLI {
  static let executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("joblens")

  /// The shared index written once to a temporary file.
  static let indexPath: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-cli-\(ProcessInfo.processInfo.processIdentifier).jlidx"
    ).path
    try! SharedIndex.v111.write(to: path)
    return path
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `joblens` with `arguments`; `environment` changes the test's environment (nil
  /// removes a variable; `JOBLENS_INDEX` is the shared index unless said otherwise).
  static func run(
    _ arguments: [String], stdin: String? = nil, environment changes: [String: String?] = [:],
    in directory: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["JOBLENS_INDEX"] = indexPath
    for (name, value) in changes { environment[name] = value }
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: errors, as: UTF8.self))
  }
}

@Suite("Command line", .serialized, .needsESCO)
struct CLITests {
  static let samples = Fixtures.projectFile("Data/samples/va-postings.jsonl").path

  @Test func versionAndHelp() throws {
    let version = try CLI.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("joblens \(JobLensVersion.current) (icu "))
    let help = try CLI.run(["classify", "--help"])
    #expect(help.stdout.contains("--skill-threshold"))
  }

  @Test func tokenizePrintsJSONLines() throws {
    let result = try CLI.run(["tokenize", "-"], stdin: "Schedule e-mails")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        {"text":"Schedule","key":"schedule","stem":"schedul","kind":"word","start":0,"end":8}
        {"text":"e-mails","key":"emails","stem":"email","kind":"compound","start":9,"end":16,"parts":["e","mails"]}

        """)
  }

  @Test func missingFilesAreOneLineErrors() throws {
    let result = try CLI.run(["tokenize", "/no/such/file.txt"])
    #expect(result.status == 1)
    #expect(result.stderr == "joblens: error: cannot read '/no/such/file.txt': no such file\n")
    let index = try CLI.run(["taxonomy", "info", "--index", "/no/such/index.jlidx"])
    #expect(index.status == 1)
    #expect(
      index.stderr
        == "joblens: error: no index at '/no/such/index.jlidx': build one with `joblens index build`\n"
    )
  }

  @Test func classifyWritesManifestAndOneRecordPerLine() throws {
    let result = try CLI.run(["classify", Self.samples, "--jobs", "2"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 9)
    #expect(lines[0].hasPrefix("{\"manifest\":{\"joblens\":\"\(JobLensVersion.current)\""))
    let checksum = try SharedIndex.v111.checksum
    #expect(lines[0].contains("\"index_checksum\":\"\(checksum)\""))
    #expect(lines[1].hasPrefix("{\"id\":\"va-001\""))
    #expect(result.stderr == "read 8, analysed 8, failed 0, duplicates 0\n")
  }

  @Test func classifyIsDeterministicAcrossRunsAndThreads() throws {
    let one = try CLI.run(["classify", Self.samples, "--jobs", "1"])
    let four = try CLI.run(["classify", Self.samples, "--jobs", "4"])
    let again = try CLI.run(["classify", Self.samples, "--jobs", "4"])
    #expect(one.stdout == four.stdout)
    #expect(four.stdout == again.stdout)
  }

  @Test func badLinesBecomeErrorRecordsAndExitStatus3() throws {
    let input = """
      {"id": "a", "title": "Bookkeeper", "text": "Keep the books."}
      {"id": "b", "title": 3}
      {"id": "c", "title": "Receptionist"}
      """
    let result = try CLI.run(["classify", "-"], stdin: input)
    #expect(result.status == 3)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(
      lines[2] == #"{"id":"b","error":"field 'title' is number, expected a string","source":"-:2"}"#
    )
    #expect(
      result.stderr.contains("joblens: error: -:2: field 'title' is number, expected a string"))
    #expect(result.stderr.hasSuffix("read 3, analysed 2, failed 1, duplicates 0\n"))
    let strict = try CLI.run(["classify", "-", "--strict"], stdin: input)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("(stopped: --strict)"))
  }

  @Test func explainMarksSpans() throws {
    let result = try CLI.run(["explain", Self.samples, "--id", "va-004"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("isco:\n  3313 Accounting associate professionals"))
    #expect(
      result.stdout.contains(
        "requirements (matched for skills, not tasks):\n  - knowledge of bookkeeping principles"))
    #expect(result.stdout.contains("⟦"))
    #expect(
      result.stdout.contains(
        "skills:\n  1. use accounting systems (skill) [S4 management skills] score 0.96, "
          + "context 0.088, literal\n"))
    // Every phrase's zone, with its offsets: the requirements line is read as requirements.
    #expect(
      result.stdout.contains(
        "\nzones (duty and requirement phrases are coded, the others left out):\n"))
    #expect(result.stdout.contains("  requirement (heading) [269–282] Requirements:\n"))
    #expect(result.stdout.contains("  requirement           [283–"))
    #expect(
      result.stdout.contains(
        "This product uses the ESCO classification of the European Commission."))
    let missing = try CLI.run(["explain", Self.samples, "--id", "nope"])
    #expect(missing.status == 1)
  }

  @Test func skillsListsTheSkillsOfAText() throws {
    let text = """
      Schedule appointments for the director.
      We offer health insurance and paid holidays.
      To apply, send your CV to jobs@example.com.
      """
    let table = try CLI.run(["skills", "--text", text])
    #expect(table.status == 0)
    #expect(
      table.stdout == """
        skills in --text:
          1. administer appointments (skill) [S4 management skills] score 1.037, context 0.578, literal
             http://data.europa.eu/esco/skill/933e7ccf-5d56-46ba-aca4-857f826a6b3a
             “Schedule appointments” [text 0–21] matched “schedule appointments”

        This product uses the ESCO classification of the European Commission.

        """)
    // Nothing is left out silently: the boilerplate phrases are named on standard error.
    #expect(
      table.stderr == """
        --text: left out as boilerplate (offer) [40–84]: We offer health insurance and paid holidays.
        --text: left out as boilerplate (application) [85–128]: To apply, send your CV to jobs@example.com.

        """)
    // The threshold and the limit reach the analysis.
    let strict = try CLI.run(["skills", "--text", text, "--skill-threshold", "1.1"])
    #expect(strict.stdout.hasPrefix("skills in --text:\n  (none above the threshold)\n"))
    // All the sample postings' texts in one: more skills than classify keeps per posting (40).
    let samples = try String(contentsOfFile: Self.samples, encoding: .utf8)
      .split(separator: "\n").map { try JSONParser.parse(String($0))["text"]?.stringValue ?? "" }
      .joined(separator: "\n\n")
    let all = try CLI.run(["skills", "-"], stdin: samples)
    #expect(all.stdout.contains("\n  41. "))
    let two = try CLI.run(["skills", "-", "--limit", "2"], stdin: samples)
    #expect(two.stdout.contains("\n  2. ") && !two.stdout.contains("\n  3. "))

    // JSON Lines from standard input: the manifest, then the skills in classify's form.
    let json = try CLI.run(
      ["skills", "--format", "json", "--limit", "1"],
      stdin: "Keep the books in QuickBooks and prepare reports in Excel.")
    #expect(json.status == 0)
    let lines = json.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let manifest = try JSONParser.parse(lines[0])
    #expect(manifest["manifest"]?["options"]?["skills.maximum"] == .string("1"))
    #expect(manifest["manifest"]?["options"]?["input"] == .string("standard input"))
    #expect(manifest["manifest"]?["index_checksum"] != nil)
    let skill = try JSONParser.parse(lines[1])
    // A lone sentence's skills by how well they match it: the whole label "prepare reports"
    // before the tool name.
    #expect(skill["label"] == .string("write work-related reports"))
    #expect(skill["literal"] == .bool(true))
    #expect(
      skill["evidence"]
        == .array([
          .object([
            ("field", .string("text")), ("start", .number(33)), ("end", .number(48)),
            ("text", .string("prepare reports")), ("label", .string("prepare reports")),
            ("phrase_start", .number(0)), ("phrase_end", .number(58)),
          ])
        ]))
  }

  @Test func skillsReportsBadInput() throws {
    for file in ["notes.txt", "-"] {
      let both = try CLI.run(["skills", "--text", "Excel", file])
      #expect(both.status == 64)
      #expect(both.stderr.contains("give the text with --text or as a file, not both"))
    }
    let directory = try CLI.run(["skills", FileManager.default.temporaryDirectory.path])
    #expect(directory.status == 1)
    #expect(directory.stderr.hasSuffix("': is a directory\n"))

    // No text: said, and the JSON output is the manifest alone.
    let empty = try CLI.run(["skills", "--format", "json"], stdin: " \n\t")
    #expect(empty.status == 0)
    #expect(empty.stderr == "joblens: warning: standard input: no text\n")
    #expect(empty.stdout.split(separator: "\n").count == 1)
    #expect(empty.stdout.hasPrefix(#"{"manifest":{"#))
    let missing = try CLI.run(["skills", "/no/such/file.txt"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "joblens: error: cannot read '/no/such/file.txt': no such file\n")
    let limit = try CLI.run(["skills", "--text", "Excel", "--limit", "0"])
    #expect(limit.status == 64)

    // Invalid UTF-8 is repaired and said; offsets count the replacement characters.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "joblens-skills-\(ProcessInfo.processInfo.processIdentifier).txt")
    try Data([0xFF, 0xFE, 0x20] + Array("Prepare reports in Excel".utf8)).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let repaired = try CLI.run(["skills", file.path, "--format", "json"])
    #expect(repaired.status == 0)
    #expect(
      repaired.stderr
        == "joblens: warning: \(file.path): replaced 2 invalid UTF-8 sequences with U+FFFD\n")
    #expect(repaired.stdout.contains(#""start":22,"end":27,"text":"Excel""#))

    // Long boilerplate is named by its first 80 characters.
    let long = try CLI.run([
      "skills", "--text",
      "Prepare reports in Excel.\nTo apply, send your CV and a cover letter explaining why you "
        + "want to join our growing team to jobs@example.com.",
    ])
    #expect(
      long.stderr
        == "--text: left out as boilerplate (application) [26–137]: To apply, "
        + "send your CV and a cover letter explaining why you want to join our g…\n")

    // A heading alone has no task phrase: classify notes it, skills has no use for the note.
    let heading = try CLI.run(["skills", "--text", "Excel"])
    #expect(heading.stdout.contains("1. use spreadsheets software (skill)"))
    #expect(heading.stderr.isEmpty)
    let classified = try CLI.run(["classify", "-"], stdin: #"{"id":"x","text":"Excel"}"#)
    #expect(classified.stdout.contains(#""notes":["\#(PostingAnalyzer.noTaskPhrasesNote)"]"#))

    // Another language: no skills, and a note saying why.
    let french = try CLI.run([
      "skills", "--text", "Planifier les rendez-vous du directeur et gérer son agenda",
    ])
    #expect(french.status == 0)
    #expect(french.stdout.contains("(none above the threshold)"))
    #expect(french.stderr.contains("may be in another language"))
  }

  @Test(.needsShared("eval/skills_dev.jsonl")) func evaluatePrintsMetrics() throws {
    let result = try CLI.run([
      "evaluate", "--task", "skills", Fixtures.sharedFile("eval/skills_dev.jsonl").path, "--format",
      "json",
    ])
    #expect(result.status == 0)
    let value = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(value["records"] == .number(136))
    #expect(value["metrics"]?["RP@5"] != nil)
  }

  @Test func taxonomySearchAndShow() throws {
    let search = try CLI.run([
      "taxonomy", "search", "bookkeeper", "--type", "occupation", "--limit", "1", "--format",
      "json",
    ])
    #expect(search.status == 0)
    #expect(search.stdout.contains("\"label\":\"bookkeeper\",\"isco\":\"3313\""))
    let show = try CLI.run(["taxonomy", "show", "3343"])
    #expect(show.stdout.contains("label: Administrative and executive secretaries"))
    #expect(show.stdout.contains("tasks (8):"))
    let bad = try CLI.run(["taxonomy", "search", "x", "--type", "job"])
    #expect(bad.status == 64)
  }
}
