import Benchmark
import Foundation
import JobLens

/// `../shared` beside the project (or `$JOBLENS_SHARED`).
let shared: String =
  ProcessInfo.processInfo.environment["JOBLENS_SHARED"]
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path

/// The development corpus's postings, read outside the measured code.
let postings: [Posting] = {
  let bytes = Array(FileManager.default.contents(atPath: shared + "/corpus_dev.jsonl") ?? Data())
  let reader = JSONLPostingReader(
    lines: LineReader(bytes: bytes), name: "corpus_dev.jsonl",
    fields: PostingFields(text: "description"))
  var postings: [Posting] = []
  while let record = try? reader.next() {
    if case .posting(let posting) = record { postings.append(posting) }
  }
  return postings
}()

/// The same postings' bytes, for the raw ICU baseline.
let corpusText = UTF8Text(postings.map { $0.title + "\n" + $0.text }.joined(separator: "\n"))

let index: ConceptIndex = {
  let taxonomy = try! ESCOImporter.load(try! ESCOSource(path: shared + "/esco/v1.1.1"))
  return try! ConceptIndex.build(taxonomy)
}()

let postingsPerSecond = BenchmarkMetric.custom(
  "postings/s", polarity: .prefersLarger, useScalingFactor: false)
let analysisVsICU = BenchmarkMetric.custom(
  "analysis / raw ICU % (x100)", polarity: .prefersLarger, useScalingFactor: false)

func seconds(_ body: () -> Void) -> Double {
  let start = ContinuousClock.now
  body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let benchmarks: @Sendable () -> Void = {
  // One core: every posting of the development corpus, and raw ICU word breaking over the same
  // bytes, in the same iteration.
  Benchmark(
    "Analysis of corpus_dev (one core) vs raw ICU word break",
    configuration: .init(
      metrics: [postingsPerSecond, analysisVsICU], maxDuration: .seconds(60), maxIterations: 5,
      setup: {
        _ = postings.count; _ = index.count(.skill)
      })
  ) { benchmark in
    let analyzer = try! PostingAnalyzer(index: index)
    let tokenizer = try! Tokenizer(language: "en")
    for posting in postings.prefix(20) { blackHole(analyzer.analyze(posting)) }
    let analysis = seconds {
      for posting in postings { blackHole(analyzer.analyze(posting).skills.count) }
    }
    let raw = seconds { blackHole(tokenizer.countICUWords(corpusText)) }
    benchmark.measurement(postingsPerSecond, Int(Double(postings.count) / analysis))
    benchmark.measurement(analysisVsICU, Int(raw / analysis * 10_000))
  }
}
