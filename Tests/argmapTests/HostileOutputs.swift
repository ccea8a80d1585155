import Foundation
import TestSupport

/// Every payload of the hostile-text corpus put through the real `argmap`: each in a map of its
/// own, drawn by `argmap render` in every view, and in lesson notes (one notes file per category
/// of payload) made into HTML pages by `argmap notes`. Built once for the structural and the
/// browser tests.
struct HostileOutputs: Sendable {
  /// The `argmap render` options of each view, by the view's name.
  static let views: [(name: String, arguments: [String])] = [
    ("map", ["--legend"]),
    ("timeline", ["--view", "timeline"]),
    ("worksheet", ["--view", "worksheet", "--blank", "ev,cl"]),
    ("scoped", ["--scope", "view-a"]),
    ("comparison", ["--view", "comparison", "--interpretations", "view-a,view-b"]),
  ]

  var folder: URL
  /// SVG files by view name and payload id.
  var svgs: [String: [String: URL]]
  /// The HTML page of each category's notes.
  var pages: [(category: String, url: URL)]
  /// What the runs printed on standard error (nothing is expected).
  var stderr: [String]

  static let shared: Result<HostileOutputs, any Error> = Result { try build() }

  static func build() throws -> HostileOutputs {
    let folder = try makeTemporaryFolder("argmap-hostile")
    let payloads = HostileText.corpus
    var stderr: [String] = []
    for payload in payloads {
      try writeFile(HostileText.mapSource(payload), "maps/\(payload.id).argmap", in: folder)
    }
    let mapPaths = payloads.map { "maps/\($0.id).argmap" }
    var svgs: [String: [String: URL]] = [:]
    for view in views {
      let result = try runArgmap(
        ["render"] + mapPaths + ["--output-dir", "svg-\(view.name)"] + view.arguments,
        in: folder)
      let rest = HostileText.withoutBidiWarnings(result.stderr)
      if result.status != 0 || !rest.isEmpty {
        stderr.append("render \(view.name): exit \(result.status): \(rest)")
      }
      for payload in payloads {
        svgs[view.name, default: [:]][payload.id] = folder.appendingPathComponent(
          "svg-\(view.name)/\(payload.id).svg")
      }
    }
    var categories: [String] = []
    for payload in payloads where !categories.contains(payload.category) {
      categories.append(payload.category)
    }
    for category in categories {
      var notes = "# Hostile text: \(category)\n\n"
      for payload in payloads where payload.category == category {
        notes += HostileText.lessonBlocks(payload, mapFile: "maps/\(payload.id).argmap")
      }
      try writeFile(notes, "\(category).md", in: folder)
    }
    let result = try runArgmap(
      ["notes"] + categories.map { "\($0).md" } + [
        "--to", "html", "-o", "site", "--root", folder.path, "--no-cache",
      ], in: folder)
    let rest = HostileText.withoutBidiWarnings(result.stderr)
    if result.status != 0 || !rest.isEmpty {
      stderr.append("notes: exit \(result.status): \(rest)")
    }
    return HostileOutputs(
      folder: folder, svgs: svgs,
      pages: categories.map { ($0, folder.appendingPathComponent("site/\($0).html")) },
      stderr: stderr)
  }
}
