import ArgumentMap
import Foundation

extension ArgdownImporter {
  /// Reads the files that `@include(...)` names, and decides which of them may be read.
  ///
  /// The rule lives in the loader rather than in each caller, so every way into the importer (the
  /// command line, a server, a test) gets the same confinement: a relative path that stays inside
  /// the including file's folder, after `..` and symbolic links are resolved, is followed; an
  /// absolute path, a path that leaves the folder, and a missing file are refused, and the
  /// importer reports the refusal as an error at the `@include`. Importing an untrusted
  /// `.argdown` file therefore cannot copy `/etc/passwd` into the map.
  public struct IncludeLoader: Sendable {
    /// One file asked for by an `@include`.
    public struct Request: Sendable, Hashable {
      /// The path as written between the parentheses.
      public var writtenPath: String
      /// The including file, relative to the imported file's folder (for the imported file's own
      /// includes, its name).
      public var includingFile: String
      /// `writtenPath` taken from the including file's folder with `.` and `..` folded: relative
      /// to the imported file's folder, as messages name it; absolute when written so.
      public var path: String

      /// Creates a request; the importer makes these, a custom loader's tests may too.
      public init(writtenPath: String, includingFile: String, path: String) {
        self.writtenPath = writtenPath
        self.includingFile = includingFile
        self.path = path
      }

      /// The including file's folder, relative to the imported file's folder (`""` for it).
      var includingFolder: String {
        guard let slash = includingFile.lastIndex(of: "/") else { return "" }
        return String(includingFile[..<slash])
      }

      /// Whether `path`, resolved without looking at the file system, stays inside the including
      /// file's folder.
      var staysInIncludingFolder: Bool {
        let folder = includingFolder
        if path.hasPrefix("/") { return false }
        if folder.isEmpty { return path != ".." && !path.hasPrefix("../") }
        return path.hasPrefix(folder + "/")
      }
    }

    /// Why an included file was not read.
    public enum Refusal: Error, Sendable, Hashable {
      /// The path is absolute; only relative paths are followed.
      case absolutePath
      /// The path leaves the including file's folder (and the include root, if one is given).
      case outsideFolder
      /// The path is inside the folder but a symbolic link on it leads outside.
      case outsideFolderThroughLink
      /// No file is there.
      case missing
      /// A file is there but cannot be read; the reason, such as `is a directory`.
      case unreadable(String)
    }

    /// Reads one file, or says why not.
    let read: @Sendable (Request) -> Result<String, Refusal>

    /// A loader that decides by itself which requests to serve: for a store of documents that is
    /// not a file system, such as a server's uploaded files.
    ///
    /// - Parameter read: Gives a file's text, or why it is refused; it owns the confinement.
    public init(_ read: @escaping @Sendable (Request) -> Result<String, Refusal>) {
      self.read = read
    }

    /// A loader over files kept in memory, named by their path relative to the imported file's
    /// folder, with the same confinement as the file system's: absolute paths and paths that
    /// leave the including file's folder are refused before `contents` is asked.
    ///
    /// - Parameter contents: The text of a file by its path, or `nil` when there is none.
    public init(reading contents: @escaping @Sendable (String) -> String?) {
      self.read = { request in
        if request.writtenPath.hasPrefix("/") { return .failure(.absolutePath) }
        guard request.staysInIncludingFolder else { return .failure(.outsideFolder) }
        guard let text = contents(request.path) else { return .failure(.missing) }
        return .success(text)
      }
    }

    /// A loader that reads included files from the file system, beside the imported file.
    ///
    /// A relative path is followed when, resolved from the including file's folder with `..` and
    /// symbolic links taken into account, it stays inside that folder or inside `root`. Files
    /// larger than 64 MiB and folders are refused.
    ///
    /// - Parameters:
    ///   - file: The imported file's path (absolute, or relative to the working folder).
    ///   - root: A folder whose files any include may read as well (absolute, or relative to the
    ///     working folder); `nil` confines each file to its own folder.
    /// - Returns: The loader to pass to `ArgdownImporter.importMap` or `ImportFormat.check`.
    public static func files(besides file: String, root: String? = nil) -> IncludeLoader {
      let folder = IncludePaths(importedFile: file, root: root)
      return IncludeLoader { request in folder.read(request) }
    }
  }
}

/// The file-system side of `ArgdownImporter.IncludeLoader.files(besides:root:)`: absolute,
/// normalised folders and the checks made before a byte is read.
private struct IncludePaths: Sendable {
  /// The imported file's folder, absolute and normalised.
  let folder: String
  /// The include root as written and with symbolic links resolved, when one is given.
  let root: (lexical: String, real: String)?

  /// Included files larger than this are refused.
  static let maximumSize = 64 << 20

  init(importedFile: String, root: String?) {
    let current = FileManager.default.currentDirectoryPath
    let parent = (importedFile as NSString).deletingLastPathComponent
    folder = Self.normalised(parent.hasPrefix("/") ? parent : current + "/" + parent)
    if let root {
      let lexical = Self.normalised(root.hasPrefix("/") ? root : current + "/" + root)
      self.root = (lexical, Self.realPath(lexical) ?? lexical)
    } else {
      self.root = nil
    }
  }

  func read(_ request: ArgdownImporter.IncludeLoader.Request) -> Result<String, IncludeRefusal> {
    if request.writtenPath.hasPrefix("/") || request.path.hasPrefix("/") {
      return .failure(.absolutePath)
    }
    let includingFolder = Self.normalised(folder + "/" + request.includingFolder)
    let candidate = Self.normalised(folder + "/" + request.path)
    let inRoot = root.map { Self.isInside(candidate, $0.lexical) } ?? false
    guard Self.isInside(candidate, includingFolder) || inRoot else {
      return .failure(.outsideFolder)
    }
    guard let real = Self.realPath(candidate) else { return .failure(.missing) }
    let realFolder = Self.realPath(includingFolder) ?? includingFolder
    guard Self.isInside(real, realFolder) || root.map({ Self.isInside(real, $0.real) }) == true
    else {
      return .failure(.outsideFolderThroughLink)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      return .failure(.unreadable("is a folder"))
    }
    guard let handle = FileHandle(forReadingAtPath: real) else {
      return .failure(.unreadable("cannot be opened"))
    }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: Self.maximumSize + 1) else {
      return .success("")
    }
    guard data.count <= Self.maximumSize else {
      return .failure(.unreadable("is larger than 64 MiB"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(.unreadable("is not valid UTF-8"))
    }
    return .success(text)
  }

  static func isInside(_ path: String, _ folder: String) -> Bool {
    path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
  }

  /// An absolute path with `.`, `..` and repeated slashes removed, without touching the disk.
  static func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The path with every symbolic link resolved; `nil` when nothing is there.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Shorter name inside this file.
private typealias IncludeRefusal = ArgdownImporter.IncludeLoader.Refusal
