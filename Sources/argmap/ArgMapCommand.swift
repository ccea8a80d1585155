import ArgumentParser

@main
struct ArgMapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "argmap",
    abstract: "Write, check and draw argument maps.",
    subcommands: []
  )
}
