/// Source text with position markers (`1️⃣`, `2️⃣`, ...) taken out, and where each marker stood.
///
/// Tests of diagnostics mark the expected positions in the source instead of counting columns by
/// hand; columns count Unicode scalars, as ArgMap's diagnostics do.
public struct MarkedSource: Sendable {
  /// The text without markers.
  public var text: String
  /// Each marker's position as (line, column), both from 1.
  public var markers: [String: (line: Int, column: Int)]

  /// The markers, in order.
  public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

  /// Takes the markers out of `marked` and notes where each stood.
  public init(_ marked: String) {
    var text = ""
    var markers: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var rest = Substring(marked)
    while !rest.isEmpty {
      if let name = Self.markerNames.first(where: { rest.hasPrefix($0) }) {
        markers[name] = (line, column)
        rest = rest.dropFirst(name.count)
        continue
      }
      let character = rest.removeFirst()
      text.append(character)
      for scalar in character.unicodeScalars {
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
    }
    self.text = text
    self.markers = markers
  }
}
