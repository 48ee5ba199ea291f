import JobLensIndex
import Testing

@testable import JobLensAnalysis

/// The occupations named by preferred labels, looked up by a hash of their bytes, are those a
/// dictionary by lower-case text gives (the last added for a text wins).
@Suite("Preferred names", .needsESCO)
struct PreferredNamesTests {
  @Test func lookUpsAgreeWithTexts() throws {
    let index = try SharedIndex.v111
    var named = PreferredNames()
    var byText: [String: Int] = [:]
    var occupationLabels: [Int] = []
    for label in 0..<index.labelCount {
      let concept = index.labelConcept(label)
      guard concept.kind == .occupation else { continue }
      occupationLabels.append(label)
      // Every other preferred label, and every tenth label of any field as if preferred (so
      // that texts recur).
      if (index.labelField(label) == .preferred && concept.index % 2 == 0) || label % 10 == 0 {
        named.add(label, of: concept.index, in: index)
        byText[index.labelText(label).lowercased()] = concept.index
      }
    }
    var found = 0
    for label in occupationLabels {
      let occupation = named.occupation(named: label, in: index)
      #expect(occupation == byText[index.labelText(label).lowercased()])
      if occupation != nil { found += 1 }
    }
    #expect(found > 1_000)
    #expect(PreferredNames().occupation(named: occupationLabels[0], in: index) == nil)
  }

  /// The labels that may be a preferred label include every label that is one, in lower case;
  /// a few others share their keys.
  @Test func mayBePreferredHasEveryNamesake() throws {
    let index = try SharedIndex.v111
    var preferred: Set<String> = []
    var occupationLabels: [Int] = []
    for label in 0..<index.labelCount where index.labelConcept(label).kind == .occupation {
      occupationLabels.append(label)
      if index.labelField(label) == .preferred {
        preferred.insert(index.labelText(label).lowercased())
      }
    }
    let keys = PreferredNameKeys()
    var namesakes = 0
    var others = 0
    for round in 0..<2 {
      for label in occupationLabels {
        let named = preferred.contains(index.labelText(label).lowercased())
        let maybe = keys.mayBePreferred(label, in: index)
        #expect(maybe || !named)
        if round == 0 && index.labelField(label) != .preferred {
          if named { namesakes += 1 } else if maybe { others += 1 }
        }
      }
    }
    #expect(namesakes > 0)
    #expect(others < 10)
  }
}
