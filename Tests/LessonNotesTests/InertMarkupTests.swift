import CMarkGFM
import Foundation
import Testing

@testable import LessonNotes

/// The inline figure's text is written as character references, so no Markdown tool finds
/// syntax in it; here in-process, with the cmark-gfm that GitHub uses (the end-to-end test runs
/// Pandoc and Python-Markdown).
@Suite("Inline figures are inert Markdown")
struct InertMarkupTests {
  @Test("text punctuation becomes references; tags, attributes and references are kept")
  func text() {
    let markup =
      "<text x=\"1.5\" font-family=\"A,B\">[a](javascript:x) &lt;b&gt; &#39;c</text>\n"
      + "  indented &amp; ![i](https://e.example/i.png)\n<g/>"
    #expect(
      InertMarkup.text(markup)
        == "<text x=\"1.5\" font-family=\"A,B\">&#91;a&#93;&#40;javascript&#58;x&#41; "
        + "&lt;b&gt; &#39;c</text>\n&#32;&#32;indented &amp; &#33;&#91;i&#93;&#40;https&#58;&#47;"
        + "&#47;e&#46;example&#47;i&#46;png&#41;\n<g/>")
    #expect(InertMarkup.text("a & b &bogus c\r") == "a &#38; b &#38;bogus c&#13;")
    #expect(
      InertMarkup.attribute("[x](y) \"q\" <z>") == "&#91;x&#93;&#40;y&#41; &quot;q&quot; &lt;z&gt;")
  }

  @Test("cmark-gfm with GitHub's extensions finds one HTML block per figure and no link")
  func cmarkFindsNoLink() throws {
    let statement = "[s](javascript:alert(1)) ![x](https://evil.example/t.png) <https://e.example>"
    let text = """
      Intro

      ```argmap
      caption: [c](javascript:alert(2)) www.evil.example/c
      aim a: \(statement)
      claim b: https://evil.example/bare [r] *em*
        + a: [because](javascript:alert(3))
      ```

      [r]: https://evil.example/ref

      """
    let report = NotesFixtures.process(
      text, options: NotesOptions(target: .markdown(.inline), root: "/tmp"))
    #expect(report.diagnostics.isEmpty)
    let output = try #require(NotesFixtures.mainOutput(report))
    #expect(output.contains("&#91;s&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;"))
    let types = CMark.withDocument(
      Array(output.utf8), options: CMARK_OPT_DEFAULT, extensions: CMark.extensionNames
    ) { root, _ in
      CMark.nodes(under: root).map { cmark_node_get_type($0) }
    }
    let found = try #require(types)
    #expect(!found.contains(CMARK_NODE_LINK))
    #expect(!found.contains(CMARK_NODE_IMAGE))
    #expect(found.filter { $0 == CMARK_NODE_HTML_BLOCK }.count == 1)
  }
}
