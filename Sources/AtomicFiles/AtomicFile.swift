import Foundation

/// Writes files so that a reader never sees a half-written one: a temporary file in the same
/// folder, flushed to disk, then renamed over the target. `-` means standard output. The
/// temporary files a killed run left for the same target are removed after the rename (see
/// `TemporaryFiles`).
///
/// What is replaced is the file the user means, not the name in the folder:
/// - A symbolic link is followed to the file it names, and that file is replaced (its temporary
///   file in the target's folder); the link stays a link. A link to nowhere yet makes its target.
/// - A file with other hard links is rewritten in place (see `WriteTarget.Method.inPlace`), so
///   that every name keeps seeing the same file.
/// - A device or a pipe (`-o /dev/null`, a FIFO) is written in place too.
/// - A replacement keeps the owner (as far as the system allows) and the permissions of the file
///   it replaces; a new file gets `0666` less the umask, as any program's.
///
/// A write that fails (no space left, an I/O error) leaves the old file as it was and no
/// temporary file behind, and throws with the system's reason.
package enum AtomicFile {
  /// Writes `text` as UTF-8 to `path` (`-`: standard output), flushed to disk before the rename.
  package static func write(_ text: String, to path: String) throws(FileError) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` (`-`: standard output).
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - path: Where to write; `-` is standard output.
  ///   - isDurable: Whether to flush the file to disk before the rename, so that it survives a
  ///     crash (for the user's own files); drawings, which can be made again, skip the flush,
  ///     which can take longer than the render on a busy disk. Either way a reader sees the old
  ///     file or the new one, never half of one.
  /// - Throws: `FileError.unwritable` with the system's reason when the file cannot be written
  ///   (`<stdout>` as the path for standard output).
  package static func write(_ bytes: [UInt8], to path: String, isDurable: Bool = true)
    throws(FileError)
  {
    if path == "-" {
      try StandardStreams.writeOutput(bytes)
      return
    }
    let target = try WriteTarget(path)
    switch target.method {
    case .inPlace:
      try writeInPlace(bytes, to: target, isDurable: isDurable)
    case .replace:
      let temporary = try stage(bytes, for: target, isDurable: isDurable)
      guard rename(temporary, target.resolvedPath) == 0 else {
        let reason = systemReason(errno)
        unlink(temporary)
        throw .unwritable(path, reason)
      }
      // A run killed between writing and renaming left its temporary file; this one removes it.
      TemporaryFiles.removeStale(for: target.name, in: target.folder)
    }
  }

  /// Writes `bytes` to a new temporary file beside `target`'s file, with the owner and the
  /// permissions it will need, and closes it.
  ///
  /// - Returns: The temporary file's path, for the caller to rename over the target.
  /// - Throws: `FileError.unwritable` when the file cannot be made or written; nothing is left.
  static func stage(_ bytes: [UInt8], for target: WriteTarget, isDurable: Bool) throws(FileError)
    -> String
  {
    let temporary = TemporaryFiles.path(for: target.name, in: target.folder)
    // A replacement starts private and gets the old file's permissions once written; a new file
    // gets 0666 less the umask, as the kernel applies it.
    let descriptor = open(
      temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, target.existing == nil ? 0o666 : 0o600)
    guard descriptor >= 0 else { throw .unwritable(target.path, systemReason(errno)) }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, let existing = target.existing {
      // Keep the owner where the system lets us (root rewriting another user's file); the group
      // or owner may be refused to an ordinary user, who then owns the new file, as before.
      if existing.st_uid != geteuid() || existing.st_gid != getegid() {
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      }
      if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { failure = errno }
    }
    if failure == nil, isDurable, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if let failure {
      unlink(temporary)
      throw .unwritable(target.path, systemReason(failure))
    }
    return temporary
  }

  /// Writes `bytes` over the file itself: a device or a pipe, or a regular file with other hard
  /// links (see `WriteTarget.Method.inPlace` for why and how safely).
  ///
  /// - Throws: `FileError.unwritable` with the system's reason.
  static func writeInPlace(_ bytes: [UInt8], to target: WriteTarget, isDurable: Bool)
    throws(FileError)
  {
    guard let existing = target.existing, existing.st_mode & S_IFMT == S_IFREG else {
      // A device or a pipe: no room to reserve, nothing to restore.
      let descriptor = open(target.resolvedPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
      guard descriptor >= 0 else { throw .unwritable(target.path, systemReason(errno)) }
      var failure = writeAll(bytes, to: descriptor)
      if close(descriptor) != 0, failure == nil { failure = errno }
      if let failure { throw .unwritable(target.path, systemReason(failure)) }
      return
    }
    let descriptor = open(target.resolvedPath, O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unwritable(target.path, systemReason(errno)) }
    // The old content, to put back if the write fails half-way.
    let old = readAll(descriptor, size: Int(existing.st_size))
    var failure: Int32?
    // Room for the new content before its first byte lands: a full disk refuses here, with the
    // file untouched. File systems without `fallocate` (EOPNOTSUPP) are written regardless.
    if !bytes.isEmpty {
      let reserved = posix_fallocate(descriptor, 0, off_t(bytes.count))
      if reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL {
        // A failed reservation may still have grown the file: give it back its size.
        _ = ftruncate(descriptor, existing.st_size)
        close(descriptor)
        throw .unwritable(target.path, systemReason(reserved))
      }
    }
    failure = writeAll(bytes, at: 0, to: descriptor)
    if failure == nil, ftruncate(descriptor, off_t(bytes.count)) != 0 { failure = errno }
    if failure == nil, isDurable, fsync(descriptor) != 0 { failure = errno }
    if failure != nil, let old {
      _ = writeAll(old, at: 0, to: descriptor)
      _ = ftruncate(descriptor, off_t(old.count))
    }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if let failure { throw .unwritable(target.path, systemReason(failure)) }
  }

  /// Writes every byte to `descriptor`, retrying short and interrupted writes: the one primitive
  /// under every output of ArgMap (files, standard output, standard error).
  ///
  /// - Returns: `nil`, or the system's error number (`ENOSPC`, `EPIPE`, `EBADF`, `EIO`, ...).
  package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    writeAll(bytes, at: nil, to: descriptor)
  }

  /// Writes every byte at `offset` (`pwrite`), or at the current position when `nil`.
  private static func writeAll(_ bytes: [UInt8], at offset: off_t?, to descriptor: Int32)
    -> Int32?
  {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var written = 0
      while written < buffer.count {
        let result =
          if let offset {
            pwrite(descriptor, base + written, buffer.count - written, offset + off_t(written))
          } else {
            Foundation.write(descriptor, base + written, buffer.count - written)
          }
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        // No progress on a non-empty write is an error the system did not name.
        if result == 0 { return EIO }
        written += result
      }
      return nil
    }
  }

  /// The whole content of a regular file from its start, or `nil` when it cannot be read.
  private static func readAll(_ descriptor: Int32, size: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: max(size, 0))
    var count = 0
    while count < bytes.count {
      let result = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return pread(descriptor, base + count, buffer.count - count, off_t(count))
      }
      if result < 0 && errno == EINTR { continue }
      if result < 0 { return nil }
      if result == 0 { break }
      count += result
    }
    return Array(bytes[..<count])
  }

  /// The file a write to `path` changes: `path` with its symbolic links followed (see
  /// `AtomicFile`), or `path` itself when it is not a link or cannot be looked at. Figures that
  /// go beside a file go beside this one, where the file really is.
  package static func destination(of path: String) -> String {
    guard path != "-", let target = try? WriteTarget(path) else { return path }
    return target.resolvedPath
  }

  /// Whether `lhs` and `rhs` name the same existing file, however they are spelled: through a
  /// symbolic link, a relative path or another hard link. A path that does not exist yet is no
  /// file, so writing it cannot replace one.
  package static func isSameFile(_ lhs: String, _ rhs: String) -> Bool {
    var left = stat()
    var right = stat()
    guard lhs != "-", rhs != "-", stat(lhs, &left) == 0, stat(rhs, &right) == 0 else {
      return false
    }
    return left.st_dev == right.st_dev && left.st_ino == right.st_ino
  }

  /// The system's description of an error number ("No space left on device").
  package static func systemReason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  /// The folder of `path` (`.` for a bare name) and the name in it; the name is empty when
  /// `path` ends with `/`.
  static func folderAndName(of path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = path[..<slash]
    return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
  }
}

/// Where a write to a path really goes: symbolic links followed to the file they name, what that
/// file is now, and how it is written.
struct WriteTarget {
  /// How new content reaches the file.
  enum Method {
    /// A temporary file in the target's folder, renamed over it: a reader sees the old file or
    /// the new one.
    case replace
    /// Written over the file itself, for a device or a pipe, and for a regular file with more
    /// than one hard link.
    ///
    /// Renaming a new file over one name of a hard-linked file would split it: that name would
    /// get the new content and every other name would keep the old, which is never what someone
    /// who linked the files wants (and refusing would leave `fmt --write` and `notes --in-place`
    /// unusable on such files). So the file is rewritten in place, as editors that keep links
    /// do, and as safely as in-place writing allows: the new content is complete in memory
    /// before the file is opened; room for it is reserved (`posix_fallocate`) before the first
    /// byte is written, so a full disk refuses with the file untouched; the old content is read
    /// first and written back if the write still fails (an I/O error); the file is flushed
    /// before the write counts as done. What is given up is the all-or-nothing view: a reader
    /// at the same moment may see part of the new content.
    case inPlace
  }

  /// The path as the caller named it, for messages.
  let path: String
  /// The file written: `path` with symbolic links followed, as long as the last one names
  /// something that is not a link (or nothing yet).
  let resolvedPath: String
  /// The folder of `resolvedPath`, where the temporary file goes.
  let folder: String
  /// The name of the file in `folder`.
  let name: String
  /// The status of the file now, or `nil` when there is none yet.
  let existing: stat?
  /// How the content is written.
  let method: Method

  /// The most symbolic links followed, as the kernel's `ELOOP` limit.
  static let maximumLinks = 40

  /// Resolves `path` and checks that it can be written as a file.
  ///
  /// - Throws: `FileError.unwritable` for a folder, a path ending in `/`, a loop of links or a
  ///   path that cannot be looked at.
  init(_ path: String) throws(FileError) {
    self.path = path
    var current = path
    var status = stat()
    var found: stat?
    var links = 0
    while true {
      if lstat(current, &status) != 0 {
        // Nothing there yet (or a link to nowhere): a new file. Other errors (a file where a
        // folder should be, no permission) are the open's to report when it fails.
        guard errno == ENOENT else { throw .unwritable(path, AtomicFile.systemReason(errno)) }
        found = nil
        break
      }
      guard status.st_mode & S_IFMT == S_IFLNK else {
        found = status
        break
      }
      links += 1
      guard links <= Self.maximumLinks, let destination = Self.readLink(current) else {
        throw .unwritable(path, AtomicFile.systemReason(links > Self.maximumLinks ? ELOOP : errno))
      }
      current =
        destination.hasPrefix("/")
        ? destination : AtomicFile.folderAndName(of: current).folder + "/" + destination
    }
    if let found, found.st_mode & S_IFMT == S_IFDIR {
      throw .unwritable(path, "is a directory")
    }
    let (folder, name) = AtomicFile.folderAndName(of: current)
    guard !name.isEmpty else {
      throw .unwritable(
        path, path.hasSuffix("/") ? "no file name (it ends with '/')" : "no file name")
    }
    resolvedPath = current
    self.folder = folder
    self.name = name
    existing = found
    if let found, found.st_mode & S_IFMT != S_IFREG || found.st_nlink > 1 {
      method = .inPlace
    } else {
      method = .replace
    }
  }

  /// The destination of the symbolic link `path`, or `nil` (with `errno` set).
  private static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
