import Foundation

/// What a run of the `argmap` binary produced.
public struct ProcessOutput: Sendable {
  /// The exit status.
  public var status: Int32
  /// Standard output as UTF-8 text.
  public var stdout: String
  /// Standard error as UTF-8 text.
  public var stderr: String
  /// Standard output as bytes, for binary formats.
  public var stdoutBytes: [UInt8]
}

/// Runs the real `argmap` executable with `arguments`, feeding `stdin`, in `directory`.
public func runArgmap(
  _ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil
) throws -> ProcessOutput {
  try runProcess(
    PackagePaths.argmapExecutable, arguments, stdin: stdin,
    in: directory ?? PackagePaths.root)
}

/// Runs any executable and collects its output; standard input is written from a second thread
/// so that large inputs and outputs cannot deadlock on full pipes.
public func runProcess(
  _ executable: URL, _ arguments: [String], stdin: [UInt8] = [], in directory: URL
) throws -> ProcessOutput {
  let process = testProcess(executable, arguments, in: directory)
  let input = Pipe()
  let output = Pipe()
  let errors = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let writer = Thread {
    input.fileHandleForWriting.write(Data(stdin))
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let errorData = LockedData()
  let errorReader = Thread {
    errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
  }
  errorReader.start()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !errorData.isSet { Thread.sleep(forTimeInterval: 0.001) }
  return ProcessOutput(
    status: process.terminationStatus,
    stdout: String(decoding: outputData, as: UTF8.self),
    stderr: String(decoding: errorData.value, as: UTF8.self),
    stdoutBytes: [UInt8](outputData))
}

/// A process for `executable` with `arguments`, started in `directory`, with this process's
/// environment and `NO_COLOR` set, so that messages are plain text; its streams are the caller's
/// to set.
public func testProcess(_ executable: URL, _ arguments: [String], in directory: URL) -> Process {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  process.environment = environment
  return process
}

private final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var done = false
  func set(_ value: Data) {
    lock.lock()
    data = value
    done = true
    lock.unlock()
  }
  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return done
  }
  var value: Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
