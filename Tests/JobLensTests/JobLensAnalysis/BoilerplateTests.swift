import Testing

@testable import JobLensAnalysis
@testable import JobLensText

@Suite("Boilerplate phrases")
struct BoilerplateTests {
  @Test func markdownSectionHeadingsOpenAndCloseBoilerplate() throws {
    let text = """
      ## Responsibilities
      - Answer support tickets
      **Salary range**
      - USD 20 to 25
      ### Compensation and benefits
      - Paid parental leave
      #### What you'll be doing
      - Log tickets
      """
    let tokenizer = try Tokenizer(language: "en")
    let tokenized = tokenizer.tokenize(text)
    let phrases = tokenizer.phrases(in: tokenized)
    let kinds = BoilerplateDetector.classify(
      phrases, keys: phrases.map { PhraseLexicon.keys(of: $0, in: tokenized, tokenizer: tokenizer) }
    )
    #expect(
      phrases.map(\.kind) == [
        .heading, .bullet, .heading, .bullet, .heading, .bullet, .heading, .bullet,
      ])
    #expect(kinds == [nil, nil, "salary", "salary", "benefits", "benefits", nil, nil])
  }
}
