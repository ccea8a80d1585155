import ArgumentMap
import ArgumentParser
import AtomicFiles
import Foundation
import LessonNotes

/// The jobs of one `argmap notes` run, checked before anything is drawn, and how to run them.
struct NotesPlan {
  struct Entry {
    var inputPath: String
    var outputPath: String
    var figureFolder: String
    var figureStem: String
  }

  var entries: [Entry] = []
  var options: NotesOptions

  init(command: NotesCommand) throws {
    let embedding: NotesOptions.Embedding =
      command.inline
      ? .inline
      : (command.files || command.output != nil || command.inPlace)
        ? .files : .inline
    let target: NotesOptions.Target =
      command.target == .html ? .html : .markdown(embedding)
    var cacheFolder: String?
    if !command.noCache {
      if let folder = command.cacheDir {
        cacheFolder = folder
      } else if let output = command.output {
        cacheFolder = (output as NSString).appendingPathComponent(".argmap-cache")
      } else if command.inPlace, let first = command.inputs.first {
        let folder = (first as NSString).deletingLastPathComponent
        cacheFolder = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(
          ".argmap-cache")
      }
    }
    options = NotesOptions(
      target: target, root: command.root, cacheFolder: cacheFolder,
      cacheSalt: Self.executableFingerprint, keepsGoing: command.keepGoing || command.watch,
      renderLimits: command.drawingLimits.limits())
    let fileExtension = command.target == .html ? "html" : "md"
    var claimed: [String: String] = [:]
    for input in command.inputs {
      let stem = input == "-" ? "notes" : Self.stem(input)
      let entry: Entry
      if command.inPlace {
        let folder = (input as NSString).deletingLastPathComponent
        entry = Entry(
          inputPath: input, outputPath: input, figureFolder: folder.isEmpty ? "." : folder,
          figureStem: stem)
      } else if let output = command.output {
        let path = (output as NSString).appendingPathComponent("\(stem).\(fileExtension)")
        if let other = claimed[path] {
          throw ValidationError("'\(input)' and '\(other)' would both write '\(path)'; rename one.")
        }
        claimed[path] = input
        if input != "-", Self.samePath(input, path) {
          throw ValidationError(
            "'\(input)' would be overwritten by its output; use --in-place or another -o folder.")
        }
        entry = Entry(inputPath: input, outputPath: path, figureFolder: output, figureStem: stem)
      } else {
        entry = Entry(inputPath: input, outputPath: "-", figureFolder: ".", figureStem: stem)
      }
      entries.append(entry)
    }
    if let output = command.output {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw ValidationError("-o names a folder; '\(output)' is a file.")
      }
    }
  }

  /// What a build produced, for the exit status and the watch loop.
  struct Result {
    var hasErrors = false
    var dependencies: [String] = []
  }

  /// Below this many notes files per worker, one process does the batch alone.
  static let filesPerWorker = 8

  /// Processes the batch in `workers` child processes of this executable, each with a share of
  /// the files (libgvc is not thread-safe, so parallel rendering takes processes). Returns the
  /// exit status, or `nil` when the batch is too small to split or goes to standard output.
  ///
  /// Each worker prints its own diagnostics and writes its own files; the cache folder is shared
  /// safely, since entries are put in place by rename.
  func buildInWorkers(_ workers: Int, arguments: [String]) -> Int32? {
    let count = min(workers, entries.count / Self.filesPerWorker)
    guard count > 1, !entries.contains(where: { $0.outputPath == "-" }) else { return nil }
    var processes: [Process] = []
    for worker in 0..<count {
      let share = stride(from: worker, to: entries.count, by: count).map { entries[$0].inputPath }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
      if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
      }
      process.arguments = ["notes"] + arguments + ["--"] + share
      do {
        try process.run()
      } catch {
        printError("argmap notes: cannot start a worker: \(error.localizedDescription)")
        for started in processes { started.terminate() }
        return 1
      }
      processes.append(process)
    }
    var status: Int32 = 0
    for process in processes {
      process.waitUntilExit()
      if process.terminationStatus != 0 { status = max(status, process.terminationStatus) }
    }
    return status
  }

  /// Processes every notes file, prints diagnostics, and writes the outputs of the files that
  /// may be written.
  func build(progress showsProgress: Bool) -> Result {
    var result = Result()
    var drawn = 0
    var cached = 0
    // A progress line on a terminal, for batches of files or files with many diagrams.
    let showsLine = showsProgress
    // Outputs are staged as they are made and put in place together after one flush.
    var batch = AtomicBatch()
    var standardOutput: [[UInt8]] = []
    for (position, entry) in entries.enumerated() {
      if showsLine {
        printError(
          "\r\u{1B}[2K[\(position + 1)/\(entries.count)] \(entry.inputPath): \(drawn) drawn, \(cached) cached",
          terminator: "")
      }
      result.dependencies.append(entry.inputPath)
      let input: InputFile
      do {
        input = try InputFile.read(entry.inputPath)
      } catch {
        if showsLine { printError("\r\u{1B}[2K", terminator: "") }
        printError(error.description)
        result.hasErrors = true
        continue
      }
      let job = NotesJob(
        inputPath: input.displayName == "<stdin>" ? "<stdin>" : entry.inputPath,
        bytes: input.bytes, outputPath: entry.outputPath, figureFolder: entry.figureFolder,
        figureStem: entry.figureStem)
      let label = "[\(position + 1)/\(entries.count)] \(entry.inputPath)"
      var progress: (@Sendable (Int, Int) -> Void)?
      if showsLine {
        progress = { done, total in
          printError("\r\u{1B}[2K\(label): block \(done) of \(total)", terminator: "")
        }
      }
      let report = NotesProcessor.process(job, options: options, progress: progress)
      drawn += report.renderedCount
      cached += report.cachedCount
      result.dependencies += report.dependencies.dropFirst()
      if showsLine { printError("\r\u{1B}[2K", terminator: "") }
      printNotesDiagnostics(report.diagnostics)
      if report.hasErrors { result.hasErrors = true }
      if report.outputs.isEmpty { continue }
      if entry.outputPath != "-", !FileManager.default.fileExists(atPath: entry.figureFolder) {
        try? FileManager.default.createDirectory(
          atPath: entry.figureFolder, withIntermediateDirectories: true)
      }
      for file in report.outputs {
        if file.path == "-" {
          standardOutput.append(file.bytes)
          continue
        }
        // An unchanged file is left alone, so watchers and build tools see no change.
        if let existing = FileManager.default.contents(atPath: file.path),
          [UInt8](existing) == file.bytes
        {
          continue
        }
        do {
          try batch.stage(file.bytes, to: file.path)
        } catch {
          printError(error.description)
          result.hasErrors = true
        }
      }
    }
    for error in batch.commit() {
      printError(error.description)
      result.hasErrors = true
    }
    for bytes in standardOutput {
      FileHandle.standardOutput.write(Data(bytes))
    }
    if showsProgress && entries.count > 1 {
      printError(
        "argmap notes: \(entries.count) files, \(drawn) diagrams drawn, \(cached) from the cache")
    }
    return result
  }

  /// The size and modification time of this executable: a rebuilt `argmap` (a new renderer)
  /// misses the cache instead of reusing figures the old one drew.
  static var executableFingerprint: String {
    let path =
      FileManager.default.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : CommandLine.arguments[0]
    let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else {
      return ""
    }
    let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size)-\(modified)"
  }

  static func stem(_ path: String) -> String {
    let name = (path as NSString).lastPathComponent
    let stem = (name as NSString).deletingPathExtension
    return stem.isEmpty ? name : stem
  }

  static func samePath(_ lhs: String, _ rhs: String) -> Bool {
    let left = URL(fileURLWithPath: lhs).standardizedFileURL.resolvingSymlinksInPath().path
    let right = URL(fileURLWithPath: rhs).standardizedFileURL.resolvingSymlinksInPath().path
    return left == right
  }
}

/// Prints diagnostics of notes and map files in the compiler format, grouped as they came.
func printNotesDiagnostics(_ diagnostics: [NotesDiagnostic]) {
  guard !diagnostics.isEmpty else { return }
  let colors = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  var text = ""
  for item in diagnostics {
    text += DiagnosticRenderer.text(
      [item.diagnostic], fileName: item.fileName, source: item.source, colors: colors)
  }
  printError(text, terminator: "")
}
