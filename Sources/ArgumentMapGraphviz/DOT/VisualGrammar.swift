import ArgumentMap

/// The look of every kind of node and edge: greyscale-safe, so a photocopy still tells them apart.
///
/// Node kinds differ by shape and border as well as by fill; relations differ by line style and
/// arrowhead as well as by colour (solid supports, dashed opposes, dotted undercuts). Every switch
/// is exhaustive, so a new kind or relation does not build until it has a look.
package enum VisualGrammar {
  /// The font family used for layout; the SVG names it with metric-compatible fallbacks.
  package static let fontName = "Liberation Sans"
  /// The `font-family` written into SVG: the layout font first, then compatible ones.
  package static let svgFontFamily = "Liberation Sans,Arial,Helvetica,sans-serif"

  /// Graphviz attributes of a node, in a fixed order.
  static func attributes(of node: SceneNode) -> [(String, String)] {
    var attributes: [(String, String)]
    switch node.role {
    case .statement(let kind), .legendSample(let kind):
      attributes = statementAttributes(kind)

    case .junction:
      attributes = [("shape", "point"), ("width", "0.08"), ("color", "#404040")]
    case .timeTick:
      attributes = [("shape", "plaintext"), ("fontsize", "11"), ("fontcolor", "#404040")]
    case .caption:
      attributes = [("shape", "plaintext"), ("fontsize", "12")]
    case .stub:
      attributes = [
        ("shape", "box"), ("style", "rounded,dashed"), ("color", "#606060"),
        ("fontcolor", "#404040"),
      ]
    case .textBlock:
      attributes = [("shape", "plaintext"), ("margin", "0.2,0.1")]
    case .reasonNumber(let relation):
      let color = relationAttributes(relation).first { $0.0 == "fontcolor" }?.1 ?? "#000000"
      attributes = [
        ("shape", "plaintext"), ("fontcolor", color), ("margin", "0.02,0.01"),
        ("width", "0.1"), ("height", "0.1"),
      ]
    case .boxHeading(let isFor):
      attributes = [
        ("shape", "plaintext"), ("fontcolor", isFor ? "#1f6f3f" : "#b22222"),
        ("margin", "0.05,0.02"),
      ]
    case .markSample(let flagged, let readTwoWays):
      attributes = [("shape", "box"), ("style", "filled"), ("fillcolor", "#ffffff")]
      if flagged { attributes += [("color", "#c00000"), ("penwidth", "2.5")] }
      if readTwoWays { attributes.append(("peripheries", "2")) }
    case .timeMarker:
      attributes = [("shape", "point"), ("width", "0.09"), ("color", "#404040")]
    case .timeBar:
      attributes = [("shape", "box"), ("style", "filled"), ("fillcolor", "#a6a6a6")]
      attributes.append(("color", "#404040"))
    case .timeBreak:
      attributes = [("shape", "plaintext"), ("fontsize", "14"), ("fontcolor", "#404040")]
    case .timeNote:
      attributes = [("shape", "plaintext"), ("fontsize", "11"), ("fontcolor", "#404040")]
    case .anchor:
      attributes = [("shape", "point"), ("style", "invis"), ("width", "0.01")]
    case .tableCell(let style):
      attributes = [("shape", "box"), ("style", "filled"), ("margin", "0.08,0.04")]
      switch style {
      case .heading: attributes += [("fillcolor", "#e6e6e6"), ("fontsize", "12")]
      case .plain: attributes += [("fillcolor", "#ffffff"), ("fontsize", "11")]
      case .emphasised:
        attributes += [("fillcolor", "#ffffff"), ("fontsize", "11"), ("penwidth", "2.5")]
      }
    }
    if node.isFlagged {
      attributes.append(("color", "#c00000"))
      attributes.append(("penwidth", "2.5"))
    }
    if node.isReadTwoWays {
      attributes.append(("peripheries", String(peripheries(of: node))))
    }
    return attributes
  }

  /// CSS classes of a node: its kind and its marks, for styling embedded SVG.
  static func classes(of node: SceneNode) -> [String] {
    var classes: [String]
    switch node.role {
    case .statement(let kind): classes = ["statement", kind.keyword]
    case .legendSample(let kind): classes = ["legend", kind.keyword]
    case .junction: classes = ["junction"]
    case .timeTick: classes = ["time-tick"]
    case .caption: classes = ["caption"]
    case .stub: classes = ["stub"]
    case .textBlock: classes = ["key"]
    case .boxHeading(let isFor): classes = ["box-heading", isFor ? "for" : "against"]
    case .reasonNumber: classes = ["reason-number"]
    case .markSample: classes = ["legend", "mark"]
    case .timeMarker: classes = ["time-marker"]
    case .timeBar: classes = ["time-bar"]
    case .timeBreak: classes = ["time-break"]
    case .anchor: classes = ["anchor"]
    case .timeNote: classes = ["time-note"]
    case .tableCell(let style):
      switch style {
      case .heading: classes = ["cell", "heading"]
      case .plain: classes = ["cell"]
      case .emphasised: classes = ["cell", "emphasised"]
      }
    }
    if node.isFlagged { classes.append("flagged") }
    if node.isReadTwoWays { classes.append("read-two-ways") }
    if node.isBlank { classes.append("blank") }
    return classes
  }

  /// Graphviz attributes of an edge, in a fixed order.
  static func attributes(of edge: SceneEdge) -> [(String, String)] {
    var attributes: [(String, String)]
    switch edge.role {
    case .link(let relation):
      attributes = relationAttributes(relation)
    case .linkToJunction(let relation):
      attributes = relationAttributes(relation).filter { $0.0 != "arrowhead" }
      attributes.append(("arrowhead", "none"))
    case .timeAxis:
      attributes = [("color", "#808080"), ("penwidth", "2"), ("arrowhead", "none")]
    case .timeLeader:
      attributes = [("color", "#808080"), ("arrowhead", "none")]
    case .invisible:
      attributes = [("style", "invis")]
    }
    if let mark = edge.interpretationMark {
      attributes = attributes.filter { $0.0 != "color" && $0.0 != "fontcolor" }
      let (color, marker) = interpretationStyle(mark)
      attributes += [("color", color), ("fontcolor", color)]
      if !edge.continuesLink { attributes += [("dir", "both"), ("arrowtail", marker)] }
    }
    switch edge.role {
    case .link, .linkToJunction:
      attributes.append(("penwidth", format(linkWidth(strength: edge.strength))))
    case .timeAxis, .timeLeader, .invisible:
      break
    }
    return attributes
  }

  /// The width of a link's line in points: a link without a strength is at full strength, as
  /// the evaluation reads it, and a weaker one is thinner, down to half the width at 0.
  static func linkWidth(strength: Double?) -> Double {
    let clamped = min(max(strength ?? 1, 0), 1)
    return 0.75 + 0.75 * clamped
  }

  /// CSS classes of an edge: its relation, for styling embedded SVG.
  static func classes(of edge: SceneEdge) -> [String] {
    switch edge.role {
    case .link(let relation), .linkToJunction(let relation): ["link", relation.rawValue]
    case .timeAxis: ["time-axis"]
    case .timeLeader: ["time-leader"]
    case .invisible: ["layout"]
    }
  }

  private static func statementAttributes(_ kind: NodeKind) -> [(String, String)] {
    switch kind {
    case .mainAim:
      [
        ("shape", "box"), ("style", "rounded,filled,bold"), ("peripheries", "2"),
        ("fillcolor", "#dbe9f6"), ("fontsize", "14"),
      ]
    case .subAim:
      [("shape", "box"), ("style", "rounded,filled,bold"), ("fillcolor", "#edf4fb")]
    case .claim:
      [("shape", "box"), ("style", "filled"), ("fillcolor", "#ffffff")]
    case .counterclaim:
      [("shape", "octagon"), ("style", "filled"), ("fillcolor", "#fbe5d6")]
    case .evidence:
      [("shape", "note"), ("style", "filled"), ("fillcolor", "#f2f2f2")]
    case .event:
      [("shape", "cds"), ("style", "filled"), ("fillcolor", "#fff2cc"), ("margin", "0.3,0.15")]
    case .interpretation:
      [("shape", "ellipse"), ("style", "filled,bold"), ("fillcolor", "#e2f0d9")]
    }
  }

  /// How many borders a node has; Graphviz draws each extra one 4 points outside the last.
  static func peripheries(of node: SceneNode) -> Int {
    let base: Int
    switch node.role {
    case .statement(let kind), .legendSample(let kind): base = kind == .mainAim ? 2 : 1
    case .stub, .markSample, .tableCell: base = 1
    case .junction, .timeTick, .caption, .textBlock, .boxHeading, .reasonNumber, .timeMarker,
      .timeBar,
      .timeBreak, .anchor, .timeNote:
      base = 0
    }
    return node.isReadTwoWays ? base + 1 : base
  }

  /// The width (and height) in inches that a node's extra borders add around its first one.
  static func extraBorderInches(of node: SceneNode) -> Double {
    Double(max(peripheries(of: node) - 1, 0)) * 8 / 72
  }

  private static func relationAttributes(_ relation: Relation) -> [(String, String)] {
    switch relation {
    case .supports:
      [("style", "solid"), ("color", "#1f6f3f"), ("fontcolor", "#1f6f3f"), ("arrowhead", "normal")]
    case .opposes:
      [("style", "dashed"), ("color", "#b22222"), ("fontcolor", "#b22222"), ("arrowhead", "tee")]
    case .undercuts:
      [("style", "dotted"), ("color", "#7030a0"), ("fontcolor", "#7030a0"), ("arrowhead", "tee")]
    }
  }

  /// The font size of node text and link labels unless a look sets another (`DOTWriter`).
  static let defaultFontSize = 12.0
  /// The font size of the headings of boxes (`DOTWriter`).
  static let groupHeadingFontSize = 13.0

  /// The smallest font size, in points, of any text `scene` draws: what decides whether a page
  /// is readable once the picture is scaled to fit it.
  static func smallestTextPoints(in scene: Scene) -> Double {
    var smallest = 18.0  // the title
    for node in scene.nodes where !node.label.isEmpty || node.isBlank {
      let size = attributes(of: node).last { $0.0 == "fontsize" }.flatMap { Double($0.1) }
      smallest = min(smallest, size ?? defaultFontSize)
    }
    for edge in scene.edges where edge.label != nil {
      let size = attributes(of: edge).last { $0.0 == "fontsize" }.flatMap { Double($0.1) }
      smallest = min(smallest, size ?? defaultFontSize)
    }
    if scene.groups.contains(where: { if case .box = $0.arrangement { true } else { false } }) {
      smallest = min(smallest, groupHeadingFontSize)
    }
    return smallest
  }

  /// The colour and the tail marker of the links read under the interpretation at `mark`:
  /// the relation keeps its line style and arrowhead, the interpretation adds a marker at the
  /// start of the line, so a photocopy still tells the readings apart.
  static func interpretationStyle(_ mark: Int) -> (color: String, marker: String) {
    let styles = [
      ("#1f4e99", "odot"), ("#b35900", "odiamond"), ("#2e6e6e", "obox"), ("#7a3b8f", "oinv"),
      ("#555555", "dot"), ("#8a6d00", "diamond"),
    ]
    return styles[mark % styles.count]
  }

  /// A number in fixed notation with at most `places` decimals (`1.5`, `2`), the same on every
  /// platform (no locale, no exponent).
  static func format(_ value: Double, places: Int = 2) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let sign = scaled < 0 ? "-" : ""
    let magnitude = abs(scaled)
    var fraction = String(magnitude % scale)
    fraction = String(repeating: "0", count: places - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return sign + String(magnitude / scale) + (fraction.isEmpty ? "" : "." + fraction)
  }
}
