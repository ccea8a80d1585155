import Foundation

/// Paths of the package checkout, found from this file's location, so tests read `Graphs/`,
/// `Examples/` and fixtures wherever the checkout is.
public enum PackagePaths {
  /// The package root (the folder holding `Package.swift`).
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// A path below the root.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// Every file below `folder` (relative to the root) whose name ends in `.suffix`, sorted.
  public static func files(in folder: String, withExtension suffix: String) -> [URL] {
    let base = url(folder)
    guard
      let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: nil)
    else { return [] }
    var found: [URL] = []
    for case let file as URL in enumerator where file.pathExtension == suffix {
      found.append(file)
    }
    return found.sorted { $0.path < $1.path }
  }

  /// The built `argmap` executable, beside the test bundle in `.build/<triple>/debug/`.
  public static var argmapExecutable: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    // `swift test` runs `.../debug/ArgMapPackageTests.xctest`; some runners pass a path inside it.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("argmap").path),
      folder.pathComponents.count > 1
    {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("argmap")
  }

  /// The built `argmap-pandoc` filter, beside `argmap`.
  public static var pandocFilterExecutable: URL {
    argmapExecutable.deletingLastPathComponent().appendingPathComponent("argmap-pandoc")
  }
}
