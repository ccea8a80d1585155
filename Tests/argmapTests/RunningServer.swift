import Foundation
import TestSupport

/// A folder of maps for `argmap serve`, and a folder beside it that the server must never
/// reach: the Stalin map, a second map, lesson notes drawing both, one map per hostile payload,
/// and symbolic links that lead out.
struct ServedFolder {
  let base: URL
  var folder: URL { base.appendingPathComponent("maps") }
  var outside: URL { base.appendingPathComponent("outside") }

  init() throws {
    base = try makeTemporaryFolder("argmap-serve")
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    try manager.createDirectory(at: outside, withIntermediateDirectories: true)
    try manager.copyItem(
      at: PackagePaths.url("Graphs/stalin-foreign-policy.argmap"),
      to: folder.appendingPathComponent("stalin.argmap"))
    try manager.copyItem(
      at: PackagePaths.url("Graphs/weimar-collapse.argmap"),
      to: folder.appendingPathComponent("second.argmap"))
    try ServedFolder.lessonNotes.write(
      to: folder.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
    for (number, payload) in HostileText.corpus.enumerated() {
      try HostileText.mapSource(payload).write(
        to: folder.appendingPathComponent(String(format: "hostile-%03d.argmap", number)),
        atomically: true, encoding: .utf8)
    }
    try "claim secret: a map outside the served folder\n".write(
      to: outside.appendingPathComponent("secret.argmap"), atomically: true, encoding: .utf8)
    try "# Notes outside the served folder\n".write(
      to: outside.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    try manager.createSymbolicLink(
      at: folder.appendingPathComponent("link-out.argmap"),
      withDestinationURL: outside.appendingPathComponent("secret.argmap"))
    try manager.createSymbolicLink(
      at: folder.appendingPathComponent("folder-out"), withDestinationURL: outside)
    try "claim hidden: a hidden map\n".write(
      to: folder.appendingPathComponent(".hidden.argmap"), atomically: true, encoding: .utf8)
  }

  func remove() { try? FileManager.default.removeItem(at: base) }

  /// Lesson notes with two diagrams, one of each map, and a script in the Markdown that must
  /// not run.
  static let lessonNotes = """
    # Lesson: Stalin's foreign policy

    Read the two maps, then answer the questions.

    <script>window.__pwned=1;console.log('PWNED')</script>

    ```argmap
    map: stalin.argmap
    view: overview
    caption: The essay's argument at a glance
    ```

    ```argmap
    map: second.argmap
    view: overview
    caption: Why the Weimar Republic fell
    ```

    """
}

/// `argmap serve` running as its own process on a free port, stopped with SIGTERM when done.
final class RunningServer {
  let process: Process
  let port: Int
  let address: String
  private let errors = Pipe()

  /// Starts the server on `folder` and waits for it to print its address.
  init(folder: URL, extra: [String] = []) throws {
    process = testProcess(
      PackagePaths.argmapExecutable, ["serve", folder.path, "--port", "0"] + extra,
      in: PackagePaths.root)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    var line = Data()
    let reader = output.fileHandleForReading
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = reader.availableData
      if chunk.isEmpty { break }
      line += chunk
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let start = text.range(of: "http://") else {
      process.terminate()
      throw RawHTTPError("argmap serve printed no address: \(text)")
    }
    address = String(text[start.lowerBound...].prefix { !$0.isWhitespace })
    port = Int(address.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0
  }

  /// The server's own origin, as its page sends it.
  var origin: String { "http://127.0.0.1:\(port)" }

  /// A request as the editor's page sends it: the server's Host and Origin.
  func request(
    _ method: String, _ target: String, body: String = "", headers: [String] = []
  ) throws -> RawHTTP.Response {
    let bytes = Array(body.utf8)
    let head =
      ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Origin: \(origin)"]
      + (bytes.isEmpty ? [] : ["Content-Type: application/json", "Content-Length: \(bytes.count)"])
      + headers
    return try RawHTTP.exchange(port: port, head: head.joined(separator: "\r\n"), body: bytes)
  }

  /// Sends `signal` and waits for the process to end; its exit status, or `nil` if it was
  /// still running after `timeout`.
  func stop(with signal: Int32 = SIGTERM, timeout: TimeInterval = 20) -> Int32? {
    guard process.isRunning else { return process.terminationStatus }
    kill(process.processIdentifier, signal)
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    return process.terminationStatus
  }

  /// What the server wrote to standard error so far (after it stopped).
  var standardError: String {
    String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
  }

  deinit {
    if process.isRunning { _ = stop() }
  }
}
