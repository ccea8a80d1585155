import Foundation

/// A file the user named on the command line, read whole: `-` is standard input.
package struct InputFile {
  /// The path as the user named it (`-` for standard input).
  package let path: String
  /// The name shown in diagnostics (`<stdin>` for `-`).
  package let displayName: String
  /// The whole content.
  package let bytes: [UInt8]

  /// Inputs larger than this are refused rather than read: nobody writes a 1 GiB argument map.
  package static let maximumSize = 1 << 30

  /// Reads `path`, or standard input for `-`.
  ///
  /// - Throws: `FileError.unreadable` with a message naming the file (missing, a directory,
  ///   unreadable, too large).
  package static func read(_ path: String) throws(FileError) -> InputFile {
    if path == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      guard data.count <= maximumSize else {
        throw .unreadable("<stdin>", "input is larger than 1 GiB")
      }
      return InputFile(path: path, displayName: "<stdin>", bytes: [UInt8](data))
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let missing = errno == ENOENT || errno == ENOTDIR
      throw .unreadable(path, missing ? "no such file" : "cannot be opened for reading")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .unreadable(path, "cannot be read") }
    guard status.st_mode & S_IFMT != S_IFDIR else {
      throw .unreadable(path, "is a directory, not a file")
    }
    if status.st_mode & S_IFMT == S_IFREG, status.st_size > maximumSize {
      throw .unreadable(path, "is larger than 1 GiB")
    }
    // Read to the end rather than trusting the size: a pipe or a growing file has none.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(Int(status.st_size), maximumSize) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= maximumSize {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path, "cannot be read")
      }
      bytes.append(contentsOf: chunk[..<count])
    }
    guard bytes.count <= maximumSize else { throw .unreadable(path, "is larger than 1 GiB") }
    return InputFile(path: path, displayName: path, bytes: bytes)
  }
}

extension InputFile {
  /// Reads the input of each item in turn and hands it to `body`; an input that cannot be read
  /// goes to `unreadable` instead, and the loop goes on with the next item, so that one bad file
  /// never stops a batch.
  ///
  /// - Parameters:
  ///   - items: The items to process, in order.
  ///   - path: The path of an item's input (`-`: standard input), asked just before it is read.
  ///   - unreadable: Reports an input that cannot be read.
  ///   - body: Processes one input; returns false when the item failed.
  /// - Returns: True when every input was read and `body` returned true for each.
  package static func readEach<Item>(
    _ items: some Sequence<Item>, path: (Item) -> String,
    unreadable: (Item, FileError) throws -> Void, _ body: (Item, InputFile) throws -> Bool
  ) rethrows -> Bool {
    var succeeded = true
    for item in items {
      let itemPath = path(item)
      let input: InputFile
      do {
        input = try read(itemPath)
      } catch {
        try unreadable(item, error)
        succeeded = false
        continue
      }
      succeeded = try body(item, input) && succeeded
    }
    return succeeded
  }
}

/// A file that could not be read or written, with the system's reason, as opposed to problems in
/// what a file says.
package enum FileError: Error, CustomStringConvertible {
  case unreadable(String, String)
  case unwritable(String, String)

  package var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): error: \(reason)"
    case .unwritable(let path, let reason): "\(path): error: cannot write: \(reason)"
    }
  }
}
