import Foundation

/// Writes many files so that a reader never sees a half-written one, with one flush for all.
///
/// Each file is staged as a temporary file in its target's folder and closed; `commit()` flushes
/// them to disk together (`syncfs` on Linux, `fsync` per file elsewhere) and only then renames
/// each over its target. Flushing once instead of per file matters for a batch of notes: a
/// hundred `fsync` calls cost more than drawing the diagrams. No descriptor stays open between
/// the two steps, so a batch of any size stays within the process's limit of open files.
///
/// Targets are resolved as `AtomicFile` resolves them: a symbolic link is followed and the file
/// it names is replaced (the link stays), a file with other hard links is rewritten in place at
/// commit (its links stay joined), permissions and owner are kept, and a new file gets `0666`
/// less the umask.
package struct AtomicBatch {
  /// A file waiting for `commit()`.
  private enum Staged {
    /// A temporary file to rename over `target`'s file.
    case temporary(String, WriteTarget)
    /// Content to write over `target`'s file itself (a hard-linked file, a device: see
    /// `WriteTarget.Method.inPlace`), kept in memory until then.
    case inPlace([UInt8], WriteTarget)
  }

  private var staged: [Staged] = []

  /// An empty batch.
  package init() {}

  /// Stages `bytes` for `path`: a symbolic link is followed to the file it names, whose folder
  /// gets the temporary file.
  ///
  /// - Throws: `FileError.unwritable` when the temporary file cannot be made or written.
  package mutating func stage(_ bytes: [UInt8], to path: String) throws(FileError) {
    let target = try WriteTarget(path)
    switch target.method {
    case .replace:
      let temporary = try AtomicFile.stage(bytes, for: target, isDurable: false)
      staged.append(.temporary(temporary, target))
    case .inPlace:
      staged.append(.inPlace(bytes, target))
    }
  }

  /// Flushes every staged file and renames each over its target, in the order staged, then
  /// writes the files rewritten in place; then removes the temporary files that killed runs left
  /// beside the targets.
  ///
  /// - Returns: The errors, one per file that could not be put in place (the others are).
  package mutating func commit() -> [FileError] {
    var errors: [FileError] = []
    let isFlushed = flushAll()
    var namesByFolder: [String: Set<String>] = [:]
    for file in staged {
      switch file {
      case .temporary(let temporary, let target):
        if !isFlushed, let reason = Self.flush(temporary) {
          errors.append(.unwritable(target.path, reason))
          unlink(temporary)
          continue
        }
        if rename(temporary, target.resolvedPath) != 0 {
          errors.append(.unwritable(target.path, AtomicFile.systemReason(errno)))
          unlink(temporary)
          continue
        }
        namesByFolder[target.folder, default: []].insert(target.name)
      case .inPlace(let bytes, let target):
        do throws(FileError) {
          try AtomicFile.writeInPlace(bytes, to: target, isDurable: true)
        } catch {
          errors.append(error)
        }
      }
    }
    for (folder, names) in namesByFolder {
      TemporaryFiles.removeStale(for: names, in: folder)
    }
    staged.removeAll()
    return errors
  }

  /// Flushes the file systems of the staged files, each once (`syncfs`); false when it cannot
  /// (then each file is flushed alone). Links can put targets on several file systems.
  private func flushAll() -> Bool {
    let temporaries = staged.compactMap { file -> String? in
      if case .temporary(let temporary, _) = file { return temporary }
      return nil
    }
    guard !temporaries.isEmpty else { return true }
    guard let syncfs = Self.syncfs else { return false }
    var flushed: Set<UInt64> = []
    for temporary in temporaries {
      var status = stat()
      guard stat(temporary, &status) == 0 else { return false }
      guard flushed.insert(UInt64(status.st_dev)).inserted else { continue }
      let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return false }
      defer { close(descriptor) }
      guard syncfs(descriptor) == 0 else { return false }
    }
    return true
  }

  /// Flushes one file to disk; `nil`, or the system's reason for failing.
  private static func flush(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return AtomicFile.systemReason(errno) }
    defer { close(descriptor) }
    return fsync(descriptor) == 0 ? nil : AtomicFile.systemReason(errno)
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
    for case .temporary(let temporary, _) in staged {
      unlink(temporary)
    }
    staged.removeAll()
  }
}
