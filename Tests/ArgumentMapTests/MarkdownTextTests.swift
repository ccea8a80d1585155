import ArgumentMap
import Testing

/// The one Markdown escaper and its contexts.
@Suite("MarkdownText: map text that reads as written in Markdown")
struct MarkdownTextTests {
  @Test(
    "markup characters are backslash-escaped (`<` as `&lt;`); pipes and line breaks only when asked"
  )
  func markup() {
    let text = "# [a](b) *c* <d> &e; ~f~ !g `h` \\ | i\nj"
    #expect(
      MarkdownText.escaped(text, .markup)
        == "\\# \\[a\\](b) \\*c\\* &lt;d\\> \\&e; \\~f\\~ \\!g \\`h\\` \\\\ | i\nj")
    #expect(MarkdownText.escaped("a | b", .paragraph) == "a \\| b")
  }

  @Test("bare URLs and addresses, which GFM links, are broken by character references")
  func bareLinks() {
    #expect(
      MarkdownText.escaped("see https://e.example, WWW.e.example and m@e.example; 3:1 @x", .markup)
        == "see https&#58;//e.example, WWW&#46;e.example and m&#64;e.example; 3:1 @x")
  }

  @Test("a table cell escapes pipes and puts LF, CRLF and CR line breaks on one line")
  func tableCell() {
    #expect(MarkdownText.escaped("a|b\nc\r\nd\re_", .tableCell) == "a\\|b c d e\\_")
  }

  @Test("already-written Markdown keeps its markup when only made safe for a cell")
  func cellOfMarkdown() {
    #expect(MarkdownText.escaped("`id` **x** | y", [.pipes, .lineBreaks]) == "`id` **x** \\| y")
  }

  @Test("inline text (alt text, captions) flattens a CRLF and keeps pipes")
  func inline() {
    #expect(MarkdownText.escaped("a [b]\r\nc | d", .inline) == "a \\[b\\] c | d")
  }
}
