import ArgumentMapGraphviz
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// `argmap serve`: a local web app to edit a folder's maps, see each redrawn as you type, and
/// present it step by step.
///
/// The page talks to the server over one WebSocket (`/api/live`): it sends the text on every
/// (debounced) edit and gets back the SVG, the diagnostics and what links the picture to the
/// text; the server pushes a message when a file changes on disk. Files are read, saved and
/// downloaded over plain HTTP. Drawings run one at a time on their own thread (`DrawingQueue`).
public struct MapServer: Sendable {
  /// Where and how the server listens.
  public struct Settings: Sendable {
    /// The folder whose maps are served.
    public var folder: String
    /// The address to listen on; loopback unless asked otherwise.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The largest request body or socket message, in bytes (413 above it).
    public var maximumRequestBytes: Int
    /// Where pictures are drawn: a child process (`argmap serve` always uses one), or, when
    /// `nil`, this process.
    public var drawingProcess: DrawingProcess?
    /// The limits of a drawing made in this process (a child process has its own).
    public var limits: RenderLimits

    /// Settings for serving `folder` on `host`:`port`.
    public init(
      folder: String, host: String = "127.0.0.1", port: Int = 8080,
      maximumRequestBytes: Int = 5 << 20, drawingProcess: DrawingProcess? = nil,
      limits: RenderLimits = .standard
    ) {
      self.folder = folder
      self.host = host
      self.port = port
      self.maximumRequestBytes = maximumRequestBytes
      self.drawingProcess = drawingProcess
      self.limits = limits
    }
  }

  /// The path of the live socket.
  static let livePath = "/api/live"

  let settings: Settings
  let workspace: Workspace
  let drawing: DrawingQueue
  let notesPages = NotesPages()
  let hosts: HostList
  let watch: DiskWatch

  /// A server for `settings`.
  ///
  /// - Throws: `WorkspaceError.notAFolder` when the folder does not exist.
  public init(settings: Settings) throws(WorkspaceError) {
    self.settings = settings
    workspace = try Workspace(
      folder: settings.folder, maximumFileBytes: settings.maximumRequestBytes - 4_096)
    hosts = HostList(host: settings.host)
    watch = DiskWatch(workspace: workspace)
    drawing = DrawingQueue(
      process: settings.drawingProcess, preview: LivePreview(limits: settings.limits))
  }

  /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
  ///
  /// - Parameter onReady: Called with the page's address once the server listens.
  /// - Throws: When the address cannot be bound (the port is taken, the host unknown).
  public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
    let router = Router(context: BasicWebSocketRequestContext.self)
    router.middlewares.add(RequestGuard(hosts: hosts))
    addPageRoutes(to: router)
    addFileRoutes(to: router)
    addPreviewRoute(to: router)
    addLiveSocket(to: router)
    var logger = Logger(label: "argmap-serve")
    logger.logLevel = .warning
    let hosts = self.hosts
    let shownHost = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
    let app = Application(
      router: router,
      server: .http1WebSocketUpgrade(
        webSocketRouter: router,
        configuration: .init(ws: .init(maxFrameSize: settings.maximumRequestBytes))),
      configuration: .init(address: .hostname(settings.host, port: settings.port)),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        hosts.setPort(port)
        onReady("http://\(shownHost):\(port)/")
      },
      logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await watch.run() }
      try await app.runService()
      group.cancelAll()
    }
    await drawing.stop()
  }

  // MARK: - Routes

  private func addPageRoutes(to router: Router<BasicWebSocketRequestContext>) {
    router.get("/") { _, _ in
      Self.asset(EditorAssets.page, type: "text/html; charset=utf-8")
    }
    router.get("/assets/editor.js") { _, _ in
      Self.asset(EditorAssets.script, type: "text/javascript; charset=utf-8")
    }
    router.get("/assets/editor.css") { _, _ in
      Self.asset(EditorAssets.style, type: "text/css; charset=utf-8")
    }
  }

  private func addFileRoutes(to router: Router<BasicWebSocketRequestContext>) {
    let workspace = self.workspace
    let folderName = (workspace.root as NSString).lastPathComponent
    router.get("/api/files") { _, _ in
      Self.json(FileList(folder: folderName, files: workspace.files()))
    }
    router.get("/api/file") { request, _ in
      let path = request.uri.queryParameters.get("path") ?? ""
      do throws(WorkspaceError) {
        let (text, version) = try workspace.read(path)
        return Self.json(OpenedFile(path: path, text: text, version: version))
      } catch {
        return Self.failure(error)
      }
    }
    router.put("/api/file") { request, context in
      let path = request.uri.queryParameters.get("path") ?? ""
      guard let save = try await decode(SaveRequest.self, request, context) else {
        return Self.message(.badRequest, "The request is not a save.")
      }
      do throws(WorkspaceError) {
        switch try workspace.save(
          path, text: save.text, base: save.base, overwrite: save.overwrite ?? false)
        {
        case .saved(let version):
          return Self.json(SavedFile(path: path, version: version))
        case .conflict(let diskText, let diskVersion):
          return Self.json(
            ConflictingFile(path: path, diskText: diskText, diskVersion: diskVersion),
            status: .conflict)
        }
      } catch {
        return Self.failure(error)
      }
    }
    router.post("/api/download") { request, context in
      let format =
        request.uri.queryParameters.get("format").flatMap { OutputFormat(rawValue: String($0)) }
        ?? .svg
      let page = request.uri.queryParameters.get("page").flatMap { PageSize(rawValue: String($0)) }
      guard format != .dot,
        let asked = try await decode(PreviewRequest.self, request, context)
      else {
        return Self.message(.badRequest, "The request is not a download.")
      }
      switch await drawing.draw(.download(asked, format: format, page: page)) {
      case .file(let bytes):
        return Response(
          status: .ok,
          headers: [
            .contentType: format.mediaType,
            .contentDisposition: "attachment; filename=\"map.\(format.rawValue)\"",
          ],
          body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
      case .refused(let reason):
        return Self.message(.unprocessableContent, reason)
      case .failed(let reason):
        return Self.message(.internalServerError, reason)
      case .preview, .presentation, .notes:
        return Self.message(.internalServerError, "The drawing is not the download asked for.")
      }
    }
  }

  /// `POST /api/preview`: the same as an edit sent over the socket, for scripted clients;
  /// `POST /api/present`: the map as slides and frames for present mode.
  private func addPreviewRoute(to router: Router<BasicWebSocketRequestContext>) {
    router.post("/api/preview") { request, context in
      guard let asked = try await decode(PreviewRequest.self, request, context) else {
        return Self.message(.badRequest, "The request is not a preview.")
      }
      return Self.json(await preview(asked))
    }
    router.get("\(NotesPages.path)/{number}") { _, context in
      guard let number = context.parameters.get("number", as: Int.self),
        let html = notesPages.page(number)
      else {
        return Self.message(.notFound, "This page of notes is no longer kept; edit to redraw.")
      }
      return Response(
        status: .ok,
        headers: [
          .contentType: "text/html; charset=utf-8",
          .contentSecurityPolicy: NotesPages.contentSecurityPolicy,
        ],
        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
    router.post("/api/present") { request, context in
      guard let asked = try await decode(PreviewRequest.self, request, context) else {
        return Self.message(.badRequest, "The request is not a map to present.")
      }
      return Self.json(await drawing.draw(.presentation(asked)).message)
    }
  }

  /// The picture of an edit (a map), or the page of lesson notes, as the editor is sent it.
  func preview(_ request: PreviewRequest) async -> any Encodable {
    guard let path = request.path, Workspace.isNotes(path) else {
      return await drawing.draw(.preview(request)).message
    }
    let file: String
    do throws(WorkspaceError) {
      file = try workspace.resolve(path)
    } catch {
      return DrawingResult.failure(error.description, for: .preview(request)).message
    }
    let drawn = await drawing.draw(.notes(request, file: file, root: workspace.root))
    guard case .notes(var preview, let html) = drawn else { return drawn.message }
    if let html { preview.page = notesPages.store(html) }
    return preview
  }

  /// Reads a JSON body no larger than the server's limit (413 above it, before reading it
  /// when the request says its length), or `nil` when it is not the JSON expected.
  private func decode<Value: Decodable>(
    _ type: Value.Type, _ request: Request, _ context: BasicWebSocketRequestContext
  ) async throws -> Value? {
    let limit = settings.maximumRequestBytes
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
      throw HTTPError(.contentTooLarge)
    }
    let body = try await request.body.collect(upTo: limit)
    return try? JSONDecoder().decode(Value.self, from: Data(buffer: body))
  }

  private func addLiveSocket(to router: Router<BasicWebSocketRequestContext>) {
    let limit = settings.maximumRequestBytes
    let watch = self.watch
    let hosts = self.hosts
    // The upgrade is decided before the router's middleware runs, so it checks for itself;
    // a refused upgrade goes on as a plain request, which `RequestGuard` answers with 403.
    router.ws(
      RouterPath(stringLiteral: Self.livePath),
      shouldUpgrade: { request, _ in
        if RequestGuard<BasicWebSocketRequestContext>.refusalReason(request, hosts: hosts) != nil {
          return .dontUpgrade
        }
        return .upgrade([:])
      }
    ) { inbound, outbound, _ in
      // Only the newest edit waits to be drawn: an older one still waiting is dropped, so a
      // slow drawing never makes the picture fall behind the typing.
      // A socket stays open as long as its tab does; on SIGINT or SIGTERM it is closed, so
      // the server stops once the requests in flight are answered.
      try await cancelWhenGracefulShutdown {
        let (edits, editsIn) = AsyncStream.makeStream(
          of: PreviewRequest.self, bufferingPolicy: .bufferingNewest(1))
        let (messages, messagesIn) = AsyncStream.makeStream(of: String.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            for await edit in edits {
              messagesIn.yield(Self.jsonText(await preview(edit)))
            }
          }
          group.addTask {
            for await change in watch.listen() {
              messagesIn.yield(
                Self.jsonText(DiskChange(path: change.path, version: change.version)))
            }
          }
          group.addTask {
            for await message in messages { try await outbound.write(.text(message)) }
          }
          for try await message in inbound.messages(maxSize: limit) {
            guard case .text(let text) = message,
              let edit = try? JSONDecoder().decode(PreviewRequest.self, from: Data(text.utf8))
            else { continue }
            editsIn.yield(edit)
          }
          editsIn.finish()
          messagesIn.finish()
          group.cancelAll()
        }
      }
    }
  }

  // MARK: - Responses

  static func asset(_ text: String, type: String) -> Response {
    Response(
      status: .ok, headers: [.contentType: type],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok)
    -> Response
  {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: jsonText(value))))
  }

  static func jsonText<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
  }

  static func message(_ status: HTTPResponse.Status, _ text: String) -> Response {
    json(ErrorMessage(error: text), status: status)
  }

  static func failure(_ error: WorkspaceError) -> Response {
    switch error {
    case .refusedPath: message(.forbidden, error.description)
    case .missing: message(.notFound, error.description)
    case .tooLarge: message(.contentTooLarge, error.description)
    case .notText: message(.unprocessableContent, error.description)
    case .notAFolder, .unreadable, .unwritable: message(.internalServerError, error.description)
    }
  }
}

extension OutputFormat {
  /// The media type of a download.
  var mediaType: String {
    switch self {
    case .svg: "image/svg+xml"
    case .png: "image/png"
    case .pdf: "application/pdf"
    case .dot: "text/vnd.graphviz"
    }
  }
}

// MARK: - Messages

struct FileList: Codable {
  var folder: String
  var files: [String]
}

struct OpenedFile: Codable {
  var path: String
  var text: String
  var version: String
}

struct SaveRequest: Codable {
  var text: String
  /// The version the editor's text started from.
  var base: String?
  /// Save even though the file changed on disk (the user chose to keep their text).
  var overwrite: Bool?
}

struct SavedFile: Codable {
  var path: String
  var version: String
}

struct ConflictingFile: Codable {
  var type = "conflict"
  var path: String
  var diskText: String
  var diskVersion: String
}

struct DiskChange: Codable {
  var type = "disk"
  var path: String
  var version: String?
}

struct ErrorMessage: Codable {
  var error: String
}
