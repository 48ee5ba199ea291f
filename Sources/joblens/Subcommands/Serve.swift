import ArgumentParser
import Foundation
import JobLens
import JobLensServe

/// `joblens serve`: the web app for curriculum designers.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the web app for curriculum designers (coverage report, JSON API).",
    discussion: """
      Opens with our sample postings measured against the default VA curriculum; upload \
      postings (JSONL, CSV, TSV, a zip of HTML/TXT files, or one pasted posting) and a \
      curriculum (YAML or CSV), exclude skills or postings, edit items' skills and phrases, \
      compare two corpora or curricula, and download the curriculum and the tables. The JSON \
      API (POST /api/classify, /api/skills, /api/coverage) is described at /api/openapi.json. \
      It listens on 127.0.0.1 unless --host says otherwise, and keeps uploads in memory only. \
      Stop it with Ctrl-C. This product uses the ESCO classification of the European Commission.
      """)

  @Option(help: "The address to listen on (127.0.0.1: this computer only).")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port = 8080

  @Option(help: "The default curriculum (YAML).")
  var curriculum = "Data/curricula/va-vet.yaml"

  @Option(help: "The sample postings shown first (JSONL).")
  var samples = "Data/samples/va-postings.jsonl"

  @Option(help: "Largest upload in MB.")
  var maxUpload = ServeLimits().uploadBytes >> 20

  @OptionGroup var indexOption: IndexOption

  func validate() throws {
    if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
    if maxUpload < 1 || maxUpload > 1024 { throw ValidationError("--max-upload must be 1…1024") }
  }

  /// Runs the server on Swift concurrency's threads while this (the main) thread waits, since
  /// the command line's entry point is synchronous.
  func run() throws {
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await serve()
      } catch {
        outcome.error = error
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
  }

  /// The error the server stopped with, handed from its task to the main thread.
  private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
  }

  func serve() async throws {
    let started = Date()
    let index = try indexOption.load()
    let curriculum = try CurriculumFile.load(self.curriculum, index: index)
    let samples = try ByteStream(path: self.samples).readAll()
    var limits = ServeLimits()
    limits.uploadBytes = maxUpload << 20
    let app = try await ServeApp(
      index: index, curriculum: curriculum,
      samplePostings: (samples, (self.samples as NSString).lastPathComponent), limits: limits)
    let host = host
    try await ServeServer.run(app, host: host, port: port) { address in
      let seconds = JSONWriter.format(Date().timeIntervalSince(started), decimals: 2)
      // The app is the output: a start line that cannot be written is said, and serving goes on.
      do {
        try Output.write(
          "JobLens is serving at \(address) (ready in \(seconds) s; Ctrl-C to stop)\n")
      } catch {
        Diagnostics.warning("\(error)")
      }
      if host != "127.0.0.1" && host != "localhost" && host != "::1" {
        Diagnostics.warning("listening on \(host): other computers can reach the app")
      }
    }
  }
}
