/// Where a diagram sits on a page: scaled by `PageSize.scale(width:height:)` and centred, in
/// points of the page. The PDF, PNG and SVG pages all place a diagram through this one rule.
struct PagePlacement: Equatable {
  /// The page.
  let page: PageSize
  /// The diagram's size in points, as drawn without a page.
  let diagramWidth: Double
  /// The diagram's height in points.
  let diagramHeight: Double

  /// The placement of a diagram of `width` x `height` points on `page`.
  init(page: PageSize, width: Double, height: Double) {
    self.page = page
    diagramWidth = width
    diagramHeight = height
  }

  /// How much the diagram is scaled: fit inside the margins, enlarged only on a slide.
  var scale: Double { page.scale(width: diagramWidth, height: diagramHeight) }
  /// The diagram's width on the page, in points.
  var width: Double { diagramWidth * scale }
  /// The diagram's height on the page, in points.
  var height: Double { diagramHeight * scale }
  /// The left edge of the diagram on the page, in points: as much room left as right.
  var x: Double { (page.width - width) / 2 }
  /// The top edge of the diagram on the page, in points: as much room above as below.
  var y: Double { (page.height - height) / 2 }

  /// The viewBox that shows the whole page around a diagram whose own viewBox is `box`: the
  /// same user units, the same centre, widened by the room left around the diagram.
  ///
  /// The root shows its viewBox whole and centred (SVG's default `xMidYMid meet`); Graphviz
  /// rounds the root's size to whole points but not the viewBox, so the smaller of the two
  /// ratios is the one a reader sees.
  func pageViewBox(around box: SVGRoot.Box) -> SVGRoot.Box {
    let pointsPerUnit = min(width / box.width, height / box.height)
    let pageWidth = page.width / pointsPerUnit
    let pageHeight = page.height / pointsPerUnit
    return SVGRoot.Box(
      x: box.x + (box.width - pageWidth) / 2, y: box.y + (box.height - pageHeight) / 2,
      width: pageWidth, height: pageHeight)
  }
}
