import ArgumentMap
import AtomicFiles
import Foundation

/// A folder of rendered figures keyed by content hashes, so unchanged blocks are not drawn again.
///
/// A figure's key covers everything it depends on: the tool version, the block's options, the
/// map's bytes (inline or read from its file) and the diagram's id prefix. The figures of one
/// notes file are kept together in one entry (named by a hash of the notes file's absolute path),
/// holding the figures of the file's current blocks only, so the cache does not grow as notes are
/// edited, and a batch reads and writes one file per notes file rather than one per diagram.
/// Entries are written through a temporary file and a rename, so a reader never sees half an
/// entry; an entry that cannot be read is treated as empty.
///
/// Plumbing of the notes processor and the Pandoc filter: library users choose a folder through
/// `NotesOptions.cacheFolder`, so the type is `package`, not public API.
package struct RenderCache: Sendable {
  /// The figures of one notes file, by key.
  package struct Entry: Codable, Hashable, Sendable {
    /// The figures of the file's current blocks, keyed by `RenderCache.key(fields:bytes:)`.
    package var figures: [String: RenderedFigure]

    /// Creates an entry; an empty one stands for a file with nothing cached.
    package init(figures: [String: RenderedFigure] = [:]) {
      self.figures = figures
    }
  }

  /// The cache folder.
  package let folder: URL

  /// Bumped whenever the rendering or the entry format changes.
  package static let toolVersion = "argmap-notes 3"

  /// Creates a cache over `folder`; nothing is read or created until an entry is used.
  package init(folder: URL) {
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

  /// The file holding the entry of a notes file for one kind of output.
  func url(notesPath: String, target: String) -> URL {
    let absolute =
      notesPath.hasPrefix("/")
      ? notesPath : FileManager.default.currentDirectoryPath + "/" + notesPath
    let name = Self.key(fields: [ReferenceResolver.normalised(absolute), target], bytes: [])
    return folder.appendingPathComponent(String(name.prefix(32)) + ".json")
  }

  /// The cached figures of a notes file (empty when there are none or they cannot be read).
  package func entry(notesPath: String, target: String) -> Entry {
    let url = url(notesPath: notesPath, target: target)
    guard let data = FileManager.default.contents(atPath: url.path),
      let entry = try? JSONDecoder().decode(Entry.self, from: data)
    else { return Entry() }
    return entry
  }

  /// Stores the figures of a notes file; a cache that cannot be written is skipped silently (it
  /// only costs time).
  package func store(_ entry: Entry, notesPath: String, target: String) {
    guard let data = try? JSONEncoder().encode(entry) else { return }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = url(notesPath: notesPath, target: target)
    let temporary = URL(
      fileURLWithPath: TemporaryFiles.path(for: target.lastPathComponent, in: folder.path))
    do {
      try data.write(to: temporary)
      if rename(temporary.path, target.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
    TemporaryFiles.removeStale(for: target.lastPathComponent, in: folder.path)
  }
}
