import Benchmark
import Foundation
import JobLens

/// The ESCO v1.1.1 download beside the project (or `$JOBLENS_SHARED/esco/v1.1.1`).
let escoPath: String = {
  let shared =
    ProcessInfo.processInfo.environment["JOBLENS_SHARED"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").path
  return shared + "/esco/v1.1.1"
}()

/// An index file written once, outside the measured code.
let indexPath: String = {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "joblens-benchmark-\(ProcessInfo.processInfo.processIdentifier).jlidx"
  ).path
  let taxonomy = try! ESCOImporter.load(try! ESCOSource(path: escoPath))
  try! ConceptIndex.build(taxonomy).write(to: path)
  return path
}()

/// One searcher over the loaded index, shared by all iterations of the search benchmark.
nonisolated(unsafe) let searcher: ConceptSearcher = {
  let searcher = try! ConceptSearcher(index: try! ConceptIndex.load(path: indexPath))
  _ = searcher.search("warm up")
  return searcher
}()

let queries = [
  "schedule appointments", "answer phone calls", "bookkeeping", "manage social media accounts",
  "executive secretary", "data entry", "prepare invoices", "book travel and accommodation",
  "customer service representative", "proofread documents",
]

let benchmarks: @Sendable () -> Void = {
  Benchmark(
    "Index build (import ESCO v1.1.1 + build, one core)",
    configuration: .init(
      metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
      maxDuration: .seconds(60), maxIterations: 3)
  ) { _ in
    let taxonomy = try! ESCOImporter.load(try! ESCOSource(path: escoPath))
    blackHole(try! ConceptIndex.build(taxonomy))
  }

  Benchmark(
    "Index load",
    configuration: .init(
      metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
      maxDuration: .seconds(20), maxIterations: 10,
      setup: { _ = indexPath })
  ) { _ in
    blackHole(try! ConceptIndex.load(path: indexPath))
  }

  Benchmark(
    "Taxonomy search (one query)",
    configuration: .init(
      metrics: [.wallClock, .throughput], timeUnits: .microseconds,
      maxDuration: .seconds(10), maxIterations: 2000, setup: { _ = searcher })
  ) { benchmark in
    // The index is loaded once (outside the measurement): this is a query after load.
    for iteration in benchmark.scaledIterations {
      blackHole(searcher.search(queries[iteration % queries.count], limit: 10))
    }
  }
}
