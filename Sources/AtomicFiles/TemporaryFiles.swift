#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files ArgMap writes beside a file it replaces, and the sweep of those a killed
/// process left behind.
///
/// A file is replaced by writing `.NAME.PID.RANDOM.tmp` in the same folder and renaming it over
/// `NAME`, so a reader sees the old file or the new one, never half of one. A process killed
/// between the two steps (SIGKILL, a power cut) leaves its temporary file; the next write of the
/// same `NAME` removes every such file whose process is no longer running.
package enum TemporaryFiles {
  /// The temporary file for replacing `name` in `folder` (a path ending without `/`).
  package static func path(for name: String, in folder: String) -> String {
    "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
  }

  /// Removes the temporary files of `name` in `folder` left by processes that no longer run.
  ///
  /// Only names of exactly the form `.NAME.PID.RANDOM.tmp` are touched, and only when no process
  /// `PID` exists: a write in progress in another process keeps its file.
  ///
  /// - Complexity: O(*n*) in the number of entries in `folder`.
  package static func removeStale(for name: String, in folder: String) {
    removeStale(for: [name], in: folder)
  }

  /// Removes the stale temporary files of every name in `names` in `folder`, in one pass.
  package static func removeStale(for names: Set<String>, in folder: String) {
    guard !names.isEmpty, let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    var stale: [String] = []
    while let entry = readdir(directory) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      guard let owner = owner(ofTemporary: entryName, names: names), !isRunning(owner) else {
        continue
      }
      stale.append(entryName)
    }
    for entryName in stale {
      unlink("\(folder)/\(entryName)")
    }
  }

  /// The process id in `.NAME.PID.RANDOM.tmp` when `NAME` is one of `names`, else `nil`.
  static func owner(ofTemporary entry: String, names: Set<String>) -> pid_t? {
    guard let temporary = temporary(entry), names.contains(temporary.name) else { return nil }
    return temporary.owner
  }

  /// The target's name and the writing process's id read from `.NAME.PID.RANDOM.tmp`; `nil`
  /// for any other name.
  package static func temporary(_ entry: String) -> (name: String, owner: pid_t)? {
    guard entry.hasPrefix("."), entry.hasSuffix(".tmp") else { return nil }
    let middle = entry.dropFirst().dropLast(4)
    // NAME may itself hold dots: the last two fields are the pid and the random number.
    let fields = middle.split(separator: ".", omittingEmptySubsequences: false)
    guard fields.count >= 3,
      let pid = pid_t(fields[fields.count - 2]), pid > 0,
      UInt32(fields[fields.count - 1]) != nil
    else { return nil }
    return (fields.dropLast(2).joined(separator: "."), pid)
  }

  /// Whether process `pid` exists (a process of another user counts as running).
  static func isRunning(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }
}
