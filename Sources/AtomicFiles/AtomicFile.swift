import Foundation

/// Writes files so that a reader never sees a half-written one: a temporary file in the same
/// folder, flushed to disk, then renamed over the target. `-` means standard output. The
/// temporary files a killed run left for the same target are removed after the rename (see
/// `TemporaryFiles`).
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
  /// - Throws: `FileError.unwritable` with the system's reason when the file cannot be written.
  package static func write(_ bytes: [UInt8], to path: String, isDurable: Bool = true)
    throws(FileError)
  {
    if path == "-" {
      FileHandle.standardOutput.write(Data(bytes))
      return
    }
    // One `stat` answers both what the target is and which permissions a replacement keeps.
    var status = stat()
    let exists = stat(path, &status) == 0
    if exists, status.st_mode & S_IFMT == S_IFDIR {
      throw .unwritable(path, "is a directory")
    }
    // A device or a pipe (`-o /dev/null`, a FIFO) is written in place: renaming a temporary file
    // over it would replace the device with a regular file.
    if exists, status.st_mode & S_IFMT != S_IFREG {
      try writeInPlace(bytes, to: path)
      return
    }
    let (folder, name) = folderAndName(of: path)
    guard !name.isEmpty else { throw .unwritable(path, "no file name (it ends with '/')") }
    let temporary = TemporaryFiles.path(for: name, in: folder)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      throw .unwritable(path, String(cString: strerror(errno)))
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, isDurable, fsync(descriptor) != 0 {
      failure = String(cString: strerror(errno))
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw .unwritable(path, failure)
    }
    // Keep the permissions of a file being replaced.
    if exists { chmod(temporary, status.st_mode & 0o7777) }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .unwritable(path, reason)
    }
    // A run killed between writing and renaming left its temporary file; this one removes it.
    TemporaryFiles.removeStale(for: name, in: folder)
  }

  /// The folder of `path` (`.` for a bare name) and the name in it; the name is empty when
  /// `path` ends with `/`.
  static func folderAndName(of path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = path[..<slash]
    return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileError) {
    let descriptor = open(path, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
    defer { close(descriptor) }
    if let failure = writeAll(bytes, to: descriptor) { throw .unwritable(path, failure) }
  }

  /// Writes every byte to `descriptor`, retrying short and interrupted writes.
  ///
  /// - Returns: `nil`, or the system's reason for failing.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    var written = 0
    return bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let result = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        written += result
      }
      return nil
    }
  }
}
