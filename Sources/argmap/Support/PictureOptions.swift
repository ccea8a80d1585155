import ArgumentMap
import ArgumentMapGraphviz
import ArgumentParser

/// Which picture of a map to draw and how: the options `argmap render` and
/// `argmap layout-report` share, so a report measures exactly what render draws.
struct PictureOptions: ParsableArguments {
  /// The pictures a map can be drawn as; `argument` is read as `map`.
  enum View: String, CaseIterable, ExpressibleByArgument {
    case map, overview, timeline, worksheet, comparison

    init?(argument: String) {
      self.init(rawValue: argument == "argument" ? "map" : argument)
    }
  }

  @Option(help: "map, overview, timeline, worksheet, or comparison (with --interpretations).")
  var view: View = .map

  @Option(
    help: ArgumentHelp(
      "Fit to a4-portrait, a4-landscape, a3-landscape or slide, split into pages if needed.",
      valueName: "page"))
  var page: PageSize?

  @Option(
    help: ArgumentHelp(
      "Draw one statement and its neighbourhood (with --view map or worksheet).",
      valueName: "id"))
  var focus: String?

  @Option(help: "How many links from --focus to draw.")
  var depth: Int = 1

  @Option(
    help: ArgumentHelp(
      "What a worksheet blanks: all, events, claims, or ids (comma-separated).",
      valueName: "all|events|claims|id,..."))
  var blank: BlankSelection?

  @ArgumentParser.Flag(
    help: ArgumentHelp(
      "A worksheet's teacher copy: list the answers by blank number.",
      discussion: "With --page the answers (and a word bank) go on a page of their own."))
  var answers = false

  @ArgumentParser.Flag(
    help: "A worksheet's word bank: list the blanked statements in alphabetical order.")
  var wordBank = false

  @ArgumentParser.Flag(
    help: ArgumentHelp(
      "With --page, add a sheet for a written judgement and the map in words.",
      discussion: """
        The sheet asks how far the students agree with the map's main aim and gives ruled \
        lines for the answer; the map in words follows, with a worksheet's blanks kept blank.
        """))
  var judgementSheet = false

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
      "Graphviz layout engine: "
        + LayoutEngineSettings.all.filter(\.isOffered)
        .map { $0.name == "dot" ? "dot (default)" : $0.name }.joined(separator: ", ") + ".",
      discussion: """
        Other engines (\(LayoutEngineSettings.all.filter { !$0.isOffered }.map(\.name)
          .joined(separator: ", ")), ...) are refused: their drawings overlap text or draw boxes \
        over other statements, even with Graphviz's overlap removal (docs/rendering.md).
        """))
  var layout: String?

  @ArgumentParser.Flag(help: "Draw a legend of the marks the picture uses.")
  var legend = false

  @ArgumentParser.Flag(
    inversion: .prefixedNo, help: "List each link's reasoning in a numbered key.")
  var reasoning = true

  @Option(help: "The longest line of a label, in characters.")
  var lineWidth: Int = 28

  /// Checks the options against each other.
  func validate() throws {
    if interpretations != nil && comparedIDs == nil {
      throw ValidationError(
        "--interpretations takes two ids and a comma, as in aggressive-view,security-view.")
    }
    switch (view, comparedIDs) {
    case (.comparison, nil):
      throw ValidationError("--view comparison needs --interpretations first,second.")
    case (.map, .some), (.timeline, .some), (.worksheet, .some), (.overview, .some):
      throw ValidationError("--interpretations goes with --view comparison.")
    case (.comparison, .some), (.map, nil), (.timeline, nil), (.worksheet, nil), (.overview, nil):
      break
    }
    if blank != nil && view != .worksheet {
      throw ValidationError("--blank goes with --view worksheet.")
    }
    if judgementSheet && (page == nil || view == .timeline) {
      throw ValidationError("--judgement-sheet goes with --page and a view other than timeline.")
    }
    if (answers || wordBank) && view != .worksheet {
      throw ValidationError("--\(answers ? "answers" : "word-bank") goes with --view worksheet.")
    }
    if scope != nil && view == .comparison {
      throw ValidationError("--scope goes with --view map, overview, timeline or worksheet.")
    }
    if focus != nil && view != .map && view != .worksheet {
      throw ValidationError("--focus goes with --view map or worksheet.")
    }
    guard (0...20).contains(depth) else {
      throw ValidationError("--depth must be between 0 and 20.")
    }
    guard (8...200).contains(lineWidth) else {
      throw ValidationError("--line-width must be between 8 and 200.")
    }
  }

  /// The view of the model the options name.
  var mapView: MapView {
    switch view {
    case .map, .worksheet:
      return focus.map { MapView.focus(NodeID($0), depth: depth) } ?? .argument
    case .overview: return .overview
    case .timeline: return .timeline
    case .comparison:
      // `validate()` has made sure the two ids are there.
      let (first, second) = comparedIDs ?? (NodeID(""), NodeID(""))
      return .comparison(first, second)
    }
  }

  /// What the view shows besides the statements.
  var sceneOptions: SceneOptions {
    let options = SceneOptions(
      showsLegend: legend, showsReasoning: reasoning, lineWidth: lineWidth,
      scope: scope.map { NodeID($0) }, addsJudgementSheet: judgementSheet)
    guard view == .worksheet else { return options }
    var worksheet = SceneOptions(worksheet: blank ?? .all, base: options)
    worksheet.showsAnswers = answers
    worksheet.showsWordBank = wordBank
    return worksheet
  }

  /// The two ids of `--interpretations first,second`, when given as exactly two.
  var comparedIDs: (NodeID, NodeID)? {
    guard let interpretations else { return nil }
    let parts = interpretations.split(separator: ",").map { String($0).trimmingSpaces }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return (NodeID(parts[0]), NodeID(parts[1]))
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

extension PageSize: ExpressibleByArgument {}

extension BlankSelection: ExpressibleByArgument {
  /// Reads `--blank all|events|claims|ID,...`.
  public init?(argument: String) {
    self.init(parsing: argument)
  }
}
