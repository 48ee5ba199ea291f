/// Section headings of job postings and the zone they open ("Responsibilities" → duties,
/// "About us" → company, "Benefits" → offer). Written by us; entries are match keys
/// (case-folded, without diacritics, straight apostrophes), matched as consecutive words
/// anywhere in a heading. The longest entry found decides ("about the role" is a duty heading,
/// "about" alone a company one); among equally long ones, the one that starts first in the
/// heading.
enum SectionHeadings {
  static let entries: [(String, PostingZone)] = [
    // Duties.
    ("responsibilities", .duty), ("responsibility", .duty), ("duties", .duty), ("tasks", .duty),
    ("what you will do", .duty), ("what you'll do", .duty), ("what you'll be doing", .duty),
    ("what you will be doing", .duty), ("what you would be doing", .duty), ("your role", .duty),
    ("the role", .duty), ("about the role", .duty), ("about the job", .duty),
    ("about the position", .duty), ("role", .duty), ("job description", .duty),
    ("description", .duty), ("you will", .duty), ("day to day", .duty), ("summary", .duty),
    ("overview", .duty), ("scope", .duty), ("deliverables", .duty), ("your impact", .duty),
    ("the opportunity", .duty), ("in this role", .duty), ("accountabilities", .duty),
    ("essential functions", .duty), ("the position", .duty), ("position", .duty),
    ("the job", .duty), ("your mission", .duty), ("the project", .duty),
    ("project description", .duty), ("key result areas", .duty),
    // Requirements.
    ("requirements", .requirement), ("requirement", .requirement),
    ("qualifications", .requirement), ("qualification", .requirement),
    ("skills", .requirement), ("skill set", .requirement),
    ("what we're looking for", .requirement), ("what we are looking for", .requirement),
    ("who we're looking for", .requirement), ("who we are looking for", .requirement),
    ("who you are", .requirement), ("about you", .requirement), ("profile", .requirement),
    ("must have", .requirement), ("must haves", .requirement), ("nice to have", .requirement),
    ("nice to haves", .requirement), ("experience", .requirement),
    ("what you need", .requirement), ("what you'll need", .requirement),
    ("what you will need", .requirement), ("what you bring", .requirement),
    ("what you'll bring", .requirement), ("what you will bring", .requirement),
    ("you have", .requirement), ("what you have", .requirement),
    ("competencies", .requirement), ("education", .requirement),
    ("bonus points", .requirement), ("mandatory", .requirement), ("required", .requirement),
    ("desirable", .requirement), ("preferred", .requirement),
    ("certifications", .requirement), ("tech stack", .requirement),
    ("our stack", .requirement), ("ideal candidate", .requirement),
    ("knowledge", .requirement), ("abilities", .requirement), ("eligibility", .requirement),
    // Company.
    ("about us", .company), ("about the company", .company), ("who we are", .company),
    ("who are we", .company), ("our company", .company), ("company overview", .company),
    ("company description", .company), ("company profile", .company),
    ("the company", .company), ("about", .company), ("our story", .company),
    ("our mission", .company), ("our values", .company), ("our culture", .company),
    ("about the team", .company), ("the team", .company), ("our team", .company),
    ("about our client", .company), ("our client", .company), ("what we do", .company),
    // Offers: benefits, pay and conditions.
    ("benefits", .offer), ("perks", .offer), ("what we offer", .offer), ("we offer", .offer),
    ("compensation", .offer), ("salary", .offer), ("pay", .offer), ("why join us", .offer),
    ("why work with us", .offer), ("why us", .offer), ("what's in it for you", .offer),
    ("what you'll get", .offer), ("what you get", .offer), ("rewards", .offer),
    ("pay range", .offer), ("job type", .offer), ("employment type", .offer),
    ("hours", .offer), ("working hours", .offer), ("schedule", .offer),
    ("location", .offer), ("work location", .offer), ("relocation", .offer),
    // Legal text.
    ("equal opportunity", .legal), ("equal employment opportunity", .legal), ("eeo", .legal),
    ("diversity", .legal), ("disclaimer", .legal), ("privacy", .legal),
    ("terms and conditions", .legal), ("legal", .legal), ("note", .legal), ("notice", .legal),
    ("accommodations", .legal),
    // Applying.
    ("how to apply", .application), ("to apply", .application), ("apply", .application),
    ("application process", .application), ("application", .application),
    ("next steps", .application), ("interview process", .application),
    ("hiring process", .application), ("contact", .application), ("contact us", .application),
  ]

  private static let lexicon = PhraseLexicon(tagged: entries.map { ($0.0, $0.1.rawValue) })

  /// The entries as they are written, to tell a heading that is only a section's name.
  private static let names = Set(entries.map(\.0))

  /// Whether a heading is a section's name and nothing else ("Job Description",
  /// "Responsibilities:"), not a skill area as well ("Customer Service Skills").
  static func isSectionName(_ keys: [String]) -> Bool {
    names.contains(keys.joined(separator: " "))
  }

  /// The zone a heading opens, or nil when it names no known section.
  /// - Complexity: O(n × e) for n words and e entries sharing a first word.
  static func zone(of keys: [String]) -> PostingZone? {
    lexicon.longestTag(in: keys).flatMap(PostingZone.init(rawValue:))
  }
}
