import ArgumentMap
import Foundation

/// Resolves `map:` paths relative to the notes file and keeps them inside the allowed root.
///
/// The root is the repository holding the notes file (the nearest folder with a `.git`), or the
/// notes file's own folder outside a repository, unless one is given. A path that leaves the
/// root, lexically or through a symbolic link, is refused, so that notes cannot read arbitrary
/// files of the machine that builds them.
struct ReferenceResolver: Sendable {
  /// A map file read for a block.
  struct File: Sendable {
    /// The path shown in messages (relative to the working folder when the notes path is).
    var displayName: String
    var bytes: [UInt8]
  }

  /// Why a reference was refused.
  struct Failure: Error, Sendable {
    /// The catalogue's diagnostic, without a range: the caller knows where the path is written.
    var diagnostic: Diagnostic
  }

  /// The notes file's folder as given, and as an absolute, normalised path.
  let notesFolder: String
  let absoluteNotesFolder: String
  /// The allowed root, absolute: as written and with symbolic links resolved.
  let root: String
  let realRoot: String

  /// Files larger than this are refused.
  static let maximumSize = 64 << 20

  init(notesPath: String, root: String?) {
    let folder = (notesPath as NSString).deletingLastPathComponent
    notesFolder = folder
    let current = FileManager.default.currentDirectoryPath
    absoluteNotesFolder = Self.normalised(
      folder.hasPrefix("/") ? folder : current + "/" + folder)
    if let root {
      self.root = Self.normalised(root.hasPrefix("/") ? root : current + "/" + root)
    } else {
      self.root = Self.repository(containing: absoluteNotesFolder) ?? absoluteNotesFolder
    }
    realRoot = Self.realPath(self.root) ?? self.root
  }

  /// Reads the map file `path` names, relative to the notes file.
  func read(_ path: String) -> Result<File, Failure> {
    let absolute = Self.normalised(path.hasPrefix("/") ? path : absoluteNotesFolder + "/" + path)
    let real = Self.realPath(absolute)
    let lexicallyInside = Self.isInside(absolute, root: root)
    guard lexicallyInside || real.map({ Self.isInside($0, root: realRoot) }) == true else {
      return .failure(Failure(diagnostic: DiagnosticMessages.notesOutsideRoot(path, root: root)))
    }
    guard let real else {
      return .failure(Failure(diagnostic: DiagnosticMessages.notesMissingFile(path)))
    }
    // A symbolic link inside the root may still point outside it.
    guard Self.isInside(real, root: realRoot) else {
      return .failure(Failure(diagnostic: DiagnosticMessages.notesOutsideRoot(path, root: root)))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      return .failure(
        Failure(diagnostic: DiagnosticMessages.notesUnreadableFile(path, "is a directory")))
    }
    guard let handle = FileHandle(forReadingAtPath: real) else {
      return .failure(
        Failure(diagnostic: DiagnosticMessages.notesUnreadableFile(path, "cannot be opened")))
    }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: Self.maximumSize + 1) else {
      return .success(File(displayName: displayName(path), bytes: []))
    }
    guard data.count <= Self.maximumSize else {
      return .failure(
        Failure(diagnostic: DiagnosticMessages.notesUnreadableFile(path, "is larger than 64 MiB")))
    }
    return .success(File(displayName: displayName(path), bytes: [UInt8](data)))
  }

  /// The notes folder joined with `path`, normalised but kept relative when the folder was.
  func displayName(_ path: String) -> String {
    if path.hasPrefix("/") { return Self.normalised(path) }
    let joined = notesFolder.isEmpty ? path : notesFolder + "/" + path
    return Self.normalised(joined)
  }

  static func isInside(_ path: String, root: String) -> Bool {
    path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  /// `.` and `..` removed lexically; a relative path keeps leading `..`.
  static func normalised(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !isAbsolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The nearest folder at or above `folder` that holds a `.git`.
  static func repository(containing folder: String) -> String? {
    var current = folder
    while true {
      if FileManager.default.fileExists(atPath: current + "/.git") { return current }
      if current == "/" || current.isEmpty { return nil }
      current = (current as NSString).deletingLastPathComponent
    }
  }
}
