import Foundation

/// The root `<svg>` tag of a diagram: its size in points and its viewBox, read from the bytes
/// and rewritten in place, so a page keeps every other byte of the diagram (ids, titles,
/// accessibility) as the renderer wrote it.
struct SVGRoot {
  /// A `viewBox`: the user-space rectangle the root's width and height show.
  struct Box: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    /// The four numbers as SVG writes them, two decimals like Graphviz.
    var text: String {
      [x, y, width, height].map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
  }

  /// The whole document.
  let svg: [UInt8]
  /// Where the root tag's attributes are: after `<svg`, up to its closing `>`.
  private let tag: Range<Int>
  /// Each attribute of the root tag: its name and the range of its value, between the quotes.
  private let attributes: [(name: String, value: Range<Int>)]
  /// The drawing's width in points.
  let width: Double
  /// The drawing's height in points.
  let height: Double
  /// The root's viewBox; without one, the user space is CSS pixels from the origin.
  let viewBox: Box
  /// Whether the root carries a `viewBox` attribute.
  private let hasViewBox: Bool

  /// Reads the root tag of `svg`.
  ///
  /// - Throws: `RenderError.page` when there is no `<svg` tag, its attributes are malformed, or
  ///   its size is missing, relative (`%`), or not positive.
  init(_ svg: [UInt8]) throws(RenderError) {
    self.svg = svg
    guard let start = Self.rootStart(in: svg) else { throw .page("no <svg> root element") }
    var attributes: [(name: String, value: Range<Int>)] = []
    var index = start
    while true {
      while index < svg.count, Self.isSpace(svg[index]) { index += 1 }
      guard index < svg.count else { throw .page("the <svg> tag does not end") }
      if svg[index] == UInt8(ascii: ">") || svg[index] == UInt8(ascii: "/") { break }
      let nameStart = index
      while index < svg.count, svg[index] != UInt8(ascii: "="), !Self.isSpace(svg[index]) {
        index += 1
      }
      let name = String(decoding: svg[nameStart..<index], as: UTF8.self)
      while index < svg.count, Self.isSpace(svg[index]) { index += 1 }
      guard index + 1 < svg.count, svg[index] == UInt8(ascii: "=") else {
        throw .page("malformed attribute '\(name.prefix(40))' in the <svg> tag")
      }
      index += 1
      while index < svg.count, Self.isSpace(svg[index]) { index += 1 }
      guard index < svg.count, svg[index] == Bytes.quote || svg[index] == UInt8(ascii: "'")
      else { throw .page("unquoted attribute '\(name.prefix(40))' in the <svg> tag") }
      let quote = svg[index]
      let valueStart = index + 1
      guard let valueEnd = svg[valueStart...].firstIndex(of: quote) else {
        throw .page("the <svg> tag does not end")
      }
      attributes.append((name, valueStart..<valueEnd))
      index = valueEnd + 1
    }
    tag = start..<index
    self.attributes = attributes
    func value(_ name: String) -> String? {
      attributes.first { $0.name == name }.map {
        String(decoding: svg[$0.value], as: UTF8.self)
      }
    }
    let box = try value("viewBox").map { text throws(RenderError) in try Self.box(text) }
    hasViewBox = box != nil
    let width = try value("width").map { text throws(RenderError) in try Self.points(text) }
    let height = try value("height").map { text throws(RenderError) in try Self.points(text) }
    // Without a size the viewBox gives it in CSS pixels (0.75 pt), as a browser shows it.
    guard let width = width ?? box.map({ $0.width * 0.75 }),
      let height = height ?? box.map({ $0.height * 0.75 })
    else { throw .page("the <svg> root has neither a size nor a viewBox") }
    guard width > 0, height > 0, width.isFinite, height.isFinite else {
      throw .page("the <svg> root has no area")
    }
    self.width = width
    self.height = height
    viewBox = box ?? Box(x: 0, y: 0, width: width / 0.75, height: height / 0.75)
  }

  /// The document with the root's `width`, `height` and `viewBox` set to these values (added
  /// where missing), every other byte unchanged.
  func replacing(width: String, height: String, viewBox: Box) -> [UInt8] {
    var edits: [(range: Range<Int>, text: String)] = []
    var missing: [String] = []
    for (name, text) in [("width", width), ("height", height), ("viewBox", viewBox.text)] {
      if let attribute = attributes.first(where: { $0.name == name }) {
        edits.append((attribute.value, text))
      } else {
        missing.append(" \(name)=\"\(text)\"")
      }
    }
    if !missing.isEmpty { edits.append((tag.upperBound..<tag.upperBound, missing.joined())) }
    var result: [UInt8] = []
    result.reserveCapacity(svg.count + 64)
    var copied = 0
    for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      result += svg[copied..<edit.range.lowerBound]
      result += Array(edit.text.utf8)
      copied = edit.range.upperBound
    }
    result += svg[copied...]
    return result
  }

  /// The index just after the first `<svg` that starts a tag (followed by a space).
  private static func rootStart(in svg: [UInt8]) -> Int? {
    let open = Array("<svg".utf8)
    var from = 0
    while let found = Bytes.firstIndex(of: open, in: svg[from...]) {
      let after = found + open.count
      if after < svg.count, isSpace(svg[after]) { return after }
      from = after
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// A length (`620pt`, `210mm`, `800`, `1920px`) in points; a bare number is CSS pixels.
  static func points(_ text: String) throws(RenderError) -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let units: [(suffix: String, points: Double)] = [
      ("pt", 1), ("px", 0.75), ("mm", 72 / 25.4), ("cm", 72 / 2.54), ("in", 72), ("pc", 12),
    ]
    for unit in units where trimmed.hasSuffix(unit.suffix) {
      if let number = Double(trimmed.dropLast(unit.suffix.count)) { return number * unit.points }
    }
    if let number = Double(trimmed) { return number * 0.75 }
    throw .page("unreadable length '\(text.prefix(40))' on the <svg> root")
  }

  /// A `viewBox` value: four numbers separated by spaces or commas.
  static func box(_ text: String) throws(RenderError) -> Box {
    let fields = text.split(whereSeparator: { $0 == " " || $0 == "," || $0.isWhitespace })
    let numbers = fields.compactMap { Double($0) }.filter(\.isFinite)
    guard fields.count == 4, numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
      throw .page("unreadable viewBox '\(text.prefix(60))'")
    }
    return Box(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
  }
}
