import ArgumentMap
import Foundation

/// A file the user named on the command line, read whole: `-` is standard input.
struct InputFile {
  /// The name shown in diagnostics (`<stdin>` for `-`).
  let displayName: String
  let bytes: [UInt8]

  /// Inputs larger than this are refused rather than read: nobody writes a 1 GiB argument map.
  static let maximumSize = 1 << 30

  /// Reads `path`, or standard input for `-`.
  ///
  /// - Throws: `CLIError.unreadable` with a message naming the file (missing, a directory,
  ///   unreadable, too large).
  static func read(_ path: String) throws(CLIError) -> InputFile {
    if path == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      guard data.count <= maximumSize else {
        throw .unreadable("<stdin>", "input is larger than 1 GiB")
      }
      return InputFile(displayName: "<stdin>", bytes: [UInt8](data))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path, "no such file")
    }
    guard !isDirectory.boolValue else { throw .unreadable(path, "is a directory, not a file") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path, "cannot be opened for reading")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      guard let read = try handle.read(upToCount: maximumSize + 1) else {
        return InputFile(displayName: path, bytes: [])
      }
      data = read
    } catch {
      throw .unreadable(path, "cannot be read")
    }
    guard data.count <= maximumSize else { throw .unreadable(path, "is larger than 1 GiB") }
    return InputFile(displayName: path, bytes: [UInt8](data))
  }
}

/// Failures of the command line itself (I/O), as opposed to problems in a map.
enum CLIError: Error, CustomStringConvertible {
  case unreadable(String, String)
  case unwritable(String, String)

  var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): error: \(reason)"
    case .unwritable(let path, let reason): "\(path): error: cannot write: \(reason)"
    }
  }
}
