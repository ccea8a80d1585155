import CGraphviz
import Foundation

/// The messages Graphviz reports during one call; touched only under the Graphviz lock.
nonisolated(unsafe) private var pendingMessages = ""

/// Receives Graphviz's error and warning text in pieces ("Error", ": ", "text\n").
private let messageSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
  if let text { pendingMessages += String(cString: text) }
  return 0
}

/// Collects what Graphviz says during one call, as lines without its prefixes.
///
/// Graphviz reports most problems through `agerr`, routed here by `install()`. A few plugins
/// (cairo's "graph is too large" scaling notice, neato's missing positions) write to standard
/// error directly; once a program turns on `captureStandardError()`, file descriptor 2 points at
/// a private temporary file while a call runs, and its text joins the messages, so nothing
/// Graphviz says reaches the terminal unformatted. Other threads writing to standard error during
/// a call would be captured too, so only a program that owns its standard error turns this on
/// (the `argmap` executable does); a library user or a test keeps its standard error untouched.
///
/// Used only under the Graphviz lock.
final class GraphvizMessages: @unchecked Sendable {
  /// Whether calls point standard error at the capture file; off until a program asks.
  nonisolated(unsafe) private static var capturesStandardError = false
  private static let captureLock = NSLock()

  /// Makes every later call capture Graphviz's direct writes to standard error.
  static func captureStandardError() {
    captureLock.lock()
    capturesStandardError = true
    captureLock.unlock()
  }

  private static var isCapturingStandardError: Bool {
    captureLock.lock()
    defer { captureLock.unlock() }
    return capturesStandardError
  }

  /// Routes `agerr` into the messages and keeps warnings too. Call once, before using libgvc.
  static func install() {
    _ = agseterrf(messageSink)
    _ = agseterr(AGWARN)
  }

  /// Where standard error points during a call; `-1` when no temporary file could be made.
  private let captureDescriptor: Int32
  /// The descriptor standard error had before `begin()`, or `-1` when it was not redirected.
  private var savedDescriptor: Int32 = -1

  init() {
    // The FILE stays open for the life of the process; only its descriptor is used.
    captureDescriptor = tmpfile().map { fileno($0) } ?? -1
  }

  /// Starts a call: forgets earlier errors and points standard error at the capture file.
  func begin() {
    _ = agreseterrors()
    pendingMessages = ""
    savedDescriptor = -1
    guard captureDescriptor >= 0, Self.isCapturingStandardError else { return }
    fflush(nil)
    let saved = dup(STDERR_FILENO)
    guard saved >= 0 else { return }
    guard ftruncate(captureDescriptor, 0) == 0, lseek(captureDescriptor, 0, SEEK_SET) == 0,
      dup2(captureDescriptor, STDERR_FILENO) >= 0
    else {
      close(saved)
      return
    }
    savedDescriptor = saved
  }

  /// Ends a call: puts standard error back.
  func end() {
    guard savedDescriptor >= 0 else { return }
    fflush(nil)
    dup2(savedDescriptor, STDERR_FILENO)
    close(savedDescriptor)
    savedDescriptor = -1
  }

  /// The messages so far as lines without Graphviz's prefixes, emptied for what follows.
  func drain() -> [String] {
    let text = pendingMessages + capturedText()
    pendingMessages = ""
    return text.split(whereSeparator: \.isNewline).map(Self.cleaned).filter { !$0.isEmpty }
  }

  /// What Graphviz wrote to standard error since `begin()`, emptied for what follows.
  private func capturedText() -> String {
    guard savedDescriptor >= 0 else { return "" }
    fflush(nil)
    let end = lseek(captureDescriptor, 0, SEEK_CUR)
    guard end > 0 else { return "" }
    var bytes = [UInt8](repeating: 0, count: Int(min(end, 1 << 20)))
    let count = bytes.withUnsafeMutableBytes {
      pread(captureDescriptor, $0.baseAddress, $0.count, 0)
    }
    guard count > 0 else { return "" }
    _ = ftruncate(captureDescriptor, 0)
    _ = lseek(captureDescriptor, 0, SEEK_SET)
    return String(decoding: bytes.prefix(count), as: UTF8.self)
  }

  /// A message line without surrounding spaces, the `Error: `/`Warning: ` level (the caller
  /// knows it) and the `(null): ` a plugin writes for the missing command name.
  static func cleaned(_ line: Substring) -> String {
    var text = line.trimmingCharacters(in: .whitespaces)[...]
    for prefix in ["(null): ", "Error: ", "Warning: "] where text.hasPrefix(prefix) {
      text = text.dropFirst(prefix.count)
    }
    return String(text)
  }
}
