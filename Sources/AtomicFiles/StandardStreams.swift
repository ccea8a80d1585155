import Foundation

/// Standard output and standard error, written with `write(2)` through `AtomicFile.writeAll`, so
/// that a full disk, a closed descriptor, an I/O error or a reader that has gone away is an error
/// to report and an exit status, never a trap (Foundation's `FileHandle.write(_: Data)` traps on
/// any of them) and never a silent death by `SIGPIPE`.
///
/// The policy, the same in `argmap` and `argmap-pandoc`:
/// - A write to standard output that fails is reported once on standard error as
///   `<stdout>: error: cannot write: REASON` (the system's reason, "No space left on device"),
///   and the command ends with exit status 1.
/// - A broken pipe (`argmap fmt big.argmap | head -c1`: the reader closed its end) ends the
///   command with exit status 1 *quietly*: the reader left on purpose, and a message after every
///   `| head` would be noise. The status still tells a script that not everything was written.
/// - A write to standard error that fails cannot be reported anywhere; it is remembered, and the
///   program exits with 1 instead of 0 (`errorHasFailed`).
package enum StandardStreams {
  /// The name of standard output in messages.
  package static let outputName = "<stdout>"

  private static let lock = NSLock()
  /// The standard descriptors that were closed when the program started (see `prepare()`).
  nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []
  /// Whether a write to standard output met a broken pipe.
  nonisolated(unsafe) private static var readerHasLeft = false
  /// Whether a write to standard error failed.
  nonisolated(unsafe) private static var errorFailed = false

  /// Prepares an executable's standard streams; call it first in `main`.
  ///
  /// Ignores `SIGPIPE`, so that writing to a pipe nobody reads returns `EPIPE` instead of killing
  /// the process. Fills a standard descriptor that the parent closed (`argmap fmt x >&-`) with
  /// `/dev/null` and remembers it as closed: otherwise the next file opened would take its number
  /// and output meant for standard output would land in that file.
  package static func prepare() {
    signal(SIGPIPE, SIG_IGN)
    lock.lock()
    defer { lock.unlock() }
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let placeholder = open("/dev/null", O_RDWR)
      if placeholder >= 0 && placeholder != descriptor {
        dup2(placeholder, descriptor)
        close(placeholder)
      }
      closedAtStart.insert(descriptor)
    }
  }

  /// Writes `bytes` to standard output.
  ///
  /// - Throws: `FileError.unwritable("<stdout>", reason)` with the system's reason.
  package static func writeOutput(_ bytes: [UInt8]) throws(FileError) {
    guard let code = write(bytes, to: STDOUT_FILENO) else { return }
    if code == EPIPE {
      lock.lock()
      readerHasLeft = true
      lock.unlock()
    }
    throw .unwritable(outputName, AtomicFile.systemReason(code))
  }

  /// Writes `text` as UTF-8 to standard error; a failure is remembered for the exit status.
  package static func writeError(_ text: String) {
    guard write(Array(text.utf8), to: STDERR_FILENO) != nil else { return }
    lock.lock()
    errorFailed = true
    lock.unlock()
  }

  /// Reports a file that could not be written on standard error, except a broken pipe on
  /// standard output, which ends the command quietly (see the policy above).
  package static func report(_ error: FileError) {
    if case .unwritable(let path, _) = error, path == outputName, hasReaderLeft { return }
    writeError(error.description + "\n")
  }

  /// Whether a write to standard error failed; the program then exits with 1 rather than 0.
  package static var errorHasFailed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return errorFailed
  }

  /// Whether standard output met a broken pipe.
  private static var hasReaderLeft: Bool {
    lock.lock()
    defer { lock.unlock() }
    return readerHasLeft
  }

  /// Writes to a standard descriptor; `nil`, or the system's error number (`EBADF` for one that
  /// was closed at the start).
  private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    guard !bytes.isEmpty else { return nil }
    lock.lock()
    let wasClosed = closedAtStart.contains(descriptor)
    lock.unlock()
    return wasClosed ? EBADF : AtomicFile.writeAll(bytes, to: descriptor)
  }
}
