import Foundation
import Synchronization

/// Tells every open editor when a file of the workspace changed on disk (another editor, a
/// `git pull`, or a save from another tab), by polling modification times and sizes.
///
/// Polling is portable and cheap for a folder of maps; the page is told the file's new
/// version, and reloads it itself when it has no unsaved edits.
final class DiskWatch: Sendable {
  /// One change: the file and its version now (`nil` when it was deleted).
  struct Change: Sendable, Hashable {
    var path: String
    var version: String?
  }

  private struct State {
    var stamps: [String: Stamp] = [:]
    var listeners: [Int: AsyncStream<Change>.Continuation] = [:]
    var nextListener = 0
  }

  private struct Stamp: Hashable {
    var modified: Double
    var size: UInt64
    var inode: UInt64
  }

  private let workspace: Workspace
  private let state = Mutex(State())

  init(workspace: Workspace) {
    self.workspace = workspace
    _ = changes()
  }

  /// A stream of the changes from now on; it ends when the caller stops listening.
  func listen() -> AsyncStream<Change> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: Change.self, bufferingPolicy: .bufferingNewest(64))
    let number = state.withLock { state in
      state.nextListener += 1
      state.listeners[state.nextListener] = continuation
      return state.nextListener
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.listeners.removeValue(forKey: number) }
    }
    return stream
  }

  /// Polls until the task is cancelled.
  func run(every interval: Duration = .milliseconds(300)) async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      let found = changes()
      guard !found.isEmpty else { continue }
      let listeners = state.withLock { Array($0.listeners.values) }
      for change in found {
        for listener in listeners { listener.yield(change) }
      }
    }
  }

  /// The files whose stamp changed since the last poll.
  func changes() -> [Change] {
    var now: [String: Stamp] = [:]
    // `files()` lists only paths it has checked; they are not resolved a second time.
    for path in workspace.files() {
      guard
        let attributes = try? FileManager.default.attributesOfItem(
          atPath: workspace.root + "/" + path)
      else { continue }
      now[path] = Stamp(
        modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
        size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
        inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
    }
    let before = state.withLock { state in
      defer { state.stamps = now }
      return state.stamps
    }
    var found: [Change] = []
    for (path, stamp) in now.sorted(by: { $0.key < $1.key }) where before[path] != stamp {
      found.append(Change(path: path, version: workspace.currentVersion(path)))
    }
    for path in before.keys.sorted() where now[path] == nil {
      found.append(Change(path: path, version: nil))
    }
    return found
  }
}
