/// Phrases that mark a phrase's zone wherever it stands ("equal opportunity employer" → legal,
/// "health insurance" → offer, "send your CV" → application), and the openings of
/// requirements ("You have…", "Experience with…"). Written by us; entries are match keys,
/// matched as consecutive words.
enum ZoneLexicons {
  /// Cue phrases, by zone.
  static let cues: [(String, PostingZone)] = [
    // Legal.
    ("equal opportunity", .legal), ("equal opportunities", .legal),
    ("equal employment", .legal), ("regardless of race", .legal),
    ("without regard to", .legal), ("all qualified applicants", .legal),
    ("reasonable accommodation", .legal), ("reasonable accommodations", .legal),
    ("sexual orientation", .legal), ("gender identity", .legal),
    ("protected veteran", .legal), ("national origin", .legal),
    ("do not discriminate", .legal), ("does not discriminate", .legal),
    ("background check", .legal), ("e verify", .legal), ("privacy policy", .legal),
    ("privacy notice", .legal), ("drug free", .legal), ("affirmative action", .legal),
    ("employment authorization", .legal), ("sponsor", .legal), ("sponsorship", .legal),
    ("laws enforced", .legal), ("applicable law", .legal), ("applicable laws", .legal),
    // Offers: benefits, pay and conditions.
    ("competitive salary", .offer), ("competitive pay", .offer),
    ("competitive compensation", .offer), ("health insurance", .offer),
    ("medical dental", .offer), ("dental", .offer), ("401 k", .offer), ("401k", .offer),
    ("paid time off", .offer), ("pto", .offer), ("pension", .offer),
    ("stock options", .offer), ("annual leave", .offer), ("we offer", .offer),
    ("you will receive", .offer), ("you'll receive", .offer), ("bonus", .offer),
    ("per hour", .offer), ("per month", .offer), ("per year", .offer), ("per annum", .offer),
    ("salary range", .offer), ("salary", .offer), ("hourly rate", .offer),
    ("pay range", .offer), ("base pay", .offer), ("paid holidays", .offer),
    ("parental leave", .offer), ("life insurance", .offer), ("vision insurance", .offer),
    ("benefits package", .offer), ("full benefits", .offer), ("benefits include", .offer),
    ("flexible hours", .offer), ("flexible schedule", .offer),
    ("flexible working hours", .offer), ("work from home", .offer),
    ("work from anywhere", .offer), ("available immediately", .offer),
    ("immediate start", .offer), ("start immediately", .offer), ("start date", .offer),
    ("hours per week", .offer), ("job type", .offer), ("career growth", .offer),
    ("professional development", .offer), ("training provided", .offer),
    ("work life balance", .offer),
    // Applying.
    ("send your cv", .application), ("send your resume", .application),
    ("send us your", .application), ("apply now", .application),
    ("click apply", .application), ("to apply for", .application),
    ("to apply please", .application), ("apply via", .application),
    ("apply online", .application), ("please apply", .application),
    ("submit your application", .application), ("submit your resume", .application),
    ("cover letter", .application), ("interested candidates", .application),
    ("interested applicants", .application), ("apply with", .application),
    ("applications close", .application), ("send an email", .application),
    ("email your resume", .application), ("email your cv", .application),
    ("forward your resume", .application), ("in your application", .application),
    ("in your proposal", .application), ("when applying", .application),
    ("we look forward", .application), ("thank you for", .application),
    // Company.
    ("we are a", .company), ("we're a", .company), ("founded in", .company),
    ("our mission", .company), ("is a leading", .company), ("is a global", .company),
    ("headquartered", .company), ("established in", .company),
    ("our clients include", .company), ("our company", .company),
    ("our customers", .company), ("our products", .company), ("our platform", .company),
    ("we believe", .company), ("we help", .company), ("is the leading", .company),
    ("is a fast growing", .company), ("leading provider", .company),
  ]

  /// Openings of a phrase that describes the candidate rather than the work.
  static let requirementOpenings: [String] = [
    "you are", "you're", "you have", "you've got", "you should", "you must", "you bring",
    "you will have", "you'll have", "you enjoy", "you love", "you thrive", "passionate about",
    "a passion for",
    "do you have", "are you", "have you", "must be", "must have", "should be", "should have",
    "looking for", "we are looking for", "we're looking for", "we are seeking",
    "we're seeking", "seeking", "ideal candidate", "the ideal candidate",
    "the successful candidate", "the right candidate", "candidates must", "candidate must",
    "experience with", "experience in", "experience of", "knowledge of", "working knowledge",
    "understanding of", "proficiency in", "proficient in", "proficient with", "fluent in",
    "fluency in", "confident with", "comfortable with", "familiarity with", "familiar with",
    "excellent", "strong", "a strong", "solid", "proven", "demonstrated", "ability to",
    "able to", "at least", "minimum of", "a minimum of", "degree in", "a degree", "bachelor",
    "bachelor's", "master's", "high school", "previous experience", "prior experience",
    "good", "great", "basic", "advanced", "willingness to", "willing to",
  ]

  /// Phrases that make a phrase a requirement wherever they stand ("2+ years of experience").
  static let requirementCues: [String] = [
    "years of experience", "years experience", "years as", "years of professional",
    "is a plus", "are a plus", "is an advantage", "would be an advantage", "is preferred",
    "is desirable", "is required", "are required", "high school diploma", "or equivalent",
  ]
}
