import AtomicFiles
import Foundation

/// The folder `argmap serve` edits: which files it lists, and reading and saving them without
/// ever reaching outside it.
///
/// Every path a browser sends is relative to the folder and checked before use: no absolute
/// path, no `..`, no hidden names, only maps (`.argmap`) and lesson notes (`.md`), and once
/// symbolic links are resolved
/// the file must still be inside the folder. Saves are atomic (a temporary file, then a
/// rename) and refused when the file changed on disk since the editor read it, unless the user
/// chose to keep their own text.
public struct Workspace: Sendable {
  /// The folder, with symbolic links resolved.
  public let root: String
  /// The largest map, in bytes, that is read, saved or drawn.
  public let maximumFileBytes: Int

  /// A workspace over `folder`.
  ///
  /// - Throws: `WorkspaceError.notAFolder` when `folder` is not an existing folder.
  public init(folder: String, maximumFileBytes: Int = 4 << 20) throws(WorkspaceError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
      isFolder.boolValue,
      let resolved = Self.realPath(folder)
    else {
      throw .notAFolder(folder)
    }
    root = resolved
    self.maximumFileBytes = maximumFileBytes
  }

  /// The file extension of maps.
  public static let mapExtension = "argmap"
  /// The file extension of lesson notes (Markdown with `argmap` blocks).
  public static let notesExtension = "md"

  /// Whether `path` names lesson notes rather than a map.
  public static func isNotes(_ path: String) -> Bool {
    (path as NSString).pathExtension == notesExtension
  }

  /// The maps and lesson notes under the folder, relative and sorted; hidden folders and
  /// `node_modules` are skipped, and at most `limit` files are listed.
  public func files(limit: Int = 2_000) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String, found.count < limit {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") || name == "node_modules" {
        walker.skipDescendants()
        continue
      }
      guard [Self.mapExtension, Self.notesExtension].contains((name as NSString).pathExtension),
        (try? resolve(relative)) != nil
      else { continue }
      found.append(relative)
    }
    return found.sorted()
  }

  /// The absolute path of a relative path the browser sent, checked.
  ///
  /// - Throws: `WorkspaceError.refusedPath` with the reason.
  public func resolve(_ relative: String) throws(WorkspaceError) -> String {
    guard !relative.isEmpty, relative.utf8.count <= 1_024 else {
      throw .refusedPath(relative, "the path is empty or too long")
    }
    guard !relative.hasPrefix("/"), !relative.contains("\\"), !relative.contains("\0") else {
      throw .refusedPath(relative, "only paths inside the served folder are allowed")
    }
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    for part in parts where part.isEmpty || part == "." || part == ".." || part.hasPrefix(".") {
      throw .refusedPath(relative, "'..', '.', hidden names and empty parts are not allowed")
    }
    guard [Self.mapExtension, Self.notesExtension].contains((relative as NSString).pathExtension)
    else {
      throw .refusedPath(
        relative,
        "only maps (.\(Self.mapExtension)) and lesson notes (.\(Self.notesExtension)) can be opened"
      )
    }
    let path = root + "/" + relative
    // A symbolic link (of the file or of a folder on the way) must not lead out.
    guard let resolved = Self.realPath(path) else {
      throw .missing(relative)
    }
    guard resolved.hasPrefix(root + "/") else {
      throw .refusedPath(relative, "it leads outside the served folder")
    }
    return path
  }

  /// A file's text and version.
  ///
  /// - Throws: `WorkspaceError` when the path is refused, the file is missing or unreadable,
  ///   too large, or not UTF-8 text.
  public func read(_ relative: String) throws(WorkspaceError) -> (text: String, version: String) {
    let path = try resolve(relative)
    let bytes = try readBytes(path, relative: relative)
    guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
      throw .notText(relative)
    }
    return (text, ContentVersion.of(bytes))
  }

  /// The version of a file as it is on disk now, or `nil` when it cannot be read.
  public func currentVersion(_ relative: String) -> String? {
    guard let path = try? resolve(relative), let bytes = try? readBytes(path, relative: relative)
    else { return nil }
    return ContentVersion.of(bytes)
  }

  /// Saves `text` atomically, unless the file on disk is no longer the version the editor
  /// started from (`base`) and `overwrite` is false.
  ///
  /// - Returns: The new version, or the text and version now on disk when they conflict.
  /// - Throws: `WorkspaceError` when the path is refused, the text is too large, or the file
  ///   cannot be written (the old file is then intact).
  public func save(
    _ relative: String, text: String, base: String?, overwrite: Bool
  ) throws(WorkspaceError) -> SaveOutcome {
    let path = try resolve(relative)
    let bytes = Array(text.utf8)
    guard bytes.count <= maximumFileBytes else {
      throw .tooLarge(relative, maximumFileBytes)
    }
    if !overwrite {
      let disk = try readBytes(path, relative: relative)
      let diskVersion = ContentVersion.of(disk)
      if diskVersion != base {
        return .conflict(
          diskText: String(decoding: disk, as: UTF8.self), diskVersion: diskVersion)
      }
    }
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw .unwritable(relative, error.reason)
    }
    return .saved(version: ContentVersion.of(bytes))
  }

  private func readBytes(_ path: String, relative: String) throws(WorkspaceError) -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .missing(relative) }
    defer { try? handle.close() }
    let data: Data?
    do {
      data = try handle.read(upToCount: maximumFileBytes + 1)
    } catch {
      throw .unreadable(relative)
    }
    let bytes = [UInt8](data ?? Data())
    guard bytes.count <= maximumFileBytes else { throw .tooLarge(relative, maximumFileBytes) }
    return bytes
  }

  /// `path` with every symbolic link resolved, or `nil` when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// What a save did.
public enum SaveOutcome: Hashable, Sendable {
  /// Written; the file's new version.
  case saved(version: String)
  /// Not written: the file changed on disk since the editor read it.
  case conflict(diskText: String, diskVersion: String)
}

/// Why the workspace refused a request; every message names the file.
public enum WorkspaceError: Error, Hashable, Sendable, CustomStringConvertible {
  case notAFolder(String)
  case refusedPath(String, String)
  case missing(String)
  case unreadable(String)
  case notText(String)
  case tooLarge(String, Int)
  case unwritable(String, String)

  /// The message, naming the file.
  public var description: String {
    switch self {
    case .notAFolder(let folder): "\(folder): not a folder"
    case .refusedPath(let path, let reason): "\(path): refused: \(reason)"
    case .missing(let path): "\(path): no such file"
    case .unreadable(let path): "\(path): cannot be read"
    case .notText(let path): "\(path): not UTF-8 text"
    case .tooLarge(let path, let limit): "\(path): larger than \(limit / 1_048_576) MiB"
    case .unwritable(let path, let reason): "\(path): not saved: \(reason)"
    }
  }
}

/// A short fingerprint of a file's bytes: equal bytes, equal version (64-bit FNV-1a, hex).
///
/// Not a security measure: it only tells whether a file changed since the editor read it.
public enum ContentVersion {
  /// The version of `bytes`.
  public static func of(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
