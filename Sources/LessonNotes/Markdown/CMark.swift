import ArgumentMapGraphviz
import CMarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few calls into cmark-gfm that lesson notes need, with its memory handled in one place.
enum CMark {
  /// The GitHub extensions used for HTML pages: tables, strikethrough, autolinks, and the tag
  /// filter (which disarms `<script>`, `<iframe>` and friends even outside safe mode).
  static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

  /// The extensions for reports made from map text: no autolinks, so that a URL written in a
  /// statement stays text (the report's Markdown escapes every other way to make a link).
  static let reportExtensionNames = ["table", "strikethrough", "tagfilter"]

  /// Registers the core extensions once per process (thread-safe through `static let`).
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Parses `bytes` and hands the document's root to `body`; the tree is freed afterwards.
  static func withDocument<Result>(
    _ bytes: [UInt8], options: Int32, extensions: [String] = [],
    _ body: (OpaquePointer, OpaquePointer) -> Result
  ) -> Result? {
    _ = registered
    guard let parser = cmark_parser_new(options) else { return nil }
    defer { cmark_parser_free(parser) }
    for name in extensions {
      if let syntax = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntax)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    guard let root = cmark_parser_finish(parser) else { return nil }
    defer { cmark_node_free(root) }
    return body(root, parser)
  }

  /// Convenience for callers that do not need the parser.
  static func withDocument<Result>(
    _ bytes: [UInt8], options: Int32, _ body: (OpaquePointer) -> Result
  ) -> Result? {
    withDocument(bytes, options: options) { root, _ in body(root) }
  }

  /// Every node below `root`, in document order (entering events only).
  static func nodes(under root: OpaquePointer) -> [OpaquePointer] {
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }
    var found: [OpaquePointer] = []
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
        found.append(node)
      }
    }
    return found
  }

  /// The plain text of a node's inline content.
  static func plainText(_ node: OpaquePointer) -> String {
    var text = ""
    for child in nodes(under: node) {
      switch cmark_node_get_type(child) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      default:
        break
      }
    }
    return text
  }

  /// The document as HTML in cmark's safe mode, each `argmap` block replaced by `replacement`.
  ///
  /// Safe mode drops raw HTML (`<!-- raw HTML omitted -->`) and `javascript:`, `vbscript:`,
  /// `file:` and most `data:` URLs, so notes cannot put script on the page. The replacements are
  /// ours and are inserted as custom blocks, which cmark writes as given. Characters that XML
  /// forbids (C0 controls, U+FFFE, U+FFFF), which cmark copies through, are dropped, so the page
  /// stays well-formed XML.
  static func html(
    _ bytes: [UInt8], extensions: [String] = extensionNames, replacement: (Int) -> String
  ) -> String {
    let html = renderedHTML(bytes, extensions: extensions, replacement: replacement)
    guard html.unicodeScalars.contains(where: DOTEscape.isXMLForbidden) else { return html }
    var kept = String.UnicodeScalarView()
    for scalar in html.unicodeScalars where !DOTEscape.isXMLForbidden(scalar) {
      kept.append(scalar)
    }
    return String(kept)
  }

  private static func renderedHTML(
    _ bytes: [UInt8], extensions: [String], replacement: (Int) -> String
  ) -> String {
    withDocument(bytes, options: CMARK_OPT_DEFAULT, extensions: extensions) { root, parser in
      var index = 0
      var targets: [(OpaquePointer, String)] = []
      for node in nodes(under: root) where cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { continue }
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        guard MarkdownDocument.isArgmapInfo(info) else { continue }
        targets.append((node, replacement(index)))
        index += 1
      }
      for (node, html) in targets {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(node, custom)
        cmark_node_free(node)
      }
      guard
        let rendered = cmark_render_html(
          root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
      else { return "" }
      defer { free(rendered) }
      return String(cString: rendered)
    } ?? ""
  }
}
