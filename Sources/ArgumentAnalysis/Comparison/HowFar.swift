/// A "how far" judgement on a 0–1 strength, in the words history teachers use.
///
/// Exam questions ask "how far do you agree" and "how convincing"; the bands turn a strength into
/// that phrasing, and the cut points are stated so that a class can argue about them.
public enum HowFar: String, Hashable, Sendable, CaseIterable {
  /// 0.8 and above.
  case largely
  /// From 0.6 up to 0.8.
  case someExtent = "to-some-extent"
  /// From 0.4 up to 0.6.
  case balanced
  /// From 0.2 up to 0.4.
  case weakly
  /// Below 0.2.
  case hardly

  /// The band a strength falls in.
  public init(strength: Double) {
    switch strength {
    case 0.8...: self = .largely
    case 0.6..<0.8: self = .someExtent
    case 0.4..<0.6: self = .balanced
    case 0.2..<0.4: self = .weakly
    default: self = .hardly
    }
  }

  /// How convincing an interpretation is.
  public var convincing: String {
    switch self {
    case .largely: "convincing to a large extent"
    case .someExtent: "convincing to some extent"
    case .balanced: "only partly convincing: the evidence is finely balanced"
    case .weakly: "not very convincing"
    case .hardly: "unconvincing"
    }
  }

  /// How far an aim or sub-aim was met.
  public var met: String {
    switch self {
    case .largely: "met to a large extent"
    case .someExtent: "met to some extent"
    case .balanced: "partly met"
    case .weakly: "largely not met"
    case .hardly: "not met"
    }
  }
}
