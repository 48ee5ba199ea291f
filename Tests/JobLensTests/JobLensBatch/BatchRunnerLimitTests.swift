import Foundation
import Testing

@testable import JobLensBatch
@testable import JobLensInput

@Suite("Batch runner limits", .needsESCO)
struct BatchRunnerLimitTests {
  @Test func workersAreCappedAndNeverMoreThanTheBatches() throws {
    let runner = BatchRunner(index: try SharedIndex.v111, jobs: 99_999)
    #expect(runner.jobs == BatchRunner.jobLimit)
    #expect(BatchRunner.jobLimit == 4 * ProcessInfo.processInfo.activeProcessorCount)
    runner.batchSize = 4
    let records = (1...9).map { number in
      InputRecord.posting(Posting(id: "\(number)", title: "Bookkeeper", text: "Keep the books."))
    }
    let (results, counts) = try runBatch(runner, records)
    #expect(results.count == 9 && counts.read == 9 && counts.analysed == 9)
    // Nine records in batches of four: three batches, three workers.
    #expect(runner.workersStarted == 3)
  }
}
