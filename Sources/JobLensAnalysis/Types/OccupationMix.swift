/// One ISCO unit group's share of a posting's task phrases.
public struct MixShare: Sendable, Equatable {
  /// The unit group's code.
  public var isco: String
  /// The unit group's title.
  public var label: String
  /// Share of the assigned task phrases (the shares sum to 1).
  public var share: Double
  /// The task phrases behind the share.
  public var phrases: [Evidence]
}

/// The occupation mix of a posting: how its task phrases spread over ISCO unit groups.
public struct OccupationMix: Sendable, Equatable {
  /// Shares, largest first.
  public var shares: [MixShare]
  /// The largest share (0 when no phrase was assigned).
  public var topShare: Double
  /// Herfindahl index Σ share² (1 = one unit group).
  public var herfindahl: Double
  /// Task phrases with no unit group evidence.
  public var unassigned: Int
}
