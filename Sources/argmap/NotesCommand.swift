import ArgumentMapGraphviz
import ArgumentParser
import Foundation
import LessonNotes

/// `argmap notes INPUT.md... [-o OUTDIR] [--to markdown|html]`: lesson notes with their
/// `argmap` blocks drawn.
struct NotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notes",
    abstract: "Draw the argmap blocks of Markdown lesson notes into Markdown or an HTML page.",
    discussion: """
      Each fenced block whose info string is 'argmap' holds a map or 'map: PATH' with options \
      (see docs/lesson-notes.md). Markdown output keeps every other byte of the notes; HTML \
      output is one offline page. With -o the outputs go to OUTDIR (figures beside them, a cache \
      in OUTDIR/.argmap-cache); without it one input goes to standard output. A notes file is \
      only rewritten with --in-place. An error in a block fails the run (exit 1) and nothing of \
      that file is written, unless --keep-going. --copy student leaves out the parts between \
      '<!-- teacher -->' and '<!-- /teacher -->' lines and every answer, and names its outputs \
      NAME-student.md or NAME-student.html.
      """)

  /// The output formats.
  enum Target: String, CaseIterable, ExpressibleByArgument {
    case markdown, html
  }

  @Argument(help: "The Markdown notes files ('-' reads standard input).")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The folder to write the outputs to.")
  var output: String?

  // `--format` too, as every other command names its output so.
  @Option(
    name: [.customLong("to"), .customLong("format")],
    help: "The output: Markdown notes or one HTML page.")
  var target: Target = .markdown

  @Option(
    help: ArgumentHelp(
      "The teacher's copy (everything, the default) or the students' copy.",
      discussion: """
        The students' copy leaves out the teacher's parts (from a '<!-- teacher -->' line to a \
        '<!-- /teacher -->' line), draws every block as if it said 'answers: no' and draws no \
        factual flags; in a folder its outputs are NAME-student.md or NAME-student.html, so \
        both copies can be built into one folder.
        """,
      valueName: "teacher|student"))
  var copy: NotesCopy = .teacher

  @ArgumentParser.Flag(help: "Put the SVG inside the Markdown instead of beside it.")
  var inline = false

  @ArgumentParser.Flag(help: "Write SVG files beside the Markdown and link them (default with -o).")
  var files = false

  @ArgumentParser.Flag(help: "Rewrite the notes files themselves (Markdown only), atomically.")
  var inPlace = false

  @ArgumentParser.Flag(help: "Write outputs even when blocks have errors, and exit 0.")
  var keepGoing = false

  @ArgumentParser.Flag(help: "Keep running and rebuild when a notes or map file changes.")
  var watch = false

  @Option(help: "The folder map references must stay in (default: the repository).")
  var root: String?

  @Option(help: "The cache folder (default: .argmap-cache beside the outputs).")
  var cacheDir: String?

  @ArgumentParser.Flag(help: "Draw every block afresh and keep no cache.")
  var noCache = false

  @Option(help: ArgumentHelp("Milliseconds between checks in --watch.", visibility: .hidden))
  var pollInterval: Int = 500

  @Option(
    name: .shortAndLong,
    help: "Worker processes for a batch of notes files (default: one per processor).")
  var jobs: Int?

  @ArgumentParser.Flag(
    help: ArgumentHelp("Show no progress line (for workers).", visibility: .hidden))
  var noProgress = false

  @OptionGroup var drawingLimits: DrawingLimits

  /// The options a worker process repeats (everything but the inputs and --jobs).
  var workerArguments: [String] {
    var arguments = [
      "--to", target.rawValue, "--copy", copy.rawValue, "--jobs", "1", "--no-progress",
    ]
    // `--option=value`, so that a folder whose name starts with '-' stays a value.
    if let output { arguments.append("--output=\(output)") }
    if inline { arguments.append("--inline") }
    if files { arguments.append("--files") }
    if inPlace { arguments.append("--in-place") }
    if keepGoing { arguments.append("--keep-going") }
    if let root { arguments.append("--root=\(root)") }
    if let cacheDir { arguments.append("--cache-dir=\(cacheDir)") }
    if noCache { arguments.append("--no-cache") }
    arguments += ["--max-nodes", String(drawingLimits.maxNodes)]
    arguments += ["--timeout", String(drawingLimits.timeout)]
    return arguments
  }

  func validate() throws {
    if inline && files { throw ValidationError("Choose one of --inline and --files.") }
    if inPlace && output != nil {
      throw ValidationError("--in-place writes beside the inputs; drop -o.")
    }
    if inPlace && copy == .student {
      throw ValidationError(
        "--in-place would rewrite the notes without the teacher's parts; use -o OUTDIR for the students' copy."
      )
    }
    if inPlace && target == .html {
      throw ValidationError("--in-place rewrites Markdown notes; use -o OUTDIR for HTML.")
    }
    if inPlace && inputs.contains("-") {
      throw ValidationError("--in-place cannot rewrite standard input.")
    }
    if output == nil && !inPlace {
      if inputs.count != 1 {
        throw ValidationError("Several notes files need -o OUTDIR (or --in-place).")
      }
      if files { throw ValidationError("--files writes SVG files; give -o OUTDIR.") }
      if watch { throw ValidationError("--watch needs -o OUTDIR or --in-place.") }
    }
    if watch && inputs.contains("-") {
      throw ValidationError("--watch cannot watch standard input.")
    }
    if let jobs, !(1...64).contains(jobs) {
      throw ValidationError("--jobs must be between 1 and 64.")
    }
    guard (10...60_000).contains(pollInterval) else {
      throw ValidationError("--poll-interval must be between 10 and 60000.")
    }
  }

  func run() throws {
    Graphviz.captureStandardError()
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let embedding: NotesOptions.Embedding =
      !inline && (files || output != nil || inPlace) ? .files : .inline
    let options = NotesOptions(
      target: target == .html ? .html : .markdown(embedding), root: root,
      cacheSalt: NotesBatch.fingerprint(ofExecutable: executable), keepsGoing: keepGoing || watch,
      renderLimits: drawingLimits.limits(), copy: copy)
    var batch: NotesBatch
    do {
      batch = try NotesBatch(
        inputs: inputs, outputFolder: output, inPlace: inPlace,
        cache: noCache ? .none : cacheDir.map { .named($0) } ?? .besideOutputs, options: options)
    } catch {
      throw ValidationError(error.description)
    }
    let limits = drawingLimits
    batch.drawingGuard = { file, draw in limits.timed(file, draw) }
    let workers = watch ? 1 : (jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    let onTerminal = isatty(STDERR_FILENO) == 1 && !noProgress
    if let status = batch.buildInWorkers(
      workers, executable: executable, arguments: ["notes"] + workerArguments)
    {
      if onTerminal {
        printError("argmap notes: \(inputs.count) files drawn by \(workers) worker processes")
      }
      // Workers get --keep-going when this run has it, so a worker fails only for what
      // --keep-going does not forgive (an output not written, a crash).
      if status != 0 { throw ExitCode(status) }
      return
    }
    let result = batch.build(progress: onTerminal)
    guard watch else {
      if result.hasWriteErrors || result.hasUnreadableInputs || (result.hasErrors && !keepGoing) {
        throw ExitCode(1)
      }
      return
    }
    SignalFlag.install()
    batch.watch(result.dependencies, pollInterval: pollInterval) { SignalFlag.isRaised }
  }
}

extension NotesCopy: ExpressibleByArgument {}
