import ArgumentMap
import FuzzSupport
import LessonNotes

/// The Markdown block scanner of lesson notes on any bytes: no crash, no hang; the `argmap`
/// blocks lie inside the file, in order and apart, each starts at its fence, and every content
/// line maps back to the same bytes of the file. Each block's content is then checked as
/// `.argmap` text, as `argmap notes` does before rendering.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = fuzzInput(start, count)
  let document = MarkdownDocument(bytes: bytes)
  var previousEnd = 0
  for (index, block) in document.blocks.enumerated() {
    require(block.index == index, "block \(index) says it is block \(block.index)")
    require(MarkdownDocument.isArgmapInfo(block.info), "block \(index) is not an argmap block")
    let replaced = block.replacedBytes
    require(
      replaced.lowerBound >= previousEnd && replaced.upperBound <= bytes.count,
      "block \(index) replaces \(replaced), outside the file or over the block before")
    previousEnd = replaced.upperBound
    require(block.fenceOffset == replaced.lowerBound, "block \(index) does not start at its fence")
    require(
      block.fenceOffset < bytes.count && bytes[block.fenceOffset] == block.fenceCharacter,
      "block \(index)'s fence offset is not at a fence character")
    require(block.fenceLength >= 3, "block \(index) has a fence of \(block.fenceLength)")
    // Lines after the fence line are the file's own bytes; those before come from the info
    // string's attributes.
    let fenceLineEnd = bytes[block.fenceOffset...].firstIndex(of: 0x0A) ?? bytes.count
    for (number, line) in block.lines.enumerated() {
      let end =
        number + 1 < block.lines.count ? block.lines[number + 1].contentOffset : block.content.count
      require(
        line.contentOffset <= end && end <= block.content.count,
        "block \(index) line \(number) runs outside the content")
      guard line.fileOffset > fenceLineEnd else { continue }
      let length = end - line.contentOffset
      require(
        line.fileOffset + length <= bytes.count
          && block.content[line.contentOffset..<end]
            .elementsEqual(bytes[line.fileOffset..<(line.fileOffset + length)]),
        "block \(index) line \(number) does not map back to the file's bytes")
      require(
        block.fileOffset(ofContentOffset: line.contentOffset) == line.fileOffset,
        "block \(index) line \(number) maps to another offset")
    }
    let checked = ArgumentMapParser.check(utf8: block.content)
    requireRangesInside(checked.diagnostics, byteCount: block.content.count)
  }
  return 0
}
