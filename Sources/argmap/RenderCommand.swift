import ArgumentAnalysis
import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// `argmap render FILE... [-o OUT | --output-dir DIR] [--view ...]`: draw maps as SVG, PNG, PDF
/// or DOT.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw argument maps as SVG, PNG, PDF or Graphviz DOT.",
    discussion: """
      Refuses a map with errors (run 'argmap check' to see them). The format follows the \
      output file's extension unless --format is given; without -o, SVG goes to standard output. \
      With --output-dir, every FILE is drawn in one run into DIR/NAME.FORMAT. --view worksheet \
      blanks the statements chosen by --blank (default all) in the same layout as the full map.
      """)

  /// The pictures a map can be drawn as; `argument` is read as `map`.
  enum View: String, CaseIterable, ExpressibleByArgument {
    case map, timeline, worksheet, comparison

    init?(argument: String) {
      self.init(rawValue: argument == "argument" ? "map" : argument)
    }
  }

  @Argument(help: "The .argmap files ('-' reads standard input).")
  var files: [String] = []

  @Option(name: .shortAndLong, help: "Where to write ('-' or no option: standard output).")
  var output: String?

  @Option(help: "Write one file per input into this folder (made if missing).")
  var outputDir: String?

  @Option(help: "svg, png, pdf or dot (default: from the output's extension, else svg).")
  var format: OutputFormat?

  @Option(help: "map, timeline, worksheet, or comparison (with --interpretations).")
  var view: View = .map

  @Option(
    help: ArgumentHelp(
      "What a worksheet blanks: all, events, claims, or ids (comma-separated).",
      valueName: "all|events|claims|id,..."))
  var blank: BlankSelection?

  @Option(
    help: ArgumentHelp(
      "Draw only the links that hold under this interpretation.", valueName: "interpretation"))
  var scope: String?

  @Option(
    help: ArgumentHelp(
      "The two interpretations a comparison puts side by side.", valueName: "first,second"))
  var interpretations: String?

  @Option(
    help: ArgumentHelp(
      "Graphviz layout engine: dot, neato, fdp, sfdp, circo, twopi, osage, ...",
      discussion: "Default: dot, or sfdp above 1000 nodes; naming dot keeps dot at any size."))
  var layout: String?

  @OptionGroup var drawingLimits: DrawingLimits

  @Option(
    help: ArgumentHelp(
      "Stop with an error when drawing one file takes longer than this (nothing is written).",
      valueName: "seconds"))
  var timeout: Double?

  /// What can be drawn over the statements.
  enum Overlay: String, CaseIterable, ExpressibleByArgument {
    case evaluation
  }

  @Option(
    help: ArgumentHelp(
      "Label and shade each statement by its evaluation (greyscale-safe); see --semantics.",
      valueName: "evaluation"))
  var overlay: Overlay?

  @Option(help: "The semantics of --overlay evaluation (as in 'argmap evaluate').")
  var semantics: Semantics = .gradual(.dfQuAD)

  @ArgumentParser.Flag(help: "Draw a legend of the kinds and relations used.")
  var legend = false

  @ArgumentParser.Flag(inversion: .prefixedNo, help: "Write each link's reasoning on its edge.")
  var reasoning = true

  @Option(help: "Prefix of the SVG ids, so several diagrams can share a page.")
  var idPrefix: String = "argmap"

  @ArgumentParser.Flag(
    inversion: .prefixedNo, help: "Start SVG with an XML declaration (leave out to inline).")
  var xmlDeclaration = true

  @Option(help: "The longest line of a label, in characters.")
  var lineWidth: Int = 28

  /// The format a call with these arguments will most likely draw in through Graphviz, or `nil`
  /// when it asks for DOT text or help, which Graphviz is not needed for. A guess from the words
  /// alone (`--format`, else the extension of `-o`), made before parsing so that Graphviz's
  /// loading can start at once; a wrong guess costs time only.
  static func formatToPrepare(arguments: some Sequence<String>) -> OutputFormat? {
    var previous = ""
    var format: OutputFormat?
    var outputFormat: OutputFormat?
    for argument in arguments {
      if argument == "-h" || argument == "--help" { return nil }
      if argument.hasPrefix("--format=") {
        format = OutputFormat(rawValue: String(argument.dropFirst("--format=".count)))
      } else if previous == "--format" {
        format = OutputFormat(rawValue: argument)
      } else if previous == "-o" || previous == "--output" || argument.hasPrefix("--output=") {
        let prefix = "--output="
        let path = argument.hasPrefix(prefix) ? String(argument.dropFirst(prefix.count)) : argument
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        outputFormat = path.contains(".") ? OutputFormat(rawValue: fileExtension) : nil
      } else if argument.hasSuffix(".dot") {
        return nil
      }
      previous = argument
    }
    let guess = format ?? outputFormat ?? .svg
    return guess == .dot ? nil : guess
  }

  /// The options as plain values, which `argmap render` runs.
  var options: RenderOptions {
    RenderOptions(
      files: files, output: output, outputDir: outputDir, format: format, view: view, blank: blank,
      scope: scope, interpretations: interpretations, layout: layout,
      maxNodes: drawingLimits.maxNodes, timeout: timeout, overlay: overlay, semantics: semantics,
      legend: legend, reasoning: reasoning, idPrefix: idPrefix, xmlDeclaration: xmlDeclaration,
      lineWidth: lineWidth)
  }

  func validate() throws {
    try options.validate()
  }

  func run() throws {
    try options.run()
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension BlankSelection: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(parsing: argument)
  }
}
