import Foundation

/// Notices changed files by polling their modification times and sizes.
///
/// Polling is portable, needs no thread of its own, and is cheap for the few files a lesson
/// uses; `changes()` is called by the watch loop between sleeps, and by tests directly.
public struct FileWatcher: Sendable {
  /// What is known of one file: modification time and size, or nothing when it is missing.
  struct Stamp: Hashable, Sendable {
    var modified: Double
    var size: UInt64
  }

  private var stamps: [String: Stamp?] = [:]
  /// The watched paths, in the order given.
  public private(set) var paths: [String] = []

  /// Watches `paths` from now on.
  public init(paths: [String]) {
    watch(paths)
  }

  /// Replaces the watched paths (a notes file may start or stop using a map file).
  public mutating func watch(_ newPaths: [String]) {
    var seen: Set<String> = []
    paths = newPaths.filter { seen.insert($0).inserted }
    var next: [String: Stamp?] = [:]
    for path in paths { next[path] = stamps[path] ?? Self.stamp(path) }
    stamps = next
  }

  /// The watched paths that changed since the last call (or since they were first watched).
  public mutating func changes() -> [String] {
    var changed: [String] = []
    for path in paths {
      let now = Self.stamp(path)
      if stamps[path] != now {
        changed.append(path)
        stamps[path] = now
      }
    }
    return changed
  }

  /// Takes the current state of those of `paths` that are watched as known, without reporting
  /// them: for files this process wrote itself.
  public mutating func acceptChanges(to paths: [String]) {
    for path in paths where stamps[path] != nil {
      stamps[path] = Self.stamp(path)
    }
  }

  /// Calls `rebuild` with the changed paths whenever a watched path changes, checking every
  /// `pollInterval` milliseconds, until `isStopped` says so. `rebuild` returns the paths to watch
  /// from then on and the files it wrote.
  ///
  /// The files a rebuild wrote are taken as they are (a notes file rewritten `--in-place` is read
  /// and written, and must not set off rebuild after rebuild); any other change made while it
  /// ran, such as a map saved while diagrams were drawn, is reported at the next check.
  public mutating func run(
    pollInterval: Int, isStopped: () -> Bool,
    rebuild: ([String]) -> (dependencies: [String], written: [String])
  ) {
    while !isStopped() {
      usleep(useconds_t(pollInterval) * 1000)
      let changed = changes()
      guard !changed.isEmpty, !isStopped() else { continue }
      let outcome = rebuild(changed)
      watch(outcome.dependencies)
      acceptChanges(to: outcome.written)
    }
  }

  static func stamp(_ path: String) -> Stamp? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      return nil
    }
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    return Stamp(modified: modified, size: size)
  }
}
