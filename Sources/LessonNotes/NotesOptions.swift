import ArgumentMapGraphviz

/// How `argmap notes` turns notes into outputs.
public struct NotesOptions: Hashable, Sendable {
  /// What the output is.
  public enum Target: Hashable, Sendable {
    /// The notes as Markdown, every other byte unchanged.
    case markdown(Embedding)
    /// One complete, offline HTML page.
    case html
  }

  /// How diagrams go into Markdown.
  public enum Embedding: String, Hashable, Sendable, CaseIterable {
    /// An image link to an SVG file written beside the output (works on GitHub).
    case files
    /// The SVG itself, in a `<figure>` HTML block.
    case inline
  }

  /// Markdown (with figures as files or inline) or one HTML page.
  public var target: Target
  /// The folder map references must stay inside; `nil`: the repository holding the notes file
  /// (the nearest folder with a `.git`), or the notes file's folder outside a repository.
  public var root: String?
  /// The cache folder; `nil`: no cache.
  public var cacheFolder: String?
  /// Extra text in every cache key: the command line passes a fingerprint of its own executable,
  /// so that a rebuilt renderer never serves figures drawn by the old one.
  public var cacheSalt: String
  /// Whether an error in a block still lets the output be written (with an error box in HTML,
  /// the block left as written in Markdown).
  public var keepsGoing: Bool
  /// The largest diagram a block may draw, and when `dot` gives way to a faster engine.
  public var renderLimits: RenderLimits
  /// Which copy of the notes to make: the teacher's (everything, as written) or the students'
  /// (without the teacher's parts, every block as if `answers: no`).
  public var copy: NotesCopy

  /// Creates options; by default Markdown with SVG files beside it, no cache, no salt, and a
  /// file with an error in any block gets no output (the command line passes its own cache and
  /// salt).
  public init(
    target: Target = .markdown(.files), root: String? = nil, cacheFolder: String? = nil,
    cacheSalt: String = "", keepsGoing: Bool = false, renderLimits: RenderLimits = .standard,
    copy: NotesCopy = .teacher
  ) {
    self.copy = copy
    self.renderLimits = renderLimits
    self.cacheSalt = cacheSalt
    self.target = target
    self.root = root
    self.cacheFolder = cacheFolder
    self.keepsGoing = keepsGoing
  }
}

/// Which copy of a notes file to make, from one source.
///
/// The teacher's parts of the notes are marked with `<!-- teacher -->` and `<!-- /teacher -->`,
/// each on a line of its own (HTML comments, so no Markdown renderer shows them).
public enum NotesCopy: String, Hashable, Sendable, CaseIterable {
  /// The notes as written, teacher's parts included, every block as its options say.
  case teacher
  /// The notes without the teacher's parts; every block is drawn as if it said `answers: no`
  /// (no answers listed under a worksheet, no corrections or sources in a fact check) and its
  /// diagrams carry no factual flags, which would mark the fact check's answers.
  case student

  /// The end of the output's file name (`lesson-student.html`), so the two copies can share a
  /// folder; empty for the teacher's copy, whose names are as they always were.
  public var fileSuffix: String {
    switch self {
    case .teacher: ""
    case .student: "-student"
    }
  }
}

/// One notes file to process and where its outputs go.
public struct NotesJob: Hashable, Sendable {
  /// The notes file's path as given (messages show it; references are resolved from its folder).
  public var inputPath: String
  /// The notes file's bytes.
  public var bytes: [UInt8]
  /// The output file (`-` for standard output).
  public var outputPath: String
  /// The folder SVG files go to in `files` mode (beside the output).
  public var figureFolder: String
  /// The start of figure file names: `STEM-1.svg`, `STEM-2.svg`, ...
  public var figureStem: String

  /// Creates a job from a notes file already read; the processor reads only the map files its
  /// blocks refer to.
  public init(
    inputPath: String, bytes: [UInt8], outputPath: String, figureFolder: String,
    figureStem: String
  ) {
    self.inputPath = inputPath
    self.bytes = bytes
    self.outputPath = outputPath
    self.figureFolder = figureFolder
    self.figureStem = figureStem
  }
}

/// A file to write.
///
/// The processor returns outputs as values and writes nothing; the caller puts them in place (the
/// batch stages them and puts them all in place after one flush).
public struct OutputFile: Hashable, Sendable {
  /// Where the file goes: a figure's path in the figure folder, or the job's `outputPath` (`-`
  /// for standard output).
  public var path: String
  /// The complete contents.
  public var bytes: [UInt8]

  /// Creates an output to write later.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

/// What processing one notes file produced.
public struct NotesReport: Hashable, Sendable {
  /// Files to write: figures first, the notes output last. Empty when errors stop the file.
  public var outputs: [OutputFile] = []
  /// Every problem, notes-file problems located in the notes file, map problems in their map.
  public var diagnostics: [NotesDiagnostic] = []
  /// The files the output depends on: the notes file and the map files it refers to.
  public var dependencies: [String] = []
  /// The number of `argmap` blocks found in the notes file.
  public var blockCount = 0
  /// Blocks drawn afresh, because the cache had no figure for them (or there is no cache).
  public var renderedCount = 0
  /// Blocks whose figure came from the cache; with `renderedCount`, for the progress line.
  public var cachedCount = 0

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.diagnostic.isError } }

  /// An empty report, which the processor fills as it goes through the notes file.
  public init() {}
}
