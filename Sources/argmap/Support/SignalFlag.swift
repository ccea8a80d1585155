import Foundation

/// Set by SIGINT or SIGTERM so a watch loop can finish what it is doing and exit cleanly.
enum SignalFlag {
  nonisolated(unsafe) private static var raised: sig_atomic_t = 0

  /// Installs the handlers; a second signal while stopping ends the process at once.
  static func install() {
    let handler: @convention(c) (Int32) -> Void = { signal in
      if SignalFlag.raised != 0 { _exit(128 + signal) }
      SignalFlag.raised = 1
    }
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
    // A parent may start us with these signals blocked (Foundation's Process does); unblock them.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  static var isRaised: Bool { raised != 0 }
}
