/// What a phrase of a posting is about. Only duties are evidence of the occupation (and make
/// up the occupation mix); duties and requirements name the skills a posting demands; company
/// profiles, offers (benefits, pay, conditions), legal, application and other text are listed,
/// not coded.
public enum PostingZone: String, Sendable, CaseIterable {
  /// A task of the job ("Answer phones and greet visitors").
  case duty
  /// What the job asks of the candidate ("2+ years of office experience", "Fluent English").
  case requirement
  /// The employer's profile ("We are a leading provider of …").
  case company
  /// What the job offers: benefits, pay, hours and other conditions.
  case offer
  /// Equal-opportunity, privacy and other legal text.
  case legal
  /// How to apply, the interview process, contact details.
  case application
  /// Headings of no known section (matched for skills, not tasks) and phrases without a word.
  case other

  /// The zones a background corpus learns from postings' section headings
  /// (``BackgroundModel`` sections), in section order.
  package static let learned: [PostingZone] = [
    .duty, .requirement, .company, .offer, .legal, .application,
  ]

  /// The zone's section in a background model, if it is learned.
  package var section: Int? { PostingZone.learned.firstIndex(of: self) }

  /// Whether the zone's phrases name skills the posting demands.
  public var namesSkills: Bool { self == .duty || self == .requirement }
}
