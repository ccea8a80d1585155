import Foundation

/// A folder of rendered figures keyed by a content hash, so unchanged blocks are not drawn again.
///
/// The key covers everything a figure depends on: the tool version, the block's options, the
/// map's bytes (inline or read from its file) and the diagram's id prefix. Entries are written
/// through a temporary file and a rename, so a reader never sees half an entry; an entry that
/// cannot be read is treated as missing.
public struct RenderCache: Sendable {
  /// The cache folder.
  public let folder: URL

  /// Bumped whenever the rendering or the entry format changes.
  public static let toolVersion = "argmap-notes 1"

  public init(folder: URL) {
    self.folder = folder
  }

  /// The key of a figure.
  static func key(fields: [String], bytes: [UInt8]) -> String {
    var hash = SHA256()
    hash.update(field: toolVersion)
    for field in fields { hash.update(field: field) }
    hash.update(bytes)
    return hash.hexDigest()
  }

  /// The cached figure for `key`, if any.
  public func figure(forKey key: String) -> RenderedFigure? {
    let url = folder.appendingPathComponent(key + ".json")
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return try? JSONDecoder().decode(RenderedFigure.self, from: data)
  }

  /// Stores a figure; a cache that cannot be written is skipped silently (it only costs time).
  public func store(_ figure: RenderedFigure, forKey key: String) {
    guard let data = try? JSONEncoder().encode(figure) else { return }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appendingPathComponent(key + ".json")
    let temporary = folder.appendingPathComponent(
      ".\(key).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
    )
    do {
      try data.write(to: temporary)
      if rename(temporary.path, target.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }
}
