import ArgumentAnalysis
import ArgumentMapGraphviz
import ArgumentParser

/// The options of `argmap render` as plain values: what `RenderCommand` parses, and what the
/// quick reading of a plain call gives without ArgumentParser.
struct RenderOptions: Equatable {
  var files: [String] = []
  var output: String?
  var outputDir: String?
  var format: OutputFormat?
  var view: RenderCommand.View = .map
  var blank: BlankSelection?
  var scope: String?
  var interpretations: String?
  var layout: String?
  var maxNodes = RenderLimits.defaultMaximumNodes
  var timeout: Double?
  var overlay: RenderCommand.Overlay?
  var semantics: Semantics = .gradual(.dfQuAD)
  var legend = false
  var reasoning = true
  var idPrefix = "argmap"
  var xmlDeclaration = true
  var lineWidth = 28
}

extension RenderOptions {
  /// Reads the arguments after `render` when they are a plain call: files and `--name value`,
  /// `--name=value` or `-o value` options, each given once, with values that do not start with
  /// `-`. Anything else (help, `--`, standard input, an unknown option, a value that does not
  /// convert) gives `nil`, and ArgumentParser reads the call instead, with its messages.
  ///
  /// ArgumentParser finds a command's options by reflection, whose type lookups scan every
  /// protocol conformance in the program: about 2 ms of a 25 ms drawing of a small map. Its
  /// reading stays the definition; a test checks that this one agrees with it or declines.
  init?(quickParsing arguments: some Sequence<String>) {
    self.init()
    var seen: Set<String> = []
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      guard argument.hasPrefix("-") else {
        files.append(argument)
        continue
      }
      let name: String
      var value: String?
      if argument == "-o" {
        name = "output"
      } else if argument.hasPrefix("--"), argument.count > 2 {
        let text = argument.dropFirst(2)
        if let equals = text.firstIndex(of: "=") {
          name = String(text[..<equals])
          value = String(text[text.index(after: equals)...])
        } else {
          name = String(text)
        }
      } else {
        return nil
      }
      if let option = setFlag(name) {
        guard value == nil, seen.insert(option).inserted else { return nil }
        continue
      }
      guard seen.insert(name).inserted else { return nil }
      if value == nil { value = iterator.next() }
      guard let value, !value.isEmpty, !value.hasPrefix("-"), set(name, to: value) else {
        return nil
      }
    }
  }

  /// Sets the flag `name` and returns the option it belongs to (a flag and its `--no-` form are
  /// one option); `nil` when `name` is no flag.
  private mutating func setFlag(_ name: String) -> String? {
    switch name {
    case "legend": legend = true
    case "reasoning", "no-reasoning": reasoning = name == "reasoning"
    case "xml-declaration", "no-xml-declaration": xmlDeclaration = name == "xml-declaration"
    default: return nil
    }
    return name.hasPrefix("no-") ? String(name.dropFirst(3)) : name
  }

  /// Sets the option `name` from `value`, converted as ArgumentParser converts it
  /// (`ExpressibleByArgument`); false when there is no such option or the value does not convert.
  private mutating func set(_ name: String, to value: String) -> Bool {
    switch name {
    case "output": output = value
    case "output-dir": outputDir = value
    case "format": return Self.converted(value, into: &format)
    case "view": return Self.converted(value, into: &view)
    case "blank": return Self.converted(value, into: &blank)
    case "scope": scope = value
    case "interpretations": interpretations = value
    case "layout": layout = value
    case "max-nodes": return Self.converted(value, into: &maxNodes)
    case "timeout": return Self.converted(value, into: &timeout)
    case "overlay": return Self.converted(value, into: &overlay)
    case "semantics": return Self.converted(value, into: &semantics)
    case "id-prefix": idPrefix = value
    case "line-width": return Self.converted(value, into: &lineWidth)
    default: return false
    }
    return true
  }

  private static func converted<Value: ExpressibleByArgument>(
    _ text: String, into value: inout Value
  ) -> Bool {
    guard let converted = Value(argument: text) else { return false }
    value = converted
    return true
  }

  private static func converted<Value: ExpressibleByArgument>(
    _ text: String, into value: inout Value?
  ) -> Bool {
    guard let converted = Value(argument: text) else { return false }
    value = converted
    return true
  }
}
