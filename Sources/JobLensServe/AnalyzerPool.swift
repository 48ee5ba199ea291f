import Foundation
import JobLensAnalysis
import JobLensIndex

/// Posting analyzers shared by concurrent requests: each request borrows one on a thread of
/// its own (analysis is CPU work that must not hold Swift concurrency's few threads), at most
/// `size` at a time; the others wait.
final class AnalyzerPool: @unchecked Sendable {
  private let index: ConceptIndex
  private let options: AnalysisOptions
  private let size: Int
  private let condition = NSCondition()
  private var idle: [PostingAnalyzer] = []
  private var made = 0
  private let queue = DispatchQueue(label: "joblens.serve.analysis", attributes: .concurrent)

  init(index: ConceptIndex, options: AnalysisOptions = AnalysisOptions(), size: Int) {
    self.index = index
    self.options = options
    self.size = max(1, size)
  }

  /// Runs `work` with a borrowed analyzer on a dispatch thread.
  func run<T: Sendable>(_ work: @escaping @Sendable (PostingAnalyzer) throws -> T) async throws -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      queue.async {
        do {
          let analyzer = try self.borrow()
          defer { self.giveBack(analyzer) }
          continuation.resume(returning: try work(analyzer))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  private func borrow() throws -> PostingAnalyzer {
    condition.lock()
    defer { condition.unlock() }
    while idle.isEmpty && made >= size { condition.wait() }
    if let analyzer = idle.popLast() { return analyzer }
    made += 1
    do {
      return try PostingAnalyzer(index: index, options: options)
    } catch {
      made -= 1
      condition.signal()
      throw error
    }
  }

  private func giveBack(_ analyzer: PostingAnalyzer) {
    condition.lock()
    idle.append(analyzer)
    condition.signal()
    condition.unlock()
  }
}
