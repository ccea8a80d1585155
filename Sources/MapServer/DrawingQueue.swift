import Dispatch

/// Runs drawings one at a time on a thread of their own, in a child process
/// (`DrawingProcess`) or, without one, in this process.
///
/// libgvc is not thread-safe and drawing blocks for milliseconds to seconds; done on Swift's
/// cooperative threads (two on a two-core machine) it would stall every request and socket.
/// One serial queue keeps them free, and keeps drawings in the order they were asked for.
final class DrawingQueue: Sendable {
  private let queue = DispatchQueue(label: "argmap.serve.drawing", qos: .userInitiated)
  private let process: DrawingProcess?
  private let preview: LivePreview

  /// Draws through `process`, or in this process with `preview` when it is `nil`.
  init(process: DrawingProcess?, preview: LivePreview) {
    self.process = process
    self.preview = preview
  }

  /// What `job` gave.
  func draw(_ job: DrawingJob) async -> DrawingResult {
    let process = self.process
    let preview = self.preview
    return await withCheckedContinuation { continuation in
      queue.async {
        continuation.resume(returning: process?.perform(job) ?? preview.perform(job))
      }
    }
  }

  /// Stops the drawing process, once the drawings asked for before are done.
  func stop() async {
    let process = self.process
    await withCheckedContinuation { continuation in
      queue.async {
        process?.retire()
        continuation.resume()
      }
    }
  }
}
