import Testing

@testable import ArgumentMapGraphviz

/// The smallest text of a page file as a reader sees it on `page`: the smallest `font-size`
/// scaled as the page scales the drawing (its viewBox to the sheet), in the page's units.
func smallestReaderSize(ofPage svg: String, on page: PageSize) throws -> Double {
  let viewBox = try #require(
    svg.firstMatch(of: /viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"/))
  let scale = min(page.width / (Double(viewBox.1) ?? 1), page.height / (Double(viewBox.2) ?? 1))
  let sizes = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
  return page.readerSize(ofTextPoints: try #require(sizes.min()), scale: scale)
}
