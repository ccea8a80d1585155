import ArgumentMap
import ArgumentMapGraphviz
import AtomicFiles
import Foundation

/// A Pandoc JSON filter: `argmap` code blocks become diagrams.
///
/// HTML-like targets get the figure as inline SVG in a raw HTML block (unique id prefixes,
/// caption, outline). LaTeX targets get a PDF figure and other targets (Word, ODT, ...) a PNG,
/// written to `argmap-figures/` in the working folder under a content-hash name and placed as
/// a Pandoc figure (an image alone in a paragraph, titled `fig:`). Pandoc attributes such as
/// `{.argmap caption="..." view=timeline}` are read as the block's options. Map references are
/// resolved from the working folder, which must lie in the same repository.
public enum PandocFilter {
  /// Why the filter failed; Pandoc shows the message and stops.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// The message `argmap-pandoc` prints to standard error before exiting with an error: one
    /// line per problem, each starting `argmap-pandoc: error:` and naming the block it is about
    /// (or the byte at which the input stopped being Pandoc JSON).
    public var description: String
  }

  /// The formats that take raw HTML.
  static let htmlFormats: Set<String> = [
    "html", "html4", "html5", "epub", "epub2", "epub3", "revealjs", "slidy", "slideous", "s5",
    "dzslides", "chunkedhtml",
  ]
  static let pdfFormats: Set<String> = ["latex", "beamer", "context", "pdf"]

  /// The folder image figures are written to.
  public static let figureFolder = "argmap-figures"

  /// How long drawing one block may take in the Pandoc filters, in seconds: 120, or the number in
  /// the environment variable `ARGMAP_TIMEOUT` (Pandoc passes a filter no options).
  package static func timeLimit(environment: [String: String]) -> Double {
    guard let text = environment["ARGMAP_TIMEOUT"], let seconds = Double(text),
      seconds > 0 && seconds <= 86_400
    else { return 120 }
    return seconds
  }

  /// Runs the filter on a JSON AST.
  ///
  /// The students' copy leaves out the teacher's parts (the blocks from a `<!-- teacher -->`
  /// raw HTML block to a `<!-- /teacher -->` one, in the same list of blocks) and draws every
  /// block as if it said `answers: no`. Pandoc passes a filter no options, so the copy comes from
  /// the document's metadata `copy` (`pandoc -M copy=student`, or `copy: student` in its YAML
  /// front matter) unless `copy` is given.
  ///
  /// - Parameters:
  ///   - input: Pandoc's JSON AST.
  ///   - format: The target format Pandoc passes (`html`, `latex`, `docx`, ...).
  ///   - timeLimit: Seconds that drawing one block may take before the process is ended with an
  ///     error (`Watchdog`); `nil`, the default for library users, sets no limit.
  ///   - copy: The copy to make; `nil` reads the metadata `copy`, the teacher's by default.
  /// - Returns: The AST with every `argmap` block drawn, or why the filter failed.
  public static func run(
    input: [UInt8], format: String, timeLimit: Double? = nil, copy: NotesCopy? = nil
  ) -> Result<[UInt8], Failure> {
    let root: JSONValue
    do throws(PositionedJSONReader.Failure) {
      root = try PositionedJSONReader.read(input)
    } catch {
      return .failure(
        Failure(
          description:
            "argmap-pandoc: error: the input is not Pandoc JSON (byte \(error.offset): \(error.message))"
        ))
    }
    let chosen: NotesCopy
    switch copy.map({ .success($0) }) ?? Self.copy(inMetadataOf: root) {
    case .success(let value): chosen = value
    case .failure(let failure): return .failure(failure)
    }
    var state = State(format: format.lowercased(), timeLimit: timeLimit, copy: chosen)
    let output = state.walk(root)
    if !state.failures.isEmpty {
      return .failure(Failure(description: state.failures.joined(separator: "\n")))
    }
    return .success(Array(output.compactText.utf8))
  }

  /// The copy the document's metadata asks for (`copy: teacher` or `copy: student`, as a string
  /// from `-M` or as text from YAML); the teacher's when it names none.
  static func copy(inMetadataOf root: JSONValue) -> Result<NotesCopy, Failure> {
    guard let value = root["meta"]?["copy"] else { return .success(.teacher) }
    var text = ""
    switch value["t"]?.stringValue {
    case "MetaString": text = value["c"]?.stringValue ?? ""
    case "MetaInlines":
      for inline in value["c"]?.arrayValue ?? [] {
        text += inline["t"]?.stringValue == "Str" ? inline["c"]?.stringValue ?? "" : " "
      }
    default: break
    }
    guard let copy = NotesCopy(rawValue: text) else {
      return .failure(
        Failure(
          description:
            "argmap-pandoc: error: metadata 'copy' is '\(text)'; expected teacher or student"))
    }
    return .success(copy)
  }

  struct State {
    let format: String
    let timeLimit: Double?
    let copy: NotesCopy
    var blockNumber = 0
    var failures: [String] = []
    let resolver = ReferenceResolver(notesPath: "./document", root: nil)

    init(format: String, timeLimit: Double?, copy: NotesCopy = .teacher) {
      self.format = format
      self.timeLimit = timeLimit
      self.copy = copy
    }

    /// The marker a Pandoc element is: a raw HTML block or inline holding only
    /// `<!-- teacher -->` or `<!-- /teacher -->`.
    func marker(_ value: JSONValue) -> TeacherMarker.Kind? {
      guard let type = value["t"]?.stringValue, type == "RawBlock" || type == "RawInline",
        let contents = value["c"]?.arrayValue, contents.count == 2,
        contents[0].stringValue == "html", let html = contents[1].stringValue
      else { return nil }
      return TeacherMarker.kind(ofComment: Array(html.utf8))
    }

    /// A list of elements with the teacher's parts checked, and left out of the students' copy.
    /// A part must open and close in one list of blocks (the document, a list item, a quote).
    mutating func withoutTeacherParts(_ items: [JSONValue]) -> [JSONValue] {
      var kept: [JSONValue] = []
      var isInside = false
      for item in items {
        switch (marker(item), isInside) {
        case (.open?, false):
          isInside = true
          if copy == .teacher { kept.append(item) }
        case (.open?, true):
          failures.append(
            "argmap-pandoc: error: '<!-- teacher -->' inside a teacher's part; close the first with '<!-- /teacher -->' before opening another"
          )
        case (.close?, false):
          failures.append(
            "argmap-pandoc: error: '<!-- /teacher -->' closes no teacher's part; open one with '<!-- teacher -->' above it, at the same level and with a blank line before each"
          )
        case (.close?, true):
          isInside = false
          if copy == .teacher { kept.append(item) }
        case (nil, _):
          if !isInside || copy == .teacher { kept.append(item) }
        }
      }
      if isInside {
        failures.append(
          "argmap-pandoc: error: '<!-- teacher -->' is never closed; end the teacher's part with '<!-- /teacher -->' on a line of its own, with a blank line before it"
        )
      }
      return kept
    }

    /// Runs `draw` under the time limit, if any; only drawing, never a write.
    func timed<Value>(_ draw: () throws(BlockRenderError) -> Value) throws(BlockRenderError)
      -> Value
    {
      let watchdog = timeLimit.map {
        Watchdog.arm(seconds: $0, file: "argmap block \(blockNumber)")
      }
      defer { watchdog?.disarm() }
      return try draw()
    }

    mutating func walk(_ value: JSONValue) -> JSONValue {
      switch value.content {
      case .array(let items):
        return .array(withoutTeacherParts(items).map { walk($0) })
      case .object(let members):
        if value["t"]?.stringValue == "CodeBlock", let replaced = codeBlock(value) {
          return replaced
        }
        return .object(members.map { ($0.key, walk($0.value)) })
      case .null, .bool, .number, .string:
        return value
      }
    }

    /// The replacement of an `argmap` code block, or nil for any other code block.
    mutating func codeBlock(_ block: JSONValue) -> JSONValue? {
      guard let contents = block["c"]?.arrayValue, contents.count == 2,
        let attributes = contents[0].arrayValue, attributes.count == 3,
        let classes = attributes[1].arrayValue, let text = contents[1].stringValue,
        classes.contains(where: { $0.stringValue == "argmap" })
      else { return nil }
      blockNumber += 1
      var optionLines = ""
      for pair in attributes[2].arrayValue ?? [] {
        guard let items = pair.arrayValue, items.count == 2, let key = items[0].stringValue,
          let value = items[1].stringValue, BlockSpecParser.keys.contains(key)
        else { continue }
        optionLines += "\(key): \(value.replacingOccurrences(of: "\n", with: " "))\n"
      }
      let content = Array((optionLines + text + "\n").utf8)
      let (parsedSpec, problems) = BlockSpecParser.parse(content)
      guard let parsedSpec else {
        fail(problems.map(\.diagnostic.message))
        return nil
      }
      let spec = copy == .student ? parsedSpec.forStudents() : parsedSpec
      let mapBytes: [UInt8]
      switch spec.source {
      case .inline(let offset): mapBytes = Array(content[offset...])
      case .file(let path, _):
        switch resolver.read(path) {
        case .success(let file): mapBytes = file.bytes
        case .failure(let failure):
          fail([failure.diagnostic.message])
          return nil
        }
      }
      let parsed = ArgumentMapParser.check(utf8: mapBytes)
      let errors = parsed.diagnostics.filter(\.isError)
      guard errors.isEmpty else {
        fail(
          errors.map { diagnostic in
            let place =
              diagnostic.range.map { "map line \($0.start.line), column \($0.start.column): " }
              ?? ""
            return place + diagnostic.message
          })
        return nil
      }
      let key = RenderCache.key(fields: [spec.cacheKeyText, format], bytes: mapBytes)
      do {
        if PandocFilter.htmlFormats.contains(format) {
          let prefix = "pd\(blockNumber)-" + key.prefix(8)
          let figure = try timed { () throws(BlockRenderError) in
            try BlockRenderer.figure(spec, map: parsed.map, idPrefix: prefix)
          }
          let html = HTMLPage.figure(spec, figure, prefix: prefix, number: nil)
          return .object([
            ("t", .string("RawBlock")), ("c", .array([.string("html"), .string(html)])),
          ])
        }
        let isPDF = PandocFilter.pdfFormats.contains(format)
        let pages = try timed { () throws(BlockRenderError) in
          try BlockRenderer.images(spec, map: parsed.map, format: isPDF ? .pdf : .png)
        }
        try? FileManager.default.createDirectory(
          atPath: PandocFilter.figureFolder, withIntermediateDirectories: true)
        // One image per page of a split diagram, each its own paragraph (a sheet in print).
        var paragraphs: [JSONValue] = []
        for (offset, bytes) in pages.enumerated() {
          let page = offset == 0 ? "" : "-\(offset + 1)"
          let path =
            "\(PandocFilter.figureFolder)/\(key.prefix(16))\(page).\(isPDF ? "pdf" : "png")"
          // As every output: never half-written, through a link to the file it names, with the
          // system's reason when it cannot be written.
          do throws(FileError) {
            try AtomicFile.write(bytes, to: path, isDurable: false)
          } catch {
            fail(["cannot write '\(path)': \(error.reason)"])
            return nil
          }
          var caption = spec.caption ?? spec.alt ?? ""
          if pages.count > 1, !caption.isEmpty {
            caption += " (page \(offset + 1) of \(pages.count))"
          }
          let image: JSONValue = .object([
            ("t", .string("Image")),
            (
              "c",
              .array([
                .array([.string(""), .array([.string("argmap")]), .array([])]),
                .array(inlines(caption)),
                .array([.string(path), .string(caption.isEmpty ? "" : "fig:")]),
              ])
            ),
          ])
          paragraphs.append(.object([("t", .string("Para")), ("c", .array([image]))]))
        }
        guard paragraphs.count > 1 else { return paragraphs.first }
        return .object([
          ("t", .string("Div")),
          (
            "c",
            .array([
              .array([.string(""), .array([.string("argmap-pages")]), .array([])]),
              .array(paragraphs),
            ])
          ),
        ])
      } catch {
        fail([error.message])
        return nil
      }
    }

    mutating func fail(_ messages: [String]) {
      for message in messages {
        failures.append("argmap-pandoc: error: argmap block \(blockNumber): \(message)")
      }
    }

    /// Text as Pandoc inlines: words and spaces.
    func inlines(_ text: String) -> [JSONValue] {
      var result: [JSONValue] = []
      for (index, word) in text.split(separator: " ").enumerated() {
        if index > 0 { result.append(.object([("t", .string("Space"))])) }
        result.append(.object([("t", .string("Str")), ("c", .string(String(word)))]))
      }
      return result
    }
  }
}
