import Foundation
import Testing

/// The reproducers of a bad-input and fault campaign, each as small as it goes, with the
/// behaviour that replaced the failure: exit status, message and record counts.
@Suite("Command line: bad input and faults", .serialized, .needsESCO)
struct HardeningCLITests {
  /// One posting, as a JSONL line.
  static let posting = #"{"id":"a","title":"Bookkeeper","text":"Keep the books."}"# + "\n"

  @Test func anOutputThatIsAnInputIsRefused() throws {
    let folder = try TemporaryDirectory("cli-out-is-input")
    defer { folder.remove() }
    let input = try folder.write("x.jsonl", Self.posting)
    for format in ["jsonl", "csv"] {
      let result = try CLI.run(["classify", input, "--out", input, "--format", format])
      #expect(result.status == 64)
      #expect(
        result.stderr.hasPrefix(
          "Error: --out '\(input)' is the input '\(input)': write the output to another file\n"))
      #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.posting)
    }
    // A hard link is the same file; a directory would read an output written into it.
    let link = folder.file("link.jsonl")
    try FileManager.default.linkItem(atPath: input, toPath: link)
    let linked = try CLI.run(["classify", input, "--sqlite", link])
    #expect(linked.status == 64)
    #expect(
      linked.stderr.hasPrefix(
        "Error: --sqlite '\(link)' is the input '\(input)': write the output to another file\n"))
    let inside = try CLI.run(["classify", folder.path, "--out", folder.file("out.jsonl")])
    #expect(inside.status == 64)
    #expect(
      inside.stderr.hasPrefix(
        "Error: --out '\(folder.file("out.jsonl"))' is inside the input directory "
          + "'\(folder.path)', which would read it: write the output elsewhere\n"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("out.jsonl")))
    let report = try CLI.run(["coverage", input, "--out", input])
    #expect(report.status == 64)
    #expect(
      report.stderr.hasPrefix(
        "Error: --out '\(input)' is the input '\(input)': write the report to another file\n"))
    #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.posting)
    // The manifest written apart is an output too.
    let manifest = try CLI.run([
      "classify", input, "--out", folder.file("y.jsonl"), "--manifest", input,
    ])
    #expect(manifest.status == 64)
    #expect(
      manifest.stderr.hasPrefix(
        "Error: --manifest '\(input)' is the input '\(input)': write the output to another file\n"))
    #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.posting)
  }

  @Test func everyCommandFailsWhenStandardOutputCannotBeWritten() throws {
    let folder = try TemporaryDirectory("cli-full")
    defer { folder.remove() }
    let input = try folder.write("x.jsonl", Self.posting)
    let curriculum = Fixtures.projectFile("Data/curricula/va-vet.yaml").path
    let gold = try folder.write(
      "gold.jsonl", #"{"title": "Bookkeeper", "gold_isco": ["3313"], "id": "t-0"}"# + "\n")
    for arguments in [
      ["tokenize", input], ["tokenize", "--phrases", input], ["skills", "--text", "Excel"],
      ["explain", input], ["taxonomy", "info"], ["taxonomy", "search", "bookkeeper"],
      ["taxonomy", "show", "3343"], ["curriculum", "check", curriculum],
      ["curriculum", "map", curriculum],
      ["coverage", "--curriculum", curriculum, input, "--quiet"],
      ["classify", input, "--quiet"], ["evaluate", "--task", "titles", gold],
    ] {
      let result = try CLI.runWritingToFullDisk(arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.stderr == "joblens: error: cannot write standard output: no space left on device\n",
        "\(arguments)")
    }
  }

  @Test func jobsAreCappedAtFourTimesTheCores() throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let result = try CLI.run(["classify", "-", "--jobs", "99999"], stdin: Self.posting)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "joblens: warning: --jobs 99999 is more than 4 × \(cores) cores; using \(4 * cores)\n"
        + "read 1, analysed 1, failed 0, duplicates 0\n")
    #expect(result.stdout.split(separator: "\n").count == 2)
  }

  @Test func aRecordOverSixtyFourMegabytesIsOneFailureAndTheRunGoesOn() throws {
    let folder = try TemporaryDirectory("cli-long-line")
    defer { folder.remove() }
    let long = #"{"id":"x","text":""# + String(repeating: "a", count: 64 << 20) + "\"}\n"
    let input = try folder.write("long.jsonl", long + Self.posting)
    let result = try CLI.run(["classify", input])
    #expect(result.status == 3)
    #expect(
      result.stderr
        == "joblens: error: \(input):1: line too long for one record: 67108884 bytes, over the "
        + "64 MB limit; skipped\nread 2, analysed 1, failed 1, duplicates 0\n")
    let csv = try folder.write(
      "long.csv", "id,text\nx,\"" + String(repeating: "a", count: 64 << 20) + "\"\na,Keep books\n")
    let rows = try CLI.run(["classify", csv])
    #expect(rows.status == 3)
    #expect(
      rows.stderr
        == "joblens: error: \(csv):2: record too long: 67108868 bytes, over the 64 MB limit; "
        + "skipped\nread 2, analysed 1, failed 1, duplicates 0\n")
  }

  @Test func gzipKeepsTheRecordsBeforeAProblemAndCountsTruthfully() throws {
    let folder = try TemporaryDirectory("cli-gzip")
    defer { folder.remove() }
    let jsonl = String(repeating: Self.posting, count: 3)
    let padded = try folder.write(
      "padded.jsonl.gz", try gzip(Array(jsonl.utf8)) + [UInt8](repeating: 0, count: 100))
    let result = try CLI.run(["classify", padded])
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "joblens: warning: \(padded): ignored 100 bytes after the end of the gzip data "
        + "(zero padding)\nread 3, analysed 3, failed 0, duplicates 0\n")
    var damaged = try gzip(Array(jsonl.utf8))
    damaged[damaged.count - 8] ^= 0xFF
    let crc = try folder.write("crc.jsonl.gz", damaged)
    let checked = try CLI.run(["classify", crc])
    #expect(checked.status == 3)
    #expect(
      checked.stderr
        == "joblens: error: \(crc):4: cannot read '\(crc)': corrupt gzip data: incorrect data "
        + "check\nread 4, analysed 3, failed 1, duplicates 0\n")
  }

  @Test func curriculumAliasesAreRefused() throws {
    let folder = try TemporaryDirectory("cli-alias")
    defer { folder.remove() }
    // One 1 MB anchor referenced 3,000 times once took 2 GB.
    let big = String(repeating: "x", count: 1 << 20)
    let yaml =
      "id: x\ntitle: t\nversion: \"1\"\nlanguage: en\nareas:\n- id: a\n  title: &big \(big)\n"
      + "  items:\n"
      + (0..<3000).map { "  - {id: i\($0), title: t, description: *big}\n" }.joined()
    let path = try folder.write("c.yaml", yaml)
    let input = try folder.write("x.jsonl", Self.posting)
    let message =
      "joblens: error: \(path):9:37: anchors and aliases are not allowed in a curriculum "
      + "(found *big): write each value out\n"
    let check = try CLI.run(["curriculum", "check", path])
    #expect(check.status == 1)
    #expect(check.stderr == message)
    let coverage = try CLI.run(["coverage", "--curriculum", path, input])
    #expect(coverage.status == 1)
    #expect(coverage.stderr == message)
  }

  @Test func indexBuildRefusesACrippledDownload() throws {
    let folder = try TemporaryDirectory("cli-esco")
    defer { folder.remove() }
    let esco = Fixtures.sharedFile("esco/v1.1.1").path
    let skills = try Data(contentsOf: URL(fileURLWithPath: esco + "/skills_en.csv"))
    /// The shared download with skills_en.csv replaced.
    func download(_ name: String, skills: Data) throws -> String {
      let path = folder.file(name + "/v1.1.1")
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      for file in try FileManager.default.contentsOfDirectory(atPath: esco)
      where file != "skills_en.csv" {
        try FileManager.default.createSymbolicLink(
          atPath: path + "/" + file, withDestinationPath: esco + "/" + file)
      }
      try skills.write(to: URL(fileURLWithPath: path + "/skills_en.csv"))
      return path
    }
    let out = folder.file("index.jlidx")
    let cut = try CLI.run([
      "index", "build", "--esco", try download("cut", skills: skills.prefix(3_000_000)), "--out",
      out,
    ])
    #expect(cut.status == 1)
    #expect(
      cut.stderr
        == "joblens: error: skills_en.csv:36134: the file ends inside a row: the download was cut "
        + "short; download it again\n")
    let header = skills.prefix { $0 != 0x0A } + Data([0x0A])
    let empty = try CLI.run([
      "index", "build", "--esco", try download("header", skills: header), "--out", out,
    ])
    #expect(empty.status == 1)
    #expect(
      empty.stderr
        == "joblens: error: skills_en.csv has 0 skills, far fewer than esco v1.1.1 (at least "
        + "12136): the download is incomplete; download it again (a subset needs another "
        + "--esco-version)\n")
    #expect(!FileManager.default.fileExists(atPath: out))

    // A zip entry of 300 MB of zeros is refused by its size, before it is read.
    let zip = folder.file("esco-v1.1.1.zip")
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
          for name in ['occupations_en.csv', 'ISCOGroups_en.csv', 'occupationSkillRelations.csv']:
              z.write(sys.argv[2] + '/' + name, name)
          with z.open('skills_en.csv', 'w', force_zip64=True) as f:
              for _ in range(300): f.write(bytes(1 << 20))
      """,
      zip, esco,
    ]
    try python.run()
    python.waitUntilExit()
    let zeros = try CLI.run(["index", "build", "--esco", zip, "--out", out])
    #expect(zeros.status == 1)
    #expect(
      zeros.stderr
        == "joblens: error: cannot read zip file '\(zip)': entry skills_en.csv is over 256 MB "
        + "uncompressed, far more than an esco file\n")
  }

  @Test func numericIDsKeepTheirJSONText() throws {
    let input =
      [9_007_199_254_740_993, 9_007_199_254_740_992].map {
        #"{"id":\#($0),"title":"Clerk"}"# + "\n"
      }.joined() + #"{"id":12345678901234567890,"title":"Clerk"}"# + "\n"
    let result = try CLI.run(["classify", "-"], stdin: input)
    #expect(result.status == 0)
    #expect(result.stderr == "read 3, analysed 3, failed 0, duplicates 0\n")
    let ids = result.stdout.split(separator: "\n").dropFirst().map {
      $0.prefix { $0 != "," }
    }
    #expect(
      ids == [
        #"{"id":"9007199254740993""#, #"{"id":"9007199254740992""#,
        #"{"id":"12345678901234567890""#,
      ])
  }

  @Test func terminalEscapesAreMadeVisible() throws {
    let input =
      #"{"id":"e","title":"Virtual \u001b]0;pwned\u0007assistant \u001b[2J","text":"Keep the books."}"#
    let visible = "Virtual \u{FFFD}]0;pwned\u{FFFD}assistant \u{FFFD}[2J"
    let summary = try CLI.run(["classify", "-", "--format", "summary"], stdin: input)
    #expect(summary.status == 0)
    #expect(summary.stdout.hasPrefix("e: \(visible)\n"))
    let explain = try CLI.run(["explain", "-"], stdin: input)
    #expect(explain.status == 0)
    #expect(explain.stdout.hasPrefix("posting e\ntitle: \(visible)\n"))
    for output in [summary.stdout, explain.stdout] {
      #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
    // Messages that quote input too.
    let csv = try CLI.run(["classify", "-", "--input-format", "csv"], stdin: "id,\u{1B}[2J\n1,x\n")
    #expect(csv.status == 3)
    #expect(
      csv.stderr
        == "joblens: error: -:1: header has no 'title' or 'text' column (columns: id, \u{FFFD}[2J)\n"
        + "read 1, analysed 0, failed 1, duplicates 0\n")
  }

  @Test(arguments: [("nan", "nan"), ("inf", "inf"), ("5", "5"), ("1.25", "1.25"), ("-1", "-1")])
  func aSkillThresholdOutsideItsRangeIsABadFlag(value: String, shown: String) throws {
    for command in [["classify"], ["explain"], ["coverage"], ["skills", "--text", "Excel"]] {
      let result = try CLI.run(command + ["--skill-threshold=\(value)"], stdin: Self.posting)
      #expect(result.status == 64)
      #expect(
        result.stderr.hasPrefix(
          "Error: --skill-threshold must be a number from 0 to 1.2, not \(shown)\n"))
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func aHugeLimitIsAllThereIs() throws {
    let curriculum = Fixtures.projectFile("Data/curricula/va-vet.yaml").path
    let map = try CLI.run(["curriculum", "map", curriculum, "--limit", String(Int.max)])
    #expect(map.status == 0)
    #expect(map.stderr.isEmpty)
  }

  @Test func carriageReturnsEndJSONLRecords() throws {
    let input = ["a", "b", "c"].map { #"{"id":"\#($0)","title":"Clerk"}"# }.joined(separator: "\r")
    let result = try CLI.run(["classify", "-"], stdin: input + "\r")
    #expect(result.status == 0)
    #expect(result.stderr == "read 3, analysed 3, failed 0, duplicates 0\n")
    #expect(result.stdout.split(separator: "\n").count == 4)
  }

  @Test func messagesNameTheFileAndTheCause() throws {
    let folder = try TemporaryDirectory("cli-messages")
    defer { folder.remove() }
    // A directory given as the index.
    let directory = try CLI.run(["taxonomy", "info", "--index", folder.path])
    #expect(directory.status == 1)
    #expect(
      directory.stderr == "joblens: error: cannot read index '\(folder.path)': is a directory\n")
    // A symbolic link loop is not a missing file.
    let loop = folder.file("loop.jsonl")
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
    let looped = try CLI.run(["classify", loop])
    #expect(looped.status == 3)
    #expect(
      looped.stderr
        == "joblens: error: \(loop): cannot read '\(loop)': a symbolic link loop (too many levels "
        + "of links)\nread 1, analysed 0, failed 1, duplicates 0\n")
    // --strict says its error once.
    let strict = try CLI.run(["classify", "-", "--strict"], stdin: #"{"id":"b","title":3}"#)
    #expect(strict.status == 1)
    #expect(
      strict.stderr
        == "joblens: error: -:1: field 'title' is number, expected a string (stopped: --strict)\n")
  }

  @Test func textAndHTMLFilesGivenDirectlyAreOnePostingEach() throws {
    let folder = try TemporaryDirectory("cli-text-files")
    defer { folder.remove() }
    let text = try folder.write("p.txt", "Bookkeeper\nKeep the books and file the taxes.\n")
    let page = try folder.write(
      "p.html", "<html><title>Bookkeeper</title><body><p>Keep the books.</p></body></html>")
    let result = try CLI.run(["classify", text, page])
    #expect(result.status == 0)
    #expect(result.stderr == "read 2, analysed 2, failed 0, duplicates 0\n")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines[1].hasPrefix(#"{"id":"\#(text)","title":"Bookkeeper","#))
    #expect(lines[2].hasPrefix(#"{"id":"\#(page)","title":"Bookkeeper","#))
  }

  @Test func utf16InputIsSaidToBeUTF16() throws {
    let folder = try TemporaryDirectory("cli-utf16")
    defer { folder.remove() }
    func utf16(_ text: String) -> [UInt8] {
      [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    let jsonl = try folder.write("p.jsonl", utf16(Self.posting + Self.posting))
    let csv = try folder.write("p.csv", utf16("id,title\n1,Clerk\n"))
    for path in [jsonl, csv] {
      let result = try CLI.run(["classify", path])
      #expect(result.status == 3)
      #expect(
        result.stderr
          == "joblens: error: \(path):1: the input is utf-16 (little-endian), not utf-8: convert it "
          + "first, e.g. iconv -f utf-16 -t utf-8\nread 1, analysed 0, failed 1, duplicates 0\n")
    }
  }

  @Test func aSemicolonSeparatedCSVIsReadAsSuch() throws {
    let result = try CLI.run(
      ["classify", "-", "--input-format", "csv"],
      stdin: "id;title;text\n1;Bookkeeper;Keep the books, file the taxes\n2;Clerk;File\n")
    #expect(result.status == 0)
    #expect(result.stderr == "read 2, analysed 2, failed 0, duplicates 0\n")
    #expect(result.stdout.split(separator: "\n")[1].hasPrefix(#"{"id":"1","title":"Bookkeeper","#))
  }

  @Test func resumeSaysWhatDiffers() throws {
    let folder = try TemporaryDirectory("cli-resume-messages")
    defer { folder.remove() }
    let input = try folder.write("x.jsonl", Self.posting)
    let foreign = try folder.write("notes.jsonl", "some notes\n")
    let refused = try CLI.run(["classify", input, "--out", foreign, "--resume"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "joblens: error: cannot resume '\(foreign)': it is not a joblens classify output (its "
        + "first line is not a run manifest); write to another file, or remove it to start afresh\n"
    )
    #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "some notes\n")
    let out = folder.file("out.jsonl")
    #expect(try CLI.run(["classify", input, "--out", out, "--quiet"]).status == 0)
    let other = try CLI.run([
      "classify", input, "--out", out, "--resume", "--skill-threshold", "0.7",
    ])
    #expect(other.status == 1)
    #expect(
      other.stderr
        == "joblens: error: cannot resume '\(out)': it was written with another index, version or "
        + "options (skills.threshold 0.5, now 0.7)\n")
    // A manifest written apart (--manifest FILE) is compared the same way.
    let apart = folder.file("apart.jsonl")
    let manifest = folder.file("apart.manifest.json")
    let written = try CLI.run([
      "classify", input, "--out", apart, "--manifest", manifest, "--quiet",
    ])
    #expect(written.status == 0)
    let otherApart = try CLI.run([
      "classify", input, "--out", apart, "--manifest", manifest, "--resume",
      "--skill-threshold", "0.7",
    ])
    #expect(otherApart.status == 1)
    #expect(
      otherApart.stderr
        == "joblens: error: cannot resume '\(manifest)': it was written with another index, "
        + "version or options (skills.threshold 0.5, now 0.7)\n")
  }
}

extension CLI {
  /// Runs `joblens` with standard output on `/dev/full`, where every write fails.
  static func runWritingToFullDisk(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["JOBLENS_INDEX"] = indexPath
    process.environment = environment
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let err = Pipe()
    process.standardOutput = full
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: "",
      stderr: String(decoding: errors, as: UTF8.self))
  }
}
