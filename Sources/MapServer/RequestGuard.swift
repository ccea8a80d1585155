import HTTPTypes
import Hummingbird
import Synchronization

/// Lets through only requests meant for this server from its own pages.
///
/// A page on another site can make a browser send requests to `127.0.0.1`, and a DNS name
/// rebound to `127.0.0.1` can make them look same-site; both are refused with 403 by checking
/// the `Host` header against the addresses the server listens on and, for anything that
/// changes a file or opens the live socket, requiring an `Origin` of the server itself.
/// Every response carries a strict Content-Security-Policy: scripts and styles only from the
/// server, no inline script, nothing from the network.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
  /// The `Host` values accepted (`127.0.0.1:8080`, `localhost:8080`, ...), filled in once the
  /// port is known.
  let hosts: HostList

  static var contentSecurityPolicy: String {
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
      + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'"
  }

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if let reason = Self.refusalReason(request, hosts: hosts) { return Self.refusal(reason) }
    var response = try await next(request, context)
    // A route may set a policy of its own (the lesson-notes page); every other gets this one.
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    if let referrer = HTTPField.Name("Referrer-Policy") {
      response.headers[referrer] = "no-referrer"
    }
    response.headers[.cacheControl] = "no-store"
    return response
  }

  /// Why `request` is refused, or `nil` when it is the server's own page asking.
  static func refusalReason(_ request: Request, hosts: HostList) -> String? {
    guard let host = request.head.authority, hosts.contains(host) else {
      return "This server answers only to its own address."
    }
    let origin = request.headers[.origin]
    let changes = request.method != .get && request.method != .head
    let isSocket = request.uri.path == MapServer.livePath
    if let origin, !hosts.contains(origin: origin) {
      return "Requests from other sites are refused."
    }
    if origin == nil && (changes || isSocket) {
      return "Requests that change files or open the live socket must come from the editor."
    }
    return nil
  }

  static func refusal(_ message: String) -> Response {
    Response(
      status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
  }
}

/// The addresses a server answers to; the port is set once the listening socket exists.
final class HostList: Sendable {
  private let names: [String]
  private let port = Mutex(0)

  /// `host` is the address given on the command line; loopback names are always accepted.
  init(host: String) {
    var names = ["127.0.0.1", "localhost", "[::1]"]
    if !names.contains(host) { names.append(host.contains(":") ? "[\(host)]" : host) }
    self.names = names
  }

  func setPort(_ value: Int) { port.withLock { $0 = value } }

  /// Whether `authority` (`host:port`) is one of the server's.
  func contains(_ authority: String) -> Bool {
    let current = port.withLock { $0 }
    return names.contains { authority.lowercased() == "\($0):\(current)" }
  }

  /// Whether `origin` (`http://host:port`) is the server's own.
  func contains(origin: String) -> Bool {
    guard origin.hasPrefix("http://") else { return false }
    return contains(String(origin.dropFirst("http://".count)))
  }
}
