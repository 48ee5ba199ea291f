import Testing

@testable import JobLensTaxonomy

@Suite("ESCO import: label cleaning")
struct LabelCleanerTests {
  /// A label that begins with a conjunction in lower case is a piece of a longer label cut at a
  /// line break (ESCO v1.1.1: "and procedures", "or tactile clocks."); words that only begin
  /// with the letters, and "OR" (operating room), are labels.
  @Test(arguments: [
    ("and procedures", true), ("or tactile clocks.", true), ("android developer", false),
    ("order picking", false), ("OR nurse", false), ("andragogy", false), ("procedures", false),
  ])
  func aPieceOfALongerLabel(label: String, isFragment: Bool) {
    #expect(LabelCleaner.isFragment(label) == isFragment)
  }

  /// Pieces are dropped from the labels and kept for the importer's warning, once each.
  @Test func piecesAreDroppedAndTakenOnce() {
    var cleaner = LabelCleaner()
    let labels = cleaner.clean(
      ["compile manuals", "and procedures", "OR nurse"], excluding: ["compile manuals"])
    #expect(labels == ["OR nurse"])
    #expect(cleaner.takeFragments() == ["and procedures"])
    #expect(cleaner.takeFragments().isEmpty)
  }
}
