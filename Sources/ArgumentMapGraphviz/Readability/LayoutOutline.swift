import Foundation

/// The outline of a node: Graphviz's ellipses are ellipses, every other shape is taken as its
/// bounding rectangle.
package enum LayoutOutline: Hashable, Sendable {
  /// A box-like shape (box, note, cds, octagon, plain text).
  case rectangle(LayoutBox)
  /// An ellipse, circle or point, given by its bounding box.
  case ellipse(LayoutBox)

  /// The bounding box.
  package var box: LayoutBox {
    switch self {
    case .rectangle(let box), .ellipse(let box): box
    }
  }

  /// Whether the outline and `box` overlap by more than `tolerance`.
  package func overlaps(_ box: LayoutBox, tolerance: Double) -> Bool {
    switch self {
    case .rectangle(let own):
      return own.overlaps(box, tolerance: tolerance)
    case .ellipse(let own):
      guard own.overlaps(box, tolerance: tolerance) else { return false }
      // The point of the shrunk box nearest the centre must lie inside the ellipse.
      let shrunk = box.inset(by: tolerance)
      guard !shrunk.isEmpty else { return false }
      let center = own.center
      let nearest = LayoutPoint(
        x: min(max(center.x, shrunk.minX), shrunk.maxX),
        y: min(max(center.y, shrunk.minY), shrunk.maxY))
      return Self.isInsideEllipse(nearest, own)
    }
  }

  /// Whether two outlines overlap by more than `tolerance`.
  package func overlaps(_ other: LayoutOutline, tolerance: Double) -> Bool {
    switch (self, other) {
    case (.rectangle(let box), _): return other.overlaps(box, tolerance: tolerance)
    case (_, .rectangle(let box)): return overlaps(box, tolerance: tolerance)
    case (.ellipse(let first), .ellipse(let second)):
      guard first.overlaps(second, tolerance: tolerance) else { return false }
      let first = first.inset(by: tolerance / 2)
      let second = second.inset(by: tolerance / 2)
      if Self.isInsideEllipse(first.center, second) || Self.isInsideEllipse(second.center, first) {
        return true
      }
      return Self.boundary(of: first).contains { Self.isInsideEllipse($0, second) }
    }
  }

  private static func isInsideEllipse(_ point: LayoutPoint, _ box: LayoutBox) -> Bool {
    let radiusX = (box.maxX - box.minX) / 2
    let radiusY = (box.maxY - box.minY) / 2
    guard radiusX > 0, radiusY > 0 else { return false }
    let center = box.center
    let u = (point.x - center.x) / radiusX
    let v = (point.y - center.y) / radiusY
    return u * u + v * v < 1
  }

  private static func boundary(of box: LayoutBox) -> [LayoutPoint] {
    let center = box.center
    let radiusX = (box.maxX - box.minX) / 2
    let radiusY = (box.maxY - box.minY) / 2
    return (0..<72).map { step in
      let angle = Double(step) * Double.pi / 36
      return LayoutPoint(x: center.x + radiusX * cos(angle), y: center.y + radiusY * sin(angle))
    }
  }
}
