import Dispatch

/// Runs drawings one at a time on a thread of their own.
///
/// libgvc is not thread-safe and drawing blocks for milliseconds to seconds; done on Swift's
/// cooperative threads (two on a two-core machine) it would stall every request and socket.
/// One serial queue keeps them free, and keeps drawings in the order they were asked for.
final class DrawingQueue: Sendable {
  private let queue = DispatchQueue(label: "argmap.serve.drawing", qos: .userInitiated)

  /// The result of `work`, run on the drawing thread.
  func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
      queue.async { continuation.resume(returning: work()) }
    }
  }
}
