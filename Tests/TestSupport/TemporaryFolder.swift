import Foundation

/// A fresh, empty folder under the system's temporary folder; the caller removes it.
public func makeTemporaryFolder(_ label: String = "argmap") throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Writes `text` as UTF-8 to `name` inside `folder`, creating subfolders, and returns its URL.
@discardableResult
public func writeFile(_ text: String, _ name: String, in folder: URL) throws -> URL {
  let url = folder.appendingPathComponent(name)
  try FileManager.default.createDirectory(
    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url)
  return url
}
