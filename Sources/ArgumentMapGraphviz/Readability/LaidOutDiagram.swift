/// A diagram as Graphviz laid it out: where every node, text line, edge curve and box ended up,
/// in points, y upwards.
///
/// Read back from Graphviz's `json` output (`init(json:idPrefix:)`) rather than guessed from the
/// scene, so that what is measured is what a reader sees: the real text widths of the installed
/// fonts, the real curves. Tests may build one by hand to pin a situation down.
package struct LaidOutDiagram: Hashable, Sendable {
  /// What a label belongs to.
  package enum Owner: Hashable, Sendable, CustomStringConvertible {
    /// The diagram's title.
    case graph
    /// A node, by its Graphviz name (the scene element id).
    case node(String)
    /// An edge, by its scene element id.
    case edge(String)
    /// A box around nodes, by its scene element id.
    case cluster(String)

    /// The owner in words, for problem reports.
    package var description: String {
      switch self {
      case .graph: "the title"
      case .node(let name): "node '\(name)'"
      case .edge(let name): "edge '\(name)'"
      case .cluster(let name): "box '\(name)'"
      }
    }
  }

  /// One node.
  package struct Node: Hashable, Sendable {
    /// The Graphviz name, which is the scene element id.
    package var name: String
    /// Graphviz's shape (`box`, `ellipse`, `point`, `plaintext`, ...).
    package var shape: String
    /// The centre.
    package var center: LayoutPoint
    /// Width in points.
    package var width: Double
    /// Height in points.
    package var height: Double
    /// Whether Graphviz draws an outline or fill (false for plain text and invisible nodes).
    package var isDrawn: Bool

    /// Creates a node.
    package init(
      name: String, shape: String = "box", center: LayoutPoint, width: Double, height: Double,
      isDrawn: Bool = true
    ) {
      self.name = name
      self.shape = shape
      self.center = center
      self.width = width
      self.height = height
      self.isDrawn = isDrawn
    }

    /// The outline: an ellipse for Graphviz's round shapes, else the bounding rectangle.
    package var outline: LayoutOutline {
      let box = LayoutBox(center: center, width: width, height: height)
      switch shape {
      case "ellipse", "oval", "circle", "doublecircle", "point": return .ellipse(box)
      default: return .rectangle(box)
      }
    }

    /// Whether the node is a joint where one link is split in two (Graphviz `point`).
    package var isJoint: Bool { shape == "point" }
  }

  /// One line of text as drawn.
  package struct TextLine: Hashable, Sendable {
    /// The text.
    package var text: String
    /// The font size in points.
    package var fontSize: Double
    /// The area the line covers.
    package var box: LayoutBox

    /// Creates a line.
    package init(text: String, fontSize: Double, box: LayoutBox) {
      self.text = text
      self.fontSize = fontSize
      self.box = box
    }

    /// A line placed as xdot's `T x y j w text` places it: `x` is the left edge, centre or right
    /// edge for `justification` -1, 0, 1; the baseline is at `y`, with an ascent of about 0.8
    /// and a descent of about 0.25 of the font size.
    package init(
      text: String, fontSize: Double, x: Double, baseline: Double, justification: Int,
      width: Double
    ) {
      let left: Double
      switch justification {
      case ..<0: left = x
      case 0: left = x - width / 2
      default: left = x - width
      }
      self.init(
        text: text, fontSize: fontSize,
        box: LayoutBox(
          minX: left, minY: baseline - 0.25 * fontSize, maxX: left + width,
          maxY: baseline + 0.8 * fontSize))
    }
  }

  /// The lines of one label: a node's text, an edge's reasoning, a box's heading, the title.
  package struct Label: Hashable, Sendable {
    /// What the label belongs to.
    package var owner: Owner
    /// The lines, top to bottom as drawn.
    package var lines: [TextLine]

    /// Creates a label.
    package init(owner: Owner, lines: [TextLine]) {
      self.owner = owner
      self.lines = lines
    }

    /// The box around all lines; `nil` for a label without lines.
    package var box: LayoutBox? {
      guard let first = lines.first?.box else { return nil }
      return lines.dropFirst().reduce(first) { $0.union($1.box) }
    }
  }

  /// One drawn edge.
  package struct Edge: Hashable, Sendable {
    /// The scene element id (the Graphviz `id` without the renderer's prefix).
    package var name: String
    /// The node the edge is drawn from.
    package var tail: String
    /// The node the edge is drawn to.
    package var head: String
    /// The drawn curves, each sampled into a polyline (usually one).
    package var curves: [[LayoutPoint]]

    /// Creates an edge.
    package init(name: String, tail: String, head: String, curves: [[LayoutPoint]]) {
      self.name = name
      self.tail = tail
      self.head = head
      self.curves = curves
    }

    /// Whether the edge starts or ends at `node`.
    package func touches(_ node: String) -> Bool { tail == node || head == node }
  }

  /// A box drawn around a group of nodes.
  package struct Cluster: Hashable, Sendable {
    /// The scene element id of the group.
    package var name: String
    /// The box.
    package var box: LayoutBox
    /// The names of the nodes drawn inside the box, those of boxes within it included.
    package var members: [String]

    /// Creates a cluster.
    package init(name: String, box: LayoutBox, members: [String] = []) {
      self.name = name
      self.box = box
      self.members = members
    }
  }

  /// The extent of the layout, in points (Graphviz `bb`, without the padding).
  package var boundingBox: LayoutBox
  /// The nodes, in Graphviz's order.
  package var nodes: [Node]
  /// Every drawn label, in Graphviz's order: graph, boxes, nodes, edges.
  package var labels: [Label]
  /// The drawn edges; invisible ones are left out.
  package var edges: [Edge]
  /// The boxes around groups.
  package var clusters: [Cluster]

  /// Creates a diagram; tests build small ones by hand.
  package init(
    boundingBox: LayoutBox, nodes: [Node] = [], labels: [Label] = [], edges: [Edge] = [],
    clusters: [Cluster] = []
  ) {
    self.boundingBox = boundingBox
    self.nodes = nodes
    self.labels = labels
    self.edges = edges
    self.clusters = clusters
  }

  /// The node named `name`, if any.
  package func node(named name: String) -> Node? {
    nodes.first { $0.name == name }
  }
}
