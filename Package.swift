// swift-tools-version: 6.1
import PackageDescription

// Built and tested on Debian 12 (x86_64) with Swift 6 and Graphviz 2.42, as Debian and Ubuntu ship
// it. The code uses only Graphviz's public API and builds against 9.0 and later by reading their
// headers (Sources/CGraphvizSupport/GraphvizVersion.h), but other Linux distributions and macOS
// with Homebrew's Graphviz are untested.
let package = Package(
  name: "ArgMap",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "ArgumentMap", targets: ["ArgumentMap"]),
    .library(name: "ArgumentAnalysis", targets: ["ArgumentAnalysis"]),
    .library(name: "ArgumentInterchange", targets: ["ArgumentInterchange"]),
    .library(name: "ArgumentMapGraphviz", targets: ["ArgumentMapGraphviz"]),
    .library(name: "LessonNotes", targets: ["LessonNotes"]),
    .executable(name: "argmap", targets: ["argmap"]),
    .executable(name: "argmap-pandoc", targets: ["argmap-pandoc"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // `argmap serve`: HTTP and WebSocket on SwiftNIO, without the optional traits (no
    // swift-configuration to build).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    // YAML in Argdown front matter and `{...}` data: libyaml inside, the full YAML 1.1 grammar
    // (block scalars, multi-line flow collections, quoted keys) that a hand-written reader missed.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The model, the `.argmap` parser and printer, JSON, validation, diagnostics. No dependencies.
    .target(name: "ArgumentMap"),
    // Files replaced atomically (a temporary file and a rename, alone or in a batch flushed
    // once), the sweep of temporary files killed runs left, and reading a named input whole.
    .target(name: "AtomicFiles"),
    // Argumentation semantics, comparison of interpretations, success/failure tables.
    .target(name: "ArgumentAnalysis", dependencies: ["ArgumentMap"]),
    // Argdown, AIF and Kialo import/export; ICCMA export.
    .target(name: "ArgumentInterchange", dependencies: ["ArgumentMap", "Yams"]),
    // libgvc/libcgraph from the system (Debian: libgraphviz-dev; Homebrew: graphviz, untested).
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    // What ArgMap adds to libgvc in C, on its public API: a DOT reader that numbers subgraphs in
    // written order (deterministic boxes), and the one switch between Graphviz 2.42 and 9.0+.
    .target(name: "CGraphvizSupport", dependencies: ["CGraphviz"]),
    // librsvg and cairo from the system (Debian: librsvg2-dev, libcairo2-dev): diagrams placed
    // on pages of a fixed size (A4, A3, slides), several pages to one PDF, which Graphviz cannot.
    .systemLibrary(
      name: "CRSVG",
      pkgConfig: "librsvg-2.0",
      providers: [.apt(["librsvg2-dev", "libcairo2-dev"]), .brew(["librsvg", "cairo"])]
    ),
    // Views to a Scene, Scene to DOT (pure Swift), DOT to SVG/PNG/PDF through libgvc in-process;
    // diagrams on pages through librsvg and cairo.
    .target(
      name: "ArgumentMapGraphviz",
      dependencies: ["ArgumentMap", "ArgumentAnalysis", "CGraphviz", "CGraphvizSupport", "CRSVG"]
    ),
    // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
    .systemLibrary(
      name: "CMarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
    ),
    // Lesson notes: `argmap` blocks in Markdown rendered and spliced back; HTML pages; Pandoc.
    .target(
      name: "LessonNotes",
      dependencies: [
        "ArgumentMap", "ArgumentMapGraphviz", "ArgumentAnalysis", "AtomicFiles", "CMarkGFM",
      ]
    ),
    // `argmap serve`: a local web app to edit a folder's maps and see them redrawn as you type,
    // and to present them step by step; HTTP and WebSocket through Hummingbird.
    .target(
      name: "MapServer",
      dependencies: [
        "ArgumentMap", "ArgumentMapGraphviz", "ArgumentAnalysis", "AtomicFiles", "LessonNotes",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // The Pandoc JSON filter as its own small executable, for `pandoc --filter argmap-pandoc`.
    .executableTarget(
      name: "argmap-pandoc", dependencies: ["LessonNotes", "ArgumentMapGraphviz", "AtomicFiles"]),
    // The command-line tool: thin, one file per subcommand.
    .executableTarget(
      name: "argmap",
      dependencies: [
        "ArgumentMap",
        "ArgumentMapGraphviz",
        "ArgumentAnalysis",
        "ArgumentInterchange",
        "LessonNotes",
        "AtomicFiles",
        "MapServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Rendering benchmark: figures printed by Benchmarks/render.sh, not asserted in tests.
    .executableTarget(
      name: "RenderBenchmark",
      dependencies: ["ArgumentMap", "ArgumentMapGraphviz"],
      path: "Benchmarks/RenderBenchmark"
    ),
    // Render stress: 10,000 random maps through libgvc in one process, with memory checked; run
    // in release by Scripts/render-stress.sh from .ci/run (too long for the debug test run).
    .executableTarget(
      name: "RenderStress",
      dependencies: ["ArgumentMap", "ArgumentMapGraphviz", "TestSupport"],
      path: "Benchmarks/RenderStress"
    ),
    .target(name: "TestSupport", dependencies: ["ArgumentMap"], path: "Tests/TestSupport"),
    .testTarget(
      name: "ArgumentMapTests", dependencies: ["ArgumentMap", "TestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "ArgumentAnalysisTests",
      dependencies: ["ArgumentAnalysis", "TestSupport"],
      exclude: ["Golden", "Fixtures"]
    ),
    // Grounded labelling on ICCMA'23 files and DF-QuAD on large acyclic maps, timed; driven by
    // Benchmarks/analysis/run (not part of the tests).
    .executableTarget(
      name: "AnalysisBenchmark",
      dependencies: ["ArgumentAnalysis"],
      path: "Benchmarks/analysis/Sources/AnalysisBenchmark"
    ),
    .testTarget(
      name: "ArgumentInterchangeTests",
      dependencies: ["ArgumentInterchange", "TestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "ArgumentMapGraphvizTests",
      dependencies: ["ArgumentMapGraphviz", "ArgumentMap", "TestSupport", "CRSVG"],
      exclude: ["Golden"]
    ),
    .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
    .testTarget(
      name: "MapServerTests",
      dependencies: ["MapServer", "argmap", "ArgumentMap", "TestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "argmapTests",
      dependencies: ["argmap", "ArgumentMap", "ArgumentMapGraphviz", "AtomicFiles", "LessonNotes", "TestSupport"]),
    .testTarget(
      name: "LessonNotesTests",
      dependencies: ["LessonNotes", "ArgumentMap", "ArgumentInterchange", "TestSupport"],
      exclude: ["Fixtures"]
    ),
  ]
)
