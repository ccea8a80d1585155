import Foundation

/// Ends the process when drawing one file takes too long (`argmap render --timeout`, and the
/// default limit of every command that draws, the Pandoc filters included).
///
/// libgvc's layout cannot be interrupted from inside the process: it holds no cancellation point
/// and keeps process-wide state that a killed thread would leave locked. So a watchdog thread
/// waits beside the render, and when the time runs out it prints
/// `error: rendering FILE took longer than N s` and ends the process with status 1. The render
/// command arms it only while a map is laid out and disarms it before writing, and every output
/// goes through a temporary file and a rename, so a timeout leaves every output either as it was
/// or completely written: never half of one.
package final class Watchdog: @unchecked Sendable {
  private let condition = NSCondition()
  private var isArmed = true

  private init() {}

  /// Starts a watchdog for drawing `file`, which fires after `seconds` unless disarmed first.
  package static func arm(seconds: Double, file: String) -> Watchdog {
    let watchdog = Watchdog()
    // Graphviz points file descriptor 2 at its capture file while it works; the message must
    // reach the real standard error, so keep a descriptor of it from before the render.
    let standardError = dup(STDERR_FILENO)
    let deadline = Date(timeIntervalSinceNow: seconds)
    let message = "\(file): error: rendering \(file) took longer than \(Self.format(seconds)) s\n"
    let thread = Thread {
      watchdog.condition.lock()
      while watchdog.isArmed {
        if !watchdog.condition.wait(until: deadline), watchdog.isArmed {
          // Still locked: `disarm()` cannot return, so the caller cannot start writing.
          let bytes = Array(message.utf8)
          _ = bytes.withUnsafeBytes {
            write(standardError >= 0 ? standardError : STDERR_FILENO, $0.baseAddress, $0.count)
          }
          _exit(1)
        }
      }
      watchdog.condition.unlock()
      if standardError >= 0 { close(standardError) }
    }
    thread.start()
    return watchdog
  }

  /// Stops the watchdog; once this returns it will not fire.
  package func disarm() {
    condition.lock()
    isArmed = false
    condition.signal()
    condition.unlock()
  }

  /// `2`, `0.5`: seconds without a trailing `.0`.
  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)
  }
}
