/// A point of a laid-out diagram, in points, y upwards as Graphviz gives it.
package struct LayoutPoint: Hashable, Sendable {
  /// Horizontal position.
  package var x: Double
  /// Vertical position (upwards).
  package var y: Double

  /// Creates a point.
  package init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// An upright rectangle of a laid-out diagram, in points: a line of text, a node's extent.
package struct LayoutBox: Hashable, Sendable {
  /// Left edge.
  package var minX: Double
  /// Bottom edge.
  package var minY: Double
  /// Right edge.
  package var maxX: Double
  /// Top edge.
  package var maxY: Double

  /// Creates a box from its edges.
  package init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// Creates a box of `width` x `height` around `center`.
  package init(center: LayoutPoint, width: Double, height: Double) {
    self.init(
      minX: center.x - width / 2, minY: center.y - height / 2,
      maxX: center.x + width / 2, maxY: center.y + height / 2)
  }

  /// The middle of the box.
  package var center: LayoutPoint { LayoutPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

  /// The box grown by `amount` on every side (shrunk when negative; it may become empty).
  package func inset(by amount: Double) -> LayoutBox {
    LayoutBox(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
  }

  /// Whether the box has no area.
  package var isEmpty: Bool { maxX <= minX || maxY <= minY }

  /// Whether the two boxes share more than `tolerance` in both directions: touching, or
  /// overlapping by a hair, does not count.
  package func overlaps(_ other: LayoutBox, tolerance: Double) -> Bool {
    min(maxX, other.maxX) - max(minX, other.minX) > tolerance
      && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
  }

  /// Whether `point` lies inside the box (edges included).
  package func contains(_ point: LayoutPoint) -> Bool {
    point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
  }

  /// The smallest box holding both.
  package func union(_ other: LayoutBox) -> LayoutBox {
    LayoutBox(
      minX: min(minX, other.minX), minY: min(minY, other.minY),
      maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
  }

  /// Whether the segment from `start` to `end` passes through the box (Liang–Barsky clipping).
  package func isCrossed(from start: LayoutPoint, to end: LayoutPoint) -> Bool {
    guard !isEmpty else { return false }
    let dx = end.x - start.x
    let dy = end.y - start.y
    var low = 0.0
    var high = 1.0
    let tests = [
      (-dx, start.x - minX), (dx, maxX - start.x), (-dy, start.y - minY), (dy, maxY - start.y),
    ]
    for (p, q) in tests {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 { low = max(low, t) } else { high = min(high, t) }
        if low > high { return false }
      }
    }
    return true
  }
}
