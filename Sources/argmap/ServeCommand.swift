import ArgumentParser
import AtomicFiles
import Dispatch
import Foundation
import MapServer

/// `argmap serve [FOLDER] [--port N] [--host H]`: the editor in the browser.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Edit a folder's maps in the browser and see them redrawn as you type.",
    discussion: """
      Prints the address to open. The page lists the folder's .argmap files, redraws the \
      map on every edit, lists problems with their line and column, saves atomically (and \
      warns when the file changed on disk since you opened it), redraws when another program \
      changes a file, downloads SVG, PNG and PDF, and presents a map step by step. It listens \
      on 127.0.0.1 only unless --host is given. Ctrl+C stops it after the requests in flight.
      """)

  @Argument(help: "The folder whose maps to serve (default: the current folder).")
  var folder: String = "."

  @Option(help: "The port to listen on (0 picks a free one).")
  var port: Int = 8080

  @Option(help: "The address to listen on; anything but loopback exposes your files.")
  var host: String = "127.0.0.1"

  @OptionGroup var drawingLimits: DrawingLimits

  /// Set in the child process that draws for the server (`DrawingProcess`).
  @Flag(help: .hidden)
  var drawingProcess = false

  func validate() throws {
    guard (0...65_535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535.")
    }
  }

  func run() throws {
    if drawingProcess {
      DrawingProcess.serveJobs(limits: drawingLimits.limits())
      return
    }
    // Pictures are drawn in a child process: this binary again, with the same limits.
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let child = DrawingProcess(
      command: .init(
        executable: executable,
        arguments: [
          "serve", "--drawing-process", "--max-nodes", String(drawingLimits.maxNodes),
        ]),
      timeout: .milliseconds(max(1, Int64((drawingLimits.timeout * 1_000).rounded(.up)))))
    let settings = MapServer.Settings(
      folder: folder, host: host, port: port, drawingProcess: child,
      limits: drawingLimits.limits())
    let server: MapServer
    do {
      server = try MapServer(settings: settings)
    } catch {
      printError("argmap serve: error: \(error.description)")
      throw ExitCode(1)
    }
    if !["127.0.0.1", "localhost", "::1"].contains(host) {
      printError(
        "argmap serve: warning: listening on \(host): anyone who can reach this address can "
          + "read and change the maps in \(folder)")
    }
    let finished = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task {
      do {
        try await server.run { address in
          try? printOutput("ArgMap editor: \(address)\n")
        }
      } catch {
        failure.set("\(error)")
      }
      finished.signal()
    }
    finished.wait()
    if let message = failure.message {
      printError("argmap serve: error: \(message)")
      throw ExitCode(1)
    }
  }
}

/// The error a server ended with, handed from its task to the waiting command.
private final class FailureBox: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var stored: String?

  var message: String? {
    lock.wait()
    defer { lock.signal() }
    return stored
  }

  func set(_ text: String) {
    lock.wait()
    stored = text
    lock.signal()
  }
}
