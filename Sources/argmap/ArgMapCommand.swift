import ArgumentMapGraphviz
import ArgumentParser
import CGraphvizSupport

@main
struct ArgMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "argmap",
    abstract: "Write, check and draw argument maps.",
    subcommands: [
      CheckCommand.self, FmtCommand.self, ExportCommand.self, ImportCommand.self,
      RenderCommand.self, EvaluateCommand.self, CompareCommand.self, TableCommand.self,
      NotesCommand.self, PandocFilterCommand.self,
    ]
  )

  /// The program owns its standard error, so whatever Graphviz writes there directly is captured
  /// into our diagnostics instead of reaching the terminal unformatted.
  ///
  /// A plain call of `render` is read by `RenderOptions(quickParsing:)`, without ArgumentParser's
  /// reflection (about 2 ms, a tenth of drawing a small map). Any other well-formed call of a
  /// subcommand is parsed by that subcommand alone: the parser then builds one command's options
  /// instead of the whole tree (about 3 ms). Anything else, such as help, a usage error or a bad
  /// value, goes the usual way, with ArgumentParser's messages.
  ///
  /// `render` loads Graphviz (plugins, fonts) while the map is read, checked and turned into a
  /// graph on another thread; the program waits for the loading before it ends.
  static func main() {
    Graphviz.captureStandardError()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == RenderCommand.configuration.commandName {
      if let options = RenderOptions(quickParsing: arguments.dropFirst()),
        (try? options.validate()) != nil
      {
        let run: @Sendable () -> (any Error)? = {
          do {
            try options.run()
            return nil
          } catch {
            return error
          }
        }
        let format = options.resolvedFormat
        // Before any thread starts: glibc's small heap steps cost more than a millisecond of
        // address translation flushes when drawing runs on three threads (CGraphvizSupport.h).
        if format != .dot { cgs_use_large_heap_steps() }
        if let error = format == .dot ? run() : MapRenderer.prepare(for: format, while: run) {
          exit(withError: error)
        }
        return
      }
      if let format = RenderCommand.formatToPrepare(arguments: arguments.dropFirst()) {
        MapRenderer.prepare(for: format)
      }
    }
    if let name = arguments.first,
      let subcommand = configuration.subcommands.first(where: {
        $0.configuration.commandName == name
      }),
      var command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
      type(of: command) == subcommand  // not the parser's own help or version command
    {
      do {
        try command.run()
      } catch {
        MapRenderer.finishPreparation()
        exit(withError: error)
      }
      MapRenderer.finishPreparation()
      return
    }
    MapRenderer.finishPreparation()
    main(nil)
  }
}
