import Benchmark
import Foundation
import JobLens

/// Real English text: the descriptions of ESCO's occupations and of the development corpus's
/// postings, read at run time from `../shared` (or `$JOBLENS_SHARED`).
let corpus: UTF8Text = {
  let shared =
    ProcessInfo.processInfo.environment["JOBLENS_SHARED"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
  var text: [UInt8] = []
  let occupations = FileManager.default.contents(
    atPath: shared + "/esco/v1.1.1/occupations_en.csv")
  let reader = CSVReader(bytes: Array(occupations ?? Data()))
  let header = (try? reader.next())?.fields ?? []
  if let description = header.firstIndex(of: "description") {
    while let record = try? reader.next() {
      guard description < record.fields.count else { continue }
      text += Array(record.fields[description].utf8) + [0x0A]
    }
  }
  let postings = (try? String(contentsOfFile: shared + "/corpus_dev.jsonl", encoding: .utf8)) ?? ""
  for line in postings.split(separator: "\n") {
    guard let data = line.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let description = object["description"] as? String
    else { continue }
    text += Array(description.utf8) + [0x0A]
  }
  // Repeat to at least 6 MB.
  let unit = text
  while text.count < 6_000_000 && !unit.isEmpty { text += unit }
  return UTF8Text(validating: text)
}()

let megabytes = Double(corpus.bytes.count) / 1_000_000

/// MB/s × 100, as benchmark metrics are integers.
let rawMBps = BenchmarkMetric.custom(
  "raw ICU MB/s x100", polarity: .prefersLarger, useScalingFactor: false)
let tokenizerMBps = BenchmarkMetric.custom(
  "tokenizer MB/s x100", polarity: .prefersLarger, useScalingFactor: false)
let ratioPercent = BenchmarkMetric.custom(
  "tokenizer / raw ICU %", polarity: .prefersLarger, useScalingFactor: false)

func seconds(_ body: () -> Void) -> Double {
  let start = ContinuousClock.now
  body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let benchmarks: @Sendable () -> Void = {
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds,
    maxDuration: .seconds(20), maxIterations: 10)

  Benchmark("Raw ICU word break", configuration: configuration) { benchmark in
    let tokenizer = try! Tokenizer(language: "en")
    benchmark.startMeasurement()
    blackHole(tokenizer.countICUWords(corpus))
  }

  Benchmark("Tokenizer (normalise + break + protect + stem)", configuration: configuration) {
    benchmark in
    let tokenizer = try! Tokenizer(language: "en")
    benchmark.startMeasurement()
    blackHole(tokenizer.tokenize(corpus).tokens.count)
  }

  // Both on the same bytes in the same iteration, so that machine noise hits both alike.
  Benchmark(
    "Tokenizer vs raw ICU, same iteration",
    configuration: .init(
      metrics: [rawMBps, tokenizerMBps, ratioPercent], maxDuration: .seconds(30), maxIterations: 8)
  ) { benchmark in
    let tokenizer = try! Tokenizer(language: "en")
    _ = tokenizer.tokenize(corpus)  // warm the form table as a long run would
    let raw = seconds { blackHole(tokenizer.countICUWords(corpus)) }
    let full = seconds { blackHole(tokenizer.tokenize(corpus).tokens.count) }
    benchmark.measurement(rawMBps, Int(megabytes / raw * 100))
    benchmark.measurement(tokenizerMBps, Int(megabytes / full * 100))
    benchmark.measurement(ratioPercent, Int(raw / full * 100))
  }
}
