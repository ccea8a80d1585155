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

  /// How much of an input is read before the rest: enough to tell a binary file from text.
  ///
  /// Every format ArgMap reads (`.argmap`, Markdown notes, JSON, AIF, Argdown, Kialo text) is
  /// UTF-8 text without NUL bytes, so a NUL or a byte that is not UTF-8 in this first block means
  /// the input is not one of them, and it is refused before the rest is read: a sparse 1 GiB
  /// file of NUL bytes took minutes and gigabytes to be told "NUL byte at 1:1".
  package static let firstBlockSize = 1 << 16

  /// Reads `path`, or standard input for `-`.
  ///
  /// - Throws: `FileError.unreadable` with a message naming the file (missing, a directory,
  ///   unreadable, too large), or `FileError.binary` when the first block has a NUL byte or is
  ///   not UTF-8.
  package static func read(_ path: String) throws(FileError) -> InputFile {
    if path == "-" {
      let bytes = try readAll(from: STDIN_FILENO, name: "<stdin>", expectedSize: nil)
      return InputFile(path: path, displayName: "<stdin>", bytes: bytes)
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
    let size = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    let bytes = try readAll(from: descriptor, name: path, expectedSize: size)
    return InputFile(path: path, displayName: path, bytes: bytes)
  }

  /// Reads a descriptor to its end, refusing a binary first block before reading on.
  ///
  /// Reads to the end rather than trusting the size: a pipe or a growing file has none.
  private static func readAll(
    from descriptor: Int32, name: String, expectedSize: Int?
  ) throws(FileError) -> [UInt8] {
    let tooLarge = name == "<stdin>" ? "input is larger than 1 GiB" : "is larger than 1 GiB"
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: firstBlockSize)
    var checked = false
    var atEnd = false
    while !atEnd && bytes.count <= maximumSize {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(name, "cannot be read")
      }
      atEnd = count == 0
      bytes.append(contentsOf: chunk[..<count])
      if !checked && (atEnd || bytes.count >= firstBlockSize) {
        checked = true
        let block = bytes.prefix(firstBlockSize)
        if let problem = BinaryCheck.firstProblem(in: block, isWhole: atEnd) {
          throw .binary(name, line: problem.line, column: problem.column, problem.reason)
        }
        // Grow once to the expected size, now that the input looks like text.
        if let expectedSize { bytes.reserveCapacity(min(expectedSize, maximumSize) + 1) }
      }
    }
    guard bytes.count <= maximumSize else { throw .unreadable(name, tooLarge) }
    return bytes
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
  /// An input that is not text: its name, the 1-based line and column (in Unicode scalars, as
  /// diagnostics count them) of the first NUL or non-UTF-8 byte, and what is wrong.
  case binary(String, line: Int, column: Int, String)

  /// The file's name as messages give it (`<stdin>` for standard input).
  package var path: String {
    switch self {
    case .unreadable(let path, _), .unwritable(let path, _), .binary(let path, _, _, _): path
    }
  }

  /// Why, without the path: the system's reason or what is wrong with the input.
  package var reason: String {
    switch self {
    case .unreadable(_, let reason), .unwritable(_, let reason), .binary(_, _, _, let reason):
      reason
    }
  }

  package var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): error: \(reason)"
    case .unwritable(let path, let reason): "\(path): error: cannot write: \(reason)"
    case .binary(let path, let line, let column, let reason):
      "\(path):\(line):\(column): error: \(reason)"
    }
  }
}
