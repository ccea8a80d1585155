/// A sheet or screen a diagram must be read on: its size, margin, and the smallest text a class
/// can read on it.
///
/// Sizes are in points (1/72 inch). A slide is 1920 x 1080 pixels, modelled as 960 x 540 points
/// drawn at 2 pixels per point, so one scale rule serves paper and screens.
public enum PageSize: String, Hashable, Sendable, CaseIterable, Codable {
  /// A4 upright, 210 x 297 mm: handouts.
  case a4Portrait = "a4-portrait"
  /// A4 sideways, 297 x 210 mm: the usual printed map.
  case a4Landscape = "a4-landscape"
  /// A3 sideways, 420 x 297 mm: a wall sheet.
  case a3Landscape = "a3-landscape"
  /// A 16:9 slide, 1920 x 1080 pixels: a projector.
  case slide

  /// Width in points.
  public var width: Double {
    switch self {
    case .a4Portrait: 595.28
    case .a4Landscape: 841.89
    case .a3Landscape: 1190.55
    case .slide: 960
    }
  }

  /// Height in points.
  public var height: Double {
    switch self {
    case .a4Portrait: 841.89
    case .a4Landscape: 595.28
    case .a3Landscape: 841.89
    case .slide: 540
    }
  }

  /// The blank border kept on every side, in points: what a printer cannot print, and room
  /// around a projected picture.
  public var margin: Double {
    switch self {
    case .a4Portrait, .a4Landscape, .a3Landscape: 28.35  // 10 mm
    case .slide: 16
    }
  }

  /// Pixels per point on a screen page (a slide), `nil` on paper.
  public var pixelsPerPoint: Double? {
    switch self {
    case .slide: 2
    case .a4Portrait, .a4Landscape, .a3Landscape: nil
    }
  }

  /// Whether the page is paper (points are what a reader sees) or a screen (pixels are).
  public var isPaper: Bool { pixelsPerPoint == nil }

  /// The smallest text a class can read on this page, in points of the page: 9 pt on paper,
  /// 20 px on a 1920 x 1080 slide (10 pt at 2 px per point).
  public var minimumTextPoints: Double { minimumReaderSize / (pixelsPerPoint ?? 1) }

  /// The smallest text a class can read, in the unit readers see (`readerUnit`): 9 pt on
  /// paper, 20 px on a slide.
  public var minimumReaderSize: Double { isPaper ? 9 : 20 }

  /// The width inside the margins, in points.
  public var usableWidth: Double { width - 2 * margin }
  /// The height inside the margins, in points.
  public var usableHeight: Double { height - 2 * margin }

  /// How much a diagram of `width` x `height` points is scaled to sit inside the margins: less
  /// than 1 shrinks it; a slide may enlarge a small diagram up to twice its size, paper never
  /// enlarges it.
  public func scale(width diagramWidth: Double, height diagramHeight: Double) -> Double {
    guard diagramWidth > 0, diagramHeight > 0 else { return 1 }
    let fit = min(usableWidth / diagramWidth, usableHeight / diagramHeight)
    return min(fit, isPaper ? 1 : 2)
  }

  /// What a text of `points` in the diagram measures on the page once the diagram is scaled by
  /// `scale`: points on paper, pixels on a slide.
  public func readerSize(ofTextPoints points: Double, scale: Double) -> Double {
    points * scale * (pixelsPerPoint ?? 1)
  }

  /// The unit readers see sizes in: `pt` on paper, `px` on a slide.
  public var readerUnit: String { isPaper ? "pt" : "px" }
}
