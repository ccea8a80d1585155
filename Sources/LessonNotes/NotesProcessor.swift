import ArgumentMap
import Foundation

/// Finds the `argmap` blocks of a notes file, draws them (or takes them from the cache), and
/// builds the Markdown or HTML output.
///
/// The processor returns the files to write as values; the caller writes them atomically. It
/// never writes the notes file itself.
public enum NotesProcessor {
  /// What one block became.
  enum Outcome {
    case figure(BlockSpec, RenderedFigure, prefix: String)
    case failed([NotesDiagnostic])
  }

  /// Processes one notes file.
  ///
  /// - Parameters:
  ///   - job: The notes file and where its outputs go.
  ///   - options: The target, the reference root, the cache, whether errors stop the file.
  ///   - progress: Called after each block with the number of blocks done and the number found.
  /// - Returns: The files to write, the diagnostics, and what was drawn or cached.
  public static func process(
    _ job: NotesJob, options: NotesOptions, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> NotesReport {
    var report = NotesReport()
    report.dependencies = [job.inputPath]
    let positions = LineTable(job.bytes)
    // The teacher's parts are checked in both copies, so a teacher who builds only the
    // teacher's copy still learns that the students' copy cannot be made.
    let full = MarkdownDocument(bytes: job.bytes)
    let regions = TeacherRegions(markers: full.teacherMarkers, bytes: job.bytes)
    let isStudentCopy = options.copy == .student
    // The students' copy is the notes without the teacher's parts, parsed afresh; a position in
    // it is moved back to the notes file for messages.
    let document =
      isStudentCopy && !regions.removed.isEmpty
      ? MarkdownDocument(bytes: regions.studentBytes(job.bytes)) : full
    func locate(_ offsets: Range<Int>) -> SourceRange {
      guard isStudentCopy else { return positions.range(offsets) }
      let start = regions.originalOffset(of: offsets.lowerBound)
      let end = regions.originalOffset(of: offsets.upperBound)
      return positions.range(start..<max(start, end))
    }
    var markerFailures: [NotesDiagnostic] = []
    for problem in regions.problems {
      var diagnostic = problem.diagnostic
      diagnostic.range = positions.range(problem.range)
      if let opening = problem.opening {
        diagnostic.notes.append(
          Diagnostic.Note("the teacher's part opened here", range: positions.range(opening)))
      }
      markerFailures.append(
        NotesDiagnostic(fileName: job.inputPath, source: job.bytes, diagnostic: diagnostic))
    }
    let resolver = ReferenceResolver(notesPath: job.inputPath, root: options.root)
    let cache = options.cacheFolder.map { RenderCache(folder: URL(fileURLWithPath: $0)) }
    report.blockCount = document.blocks.count
    // Markdown and HTML outputs draw the same figures, so they share one entry; the two copies
    // keep one each, so that building both does not evict the other's figures.
    let cacheTarget = isStudentCopy ? "figures for students" : "figures"
    let cached = cache?.entry(notesPath: job.inputPath, target: cacheTarget) ?? RenderCache.Entry()
    var current = RenderCache.Entry()
    var outcomes: [Outcome] = []
    var prefixCounts: [String: Int] = [:]
    for block in document.blocks {
      var blockDiagnostics: [NotesDiagnostic] = []
      func notesDiagnostic(_ problem: BlockProblem) -> NotesDiagnostic {
        let start = block.fileOffset(ofContentOffset: problem.range.lowerBound)
        let end = block.fileOffset(ofContentOffset: problem.range.upperBound)
        var diagnostic = problem.diagnostic
        diagnostic.range = locate(start..<max(start, end))
        return NotesDiagnostic(fileName: job.inputPath, source: job.bytes, diagnostic: diagnostic)
      }
      defer { progress?(outcomes.count, document.blocks.count) }
      guard block.isClosed else {
        var diagnostic = DiagnosticMessages.notesUnclosedFence()
        diagnostic.range = locate(block.fenceOffset..<(block.fenceOffset + block.fenceLength))
        outcomes.append(
          .failed([
            NotesDiagnostic(fileName: job.inputPath, source: job.bytes, diagnostic: diagnostic)
          ]))
        continue
      }
      let (parsedSpec, problems) = BlockSpecParser.parse(block.content)
      guard let parsedSpec else {
        outcomes.append(.failed(problems.map(notesDiagnostic)))
        continue
      }
      let spec = isStudentCopy ? parsedSpec.forStudents() : parsedSpec
      // The map's bytes, and how to report problems in them.
      let mapBytes: [UInt8]
      let mapName: String
      let mapOffset: Int?
      switch spec.source {
      case .inline(let contentOffset):
        mapBytes = Array(block.content[contentOffset...])
        mapName = job.inputPath
        mapOffset = contentOffset
      case .file(let path, let valueOffset):
        switch resolver.read(path) {
        case .success(let file):
          mapBytes = file.bytes
          mapName = file.displayName
          mapOffset = nil
          report.dependencies.append(file.displayName)
        case .failure(let failure):
          let range = valueOffset..<(valueOffset + path.utf8.count)
          outcomes.append(
            .failed([
              notesDiagnostic(BlockProblem(diagnostic: failure.diagnostic, range: range))
            ]))
          continue
        }
      }
      let parsed = ArgumentMapParser.check(utf8: mapBytes)
      for diagnostic in parsed.diagnostics {
        if let mapOffset {
          blockDiagnostics.append(
            translated(diagnostic, block: block, base: mapOffset, job: job, locate: locate))
        } else {
          blockDiagnostics.append(
            NotesDiagnostic(fileName: mapName, source: mapBytes, diagnostic: diagnostic))
        }
      }
      if parsed.hasErrors {
        if mapOffset == nil, case .file(let path, let valueOffset) = spec.source {
          blockDiagnostics.insert(
            notesDiagnostic(
              BlockProblem(
                diagnostic: DiagnosticMessages.notesMapHasErrors(path),
                range: valueOffset..<(valueOffset + path.utf8.count))), at: 0)
        }
        outcomes.append(.failed(blockDiagnostics))
        continue
      }
      report.diagnostics += blockDiagnostics
      // Same content twice on a page gets a second prefix, so ids stay unique.
      let contentKey = RenderCache.key(fields: [spec.cacheKeyText], bytes: mapBytes)
      let occurrence = prefixCounts[contentKey, default: 0]
      prefixCounts[contentKey] = occurrence + 1
      let prefix = "am-" + contentKey.prefix(10) + (occurrence == 0 ? "" : "-\(occurrence + 1)")
      let key = RenderCache.key(
        fields: [contentKey, prefix, options.cacheSalt, options.renderLimits.cacheKeyText],
        bytes: [])
      if let figure = cached.figures[key] {
        report.cachedCount += 1
        current.figures[key] = figure
        outcomes.append(.figure(spec, figure, prefix: prefix))
        continue
      }
      do {
        let figure = try BlockRenderer.figure(
          spec, map: parsed.map, idPrefix: prefix, limits: options.renderLimits)
        current.figures[key] = figure
        report.renderedCount += 1
        outcomes.append(.figure(spec, figure, prefix: prefix))
      } catch {
        let offset =
          error.option.flatMap { spec.valueOffsets[$0] } ?? spec.valueOffsets.values.min()
        let range =
          offset.map { offset in
            error.id.flatMap { Self.word($0.rawValue, inLineOf: block.content, from: offset) }
              ?? offset..<offset
          } ?? 0..<0
        outcomes.append(
          .failed([
            notesDiagnostic(
              BlockProblem(
                diagnostic: DiagnosticMessages.notesViewFailed(error.message), range: range)
            )
          ]))
      }
    }
    if let cache, current != cached {
      cache.store(current, notesPath: job.inputPath, target: cacheTarget)
    }
    report.diagnostics += markerFailures
    var failed = !markerFailures.isEmpty
    for outcome in outcomes {
      if case .failed(let diagnostics) = outcome {
        report.diagnostics += diagnostics
        failed = failed || diagnostics.contains { $0.diagnostic.isError }
      }
    }
    if failed && !options.keepsGoing { return report }
    switch options.target {
    case .markdown(let embedding):
      report.outputs = MarkdownWriter.outputs(
        document: document, outcomes: outcomes, job: job, embedding: embedding)
    case .html:
      let page = HTMLPage.page(document: document, outcomes: outcomes, job: job)
      report.outputs = [OutputFile(path: job.outputPath, bytes: Array(page.utf8))]
    }
    return report
  }

  /// Where `word` stands as a whole word in the option line from `start` on (`compare: a b`
  /// names two ids, and the wrong one is the one to point at); nil when it is not there.
  static func word(_ word: String, inLineOf content: [UInt8], from start: Int) -> Range<Int>? {
    let target = Array(word.utf8)
    let lineEnd = content[start...].firstIndex(of: UInt8(ascii: "\n")) ?? content.count
    func isSeparator(_ index: Int) -> Bool {
      index < start || index >= lineEnd || content[index] == 0x20 || content[index] == 0x09
        || content[index] == UInt8(ascii: ",") || content[index] == 0x0D
    }
    var index = start
    while !target.isEmpty, index + target.count <= lineEnd {
      if isSeparator(index - 1), content[index..<(index + target.count)].elementsEqual(target),
        isSeparator(index + target.count)
      {
        return index..<(index + target.count)
      }
      index += 1
    }
    return nil
  }

  /// A diagnostic of an inline map moved to the notes file's lines and columns.
  static func translated(
    _ diagnostic: Diagnostic, block: FencedBlock, base: Int, job: NotesJob,
    locate: (Range<Int>) -> SourceRange
  ) -> NotesDiagnostic {
    func move(_ range: SourceRange?) -> SourceRange? {
      guard let range else { return nil }
      let start = block.fileOffset(ofContentOffset: base + range.start.offset)
      let end = block.fileOffset(ofContentOffset: base + range.end.offset)
      return locate(start..<max(start, end))
    }
    var moved = diagnostic
    moved.range = move(diagnostic.range)
    moved.notes = diagnostic.notes.map { Diagnostic.Note($0.message, range: move($0.range)) }
    moved.fixIts = diagnostic.fixIts.compactMap { fixIt in
      move(fixIt.range).map { Diagnostic.FixIt(range: $0, replacement: fixIt.replacement) }
    }
    return NotesDiagnostic(fileName: job.inputPath, source: job.bytes, diagnostic: moved)
  }
}
