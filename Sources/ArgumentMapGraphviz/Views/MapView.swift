import ArgumentMap

/// Which picture of a map to draw.
public enum MapView: Hashable, Sendable {
  /// The whole argument in the teaching layout: aims and interpretations on top, sub-aims
  /// below, then for each aim or sub-aim a "For" and an "Against" box; reasons in a numbered key.
  case argument
  /// One slide's worth: the aims, sub-aims with how many statements are for and against each,
  /// the interpretations and the verdict.
  case overview
  /// One statement and everything within `depth` links of it, in the teaching layout.
  case focus(NodeID, depth: Int)
  /// The dated statements placed by date above a time axis (long empty stretches cut out),
  /// each with a hint of its part in the argument; undated statements are counted, not drawn,
  /// and links are not drawn (no legend either).
  case timeline
  /// Two interpretations side by side: the first on the left, the evidence both read in the
  /// middle, the second on the right; evidence read both ways is marked.
  case comparison(NodeID, NodeID)
}

/// What a view shows besides the statements, and which labels a worksheet blanks.
public struct SceneOptions: Hashable, Sendable {
  /// Statements whose text is hidden (a worksheet); the layout stays that of the full map.
  public var blankNodes: [NodeID]
  /// Kinds whose statements are all hidden (`evidence` for "find the evidence").
  public var blankKinds: [NodeKind]
  /// Whether to draw a legend of the kinds and relations the diagram uses.
  public var showsLegend: Bool
  /// Whether to write each link's reasoning on its edge (it is always in the hover text).
  public var showsReasoning: Bool
  /// The longest line of a node label, in characters, before it wraps.
  public var lineWidth: Int
  /// An interpretation: when set, the argument and timeline views draw only the links that hold
  /// under it (unscoped links and those scoped to it).
  public var scope: NodeID?
  /// A worksheet's teacher copy: the answers, by blank number.
  public var showsAnswers: Bool
  /// A worksheet's word bank: the blanked statements, shortened, in alphabetical order (which
  /// gives nothing away), for students to place.
  public var showsWordBank: Bool
  /// On pages: a sheet after the picture with the question and ruled lines for a written
  /// judgement, then the map in words (blanks kept blank), for a printed worksheet.
  public var addsJudgementSheet: Bool
  /// Whether the corrections of flagged facts go under the picture. Pages set it off: a page
  /// must keep its text readable, so their corrections go on a sheet of their own instead.
  package var printsCorrections = true

  /// Creates options; the defaults draw the full map with each link's reasoning, no legend.
  public init(
    blankNodes: [NodeID] = [],
    blankKinds: [NodeKind] = [],
    showsLegend: Bool = false,
    showsReasoning: Bool = true,
    lineWidth: Int = 28,
    scope: NodeID? = nil,
    showsAnswers: Bool = false,
    showsWordBank: Bool = false,
    addsJudgementSheet: Bool = false
  ) {
    self.blankNodes = blankNodes
    self.blankKinds = blankKinds
    self.showsLegend = showsLegend
    self.showsReasoning = showsReasoning
    self.lineWidth = lineWidth
    self.scope = scope
    self.showsAnswers = showsAnswers
    self.showsWordBank = showsWordBank
    self.addsJudgementSheet = addsJudgementSheet
  }

  /// Options for a worksheet that blanks `blanks`, the rest as given.
  public init(worksheet blanks: BlankSelection, base: SceneOptions = SceneOptions()) {
    self = base
    blankNodes = blanks.nodes
    blankKinds = blanks.kinds
  }

  /// Whether the options make a worksheet (some labels blanked).
  public var isWorksheet: Bool { !blankNodes.isEmpty || !blankKinds.isEmpty }

  /// Whether a worksheet lists its answers or a word bank.
  var listsBlanks: Bool { isWorksheet && (showsAnswers || showsWordBank) }
}

/// Why a view cannot be drawn for a map: a wrong id in the request, not in the map.
public enum ViewError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The view names a node the map does not have; `suggestion` is a near id, if any.
  case unknownNode(NodeID, suggestion: NodeID?)
  /// The comparison view names a node that is not an interpretation.
  case notAnInterpretation(NodeID, kind: NodeKind)
  /// The comparison view names the same interpretation twice.
  case sameInterpretation(NodeID)
  /// The scope names a node the map does not have; `suggestion` is a near interpretation,
  /// `interpretations` all of them.
  case unknownScope(NodeID, suggestion: NodeID?, interpretations: [NodeID])
  /// The scope names a node that is not an interpretation; `suggestion` is a near one.
  case scopeNotAnInterpretation(
    NodeID, kind: NodeKind, suggestion: NodeID?, interpretations: [NodeID])

  /// The problem in words, naming the id and suggesting the nearest one.
  public var description: String {
    switch self {
    case .unknownNode(let id, let suggestion):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "unknown node '\(id)'\(hint)"
    case .notAnInterpretation(let id, let kind):
      return "'\(id)' is a \(kind.displayName), not an interpretation; compare two interpretations"
    case .sameInterpretation(let id):
      return "cannot compare '\(id)' with itself; name two different interpretations"
    case .unknownScope(let id, let suggestion, let interpretations):
      return "unknown interpretation '\(id)'"
        + Self.scopeHint(suggestion: suggestion, interpretations: interpretations)
    case .scopeNotAnInterpretation(let id, let kind, let suggestion, let interpretations):
      return "'\(id)' is a \(kind.displayName), not an interpretation"
        + Self.scopeHint(suggestion: suggestion, interpretations: interpretations)
    }
  }

  /// The id the problem is about, so that a caller can point at where it is written.
  public var id: NodeID {
    switch self {
    case .unknownNode(let id, _), .notAnInterpretation(let id, _), .sameInterpretation(let id),
      .unknownScope(let id, _, _), .scopeNotAnInterpretation(let id, _, _, _):
      id
    }
  }

  private static func scopeHint(suggestion: NodeID?, interpretations: [NodeID]) -> String {
    if let suggestion { return "; did you mean '\(suggestion)'?" }
    if interpretations.isEmpty { return "; the map has no interpretation" }
    return "; the interpretations are "
      + interpretations.map { "'\($0)'" }.joined(separator: ", ")
  }
}
