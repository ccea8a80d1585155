import ArgumentMapGraphviz
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws in a child process, started again after a number of drawings, after a crash, and
/// after a drawing that takes too long.
///
/// Why not draw in the server's own process:
/// - **Memory.** Graphviz 2.42 keeps about 30 KiB of every layout with boxes (clusters) and
///   never gives it back; a server redrawing on every keystroke grew by 300 MiB over 10,000
///   edits. A child that is replaced every `recycleAfter` drawings keeps memory flat.
/// - **Time.** libgvc's layout cannot be interrupted; a child that takes longer than `timeout`
///   is killed, and the editor is told why, instead of the server hanging.
/// - **Crashes.** A crash inside Graphviz ends the child, not the server and every open tab.
///
/// The child is the same `argmap` binary with a hidden flag (`argmap serve --drawing-process`),
/// which runs `DrawingProcess.serveJobs`. Jobs and results are one line of JSON each, over the
/// child's standard input and output. Not thread-safe: `DrawingQueue` calls it from its one
/// thread.
public final class DrawingProcess: @unchecked Sendable {
  /// How to start a child: the executable and its arguments.
  public struct Command: Sendable {
    /// The executable (the running `argmap`).
    public var executable: URL
    /// The arguments that make it serve drawing jobs.
    public var arguments: [String]

    /// A command running `executable` with `arguments`.
    public init(executable: URL, arguments: [String]) {
      self.executable = executable
      self.arguments = arguments
    }
  }

  private let command: Command
  private let recycleAfter: Int
  private let timeout: Duration
  private var child: Child?
  private var drawings = 0

  /// A drawer that starts `command` when first needed.
  ///
  /// - Parameters:
  ///   - command: How to start a child.
  ///   - recycleAfter: Replace the child after this many drawings (its leaked memory goes
  ///     with it; starting one takes about 30 ms).
  ///   - timeout: Kill a child whose drawing takes longer than this.
  public init(command: Command, recycleAfter: Int = 200, timeout: Duration = .seconds(120)) {
    self.command = command
    self.recycleAfter = max(1, recycleAfter)
    self.timeout = timeout
    // A write to a child that has just died must fail with EPIPE, not end the server.
    signal(SIGPIPE, SIG_IGN)
  }

  deinit {
    child?.stop()
  }

  /// The running child's process id, if one runs (for tests and the benchmark).
  public var processIdentifier: Int32? { child?.process.processIdentifier }

  /// Draws `job` in the child, starting one if none runs.
  public func perform(_ job: DrawingJob) -> DrawingResult {
    let reply: Result<[UInt8], ChildFailure>
    do {
      let request = try JSONEncoder().encode(job)
      var running = try child ?? Child(command)
      child = running
      var answer = running.exchange(request, timeout: timeout)
      if case .failure(.notListening) = answer {
        // The child ended while idle (killed from outside, out of memory): not this job's
        // fault, so a fresh child gets the job once.
        retire()
        running = try Child(command)
        child = running
        answer = running.exchange(request, timeout: timeout)
      }
      reply = answer
    } catch {
      reply = .failure(.couldNotStart("\(error)"))
    }
    switch reply {
    case .success(let line):
      drawings += 1
      if drawings >= recycleAfter { retire() }
      guard let result = try? JSONDecoder().decode(DrawingResult.self, from: Data(line)) else {
        retire()
        return .failure("The drawing process answered something that is not a drawing.", for: job)
      }
      return result
    case .failure(let failure):
      retire()
      return .failure(failure.message(timeout: timeout), for: job)
    }
  }

  /// Stops the child; the next job starts a fresh one.
  public func retire() {
    child?.stop()
    child = nil
    drawings = 0
  }

  /// The child's side: reads one `DrawingJob` per line from standard input and writes one
  /// `DrawingResult` per line to standard output, until standard input ends.
  ///
  /// The child ignores Ctrl+C (should it share the terminal's process group) and ends when the
  /// server, stopping, closes its input.
  public static func serveJobs(limits: RenderLimits) {
    signal(SIGINT, SIG_IGN)
    let preview = LivePreview(limits: limits)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    while let line = readLine(strippingNewline: true) {
      let result: DrawingResult
      if let job = try? JSONDecoder().decode(DrawingJob.self, from: Data(line.utf8)) {
        result = preview.perform(job)
      } else {
        result = .failed("The drawing process got a request it cannot read.")
      }
      // JSON escapes every line break inside strings, so one result is one line.
      var bytes = (try? encoder.encode(result)) ?? Data("{}".utf8)
      bytes.append(UInt8(ascii: "\n"))
      do {
        try FileHandle.standardOutput.write(contentsOf: bytes)
      } catch {
        return
      }
    }
  }
}

/// Why a child gave no answer.
private enum ChildFailure: Error {
  case couldNotStart(String)
  case ended(Process.TerminationReason, Int32)
  case tookTooLong
  case unreadable
  /// The request could not be written: the child had already ended.
  case notListening

  func message(timeout: Duration) -> String {
    switch self {
    case .couldNotStart(let reason):
      "The drawing process could not be started (\(reason))."
    case .ended(.uncaughtSignal, let signal):
      "Drawing stopped with signal \(signal) (Graphviz crashed on this map); try the change again "
        + "or undo it."
    case .ended(_, let status):
      "The drawing process ended with status \(status) before it answered."
    case .unreadable:
      "The drawing process's answer could not be read."
    case .notListening:
      "The drawing process ended before it was given the map."
    case .tookTooLong:
      "Drawing took longer than \(Self.seconds(timeout)) s and was stopped; the map may be too "
        + "large to redraw as you type."
    }
  }
}

extension ChildFailure {
  /// `120` or `0.3`: a duration in seconds as a teacher would write it.
  fileprivate static func seconds(_ duration: Duration) -> String {
    let (whole, fraction) = duration.components
    if fraction == 0 { return String(whole) }
    let seconds = Double(whole) + Double(fraction) / 1e18
    return String((seconds * 1_000).rounded() / 1_000)
  }
}

/// One running child and the pipes to it.
private final class Child {
  let process = Process()
  private let input: FileHandle
  private let output: FileHandle
  private var buffer: [UInt8] = []

  init(_ command: DrawingProcess.Command) throws {
    let toChild = Pipe()
    let fromChild = Pipe()
    process.executableURL = command.executable
    process.arguments = command.arguments
    process.standardInput = toChild
    process.standardOutput = fromChild
    try process.run()
    input = toChild.fileHandleForWriting
    output = fromChild.fileHandleForReading
  }

  /// Sends one line and waits for one line back, at most `timeout`.
  func exchange(_ request: Data, timeout: Duration) -> Result<[UInt8], ChildFailure> {
    do {
      try input.write(contentsOf: request + Data([UInt8(ascii: "\n")]))
    } catch {
      _ = ended()
      return .failure(.notListening)
    }
    let deadline = ContinuousClock.now + timeout
    // Only the bytes read since the last look can hold the line break: a large download
    // arrives in many reads, and scanning all of it each time would be quadratic.
    var searched = 0
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        return .success(line)
      }
      searched = buffer.count
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return .failure(.tookTooLong) }
      var waiting = pollfd(fd: output.fileDescriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(
        clamping: left.components.seconds * 1_000 + left.components.attoseconds
          / 1_000_000_000_000_000 + 1)
      let ready = poll(&waiting, 1, milliseconds)
      if ready == 0 || (ready < 0 && errno == EINTR) { continue }
      guard ready > 0 else { return .failure(.unreadable) }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let count = chunk.withUnsafeMutableBytes {
        read(output.fileDescriptor, $0.baseAddress, $0.count)
      }
      if count < 0 && errno == EINTR { continue }
      // End of file: the child has ended (the caller kills it on any other failure).
      if count == 0 { return .failure(ended()) }
      guard count > 0 else { return .failure(.unreadable) }
      buffer += chunk[..<count]
    }
  }

  /// How the child ended, once it has.
  private func ended() -> ChildFailure {
    // Its output closed, so it is ending; one that lingers (not a drawing process) is killed.
    let deadline = ContinuousClock.now + .seconds(2)
    while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return .ended(process.terminationReason, process.terminationStatus)
  }

  /// Ends the child, busy or not: it holds no file of the user's, only its leaked memory.
  func stop() {
    try? input.close()
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try? output.close()
  }
}
