import ArgumentMap
import Foundation

/// Writes files so that a reader never sees a half-written one: a temporary file in the same
/// folder, flushed to disk, then renamed over the target. `-` means standard output. The
/// temporary files a killed run left for the same target are removed after the rename (see
/// `TemporaryFiles`).
enum AtomicFile {
  static func write(_ text: String, to path: String) throws(CLIError) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` (`-`: standard output).
  ///
  /// - Parameter isDurable: Whether to flush the file to disk before the rename, so that it
  ///   survives a crash (for the user's own files); drawings, which can be made again, skip the
  ///   flush, which can take longer than the render on a busy disk. Either way a reader sees the
  ///   old file or the new one, never half of one.
  static func write(_ bytes: [UInt8], to path: String, isDurable: Bool = true) throws(CLIError) {
    if path == "-" {
      FileHandle.standardOutput.write(Data(bytes))
      return
    }
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw .unwritable(path, "is a directory")
    }
    // A device or a pipe (`-o /dev/null`, a FIFO) is written in place: renaming a temporary file
    // over it would replace the device with a regular file.
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      try writeInPlace(bytes, to: path)
      return
    }
    let temporary = URL(
      fileURLWithPath: TemporaryFiles.path(for: target.lastPathComponent, in: folder.path))
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      throw .unwritable(path, String(cString: strerror(errno)))
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, isDurable, fsync(descriptor) != 0 {
      failure = String(cString: strerror(errno))
    }
    close(descriptor)
    if let failure {
      unlink(temporary.path)
      throw .unwritable(path, failure)
    }
    // Keep the permissions of a file being replaced.
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let permissions = attributes[.posixPermissions] as? NSNumber
    {
      chmod(temporary.path, mode_t(permissions.uint16Value))
    }
    guard rename(temporary.path, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw .unwritable(path, reason)
    }
    // A run killed between writing and renaming left its temporary file; this one removes it.
    TemporaryFiles.removeStale(for: target.lastPathComponent, in: folder.path)
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(CLIError) {
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
