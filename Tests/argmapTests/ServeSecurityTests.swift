import Foundation
import TestSupport
import Testing

/// `argmap serve` as an attacker and a careless user would meet it: requests from other sites,
/// paths out of the folder, oversized requests, stale saves, and signals.
@Suite("argmap serve: safety", .serialized)
struct ServeSecurityTests {
  @Test("the page, its script and style come from the binary, with a strict policy")
  func pageAndPolicy() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    for target in ["/", "/assets/editor.js", "/assets/editor.css", "/api/files"] {
      let response = try server.request("GET", target)
      #expect(response.status == 200, "\(target)")
      let policy = response.headers["content-security-policy"] ?? ""
      #expect(policy.contains("script-src 'self'"), "\(target): \(policy)")
      #expect(policy.contains("default-src 'none'"), "\(target): \(policy)")
      #expect(!policy.contains("unsafe"), "\(target): \(policy)")
      #expect(response.headers["x-content-type-options"] == "nosniff")
    }
    let page = try server.request("GET", "/").body
    // No inline script and nothing from another site: the editor works offline.
    #expect(!page.contains("<script>"))
    #expect(!page.contains("https://") && !page.contains("http://"))
    let files = try server.request("GET", "/api/files").body
    #expect(files.contains("stalin.argmap") && files.contains("hostile-000.argmap"))
    #expect(!files.contains("link-out") && !files.contains("hidden") && !files.contains("secret"))
  }

  @Test("a foreign Host or Origin gets 403, and so does a change without an Origin")
  func foreignRequests() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let port = server.port
    func status(_ lines: [String], body: String = "") throws -> Int {
      let bytes = Array(body.utf8)
      let head = (lines + (bytes.isEmpty ? [] : ["Content-Length: \(bytes.count)"]))
        .joined(separator: "\r\n")
      return try RawHTTP.exchange(port: port, head: head, body: bytes).status
    }
    let save = #"{"text":"claim x: pwned\n","overwrite":true}"#
    // DNS rebinding: a name that resolves to 127.0.0.1 but is not the server's.
    #expect(try status(["GET /api/files HTTP/1.1", "Host: rebound.example:\(port)"]) == 403)
    #expect(try status(["GET / HTTP/1.1", "Host: 127.0.0.1:1"]) == 403)
    #expect(try status(["GET /api/files HTTP/1.1"]) == 403)
    // Cross-site: the right Host, another site's Origin.
    #expect(
      try status(
        [
          "PUT /api/file?path=stalin.argmap HTTP/1.1", "Host: 127.0.0.1:\(port)",
          "Origin: http://evil.example",
        ], body: save) == 403)
    #expect(
      try status(
        [
          "GET /api/file?path=stalin.argmap HTTP/1.1", "Host: localhost:\(port)",
          "Origin: http://127.0.0.1.evil.example:\(port)",
        ]) == 403)
    // A change without any Origin (an old browser, a form) is refused too.
    #expect(
      try status(
        ["PUT /api/file?path=stalin.argmap HTTP/1.1", "Host: 127.0.0.1:\(port)"], body: save)
        == 403)
    // The live socket: another site's page cannot open it. Hummingbird answers every refused
    // upgrade with 400 and closes the connection; what matters is that it is never 101.
    let upgrade = [
      "GET /api/live HTTP/1.1", "Host: 127.0.0.1:\(port)", "Upgrade: websocket",
      "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
    ]
    #expect(try status(upgrade + ["Origin: http://evil.example"]) == 400)
    #expect(try status(upgrade) == 400)
    let text = try String(
      contentsOf: served.folder.appendingPathComponent("stalin.argmap"), encoding: .utf8)
    #expect(!text.contains("pwned"))
    // The server's own page is served, under each of its names.
    #expect(try status(["GET /api/files HTTP/1.1", "Host: localhost:\(port)"]) == 200)
    #expect(try status(["GET /api/files HTTP/1.1", "Host: 127.0.0.1:\(port)"]) == 200)
  }

  @Test("paths are confined to the folder: no '..', no absolute path, no link out")
  func confinedPaths() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let refused = [
      "../outside/secret.argmap", "..%2Foutside%2Fsecret.argmap", "%2Fetc%2Fpasswd",
      "/etc/passwd", "folder-out/secret.argmap", "link-out.argmap", ".hidden.argmap",
      "stalin.argmap%00.txt", "./stalin.argmap", "sub//x.argmap", "..", "notes.txt",
      "../outside/notes.md", "folder-out/notes.md",
    ]
    for path in refused {
      let response = try server.request("GET", "/api/file?path=" + path)
      #expect(response.status == 403, "\(path): \(response.status) \(response.body)")
      #expect(!response.body.contains("a map outside the served folder"), "\(path)")
      let save = try server.request(
        "PUT", "/api/file?path=" + path, body: #"{"text":"claim x: y\n","overwrite":true}"#)
      #expect(save.status == 403, "\(path): \(save.status)")
    }
    #expect(try server.request("GET", "/api/file?path=missing.argmap").status == 404)
    // Lesson notes draw maps inside the folder only: a block naming a map outside, or a link
    // out, gets an error at its place, and nothing of the map reaches the page.
    let blocks = ["../outside/secret.argmap", "folder-out/secret.argmap", "link-out.argmap"]
      .map { "```argmap\nmap: \($0)\n```\n" }.joined(separator: "\n")
    let notes = String(
      decoding: try JSONSerialization.data(withJSONObject: [
        "sequence": 1, "view": "map", "text": "# Notes\n\n" + blocks, "path": "lesson.md",
      ]), as: UTF8.self)
    let drawn = try server.request("POST", "/api/preview", body: notes)
    #expect(drawn.status == 200)
    #expect(!drawn.body.contains("a map outside the served folder"))
    let preview = try JSONDecoder().decode(NotesReply.self, from: Data(drawn.body.utf8))
    #expect(preview.diagnostics.map(\.line) == [4, 8, 12])
    #expect(preview.diagnostics.allSatisfy { $0.message.contains("is outside") })
    let page = try server.request("GET", try #require(preview.page))
    #expect(page.status == 200)
    #expect(page.body.components(separatedBy: "class=\"argmap-error\"").count == 4)
    #expect(!page.body.contains("a map outside the served folder"))
    #expect(page.headers["content-security-policy"]?.contains("sandbox") == true)
    let secret = try String(
      contentsOf: served.outside.appendingPathComponent("secret.argmap"), encoding: .utf8)
    #expect(secret == "claim secret: a map outside the served folder\n")
  }

  @Test("a 50 MB request is refused with 413, by its length or as it streams")
  func oversizedRequests() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let big = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
    let declared = try RawHTTP.exchange(
      port: server.port,
      head: [
        "PUT /api/file?path=stalin.argmap HTTP/1.1", "Host: 127.0.0.1:\(server.port)",
        "Origin: \(server.origin)", "Content-Length: \(big.count)",
      ].joined(separator: "\r\n"), body: big)
    #expect(declared.status == 413)
    // Chunked: no length up front; the server stops reading at its limit.
    var chunked: [UInt8] = []
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<50 { chunked += Array("100000\r\n".utf8) + chunk + Array("\r\n".utf8) }
    chunked += Array("0\r\n\r\n".utf8)
    let streamed = try RawHTTP.exchange(
      port: server.port,
      head: [
        "POST /api/preview HTTP/1.1", "Host: 127.0.0.1:\(server.port)",
        "Origin: \(server.origin)", "Transfer-Encoding: chunked",
      ].joined(separator: "\r\n"), body: chunked)
    #expect(streamed.status == 413)
    // The server is still there.
    #expect(try server.request("GET", "/api/files").status == 200)
  }

  @Test("a save is atomic, and refused when the file changed since it was read")
  func savesAndConflicts() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let server = try RunningServer(folder: served.folder)
    let file = served.folder.appendingPathComponent("second.argmap")
    let opened =
      try JSONSerialization.jsonObject(
        with: Data(try server.request("GET", "/api/file?path=second.argmap").body.utf8))
      as? [String: Any]
    let version = try #require(opened?["version"] as? String)
    let original = try String(contentsOf: file, encoding: .utf8)
    func body(_ text: String, base: String?, overwrite: Bool = false) throws -> String {
      let object: [String: Any] = ["text": text, "base": base ?? NSNull(), "overwrite": overwrite]
      return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
    let first = try server.request(
      "PUT", "/api/file?path=second.argmap", body: body(original + "\n# one\n", base: version))
    #expect(first.status == 200, "\(first.body)")
    #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("# one\n"))
    // Another program writes the file; a save from the old version is refused.
    try (original + "\n# from another editor\n").write(to: file, atomically: true, encoding: .utf8)
    let stale = try server.request(
      "PUT", "/api/file?path=second.argmap", body: body(original + "\n# two\n", base: version))
    #expect(stale.status == 409)
    #expect(stale.body.contains("from another editor"))
    #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("# from another editor\n"))
    // The user chose to keep their text.
    let kept = try server.request(
      "PUT", "/api/file?path=second.argmap",
      body: body(original + "\n# two\n", base: version, overwrite: true))
    #expect(kept.status == 200)
    #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("# two\n"))
    // No temporary file is left beside it.
    let names = try FileManager.default.contentsOfDirectory(atPath: served.folder.path)
    #expect(
      names.filter { !$0.hasPrefix("hostile-") }.sorted() == [
        ".hidden.argmap", "folder-out", "lesson.md", "link-out.argmap", "second.argmap",
        "stalin.argmap",
      ])
  }

  @Test("SIGINT and SIGTERM stop the server and its drawing process; another host warns")
  func signalsAndHost() throws {
    let served = try ServedFolder()
    defer { served.remove() }
    let drawable =
      #"{"sequence": 1, "view": "map", "text": "aim a: An aim\n\nclaim b: A claim\n  + a: why\n"}"#
    for signal in [SIGINT, SIGTERM] {
      let server = try RunningServer(folder: served.folder)
      #expect(try server.request("GET", "/api/files").status == 200)
      let drawn = try server.request("POST", "/api/preview", body: drawable)
      #expect(drawn.status == 200 && drawn.body.contains("<svg"))
      // Each thread lists the children it started.
      let tasks = "/proc/\(server.process.processIdentifier)/task"
      let children = try FileManager.default.contentsOfDirectory(atPath: tasks).flatMap {
        ((try? String(contentsOfFile: "\(tasks)/\($0)/children", encoding: .utf8)) ?? "")
          .split(separator: " ").compactMap { Int32($0) }
      }
      #expect(children.count == 1, "one drawing process")
      #expect(server.stop(with: signal) == 0, "signal \(signal)")
      for child in children {
        #expect(kill(child, 0) == -1 && errno == ESRCH, "drawing process \(child) ended")
      }
    }
    let exposed = try RunningServer(folder: served.folder, extra: ["--host", "0.0.0.0"])
    #expect(exposed.stop() == 0)
    #expect(exposed.standardError.contains("warning: listening on 0.0.0.0"))
    let missing = try runArgmap(["serve", served.base.appendingPathComponent("nowhere").path])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nowhere: not a folder"))
  }
}

/// What `/api/preview` answers for lesson notes: where the page is, and the problems.
private struct NotesReply: Decodable {
  struct Problem: Decodable {
    var line: Int
    var message: String
  }
  var page: String?
  var diagnostics: [Problem]
}
