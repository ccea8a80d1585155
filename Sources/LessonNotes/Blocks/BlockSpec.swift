import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz

/// What one `argmap` block asks for: which map, which picture, and how to present it.
///
/// A block is either a map written inline or a reference to a map file (`map: PATH`), preceded
/// by option lines (`key: value`). The syntax is in `docs/lesson-notes.md`.
public struct BlockSpec: Hashable, Sendable {
  /// Where the map comes from.
  public enum Source: Hashable, Sendable {
    /// The map is the block's text from `contentOffset` on.
    case inline(contentOffset: Int)
    /// The map is in a file, named relative to the notes file.
    case file(path: String, valueOffset: Int)
  }

  /// What the block shows.
  public enum Content: Hashable, Sendable {
    /// A diagram of the map in one view.
    case diagram(DiagramView)
    /// Two interpretations compared: the three-column diagram and the verdict.
    case comparison(NodeID, NodeID)
    /// The successes and failures table of an aim.
    case table(aim: NodeID)
    /// The evidence matrix of two or more interpretations.
    case matrix([NodeID])
    /// The map's factual flags as a "check the facts" exercise: the statements as written,
    /// and (with answers) each correction and its sources.
    case facts(answers: Bool)
  }

  /// The diagram views a block can ask for.
  public enum DiagramView: String, Hashable, Sendable, CaseIterable {
    /// The whole argument (also accepted as `argument`), or with `focus:` one statement and
    /// its neighbourhood.
    case map
    /// The aims, sub-aims with their counts for and against, the readings and the verdict.
    case overview
    /// Dated statements in date order above a time axis.
    case timeline
    /// The argument with some statements blanked for students (needs `blank:` or `blank-kind:`;
    /// without either, events are blanked).
    case worksheet
  }

  /// Where the map comes from: the block itself, or the file named by `map:`.
  public var source: Source
  /// What the block shows (`view:`, `compare:`, `table:`, `matrix:`); a diagram of the map by
  /// default.
  public var content: Content
  /// Read only the links that hold under this interpretation (and the unscoped ones).
  public var scope: NodeID?
  /// The statements a worksheet hides, by id (`blank:`).
  public var blankNodes: [NodeID]
  /// The kinds whose statements a worksheet hides (`blank-kind:`); a worksheet given neither
  /// this nor `blankNodes` hides events.
  public var blankKinds: [NodeKind]
  /// Whether to draw a legend of the kinds and relations the diagram uses (`legend: yes`).
  public var showsLegend: Bool
  /// Whether to write each link's reasoning on its edge (`reasoning: yes`).
  public var showsReasoning: Bool
  /// The figure's caption (`caption:`): a `<figcaption>` in HTML, an emphasised line in Markdown.
  public var caption: String?
  /// The alt text (`alt:`); when `nil`, the caption stands in, else the map's title.
  public var alt: String?
  /// How much of a comparison's written report goes under its diagram.
  public enum Report: String, Hashable, Sendable, CaseIterable {
    /// Only the verdict (the default).
    case verdict
    /// The whole report: verdict, scores, evidence read two ways, evidence each side uses.
    case full
    /// No report, only the diagram.
    case none
  }

  /// The report under a comparison.
  public var report: Report = .verdict
  /// Whether an HTML page shows the diagram at its natural size, scrolling sideways, instead of
  /// shrinking it to the column (`width: natural`); print always fits the page.
  public var isNaturalWidth: Bool = false
  /// The sheet each page of the diagram must be readable on; a diagram too big for one is split
  /// into pages, each its own figure. A4 upright by default: its pages fit a lesson's text
  /// column with text of at least 12 px and print one to a sheet. `nil` (`page: none`) draws
  /// one picture at its natural size.
  public var page: PageSize? = .a4Portrait
  /// The statement a map or worksheet is drawn around (`focus:`), with what lies within
  /// `depth` links of it.
  public var focus: NodeID?
  /// How many links from `focus` are drawn (`depth:`, 1 unless given).
  public var depth: Int = 1
  /// A worksheet's teacher copy, with the answers by blank number (`answers: yes`).
  public var showsAnswers = false
  /// A worksheet's word bank (`word-bank: yes`).
  public var showsWordBank = false
  /// After a diagram's pages, a sheet for a written judgement and the map in words
  /// (`judgement-sheet: yes`).
  public var addsJudgementSheet = false
  /// How many statements without a flag a fact check mixes in among the flagged ones
  /// (`distractors: N`), so that students must judge each statement.
  public var distractors = 0
  /// A table's columns: successes and failures, or factors for and against (`frame:`); by
  /// default chosen from the aim (`SuccessFailureTable.frame(for:in:)`).
  public var tableFrame: SuccessFailureTable.Frame?
  /// Whether the block is drawn for the students' copy of the notes: no answers, and no factual
  /// flags on its diagrams (see `forStudents()`).
  public var isStudentCopy = false
  /// Offsets in the block's content of each option's value, for locating errors.
  public var valueOffsets: [String: Int]

  /// Creates a spec; `BlockSpecParser` makes one from a block's option lines, and the defaults
  /// are what a block with no options gets.
  public init(
    source: Source, content: Content = .diagram(.map), scope: NodeID? = nil,
    blankNodes: [NodeID] = [], blankKinds: [NodeKind] = [], showsLegend: Bool = false,
    showsReasoning: Bool = false, caption: String? = nil, alt: String? = nil,
    valueOffsets: [String: Int] = [:]
  ) {
    self.source = source
    self.content = content
    self.scope = scope
    self.blankNodes = blankNodes
    self.blankKinds = blankKinds
    self.showsLegend = showsLegend
    self.showsReasoning = showsReasoning
    self.caption = caption
    self.alt = alt
    self.valueOffsets = valueOffsets
  }

  /// The block as the students' copy draws it: as if it said `answers: no` (a worksheet without
  /// its answers, a fact check without corrections and sources), its word bank kept if it asked
  /// for one, and its diagrams drawn without factual flags and sources, whose red borders,
  /// corrections and citations would give the fact check away.
  public func forStudents() -> BlockSpec {
    var spec = self
    spec.isStudentCopy = true
    spec.showsAnswers = false
    if case .facts = spec.content { spec.content = .facts(answers: false) }
    return spec
  }

  /// The options in a canonical text form, for the cache key.
  var cacheKeyText: String {
    var parts: [String] = []
    switch content {
    case .diagram(let view): parts.append("view=\(view.rawValue)")
    case .comparison(let first, let second): parts.append("compare=\(first) \(second)")
    case .table(let aim):
      parts.append("table=\(aim)")
      if let tableFrame { parts.append("frame=\(tableFrame.rawValue)") }
    case .matrix(let ids): parts.append("matrix=\(ids.map(\.rawValue).joined(separator: " "))")
    case .facts(let answers): parts.append("facts answers=\(answers)")
    }
    parts.append("scope=\(scope?.rawValue ?? "")")
    parts.append("blank=\(blankNodes.map(\.rawValue).joined(separator: ","))")
    parts.append("blank-kind=\(blankKinds.map(\.rawValue).joined(separator: ","))")
    parts.append("legend=\(showsLegend) reasoning=\(showsReasoning)")
    parts.append("caption=\(caption ?? "")")
    parts.append("alt=\(alt ?? "")")
    parts.append("natural=\(isNaturalWidth) report=\(report.rawValue)")
    parts.append("page=\(page?.rawValue ?? "none")")
    parts.append("focus=\(focus?.rawValue ?? "") depth=\(depth)")
    parts.append("answers=\(showsAnswers) word-bank=\(showsWordBank)")
    // Only when set, so that the keys (and the diagrams' id prefixes) of notes that use neither
    // stay as they were.
    if distractors > 0 { parts.append("distractors=\(distractors)") }
    if addsJudgementSheet { parts.append("judgement-sheet=true") }
    if isStudentCopy { parts.append("copy=student") }
    return parts.joined(separator: "\n")
  }
}

extension BlockSpec.Content {
  /// Whether the block is a fact check (`view: facts`).
  var isFacts: Bool {
    switch self {
    case .facts: true
    case .diagram, .comparison, .table, .matrix: false
    }
  }
}
