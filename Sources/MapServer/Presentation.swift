import ArgumentMap
import ArgumentMapGraphviz

/// A map prepared for present mode: the teaching layout split into slides (text at least
/// 20 px on a 1920 × 1080 projector, as `argmap render --page slide` draws it), and the
/// frames that reveal it step by step.
///
/// A map drawn whole and zoomed in step by step would put a sub-aim's twenty successes in one
/// row too wide to read; slides stack them in columns a class can read from the back.
public struct Presentation: Codable, Hashable, Sendable {
  /// Always `presentation`.
  public var type = "presentation"
  /// The slides, each an SVG with what links its elements to the map.
  public var pages: [PresentationPage]
  /// What is shown, in order: every step of `ArgumentMap.presentationSteps` on each slide
  /// that draws its statements.
  public var frames: [PresentationFrame]
  /// Why the map cannot be presented (errors in the text, a drawing problem).
  public var problem: String?
}

/// One slide.
public struct PresentationPage: Codable, Hashable, Sendable {
  /// The slide as SVG.
  public var svg: String
  /// Every element of the slide, with the statements it needs.
  public var elements: [PreviewElement]
  /// Each statement on the slide and the line it is written on.
  public var statements: [PreviewStatement]
}

/// One frame: a slide, a heading, and the statements this frame reveals (added to those of
/// every frame before it).
public struct PresentationFrame: Codable, Hashable, Sendable {
  /// The slide, counted from 0.
  public var page: Int
  /// The heading shown under the slide.
  public var title: String
  /// The statements this frame adds.
  public var revealed: [String]
}

extension LivePreview {
  /// The map of `request.text` as slides and frames, without the key of reasons (the teacher
  /// gives the reasons; the key would give them away).
  public func presentation(_ request: PreviewRequest) -> Presentation {
    var presentation = Presentation(pages: [], frames: [])
    let result = ArgumentMapParser.check(utf8: Array(request.text.utf8))
    guard !result.hasErrors else {
      presentation.problem = "Fix the map's errors to present it."
      return presentation
    }
    let scope = request.scope.flatMap { $0.isEmpty ? nil : NodeID($0) }
    let options = SceneOptions(showsReasoning: false, scope: scope)
    do {
      let scenes = try renderer.pageScenes(
        result.map, view: .argument, options: options, page: .slide)
      for scene in scenes {
        let svg = String(decoding: try renderer.diagram(scene, format: .svg).bytes, as: UTF8.self)
        let index = DiagramIndex(map: result.map, sourceMap: result.sourceMap, scene: scene)
        let drawn = DiagramIndex.elementIDs(in: svg)
        presentation.pages.append(
          PresentationPage(
            svg: svg, elements: index.elements(drawn), statements: index.statements(among: drawn)))
      }
    } catch {
      presentation.problem = error.description
      return presentation
    }
    presentation.frames = Self.frames(
      of: result.map.presentationSteps(scope: scope), pages: presentation.pages)
    return presentation
  }

  /// Each step on the slides that draw its statements: an aim, a sub-aim or the
  /// interpretations on the first (the overview), a side on every slide that holds part of it,
  /// numbered "(1 of 3)".
  static func frames(
    of steps: [PresentationStep], pages: [PresentationPage]
  ) -> [PresentationFrame] {
    let drawn = pages.map { Set($0.statements.map(\.id)) }
    var frames: [PresentationFrame] = []
    for step in steps {
      let ids = step.revealed.map(\.rawValue)
      var onPages = pages.indices.filter { !drawn[$0].isDisjoint(with: ids) }
      if step.part == .anchor { onPages = Array(onPages.prefix(1)) }
      for (number, page) in onPages.enumerated() {
        let title =
          onPages.count > 1 ? "\(step.title) (\(number + 1) of \(onPages.count))" : step.title
        frames.append(
          PresentationFrame(
            page: page, title: title, revealed: ids.filter { drawn[page].contains($0) }))
      }
    }
    return frames
  }
}
