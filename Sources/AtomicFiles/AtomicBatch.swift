import Foundation

/// Writes many files so that a reader never sees a half-written one, with one flush for all.
///
/// Each file is staged as a temporary file in its target's folder and closed; `commit()` flushes
/// them to disk together (`syncfs` on Linux, `fsync` per file elsewhere) and only then renames
/// each over its target. Flushing once instead of per file matters for a batch of notes: a
/// hundred `fsync` calls cost more than drawing the diagrams. No descriptor stays open between
/// the two steps, so a batch of any size stays within the process's limit of open files.
package struct AtomicBatch {
  private var staged: [(temporary: String, target: String)] = []

  /// An empty batch.
  package init() {}

  /// Stages `bytes` for `path`.
  ///
  /// - Throws: `FileError.unwritable` when the temporary file cannot be made or written.
  package mutating func stage(_ bytes: [UInt8], to path: String) throws(FileError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw .unwritable(path, "is a directory")
    }
    let target = URL(fileURLWithPath: path)
    let temporary = TemporaryFiles.path(
      for: target.lastPathComponent, in: target.deletingLastPathComponent().path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
    var failure = AtomicFile.writeAll(bytes, to: descriptor)
    // Keep the permissions of a file being replaced.
    if failure == nil, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let permissions = attributes[.posixPermissions] as? NSNumber
    {
      fchmod(descriptor, mode_t(permissions.uint16Value))
    }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .unwritable(path, failure)
    }
    staged.append((temporary, path))
  }

  /// Flushes every staged file and renames each over its target, in the order staged; then
  /// removes the temporary files that killed runs left beside the targets.
  ///
  /// - Returns: The errors, one per file that could not be put in place (the others are).
  package mutating func commit() -> [FileError] {
    var errors: [FileError] = []
    let isFlushed = flushAll()
    var namesByFolder: [String: Set<String>] = [:]
    for file in staged {
      if !isFlushed, let reason = Self.flush(file.temporary) {
        errors.append(.unwritable(file.target, reason))
        unlink(file.temporary)
        continue
      }
      if rename(file.temporary, file.target) != 0 {
        errors.append(.unwritable(file.target, String(cString: strerror(errno))))
        unlink(file.temporary)
        continue
      }
      let target = URL(fileURLWithPath: file.target)
      namesByFolder[target.deletingLastPathComponent().path, default: []].insert(
        target.lastPathComponent)
    }
    for (folder, names) in namesByFolder {
      TemporaryFiles.removeStale(for: names, in: folder)
    }
    staged.removeAll()
    return errors
  }

  /// Flushes the file system of the staged files at once (`syncfs`); false when it cannot.
  private func flushAll() -> Bool {
    guard let first = staged.first, let syncfs = Self.syncfs else { return staged.isEmpty }
    let descriptor = open(first.temporary, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return syncfs(descriptor) == 0
  }

  /// Flushes one file to disk; `nil`, or the system's reason for failing.
  private static func flush(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    defer { close(descriptor) }
    return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
  }

  /// Linux's `syncfs(2)` (flush one file system), looked up at run time since Swift's Glibc
  /// module does not declare it; `nil` elsewhere, where each file is flushed with `fsync`.
  private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
    #if os(Linux)
      guard let symbol = dlsym(nil, "syncfs") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    #else
      return nil
    #endif
  }()

  /// Removes every staged file without touching the targets.
  package mutating func discard() {
    for file in staged {
      unlink(file.temporary)
    }
    staged.removeAll()
  }
}
