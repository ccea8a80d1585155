import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// `argmap render FILE [-o OUT] [--view ...]`: draw a map as SVG, PNG, PDF or DOT.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw an argument map as SVG, PNG, PDF or Graphviz DOT.",
    discussion: """
      Refuses a map with errors (run 'argmap check' to see them). The format follows the \
      output file's extension unless --format is given; without -o, SVG goes to standard output. \
      --blank and --blank-kind make a worksheet: the chosen statements are numbered blanks in the \
      same layout as the full map.
      """)

  /// The pictures a map can be drawn as.
  enum View: String, CaseIterable, ExpressibleByArgument {
    case argument, timeline, comparison
  }

  @Argument(help: "The .argmap file ('-' reads standard input).")
  var file: String

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String = "-"

  @Option(help: "svg, png, pdf or dot (default: from the output's extension, else svg).")
  var format: OutputFormat?

  @Option(help: "argument, timeline, or comparison (with --interpretations).")
  var view: View = .argument

  @Option(
    help: ArgumentHelp(
      "The two interpretations a comparison puts side by side.", valueName: "first,second"))
  var interpretations: String?

  @Option(
    help: ArgumentHelp("Blank these statements (repeatable, or comma-separated).", valueName: "id"))
  var blank: [String] = []

  @Option(help: ArgumentHelp("Blank every statement of this kind (repeatable).", valueName: "kind"))
  var blankKind: [NodeKind] = []

  @ArgumentParser.Flag(help: "Draw a legend of the kinds and relations used.")
  var legend = false

  @ArgumentParser.Flag(help: "Write each link's reasoning on its edge.")
  var reasoning = false

  @Option(help: "Prefix of the SVG ids, so several diagrams can share a page.")
  var idPrefix: String = "argmap"

  @Option(help: "The longest line of a label, in characters.")
  var lineWidth: Int = 28

  func validate() throws {
    if interpretations != nil && comparedIDs == nil {
      throw ValidationError(
        "--interpretations takes two ids and a comma, as in aggressive-view,security-view.")
    }
    switch (view, comparedIDs) {
    case (.comparison, nil):
      throw ValidationError("--view comparison needs --interpretations first,second.")
    case (.argument, .some), (.timeline, .some):
      throw ValidationError("--interpretations goes with --view comparison.")
    case (.comparison, .some), (.argument, nil), (.timeline, nil):
      break
    }
    guard (8...200).contains(lineWidth) else {
      throw ValidationError("--line-width must be between 8 and 200.")
    }
  }

  func run() throws {
    let input: InputFile
    do {
      input = try InputFile.read(file)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    let result = ArgumentMapParser.check(utf8: input.bytes)
    printDiagnostics(result.diagnostics, for: input)
    guard !result.hasErrors else { throw ExitCode(1) }

    let mapView: MapView
    switch view {
    case .argument: mapView = .argument
    case .timeline: mapView = .timeline
    case .comparison:
      guard let (first, second) = comparedIDs else { throw ExitCode.validationFailure }
      mapView = .comparison(first, second)
    }
    let options = SceneOptions(
      blankNodes: blank.flatMap { $0.split(separator: ",") }.map {
        NodeID(String($0).trimmingSpaces)
      },
      blankKinds: blankKind,
      showsLegend: legend,
      showsReasoning: reasoning,
      lineWidth: lineWidth)
    let bytes: [UInt8]
    do {
      bytes = try MapRenderer(idPrefix: idPrefix).render(
        result.map, view: mapView, options: options, format: resolvedFormat)
    } catch {
      switch error {
      case .view(let viewError):
        printError("argmap render: error: \(viewError.description)")
        throw ExitCode.validationFailure
      case .graphviz, .unreadableLayout:
        printError("\(input.displayName): error: \(error.description)")
        throw ExitCode(1)
      }
    }
    do {
      try AtomicFile.write(bytes, to: output)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
  }

  /// The two ids of `--interpretations first,second`, when given as exactly two.
  private var comparedIDs: (NodeID, NodeID)? {
    guard let interpretations else { return nil }
    let parts = interpretations.split(separator: ",").map { String($0).trimmingSpaces }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return (NodeID(parts[0]), NodeID(parts[1]))
  }

  /// `--format`, else the output file's extension, else SVG.
  private var resolvedFormat: OutputFormat {
    if let format { return format }
    let name = output.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return .svg }
    return OutputFormat(rawValue: name[name.index(after: dot)...].lowercased()) ?? .svg
  }
}

extension OutputFormat: ExpressibleByArgument {}
extension NodeKind: ExpressibleByArgument {}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
