import ArgumentMap

/// What a diagram shows, before any Graphviz syntax: nodes, edges, rows and boxes, with their roles.
///
/// A view of an argument map (argument, timeline, comparison) becomes a `Scene`; the DOT writer
/// turns a scene into Graphviz text. Keeping the two apart lets the views be tested without
/// Graphviz, and lets every output format share one layout decision. Everything is kept in
/// order, so the same map and view always give the same scene and the same bytes.
public struct Scene: Hashable, Sendable {
  /// Which way the arrows of the argument run on the page.
  public enum Direction: String, Hashable, Sendable {
    /// Evidence at the bottom, aims and interpretations on top.
    case bottomToTop = "BT"
    /// Columns from left to right, as in the comparison view.
    case leftToRight = "LR"
  }

  /// The Graphviz graph name; always set, because an unnamed graph gets a process-wide counter.
  public var name: String
  /// The heading drawn above the diagram and used as the SVG `<title>`.
  public var title: String
  /// A plain-text outline of the argument, for the SVG `<desc>` and screen readers.
  public var outline: String
  /// How the layout runs.
  public var direction: Direction
  /// The drawn nodes, in order.
  public var nodes: [SceneNode]
  /// The drawn edges, in order.
  public var edges: [SceneEdge]
  /// Rows and boxes that group nodes, in order.
  public var groups: [SceneGroup]
  /// Who decides where the nodes go: Graphviz, the timeline (after measuring), or the scene.
  public var placement: Placement

  /// Who decides where a scene's nodes go.
  public enum Placement: Hashable, Sendable {
    /// Graphviz lays the scene out from its rows, boxes and edges.
    case graphviz
    /// The statements go on a time axis by date: the renderer measures their boxes with
    /// Graphviz, then places them (`Scene.placingTimeline(sizes:)`) and draws them as `.fixed`.
    case timeline
    /// Every node has a `position`; Graphviz only draws, with straight lines between them.
    case fixed
  }

  /// Creates a scene; views build these, tests may too.
  public init(
    name: String,
    title: String,
    outline: String = "",
    direction: Direction = .bottomToTop,
    nodes: [SceneNode] = [],
    edges: [SceneEdge] = [],
    groups: [SceneGroup] = [],
    placement: Placement = .graphviz
  ) {
    self.placement = placement
    self.name = name
    self.title = title
    self.outline = outline
    self.direction = direction
    self.nodes = nodes
    self.edges = edges
    self.groups = groups
  }

  /// The nodes whose text a worksheet hides.
  public var blankNodes: [SceneNode] { nodes.filter(\.isBlank) }
}

/// The identifier of an element in a scene: safe for DOT names and SVG ids (`[A-Za-z0-9_-]`).
///
/// Element ids are made with `SafeID`, never copied from user text, so they cannot break out of
/// DOT or SVG syntax.
public struct SceneElementID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The id; only ASCII letters, digits, `-` and `_`.
  public let rawValue: String

  /// Creates an id from arbitrary text, encoding every other byte (see `SafeID.encode`).
  public init(_ text: String) {
    rawValue = SafeID.encode(text)
  }

  /// The id as written in DOT and SVG.
  public var description: String { rawValue }

  /// Ids in the order of their text, for sorted output.
  public static func < (lhs: SceneElementID, rhs: SceneElementID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// A point of a pre-placed scene, in points, y growing upwards (as in Graphviz).
public struct ScenePoint: Hashable, Sendable {
  /// Distance from the left, in points.
  public var x: Double
  /// Distance from the bottom, in points.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// The size of a box, in points.
public struct SceneSize: Hashable, Sendable {
  /// Width in points.
  public var width: Double
  /// Height in points.
  public var height: Double

  /// Creates a size.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }
}

/// One box, ellipse or marker in a scene.
public struct SceneNode: Hashable, Sendable {
  /// What the node stands for, which decides its look.
  public enum Role: Hashable, Sendable {
    /// A statement of the map, drawn by its kind.
    case statement(NodeKind)
    /// The point where an undercut meets the link it attacks.
    case junction
    /// A date on the timeline axis.
    case timeTick
    /// A sample in the legend, drawn like a statement of that kind.
    case legendSample(NodeKind)
    /// Text without a border: legend captions and the ends of legend edges.
    case caption
    /// A small box standing for a statement drawn on another page ("continued on page 3").
    case stub
    /// A block of left-aligned text under a picture: the key of reasons, a verdict.
    case textBlock
    /// A sample of a mark in the legend: a flagged border, a statement read two ways.
    case markSample(flagged: Bool, readTwoWays: Bool)
    /// The heading of a "For" or "Against" box of the teaching layout.
    case boxHeading(isFor: Bool)
    /// The number of a reason on its arrow (`Scene.placeNumbersOnNodes()`), in the colour of
    /// the relation.
    case reasonNumber(Relation)
    /// The dot on the time axis where a dated statement's leader line starts.
    case timeMarker
    /// A bar over the time a dated range lasts.
    case timeBar
    /// The mark of a stretch of time left out of the axis.
    case timeBreak
    /// An invisible end of a line (the axis, a tick, a leader).
    case anchor
    /// A note under the time axis (how many statements it leaves out).
    case timeNote
    /// A cell of a drawn table (the evidence matrix): a box of left-aligned text; a heading is
    /// shaded, an emphasised cell (a diagnostic row) has a heavy border.
    case tableCell(TableCellStyle)
  }

  /// How a table cell is drawn.
  public enum TableCellStyle: Hashable, Sendable {
    /// A column heading: shaded.
    case heading
    /// An ordinary cell.
    case plain
    /// A cell of a row that matters most (diagnostic evidence): a heavy border.
    case emphasised
  }

  /// The element id, unique in the scene.
  public var id: SceneElementID
  /// What the node stands for.
  public var role: Role
  /// The text drawn in the node (already wrapped; lines separated by `"\n"`).
  public var label: String
  /// The longer text shown on hover (the full statement, sources, corrections).
  public var hoverText: String
  /// Whether a worksheet hides the label; the node keeps the size the label would take.
  public var isBlank: Bool
  /// What a blank node shows instead of its label (`(3)`).
  public var blankLabel: String
  /// Whether the node carries a factual correction.
  public var isFlagged: Bool
  /// Whether the node is read two ways (links under two or more interpretations).
  public var isReadTwoWays: Bool
  /// The statement's date, for the timeline and for checking its order; `nil` when undated.
  public var date: DateSpan?
  /// The centre of the node in a pre-placed scene; `nil` where Graphviz places it.
  public var position: ScenePoint?
  /// A size the node keeps whatever its label (a time bar); `nil` to fit the label.
  public var fixedSize: SceneSize?

  /// Creates a scene node.
  public init(
    id: SceneElementID,
    role: Role,
    label: String,
    hoverText: String = "",
    isBlank: Bool = false,
    blankLabel: String = "",
    isFlagged: Bool = false,
    isReadTwoWays: Bool = false,
    date: DateSpan? = nil,
    position: ScenePoint? = nil,
    fixedSize: SceneSize? = nil
  ) {
    self.position = position
    self.fixedSize = fixedSize
    self.id = id
    self.role = role
    self.label = label
    self.hoverText = hoverText
    self.isBlank = isBlank
    self.blankLabel = blankLabel
    self.isFlagged = isFlagged
    self.isReadTwoWays = isReadTwoWays
    self.date = date
  }
}

/// One line between two scene nodes.
public struct SceneEdge: Hashable, Sendable {
  /// What the edge stands for, which decides its look.
  public enum Role: Hashable, Sendable {
    /// A link of the map (or its last part, with the arrowhead).
    case link(Relation)
    /// The first part of a link that an undercut attacks: from the source to the junction.
    case linkToJunction(Relation)
    /// A piece of the timeline axis.
    case timeAxis
    /// A tick on the timeline axis, or the line from a date on the axis up to its statement.
    case timeLeader
    /// An invisible edge that only orders or places nodes.
    case invisible
  }

  /// The element id, unique in the scene.
  public var id: SceneElementID
  /// The node the edge starts at.
  public var source: SceneElementID
  /// The node the edge ends at.
  public var target: SceneElementID
  /// What the edge stands for.
  public var role: Role
  /// A short label drawn on the edge (an interpretation scope, a reasoning).
  public var label: String?
  /// The longer text shown on hover (the reasoning).
  public var hoverText: String
  /// The link's strength, 0–1, drawn as line width.
  public var strength: Double?
  /// Whether the layout draws the edge from target to source (Graphviz `dir=back`), so that a
  /// link can point leftwards in a left-to-right layout.
  public var isLaidOutBackwards: Bool
  /// Whether the edge takes part in ranking; false lets it cross columns freely.
  public var isConstraint: Bool
  /// Whether the label is placed beside the edge after layout (Graphviz `xlabel`) instead of
  /// taking part in it: for edges within one row, whose labels Graphviz 2.42 cannot always route.
  public var isLabelFloating: Bool
  /// The place of the interpretation a scoped link is read under among the map's
  /// interpretations: each has its own colour and end marker, so greyscale tells them apart.
  public var interpretationMark: Int?
  /// Whether the edge is the second half of a link split at its number or at a junction: it
  /// has the link's colour but not the reading's start marker.
  public var continuesLink: Bool = false

  /// Creates a scene edge.
  public init(
    id: SceneElementID,
    source: SceneElementID,
    target: SceneElementID,
    role: Role,
    label: String? = nil,
    hoverText: String = "",
    strength: Double? = nil,
    isLaidOutBackwards: Bool = false,
    isConstraint: Bool = true,
    isLabelFloating: Bool = false,
    interpretationMark: Int? = nil
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.role = role
    self.label = label
    self.hoverText = hoverText
    self.strength = strength
    self.isLaidOutBackwards = isLaidOutBackwards
    self.isConstraint = isConstraint
    self.isLabelFloating = isLabelFloating
    self.interpretationMark = interpretationMark
  }
}

/// Nodes laid out together: on one row, or in a labelled box.
public struct SceneGroup: Hashable, Sendable {
  /// How the group constrains the layout.
  public enum Arrangement: Hashable, Sendable {
    /// All members on one rank (a row, or a column in a left-to-right layout).
    case sameRank
    /// All members on the highest rank (top of a bottom-to-top layout).
    case topRank
    /// All members on the lowest rank.
    case bottomRank
    /// A box with a heading around the members (Graphviz cluster).
    case box(heading: String)
  }

  /// The element id, unique in the scene.
  public var id: SceneElementID
  /// How the group constrains the layout.
  public var arrangement: Arrangement
  /// The members, in order.
  public var members: [SceneElementID]
  /// Groups nested inside this one (only boxes nest).
  public var subgroups: [SceneGroup]

  /// Creates a group.
  public init(
    id: SceneElementID,
    arrangement: Arrangement,
    members: [SceneElementID],
    subgroups: [SceneGroup] = []
  ) {
    self.id = id
    self.arrangement = arrangement
    self.members = members
    self.subgroups = subgroups
  }
}

extension Scene {
  /// The title of a diagram drawn as `pages`: the first page's title without its page number
  /// ("… (page 1 of 8)"), and for a timeline without the first page's own period, as that
  /// names one page, not the whole, and for a map split into parts without "overview", the
  /// name of its first page. A PDF's document title and a lesson figure's name.
  public static func title(ofPages pages: [Scene]) -> String {
    guard let first = pages.first else { return "" }
    var title = first.title
    guard pages.count > 1 else { return title }
    let suffix = " (page 1 of \(pages.count))"
    if title.hasSuffix(suffix) { title.removeLast(suffix.count) }
    if first.name == "timeline", let end = title.range(of: ": timeline")?.upperBound {
      title = String(title[..<end])
    }
    // A map split into its parts opens with its overview, whose title names that page only.
    if first.name == "overview", title.hasSuffix(": overview") {
      title.removeLast(": overview".count)
    }
    return title
  }
}

extension SceneNode {
  /// A statement's marks in words, as every view draws them under its text (and a worksheet
  /// under a blank's number): its border alone must not carry them.
  static func markLines(isFlagged: Bool, isReadTwoWays: Bool) -> [String] {
    (isFlagged ? ["\u{26A0} fact flagged"] : []) + (isReadTwoWays ? ["\u{21C4} read two ways"] : [])
  }
}
