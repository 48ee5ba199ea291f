import Foundation
import Testing

@testable import JobLensIndex

/// A label's stored text facts agree with its text, for every ESCO label and after the index
/// is written and read back (``ConceptIndex/labelTextFacts(_:)``).
@Suite("Label text facts", .needsESCO)
struct LabelTextFactsTests {
  /// The facts as the analysis asked them of the text before they were stored.
  private static func asked(_ text: String) -> LabelTextFacts {
    var facts: LabelTextFacts = []
    if text.first?.isLowercase == true { facts.insert(.startsLowercase) }
    if text.first?.isUppercase == true { facts.insert(.startsUppercase) }
    if text.contains(where: \.isLowercase) { facts.insert(.hasLowercase) }
    if text.split(whereSeparator: \.isWhitespace).count == 1 { facts.insert(.oneWord) }
    return facts
  }

  @Test func everyESCOLabelsFactsAgreeWithItsText() throws {
    let index = try SharedIndex.v111
    var counts: [UInt8: Int] = [:]
    for label in 0..<index.labelCount {
      let text = index.labelText(label)
      #expect(index.labelTextFacts(label) == Self.asked(text), "\(label): \(text)")
      counts[index.labelTextFacts(label).rawValue, default: 0] += 1
    }
    // Each fact is there and is not there for some labels.
    for fact in [LabelTextFacts.startsLowercase, .startsUppercase, .hasLowercase, .oneWord] {
      #expect(counts.contains { $0.key & fact.rawValue != 0 && $0.value > 0 })
      #expect(counts.contains { $0.key & fact.rawValue == 0 && $0.value > 0 })
    }
  }

  @Test func factsSurviveTheIndexFile() throws {
    let index = try FixtureTaxonomy.index
    let decoded = try IndexFile.decode(index.encoded(), path: "fixture.jlidx")
    let loaded = ConceptIndex(data: decoded.0, checksum: decoded.checksum)
    #expect(loaded.labelCount == index.labelCount)
    for label in 0..<index.labelCount {
      #expect(loaded.labelTextFacts(label) == Self.asked(index.labelText(label)))
    }
  }

  /// Hand-made texts: cases, digits first, non-ASCII letters, white space other than spaces.
  static let examples: [(String, LabelTextFacts)] = [
    ("welder", [.startsLowercase, .hasLowercase, .oneWord]),
    ("SQL", [.startsUppercase, .oneWord]),
    ("Microsoft Access", [.startsUppercase, .hasLowercase]),
    ("3D modelling", [.hasLowercase]),
    ("Ökonomie", [.startsUppercase, .hasLowercase, .oneWord]),
    ("e-learning", [.startsLowercase, .hasLowercase, .oneWord]),
    ("stay\u{A0}with", [.startsLowercase, .hasLowercase]),
    ("C++", [.startsUppercase, .oneWord]),
  ]

  @Test(arguments: examples) func factsOfTexts(example: (String, LabelTextFacts)) {
    #expect(LabelTextFacts(example.0) == example.1)
    #expect(Self.asked(example.0) == example.1)
  }
}
