/// Writes a `Scene` as Graphviz DOT text: pure Swift, deterministic, every user text escaped.
///
/// The output is the input of the in-process renderer and also a product of its own
/// (`argmap render --format dot`), so it is stable and readable: one statement per line, nodes in
/// scene order, then groups, then edges. Node names are scene element ids (safe characters only);
/// labels go through both escaping layers of `DOTEscape`; no `URL` or `href` is ever written.
public struct DOTWriter: Sendable {
  /// The width and height, in inches, that a node's full label takes in a layout.
  package struct NodeSize: Hashable, Sendable {
    /// Width in inches.
    package var width: Double
    /// Height in inches.
    package var height: Double

    /// Creates a size.
    package init(width: Double, height: Double) {
      self.width = width
      self.height = height
    }
  }

  /// The prefix of every SVG id, so several diagrams can share one page.
  public var idPrefix: String
  /// Sizes of the blank nodes of a worksheet; `nil` writes every label in full (an answer key).
  package var blankSizes: [SceneElementID: NodeSize]?
  /// The layout engine; any other than `dot` is named in the graph's `layout` attribute with
  /// its overlap removal and spacing (`LayoutEngineSettings`), so that Graphviz's tools lay the
  /// file out the same way.
  public var layout: String

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - idPrefix: Prefix of the SVG ids; made safe with `SafeID`.
  ///   - layout: The layout engine (`dot` unless given).
  public init(idPrefix: String = "argmap", layout: String = "dot") {
    self.idPrefix = SafeID.encode(idPrefix)
    self.layout = layout
    self.blankSizes = nil
  }

  /// Creates a writer whose id prefix is safe already (`MapRenderer.idPrefix`, encoded once), that
  /// draws the blank nodes of a worksheet with their blank label at fixed sizes: those their
  /// full texts took in a layout of the full map (`MapRenderer` measures them), so the worksheet
  /// keeps that layout.
  package init(
    safeIDPrefix: String, layout: String, blankSizes: [SceneElementID: NodeSize]? = nil
  ) {
    self.idPrefix = safeIDPrefix
    self.layout = layout
    self.blankSizes = blankSizes
  }

  /// The SVG id given to a scene element.
  public func svgID(of element: SceneElementID) -> String {
    idPrefix + "-" + element.rawValue
  }

  /// The DOT text of `scene`.
  ///
  /// - Complexity: O(*n*) in the number of nodes, edges and group members.
  public func dot(for scene: Scene) -> String {
    var lines: [String] = []
    lines.append("digraph " + DOTEscape.quote(SafeID.encode(scene.name)) + " {")
    var layoutAttribute: [(String, String)] = []
    let isFixed = scene.placement == .fixed
    // A pre-placed scene is only drawn: `nop` keeps every `pos`, and `notranslate` keeps the
    // points where the scene put them.
    let layout = isFixed ? Self.fixedLayout : layout
    if layout != "dot" { layoutAttribute.append(("layout", DOTEscape.escString(layout))) }
    if isFixed { layoutAttribute += [("notranslate", "true"), ("splines", "line")] }
    // Another engine's overlap removal and spacing (`LayoutEngineSettings`).
    let settings = isFixed ? nil : LayoutEngineSettings.named(layout)
    layoutAttribute += settings?.graphAttributes ?? []
    let graphAttributes =
      layoutAttribute + [
        ("id", idPrefix),
        ("class", "argmap"),
        ("rankdir", scene.direction.rawValue),
        ("newrank", "true"),
        // Wrapped, so that a long title does not set the width of the picture.
        ("label", DOTEscape.escString(wrappedTitle(scene.title))),
        ("labelloc", "t"),
        ("fontsize", "18"),
        ("fontname", VisualGrammar.fontName),
        ("nodesep", "0.3"),
        ("ranksep", "0.45"),
        ("pad", "0.2"),
      ]
    lines.append("  graph " + attributeList(graphAttributes) + ";")
    lines.append(
      "  node "
        + attributeList([
          ("fontname", VisualGrammar.fontName), ("fontsize", "12"), ("margin", "0.12,0.06"),
        ]) + ";")
    let edgeDefaults =
      [("fontname", VisualGrammar.fontName), ("fontsize", "12")]
      + (settings?.edgeAttributes ?? [])
    lines.append("  edge " + attributeList(edgeDefaults) + ";")
    for node in scene.nodes {
      let attributes = nodeAttributes(node)
      lines.append("  " + name(node.id) + " " + attributeList(attributes) + ";")
    }
    var hoisted: [SceneGroup] = []
    for group in scene.groups {
      write(group, indent: "  ", into: &lines, hoisting: &hoisted, direction: scene.direction)
    }
    // Graphviz applies rank=min/max inside a cluster to the cluster only; written at the top
    // level they place the box's row at the top or bottom of the whole diagram.
    var unused: [SceneGroup] = []
    for group in hoisted {
      write(group, indent: "  ", into: &lines, hoisting: &unused, direction: scene.direction)
    }
    for edge in scene.edges {
      let (tail, head) =
        edge.isLaidOutBackwards ? (edge.target, edge.source) : (edge.source, edge.target)
      var attributes: [(String, String)] = [("id", svgID(of: edge.id))]
      attributes.append(("class", VisualGrammar.classes(of: edge).joined(separator: " ")))
      // With `dir=back` Graphviz draws the arrow at the tail, so the arrowhead becomes a tail.
      attributes += VisualGrammar.attributes(of: edge).map { key, value in
        edge.isLaidOutBackwards && key == "arrowhead" ? ("arrowtail", value) : (key, value)
      }
      if let label = edge.label {
        let isBeside = edge.isLabelFloating || settings?.placesEdgeLabelsBeside == true
        attributes.append((isBeside ? "xlabel" : "label", DOTEscape.escString(label)))
      }
      if edge.isLaidOutBackwards { attributes.append(("dir", "back")) }
      if !edge.isConstraint { attributes.append(("constraint", "false")) }
      if case .invisible = edge.role { attributes.append(("weight", "4")) }
      lines.append(
        "  " + name(tail) + " -> " + name(head) + " " + attributeList(attributes) + ";")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The engine that draws a pre-placed scene without moving anything.
  package static let fixedLayout = "nop"

  private func nodeAttributes(_ node: SceneNode) -> [(String, String)] {
    var attributes: [(String, String)] = [("id", svgID(of: node.id))]
    attributes.append(("class", VisualGrammar.classes(of: node).joined(separator: " ")))
    attributes += VisualGrammar.attributes(of: node)
    if let position = node.position {
      attributes.append(
        ("pos", VisualGrammar.format(position.x) + "," + VisualGrammar.format(position.y) + "!"))
    }
    if let size = node.fixedSize {
      attributes.append(("fixedsize", "true"))
      attributes.append(("width", VisualGrammar.format(size.width / 72, places: 4)))
      attributes.append(("height", VisualGrammar.format(size.height / 72, places: 4)))
    }
    if node.isBlank, let blankSizes {
      // A blank keeps its marks in words, as its borders keep them: the red border alone
      // carried the flag.
      let marks = SceneNode.markLines(isFlagged: node.isFlagged, isReadTwoWays: node.isReadTwoWays)
      attributes.append(
        ("label", DOTEscape.escString(([node.blankLabel] + marks).joined(separator: "\n"))))
      if let size = blankSizes[node.id] {
        // A laid-out size includes the extra borders; `fixedsize` sets the innermost one.
        let border = VisualGrammar.extraBorderInches(of: node)
        attributes.append(("fixedsize", "true"))
        attributes.append(("width", VisualGrammar.format(size.width - border, places: 4)))
        attributes.append(("height", VisualGrammar.format(size.height - border, places: 4)))
      }
    } else if node.isLeftAligned {
      // Each line ends in `\l`: left-aligned, as a list or a table cell is read.
      let lines = node.label.split(separator: "\n", omittingEmptySubsequences: false)
      attributes.append(
        ("label", lines.map { DOTEscape.escString(String($0)) + "\\l" }.joined()))
    } else {
      attributes.append(("label", DOTEscape.escString(node.label)))
    }
    return attributes
  }

  private func write(
    _ group: SceneGroup, indent: String, into lines: inout [String],
    hoisting hoisted: inout [SceneGroup], direction: Scene.Direction
  ) {
    let members = group.members.map(name).joined(separator: "; ")
    switch group.arrangement {
    case .sameRank, .topRank, .bottomRank:
      let rank: String
      switch group.arrangement {
      case .topRank: rank = "max"
      case .bottomRank: rank = "min"
      case .sameRank, .box: rank = "same"
      }
      lines.append(indent + "{ rank=" + rank + "; " + members + (members.isEmpty ? "}" : "; }"))
    case .box(let heading):
      lines.append(indent + "subgraph " + DOTEscape.quote("cluster_" + group.id.rawValue) + " {")
      let attributes = [
        ("id", svgID(of: group.id)), ("class", "group"),
        ("label", DOTEscape.escString(heading)),
        ("style", "rounded,dashed"), ("color", "#808080"), ("fontsize", "13"),
        // Graphviz turns a bottom-to-top picture upside down, a box's "top" heading with it.
        ("labelloc", direction == .bottomToTop ? "b" : "t"), ("labeljust", "l"),
      ]
      lines.append(indent + "  graph " + attributeList(attributes) + ";")
      if !members.isEmpty { lines.append(indent + "  " + members + ";") }
      for subgroup in group.subgroups {
        switch subgroup.arrangement {
        case .topRank, .bottomRank: hoisted.append(subgroup)
        case .sameRank, .box:
          write(
            subgroup, indent: indent + "  ", into: &lines, hoisting: &hoisted,
            direction: direction)
        }
      }
      lines.append(indent + "}")
    }
  }

  /// The longest line of a title, in characters.
  static let titleWidth = 64

  /// The title in lines of at most `titleWidth` characters.
  private func wrappedTitle(_ title: String) -> String {
    TextWrapping.wrap(title, width: Self.titleWidth).joined(separator: "\n")
  }

  /// The DOT name of an element: its id, quoted (ids hold `-`, which DOT only takes quoted).
  private func name(_ id: SceneElementID) -> String {
    DOTEscape.quote(id.rawValue)
  }

  /// `[key="value", ...]`; values are quoted here and must already be escString-safe.
  private func attributeList(_ attributes: [(String, String)]) -> String {
    "[" + attributes.map { $0.0 + "=" + DOTEscape.quote($0.1) }.joined(separator: ", ") + "]"
  }
}

extension SceneNode {
  /// Whether the label's lines are drawn left-aligned: the key of reasons, table cells and a
  /// timeline's note.
  var isLeftAligned: Bool {
    switch role {
    case .textBlock, .tableCell, .timeNote: true
    default: false
    }
  }
}
