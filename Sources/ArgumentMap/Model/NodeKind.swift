/// What part a node plays in the argument.
///
/// The raw value is the keyword used in `.argmap` text and in JSON.
public enum NodeKind: String, CaseIterable, Sendable, Hashable {
  /// The thesis the argument defends; a map may hold rival theses.
  case mainAim = "aim"
  /// A goal that serves an aim.
  case subAim = "subaim"
  /// A statement argued for.
  case claim
  /// A statement that answers a claim ("one could argue ...").
  case counterclaim
  /// A source, quotation or fact used as evidence.
  case evidence
  /// A dated event used as evidence.
  case event
  /// A historian's or a school's reading of the evidence.
  case interpretation

  /// The keyword that introduces a node of this kind in `.argmap` text.
  public var keyword: String { rawValue }

  /// A readable name for messages and legends ("main aim", "sub-aim").
  public var displayName: String {
    switch self {
    case .mainAim: "main aim"
    case .subAim: "sub-aim"
    case .claim: "claim"
    case .counterclaim: "counterclaim"
    case .evidence: "evidence"
    case .event: "event"
    case .interpretation: "interpretation"
    }
  }

  /// How far down the argument a kind sits: aims and interpretations on top, evidence at the
  /// bottom. Links run upwards or sideways; the validator rejects links that point down.
  public var level: Int {
    switch self {
    case .mainAim, .interpretation: 0
    case .subAim: 1
    case .claim, .counterclaim: 2
    case .evidence, .event: 3
    }
  }

  /// Whether the node stands for evidence (an event or a piece of evidence).
  public var isEvidence: Bool {
    switch self {
    case .evidence, .event: true
    case .mainAim, .subAim, .claim, .counterclaim, .interpretation: false
    }
  }
}
