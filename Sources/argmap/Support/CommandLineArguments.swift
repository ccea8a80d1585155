import Foundation

/// What `argmap` does to its arguments before ArgumentParser reads them, and the hint it adds
/// to a usage error about a file whose name starts with `-`.
///
/// Help is asked for with `--help`, or `-h` standing alone. ArgumentParser's own `-h` would also
/// be found inside a group of short flags, so that a file named `-dash.argmap` (read as
/// `-d -a -s -h ...`) printed help and exited 0 without checking anything, in `argmap check
/// *.argmap` as anywhere. So the commands declare `--help` only, and a lone `-h` before `--` is
/// spelled out here; `-dash.argmap` is then an unknown option, a usage error (exit 64) with a
/// hint to name the file after `--`.
enum CommandLineArguments {
  /// `arguments` with each `-h` standing alone before `--` read as `--help`.
  static func spellingOutHelp(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var isAfterTerminator = false
    for argument in arguments {
      if argument == "--" { isAfterTerminator = true }
      result.append(!isAfterTerminator && argument == "-h" ? "--help" : argument)
    }
    return result
  }

  /// The hint for a usage error when an argument before `--` that starts with `-` names an
  /// existing file, or may have been meant as one (an unknown option, or files missing while
  /// something starts with `-`); `nil` otherwise.
  ///
  /// - Parameters:
  ///   - arguments: The arguments as given, without the program's name.
  ///   - message: ArgumentParser's message for the error.
  /// - Returns: The hint, a line starting with `Hint:`, or `nil`.
  static func dashHint(_ arguments: [String], message: String) -> String? {
    let terminator = arguments.firstIndex(of: "--") ?? arguments.endIndex
    let files = arguments[..<terminator].filter { argument in
      argument.count > 1 && argument.hasPrefix("-")
        && FileManager.default.fileExists(atPath: argument)
    }
    if !files.isEmpty {
      var example = arguments.filter { !files.contains($0) }
      if let index = example.firstIndex(of: "--") {
        example.insert(contentsOf: files, at: index + 1)
      } else {
        example += ["--"] + files
      }
      let names = files.map { "'\($0)'" }.joined(separator: ", ")
      return """
        Hint: \(names) \(files.count == 1 ? "is a file" : "are files"), but a leading '-' is read \
        as an option; name files after '--': \
        argmap \(example.map(shellQuoted).joined(separator: " "))
        """
    }
    let startsWithDash = arguments[..<terminator].contains { $0.count > 1 && $0.hasPrefix("-") }
    guard
      startsWithDash
        && (message.contains("Unknown option") || message.contains("Missing expected argument"))
    else { return nil }
    // `--frmat`: a misspelt option, not a file; the hint would lead away from the mistake.
    if let unknown = message.split(separator: "'").dropFirst().first, unknown.hasPrefix("--"),
      unknown.dropFirst(2).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
    {
      return nil
    }
    guard let command = arguments.first, !command.hasPrefix("-") else { return nil }
    return "Hint: to name a file that starts with '-', put it after '--': "
      + "argmap \(shellQuoted(command)) [options] -- -file"
  }

  /// `argument` as a shell reads it back: unchanged when it is plain, else in single quotes.
  static func shellQuoted(_ argument: String) -> String {
    let plain = argument.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || "-_./=,:@+%".unicodeScalars
          .contains(scalar)
    }
    if plain && !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
