/// Curves and segments: Bézier sampling and crossing tests for edges.
enum CurveGeometry {
  /// The points of a piecewise cubic Bézier curve (`p0 c1 c2 p1 c1 c2 p2 ...`, as in xdot's `b`
  /// and `B` operations), sampled into a polyline; any other count of points is a polyline
  /// already.
  static func sample(bezier points: [LayoutPoint], stepsPerPiece: Int = 8) -> [LayoutPoint] {
    guard points.count >= 4, (points.count - 1) % 3 == 0 else { return points }
    var result = [points[0]]
    var index = 0
    while index + 3 < points.count {
      let p0 = points[index]
      let p1 = points[index + 1]
      let p2 = points[index + 2]
      let p3 = points[index + 3]
      for step in 1...stepsPerPiece {
        let t = Double(step) / Double(stepsPerPiece)
        let s = 1 - t
        let a = s * s * s
        let b = 3 * s * s * t
        let c = 3 * s * t * t
        let d = t * t * t
        result.append(
          LayoutPoint(
            x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
            y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
      }
      index += 3
    }
    return result
  }

  /// Where the segments `a1`–`a2` and `b1`–`b2` cross, if they do; parallel segments never do.
  static func crossing(
    _ a1: LayoutPoint, _ a2: LayoutPoint, _ b1: LayoutPoint, _ b2: LayoutPoint
  ) -> LayoutPoint? {
    let rx = a2.x - a1.x
    let ry = a2.y - a1.y
    let sx = b2.x - b1.x
    let sy = b2.y - b1.y
    let denominator = rx * sy - ry * sx
    guard abs(denominator) > 1e-12 else { return nil }
    let qx = b1.x - a1.x
    let qy = b1.y - a1.y
    let t = (qx * sy - qy * sx) / denominator
    let u = (qx * ry - qy * rx) / denominator
    guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
    return LayoutPoint(x: a1.x + t * rx, y: a1.y + t * ry)
  }

  /// The bounding box of a polyline; `nil` when it has no points.
  static func bounds(of points: [LayoutPoint]) -> LayoutBox? {
    guard let first = points.first else { return nil }
    var box = LayoutBox(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
    for point in points.dropFirst() {
      box = box.union(LayoutBox(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y))
    }
    return box
  }
}
