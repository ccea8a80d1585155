import ArgumentMap
import Foundation
import Testing

@testable import ArgumentInterchange

/// Where this suite's fixtures are: beside this file, so the suite runs wherever the checkout is.
enum InterchangeFixtures {
  /// `Tests/ArgumentInterchangeTests/Fixtures`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ArgumentInterchangeTests
    .appendingPathComponent("Fixtures")

  /// A fixture's bytes.
  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
  }

  /// A fixture's text.
  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// Reads includes from the folder of `path`, as the command line does.
  static func loader(besides path: String) -> ArgdownImporter.IncludeLoader {
    .files(besides: root.appendingPathComponent(path).path)
  }

  /// Imports an Argdown fixture (includes resolved beside it).
  static func argdown(_ path: String) throws -> ImportResult {
    ArgdownImporter.importMap(
      try text(path), fileName: URL(fileURLWithPath: path).lastPathComponent,
      includeLoader: loader(besides: path))
  }

  /// Imports an AIF fixture.
  static func aif(_ path: String) throws -> ImportResult {
    AIFImporter.importMap(utf8: try bytes(path))
  }

  /// Every file of a fixture folder with the given extension, sorted by name.
  static func files(in folder: String, withExtension suffix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
      .filter { $0.hasSuffix("." + suffix) }
      .sorted()
      .map { folder + "/" + $0 }
  }
}

/// A map's shape in numbers, for stating what an import must give.
struct MapCounts: Equatable, CustomStringConvertible {
  var aims = 0
  var claims = 0
  var counterclaims = 0
  var evidence = 0
  var other = 0
  var supports = 0
  var opposes = 0
  var undercuts = 0
  var arguments = 0

  init(
    aims: Int = 0, claims: Int = 0, counterclaims: Int = 0, evidence: Int = 0, other: Int = 0,
    supports: Int = 0, opposes: Int = 0, undercuts: Int = 0, arguments: Int = 0
  ) {
    self.aims = aims
    self.claims = claims
    self.counterclaims = counterclaims
    self.evidence = evidence
    self.other = other
    self.supports = supports
    self.opposes = opposes
    self.undercuts = undercuts
    self.arguments = arguments
  }

  init(_ map: ArgumentMap) {
    for node in map.nodes {
      switch node.kind {
      case .mainAim: aims += 1
      case .claim: claims += 1
      case .counterclaim: counterclaims += 1
      case .evidence: evidence += 1
      case .subAim, .event, .interpretation: other += 1
      }
      if node.tags.contains(ArgdownImporter.argumentTag) { arguments += 1 }
      for link in node.links {
        switch link.relation {
        case .supports: supports += 1
        case .opposes: opposes += 1
        case .undercuts: undercuts += 1
        }
      }
    }
  }

  var nodes: Int { aims + claims + counterclaims + evidence + other }

  var description: String {
    "aims: \(aims), claims: \(claims), counterclaims: \(counterclaims), evidence: \(evidence), other: \(other), "
      + "supports: \(supports), opposes: \(opposes), undercuts: \(undercuts), arguments: \(arguments)"
  }
}

extension ArgumentMap {
  /// The node with this id; records an issue when there is none.
  func require(_ id: NodeID, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Node
  {
    try #require(node(withID: id), "no node '\(id)'", sourceLocation: sourceLocation)
  }

  /// Every link as `source sign target` (`a + b`, `c _ a->b`), in map order.
  var linkLines: [String] {
    allLinks.map { source, link in
      let target: String
      switch link.target {
      case .node(let id): target = id.rawValue
      case .link(let from, let to): target = "\(from)->\(to)"
      }
      return "\(source) \(link.relation.sign) \(target)"
    }
  }
}

extension Array where Element == Diagnostic {
  /// The ids of the diagnostics, in order.
  var ids: [String] { map(\.id) }

  /// `line:column id` for each diagnostic, in order.
  var located: [String] {
    map { "\($0.range.map { "\($0.start.line):\($0.start.column)" } ?? "-") \($0.id)" }
  }
}
