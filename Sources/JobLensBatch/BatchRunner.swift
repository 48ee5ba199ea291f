import Foundation
public import JobLensAnalysis
public import JobLensCore
public import JobLensIndex
public import JobLensInput

/// What a batch run produced for one input record, in input order.
public enum BatchResult: Sendable {
  case analysis(PostingAnalysis, source: String)
  case failure(id: String?, source: String, message: String)
}

/// Counts of a batch run: read = skipped + analysed + failed.
public struct BatchCounts: Sendable, Equatable {
  /// Records read.
  public var read = 0
  /// Records already in the output of an interrupted run (``BatchRunner/alreadyWritten``).
  public var skipped = 0
  /// Records analysed.
  public var analysed = 0
  /// Records that could not be read (error records).
  public var failed = 0
  /// Analysed postings marked as duplicates of earlier ones.
  public var duplicates = 0
  /// All zero.
  public init() {}

  /// "read N, analysed N, failed N, duplicates N" (and skipped, when some were).
  public var summary: String {
    var parts = ["read \(read)"]
    if skipped > 0 { parts.append("skipped \(skipped) (already written)") }
    parts += ["analysed \(analysed)", "failed \(failed)", "duplicates \(duplicates)"]
    return parts.joined(separator: ", ")
  }
}

/// A failure that stops a run in strict mode (``BatchRunner/strict``).
public struct StrictModeFailure: Error, CustomStringConvertible {
  /// Where the failed record came from ("file:line").
  public var source: String
  /// Why it failed.
  public var message: String
  public var description: String { "\(source): \(message) (stopped at the first failure)" }
}

/// Runs postings through analysis on several threads, with bounded memory and results in
/// input order, so that the output is byte-identical whatever the number of threads.
///
/// The caller's thread reads records and writes results; `jobs` worker threads, each with its
/// own ``PostingAnalyzer`` (they share the index), analyse batches of records. At most
/// `4 × jobs` batches are in flight, so memory stays flat on any input size. Workers start as
/// batches arrive, so a short input never starts more workers than it has batches.
public final class BatchRunner {
  /// The most worker threads a run uses: 4 × the active cores. More only cost memory (each
  /// worker holds an analyser and a stack); `--jobs 99999` once took a machine's memory.
  public static let jobLimit = 4 * ProcessInfo.processInfo.activeProcessorCount

  /// The index the workers analyse against.
  public let index: ConceptIndex
  /// The analysis options.
  public let options: AnalysisOptions
  /// Worker threads: as asked, from 1 to ``jobLimit``.
  public let jobs: Int
  /// The worker threads the last run started: at most ``jobs`` and at most its batches (none
  /// with one job, which runs on the calling thread).
  public private(set) var workersStarted = 0
  /// Records per batch handed to a worker.
  public var batchSize = 16
  /// Stop at the first failure.
  public var strict = false
  /// Marks near-duplicates when set (checked in input order, on the reading thread).
  public var detector: NearDuplicateDetector?
  /// The ids of the records an interrupted run already wrote, in order: the first records read
  /// are checked against them and skipped (still seen by the duplicate detector).
  public var alreadyWritten: [String?] = []
  /// The output's name, for messages about ``alreadyWritten``.
  public var outputName = "output"

  /// A runner over an index with `jobs` worker threads (at least 1).
  public init(index: ConceptIndex, options: AnalysisOptions = AnalysisOptions(), jobs: Int) {
    self.index = index
    self.options = options
    self.jobs = min(max(1, jobs), BatchRunner.jobLimit)
  }

  /// Reads records with `next` until it returns nil, and calls `emit` with each result in
  /// input order. Throws what `next` or `emit` throw, or ``StrictModeFailure``.
  public func run(
    next: () throws -> InputRecord?, emit: (BatchResult) throws -> Void
  ) throws -> BatchCounts {
    try run(next: next, render: nil) { result, _ in try emit(result) }
  }

  /// Reads records with `next` until it returns nil, renders each result with `render` on the
  /// thread that analysed it (into a writer each worker reuses), and calls `emit` with each
  /// result and its bytes, in input order, so that output is formatted in parallel and written
  /// without being made a `String`. Throws what `next` or `emit` throw, or
  /// ``StrictModeFailure``.
  public func run(
    next: () throws -> InputRecord?, render: BatchRenderer?,
    emit: (BatchResult, ArraySlice<UInt8>) throws -> Void
  ) throws -> BatchCounts {
    var counts = BatchCounts()
    if jobs == 1 {
      let analyzer = try PostingAnalyzer(index: index, options: options)
      var writer = JSONWriter(capacity: render == nil ? 0 : 1 << 16)
      while let record = try readRecord(next, counts: &counts) {
        let result = BatchRunner.process(record, analyzer)
        writer.removeAll()
        render?(result, &writer)
        try count(result, bytes: writer.bytes[...], counts: &counts, emit: emit)
      }
      return counts
    }
    try runOnWorkers(next: next, render: render, emit: emit, counts: &counts)
    return counts
  }

  /// The next record to analyse, marked when a near-duplicate; the records an interrupted run
  /// already wrote are skipped after checking their ids (``alreadyWritten``).
  private func readRecord(
    _ next: () throws -> InputRecord?, counts: inout BatchCounts
  ) throws -> InputRecord? {
    while var record = try next() {
      if case .posting(var posting) = record,
        let match = detector?.check(id: posting.id, title: posting.title, text: posting.text)
      {
        posting.duplicate = DuplicateMark(
          of: match.id, isExact: match.isExact, similarity: match.similarity)
        record = .posting(posting)
      }
      guard counts.skipped < alreadyWritten.count else { return record }
      let written = alreadyWritten[counts.skipped]
      counts.skipped += 1
      counts.read += 1
      guard written == record.id else {
        throw ResumeError.inputMismatch(
          path: outputName, record: counts.skipped, written: written, input: record.id)
      }
    }
    if counts.skipped < alreadyWritten.count {
      throw ResumeError.inputEnded(
        path: outputName, records: counts.skipped, written: alreadyWritten.count)
    }
    return nil
  }

  /// Counts a result and emits it; in strict mode, a failure is emitted and then thrown.
  private func count(
    _ result: BatchResult, bytes: ArraySlice<UInt8>, counts: inout BatchCounts,
    emit: (BatchResult, ArraySlice<UInt8>) throws -> Void
  ) throws {
    counts.read += 1
    switch result {
    case .analysis(let analysis, _):
      counts.analysed += 1
      if analysis.duplicate != nil { counts.duplicates += 1 }
    case .failure(_, let source, let message):
      counts.failed += 1
      if strict {
        try emit(result, bytes)
        throw StrictModeFailure(source: source, message: message)
      }
    }
    try emit(result, bytes)
  }

  /// Analyses the records on ``jobs`` worker threads in batches of ``batchSize``, emitting the
  /// results in input order with at most 4 × ``jobs`` batches in flight.
  private func runOnWorkers(
    next: () throws -> InputRecord?, render: BatchRenderer?,
    emit: (BatchResult, ArraySlice<UInt8>) throws -> Void, counts: inout BatchCounts
  ) throws {
    let pool = WorkerPool(index: index, options: options, jobs: jobs, render: render)
    defer {
      pool.shutDown()
      workersStarted = pool.started
    }
    var sequence = 0
    var nextToEmit = 0
    var batch: [InputRecord] = []
    func drain(waitingFor limit: Int) throws {
      // Emit finished batches in order; wait for the next one while too many are in flight.
      while nextToEmit < sequence {
        guard let batch = try pool.take(nextToEmit, waiting: sequence - nextToEmit > limit)
        else { return }
        var start = 0
        for (result, end) in zip(batch.results, batch.ends) {
          try count(result, bytes: batch.bytes[start..<end], counts: &counts, emit: emit)
          start = end
        }
        nextToEmit += 1
      }
    }
    while let record = try readRecord(next, counts: &counts) {
      batch.append(record)
      if batch.count >= batchSize {
        pool.submit(sequence, batch)
        sequence += 1
        batch = []
        try drain(waitingFor: 4 * jobs)
      }
    }
    if !batch.isEmpty {
      pool.submit(sequence, batch)
      sequence += 1
    }
    try drain(waitingFor: 0)
    if let error = pool.failure { throw error }
  }

  /// The analysis of a posting with what the reader and the duplicate detector found (the
  /// derived text, the duplicate mark).
  public static func analyze(
    _ posting: Posting, with analyzer: PostingAnalyzer
  )
    -> PostingAnalysis
  {
    var analysis = analyzer.analyze(posting)
    analysis.duplicate = posting.duplicate
    if posting.isDerived { analysis.derivedText = posting.text }
    return analysis
  }

  static func process(_ record: InputRecord, _ analyzer: PostingAnalyzer) -> BatchResult {
    switch record {
    case .posting(let posting):
      return .analysis(analyze(posting, with: analyzer), source: posting.source)
    case .failure(let id, let source, let message):
      return .failure(id: id, source: source, message: message)
    }
  }
}

/// Renders one result into a writer: on the worker thread that analysed it
/// (``BatchRunner/run(next:render:emit:)``).
public typealias BatchRenderer = @Sendable (BatchResult, inout JSONWriter) -> Void

/// The results of one batch with their rendered bytes: result `i` is
/// `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
private struct RenderedBatch {
  var results: [BatchResult]
  var ends: [Int]
  var bytes: [UInt8]
}

/// Worker threads analysing batches; results are kept until taken in order.
private final class WorkerPool: @unchecked Sendable {
  private let condition = NSCondition()
  private var queue: [(Int, [InputRecord])] = []
  private var results: [Int: RenderedBatch] = [:]
  private var stopping = false
  private let index: ConceptIndex
  private let options: AnalysisOptions
  private let jobs: Int
  private let render: BatchRenderer?
  /// Worker threads started so far; one more with each batch submitted, up to `jobs`.
  private(set) var started = 0
  private(set) var failure: Error?

  init(index: ConceptIndex, options: AnalysisOptions, jobs: Int, render: BatchRenderer?) {
    self.index = index
    self.options = options
    self.jobs = jobs
    self.render = render
  }

  private func startWorker() {
    let thread = Thread { [self] in self.work(index: index, options: options) }
    thread.stackSize = 8 << 20
    started += 1
    thread.start()
  }

  private func work(index: ConceptIndex, options: AnalysisOptions) {
    let analyzer: PostingAnalyzer
    do {
      analyzer = try PostingAnalyzer(index: index, options: options)
    } catch {
      condition.lock()
      failure = error
      stopping = true
      condition.broadcast()
      condition.unlock()
      return
    }
    // Reused from batch to batch: each batch's bytes are handed over, and the writer goes on in
    // a fresh buffer of the same capacity.
    var writer = JSONWriter(capacity: render == nil ? 0 : 1 << 18)
    while true {
      condition.lock()
      while queue.isEmpty && !stopping { condition.wait() }
      if queue.isEmpty && stopping {
        condition.unlock()
        return
      }
      let (sequence, batch) = queue.removeFirst()
      condition.unlock()
      let output = renderBatch(batch, analyzer, into: &writer)
      condition.lock()
      results[sequence] = output
      condition.broadcast()
      condition.unlock()
    }
  }

  /// Analyses a batch and renders its results one after another into `writer`.
  private func renderBatch(
    _ batch: [InputRecord], _ analyzer: PostingAnalyzer, into writer: inout JSONWriter
  ) -> RenderedBatch {
    let results = batch.map { BatchRunner.process($0, analyzer) }
    guard let render else {
      return RenderedBatch(
        results: results, ends: Array(repeating: 0, count: results.count), bytes: [])
    }
    writer.removeAll()
    var ends: [Int] = []
    ends.reserveCapacity(results.count)
    for result in results {
      render(result, &writer)
      ends.append(writer.count)
    }
    return RenderedBatch(results: results, ends: ends, bytes: writer.bytes)
  }

  func submit(_ sequence: Int, _ batch: [InputRecord]) {
    if started < jobs { startWorker() }
    condition.lock()
    queue.append((sequence, batch))
    condition.broadcast()
    condition.unlock()
  }

  /// The results of batch `sequence`: nil if it is not finished, unless `waiting`, which
  /// blocks until it is (checked and waited for under one lock, so that a batch finished in
  /// between cannot be missed) or throws a worker's failure.
  func take(_ sequence: Int, waiting: Bool) throws -> RenderedBatch? {
    condition.lock()
    defer { condition.unlock() }
    while waiting && results[sequence] == nil && failure == nil { condition.wait() }
    if let batch = results.removeValue(forKey: sequence) { return batch }
    if waiting, let failure { throw failure }
    return nil
  }

  func shutDown() {
    condition.lock()
    stopping = true
    condition.broadcast()
    condition.unlock()
  }
}
