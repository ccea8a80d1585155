import Foundation

/// Writes many files so that a reader never sees a half-written one, with one flush for all.
///
/// Each file is staged as a temporary file in its target's folder; `commit()` flushes them to
/// disk together (`syncfs` on Linux, `fsync` per file elsewhere) and only then renames each over
/// its target. Flushing once instead of per file matters for a batch of notes: a hundred `fsync`
/// calls cost more than drawing the diagrams.
struct AtomicBatch {
  private var staged: [(temporary: String, target: String, descriptor: Int32)] = []

  /// Stages `bytes` for `path`.
  ///
  /// - Throws: `CLIError.unwritable` when the temporary file cannot be made or written.
  mutating func stage(_ bytes: [UInt8], to path: String) throws(CLIError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw .unwritable(path, "is a directory")
    }
    let target = URL(fileURLWithPath: path)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    ).path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
    let failure = AtomicFile.writeAll(bytes, to: descriptor)
    if let failure {
      close(descriptor)
      unlink(temporary)
      throw .unwritable(path, failure)
    }
    // Keep the permissions of a file being replaced.
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let permissions = attributes[.posixPermissions] as? NSNumber
    {
      fchmod(descriptor, mode_t(permissions.uint16Value))
    }
    staged.append((temporary, path, descriptor))
  }

  /// Flushes every staged file and renames each over its target, in the order staged.
  ///
  /// - Returns: The errors, one per file that could not be put in place (the others are).
  mutating func commit() -> [CLIError] {
    var errors: [CLIError] = []
    var flushed = Set<Int>()
    if let first = staged.first, let syncfs = Self.syncfs, syncfs(first.descriptor) == 0 {
      flushed = Set(staged.indices)
    }
    for (index, file) in staged.enumerated() {
      if !flushed.contains(index), fsync(file.descriptor) != 0 {
        errors.append(.unwritable(file.target, String(cString: strerror(errno))))
        close(file.descriptor)
        unlink(file.temporary)
        continue
      }
      close(file.descriptor)
      if rename(file.temporary, file.target) != 0 {
        errors.append(.unwritable(file.target, String(cString: strerror(errno))))
        unlink(file.temporary)
      }
    }
    staged.removeAll()
    return errors
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
  mutating func discard() {
    for file in staged {
      close(file.descriptor)
      unlink(file.temporary)
    }
    staged.removeAll()
  }
}
