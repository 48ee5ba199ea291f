import JobLensCore
package import JobLensIndex
package import JobLensInput

extension ConceptIndex {
  /// What learning a background corpus read.
  package struct BackgroundReading {
    /// The index with the learned model.
    package var index: ConceptIndex
    /// Postings learned from.
    package var postings: Int
    /// Records that could not be read, as "source: message".
    package var failures: [String]
  }

  /// The same index with a ``BackgroundModel`` learned from the postings that `reader` gives
  /// (records that cannot be read are skipped and returned). The model's checksum is the
  /// SHA-256 of the postings' titles and texts.
  /// - Complexity: O(n) in the corpus's size, plus its phrases' skill matching.
  package func learningBackground(
    from reader: PostingReader, skillThreshold: Double
  ) throws -> BackgroundReading {
    var learner = try BackgroundLearner(index: self, skillThreshold: skillThreshold)
    var digest = SHA256()
    var failures: [String] = []
    var postings = 0
    while let record = reader.next() {
      switch record {
      case .posting(let posting):
        learner.add(title: posting.title, text: posting.text)
        digest.update(Array(posting.title.utf8) + [0x0A] + Array(posting.text.utf8) + [0x0A])
        postings += 1
      case .failure(_, let source, let message):
        failures.append("\(source): \(message)")
      }
    }
    let checksum = postings > 0 ? SHA256.hexString(digest.finalize()) : ""
    return BackgroundReading(
      index: replacingBackground(learner.model(sourceChecksum: checksum)), postings: postings,
      failures: failures)
  }
}
