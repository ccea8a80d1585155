import Foundation

/// How readable a laid-out diagram is on a page: the smallest text a reader sees, what overlaps,
/// what crosses, and whether a timeline runs the right way.
///
/// Measured on Graphviz's own layout (`MapRenderer.readability(of:on:)`), so a teacher can tell
/// before printing whether a class can read the diagram on a given sheet or slide. Counts are of
/// pairs (two labels, a label and a node, an edge and a label, two edges); `problems` names them.
public struct ReadabilityFigures: Hashable, Sendable, Codable {
  /// How many pages (diagrams) the figures cover.
  public var pages: Int
  /// How much the diagram is scaled to fit the page (`PageSize.scale(width:height:)`); the
  /// smallest over several pages.
  public var scale: Double
  /// The smallest font size in the diagram, in points; `nil` when it has no text.
  public var smallestTextPoints: Double?
  /// That text as the reader sees it on the page (`PageSize.readerSize(ofTextPoints:scale:)`),
  /// in `readerUnit`; `nil` when the diagram has no text.
  public var smallestReaderText: Double?
  /// The unit of `smallestReaderText`: `pt` on paper, `px` on a slide.
  public var readerUnit: String
  /// The smallest text a class can read on the page, in `readerUnit`.
  public var minimumReaderText: Double
  /// Pairs of labels drawn over each other.
  public var labelLabelOverlaps: Int
  /// Labels drawn over a node they do not belong to.
  public var labelNodeOverlaps: Int
  /// Pairs of nodes drawn over each other.
  public var nodeNodeOverlaps: Int
  /// Edges whose line runs through a label other than their own or their end nodes'.
  public var edgesThroughLabels: Int
  /// Pairs of edges whose lines cross away from a node they share.
  public var edgeCrossings: Int
  /// Pairs of dated statements placed left to right against their date order (counted on
  /// timelines, or when asked).
  public var timelineOrderViolations: Int
  /// Words in all drawn text.
  public var words: Int
  /// Each problem in a short sentence naming the elements, in layout order.
  public var problems: [String]

  /// Creates figures; `MapRenderer.readability(of:on:)` measures them.
  public init(
    pages: Int = 1, scale: Double, smallestTextPoints: Double?, smallestReaderText: Double?,
    readerUnit: String, minimumReaderText: Double, labelLabelOverlaps: Int = 0,
    labelNodeOverlaps: Int = 0, nodeNodeOverlaps: Int = 0, edgesThroughLabels: Int = 0,
    edgeCrossings: Int = 0, timelineOrderViolations: Int = 0, words: Int = 0,
    problems: [String] = []
  ) {
    self.pages = pages
    self.scale = scale
    self.smallestTextPoints = smallestTextPoints
    self.smallestReaderText = smallestReaderText
    self.readerUnit = readerUnit
    self.minimumReaderText = minimumReaderText
    self.labelLabelOverlaps = labelLabelOverlaps
    self.labelNodeOverlaps = labelNodeOverlaps
    self.nodeNodeOverlaps = nodeNodeOverlaps
    self.edgesThroughLabels = edgesThroughLabels
    self.edgeCrossings = edgeCrossings
    self.timelineOrderViolations = timelineOrderViolations
    self.words = words
    self.problems = problems
  }

  /// Whether the smallest text is at least the smallest a class can read on the page.
  public var isTextReadable: Bool {
    guard let smallestReaderText else { return true }
    return smallestReaderText >= minimumReaderText
  }

  /// The figures of several pages as one: counts and words summed, the smallest scale and text
  /// kept, problems prefixed with their page number when there is more than one page.
  ///
  /// - Parameter pages: The figures of each page, in page order.
  /// - Returns: The figures of the whole document; `pages` is the number of pages given.
  public static func combined(_ pages: [ReadabilityFigures]) -> ReadabilityFigures {
    var result = ReadabilityFigures(
      pages: pages.count, scale: pages.map(\.scale).min() ?? 1,
      smallestTextPoints: pages.compactMap(\.smallestTextPoints).min(),
      smallestReaderText: pages.compactMap(\.smallestReaderText).min(),
      readerUnit: pages.first?.readerUnit ?? "pt",
      minimumReaderText: pages.map(\.minimumReaderText).max() ?? 0)
    for (index, page) in pages.enumerated() {
      result.labelLabelOverlaps += page.labelLabelOverlaps
      result.labelNodeOverlaps += page.labelNodeOverlaps
      result.nodeNodeOverlaps += page.nodeNodeOverlaps
      result.edgesThroughLabels += page.edgesThroughLabels
      result.edgeCrossings += page.edgeCrossings
      result.timelineOrderViolations += page.timelineOrderViolations
      result.words += page.words
      result.problems += page.problems.map { pages.count > 1 ? "page \(index + 1): \($0)" : $0 }
    }
    return result
  }

  /// The figures as JSON text with sorted keys: the same figures always give the same bytes.
  public func jsonText() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain numbers, strings and arrays cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
