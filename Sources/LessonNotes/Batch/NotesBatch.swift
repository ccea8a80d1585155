import ArgumentMap
import AtomicFiles
import Foundation

/// The notes files of one `argmap notes` run and where each output goes, checked before anything
/// is drawn; and the build that draws, reports and writes them, alone or split over worker
/// processes.
///
/// It lives in the library rather than in the command so that the command only reads its flags.
/// Messages go to standard error and outputs named `-` to standard output, as a command's do.
package struct NotesBatch {
  /// One notes file and where its output and figures go.
  package struct Entry: Equatable {
    package var inputPath: String
    /// The output file, or `-` for standard output.
    package var outputPath: String
    package var figureFolder: String
    package var figureStem: String
  }

  /// Where the cache of drawn figures is kept.
  package enum CacheFolder: Equatable {
    /// No cache: every block is drawn afresh.
    case none
    /// `.argmap-cache` beside the outputs (in the output folder, or beside the first notes file
    /// rewritten in place); none when the output is standard output.
    case besideOutputs
    /// A folder the user named.
    case named(String)
  }

  /// What a build produced, for the exit status and the watch loop.
  package struct Result {
    /// Whether a notes file or a block had errors, or an output could not be written.
    package var hasErrors = false
    /// Whether an output (a file, a figure, standard output) could not be written: a failure
    /// even with `--keep-going`, which forgives errors in blocks, not lost outputs.
    package var hasWriteErrors = false
    /// Whether a notes file could not be read (missing, a folder, binary): a failure even with
    /// `--keep-going`, since nothing of that file was processed.
    package var hasUnreadableInputs = false
    /// The notes files and the map files they refer to.
    package var dependencies: [String] = []
    /// The outputs put in place (an unchanged one is left alone and not listed), for `--watch`
    /// to tell its own writes from a user's.
    package var written: [String] = []
  }

  package private(set) var entries: [Entry] = []
  package private(set) var options: NotesOptions
  /// Runs the drawing of one notes file (its path, then the work), for a time limit: `argmap
  /// notes` ends the process when one file's diagrams take too long. It wraps the drawing only,
  /// never a write: outputs are staged afterwards and put in place together at the end, so a
  /// run ended here leaves every output as it was.
  package var drawingGuard: (String, () -> NotesReport) -> NotesReport = { $1() }

  /// Below this many notes files per worker, one process does the batch alone.
  package static let filesPerWorker = 8

  /// Plans the outputs of `inputs`: into `outputFolder` (`NAME.md` or `NAME.html`, figures beside
  /// them), over the inputs themselves with `inPlace`, else to standard output.
  ///
  /// - Parameters:
  ///   - inputs: The notes files, in order; `-` reads standard input (its output in a folder is
  ///     named `notes`).
  ///   - outputFolder: The folder outputs go to, or `nil` for standard output or `inPlace`.
  ///   - inPlace: Whether each output replaces its notes file, figures beside it.
  ///   - cache: Where the cache of drawn figures is kept.
  ///   - options: The notes options; its `cacheFolder` is replaced as `cache` says, and its
  ///     `copy` names the outputs (`NAME-student.html` for the students' copy).
  /// - Throws: `NotesBatchError` when two inputs would write one output, an output would
  ///   overwrite its input, `outputFolder` is a file, or a students' copy would replace its
  ///   notes file.
  package init(
    inputs: [String], outputFolder: String?, inPlace: Bool, cache: CacheFolder,
    options: NotesOptions
  ) throws(NotesBatchError) {
    self.options = options
    switch cache {
    case .none: self.options.cacheFolder = nil
    case .named(let folder): self.options.cacheFolder = folder
    case .besideOutputs:
      if let outputFolder {
        self.options.cacheFolder = (outputFolder as NSString).appendingPathComponent(
          ".argmap-cache")
      } else if inPlace, let first = inputs.first {
        let folder = (first as NSString).deletingLastPathComponent
        self.options.cacheFolder = ((folder.isEmpty ? "." : folder) as NSString)
          .appendingPathComponent(".argmap-cache")
      } else {
        self.options.cacheFolder = nil
      }
    }
    let fileExtension: String
    switch options.target {
    case .html: fileExtension = "html"
    case .markdown: fileExtension = "md"
    }
    var claimed: [String: String] = [:]
    if inPlace, options.copy == .student { throw .studentCopyInPlace }
    for input in inputs {
      // The students' copy is named apart (`lesson-student.html`, `lesson-student-1.svg`), so
      // both copies can share a folder.
      let stem = (input == "-" ? "notes" : Self.stem(input)) + options.copy.fileSuffix
      if inPlace {
        // Figures go beside the file rewritten: a notes file reached through a symbolic link
        // is rewritten where it really is, and its figures must be there for its links to work.
        let folder = (AtomicFile.destination(of: input) as NSString).deletingLastPathComponent
        entries.append(
          Entry(
            inputPath: input, outputPath: input, figureFolder: folder.isEmpty ? "." : folder,
            figureStem: stem))
      } else if let outputFolder {
        let path = (outputFolder as NSString).appendingPathComponent("\(stem).\(fileExtension)")
        if let other = claimed[path] { throw .sameOutput(input, other, path) }
        claimed[path] = input
        if input != "-", Self.samePath(input, path) { throw .overwritesInput(input) }
        // Beside the output where it really is (an existing output may be a symbolic link).
        let destination = AtomicFile.destination(of: path)
        let figureFolder =
          destination == path ? outputFolder : (destination as NSString).deletingLastPathComponent
        entries.append(
          Entry(
            inputPath: input, outputPath: path, figureFolder: figureFolder, figureStem: stem))
      } else {
        entries.append(
          Entry(inputPath: input, outputPath: "-", figureFolder: ".", figureStem: stem))
      }
    }
    if let outputFolder {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw .outputFolderIsFile(outputFolder)
      }
    }
  }

  /// Processes the batch in `workers` child processes, each with a share of the files (libgvc is
  /// not thread-safe, so parallel drawing takes processes). Returns the highest exit status of
  /// the workers, or `nil` when the batch is too small to split or goes to standard output.
  ///
  /// Each worker prints its own diagnostics and writes its own files; the cache folder is shared
  /// safely, since entries are put in place by rename.
  ///
  /// - Parameters:
  ///   - workers: The most worker processes to start; fewer, so that each gets at least
  ///     `filesPerWorker` files.
  ///   - executable: The program to start, usually the running one (`Bundle.main.executableURL`).
  ///   - arguments: The arguments that make `executable` build a share of this batch alone; `--`
  ///     and the share's notes files are added after them.
  /// - Returns: The highest exit status of the workers (0 when all succeeded, 1 when one could
  ///   not be started), or `nil` when the caller should build the batch itself.
  package func buildInWorkers(_ workers: Int, executable: URL, arguments: [String]) -> Int32? {
    let count = min(workers, entries.count / Self.filesPerWorker)
    guard count > 1, !entries.contains(where: { $0.outputPath == "-" }) else { return nil }
    var processes: [Process] = []
    for worker in 0..<count {
      let share = stride(from: worker, to: entries.count, by: count).map { entries[$0].inputPath }
      let process = Process()
      process.executableURL = executable
      process.arguments = arguments + ["--"] + share
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
  ///
  /// - Parameter showsProgress: Whether to keep a progress line on standard error (a terminal)
  ///   and end a batch of several files with a summary.
  /// - Returns: Whether any file had errors, and every file read (notes and maps), for the exit
  ///   status and for `--watch` to know what to watch.
  package func build(progress showsProgress: Bool) -> Result {
    var result = Result()
    var drawn = 0
    var cached = 0
    // Outputs are staged as they are made and put in place together after one flush.
    var batch = AtomicBatch()
    var standardOutput: [[UInt8]] = []
    let readable = InputFile.readEach(
      entries.enumerated(),
      path: { item in
        let (position, entry) = item
        if showsProgress {
          printError(
            "\r\u{1B}[2K[\(position + 1)/\(entries.count)] \(entry.inputPath): \(drawn) drawn, \(cached) cached",
            terminator: "")
        }
        result.dependencies.append(entry.inputPath)
        return entry.inputPath
      },
      unreadable: { _, error in
        if showsProgress { printError("\r\u{1B}[2K", terminator: "") }
        printError(error.description)
        result.hasUnreadableInputs = true
      }
    ) { item, input in
      let (position, entry) = item
      let job = NotesJob(
        inputPath: input.displayName == "<stdin>" ? "<stdin>" : entry.inputPath,
        bytes: input.bytes, outputPath: entry.outputPath, figureFolder: entry.figureFolder,
        figureStem: entry.figureStem)
      let label = "[\(position + 1)/\(entries.count)] \(entry.inputPath)"
      var progress: (@Sendable (Int, Int) -> Void)?
      if showsProgress {
        progress = { done, total in
          printError("\r\u{1B}[2K\(label): block \(done) of \(total)", terminator: "")
        }
      }
      let report = drawingGuard(entry.inputPath) {
        NotesProcessor.process(job, options: options, progress: progress)
      }
      drawn += report.renderedCount
      cached += report.cachedCount
      result.dependencies += report.dependencies.dropFirst()
      if showsProgress { printError("\r\u{1B}[2K", terminator: "") }
      Self.printDiagnostics(report.diagnostics)
      var succeeded = !report.hasErrors
      if report.outputs.isEmpty { return succeeded }
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
        do throws(FileError) {
          try batch.stage(file.bytes, to: file.path)
          result.written.append(file.path)
        } catch {
          printError(error.description)
          result.hasWriteErrors = true
          succeeded = false
        }
      }
      return succeeded
    }
    if !readable { result.hasErrors = true }
    for error in batch.commit() {
      printError(error.description)
      result.hasErrors = true
      result.hasWriteErrors = true
    }
    do throws(FileError) {
      for bytes in standardOutput { try StandardStreams.writeOutput(bytes) }
    } catch {
      // Reported once (a broken pipe quietly), and the rest is not tried.
      StandardStreams.report(error)
      result.hasErrors = true
      result.hasWriteErrors = true
    }
    if showsProgress && entries.count > 1 {
      printError(
        "argmap notes: \(entries.count) files, \(drawn) diagrams drawn, \(cached) from the cache")
    }
    return result
  }

  /// Rebuilds whenever one of `dependencies` (the notes files and the map files they refer to,
  /// from the first build) changes, checking every `pollInterval` milliseconds, until
  /// `isStopped` says so.
  package func watch(_ dependencies: [String], pollInterval: Int, isStopped: () -> Bool) {
    var watcher = FileWatcher(paths: dependencies)
    printError("argmap notes: watching \(watcher.paths.count) files; Ctrl-C stops")
    watcher.run(pollInterval: pollInterval, isStopped: isStopped) { changed in
      printError("argmap notes: \(changed.joined(separator: ", ")) changed; rebuilding")
      let result = build(progress: false)
      return (result.dependencies, result.written)
    }
    printError("argmap notes: stopped watching")
  }

  /// The size and modification time of `executable`: a rebuilt `argmap` (a new renderer) misses
  /// the cache instead of reusing figures the old one drew. Empty when it cannot be read.
  package static func fingerprint(ofExecutable executable: URL) -> String {
    let path = executable.resolvingSymlinksInPath().path
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      return ""
    }
    let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size)-\(modified)"
  }

  /// A file's name without its folder and its extension (`notes/a.md` → `a`).
  static func stem(_ path: String) -> String {
    let name = (path as NSString).lastPathComponent
    let stem = (name as NSString).deletingPathExtension
    return stem.isEmpty ? name : stem
  }

  /// Whether two paths name one file, symbolic links followed.
  static func samePath(_ lhs: String, _ rhs: String) -> Bool {
    let left = URL(fileURLWithPath: lhs).standardizedFileURL.resolvingSymlinksInPath().path
    let right = URL(fileURLWithPath: rhs).standardizedFileURL.resolvingSymlinksInPath().path
    return left == right
  }

  /// Prints diagnostics of notes and map files in the compiler format, grouped as they came,
  /// coloured only on a terminal.
  static func printDiagnostics(_ diagnostics: [NotesDiagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let colors =
      isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    var text = ""
    for item in diagnostics {
      text += DiagnosticRenderer.text(
        [item.diagnostic], fileName: item.fileName, source: item.source, colors: colors)
    }
    printError(text, terminator: "")
  }
}

/// Why a batch of notes cannot be planned: the user's request, not a notes file, is at fault.
package enum NotesBatchError: Error, Equatable, CustomStringConvertible {
  /// Two inputs (the first, then the other) would write the same output path.
  case sameOutput(String, String, String)
  /// The input would be overwritten by its own output.
  case overwritesInput(String)
  /// The output folder is a file.
  case outputFolderIsFile(String)
  /// The students' copy would replace the notes file, losing the teacher's parts.
  case studentCopyInPlace

  package var description: String {
    switch self {
    case .sameOutput(let input, let other, let path):
      "'\(input)' and '\(other)' would both write '\(path)'; rename one."
    case .overwritesInput(let input):
      "'\(input)' would be overwritten by its output; use --in-place or another -o folder."
    case .outputFolderIsFile(let folder): "-o names a folder; '\(folder)' is a file."
    case .studentCopyInPlace:
      "the students' copy cannot replace the notes file (it leaves out the teacher's parts); use -o OUTDIR."
    }
  }
}

/// Writes to standard error; a failed write makes the program exit with 1 (see
/// `StandardStreams`).
private func printError(_ text: String, terminator: String = "\n") {
  StandardStreams.writeError(text + terminator)
}
