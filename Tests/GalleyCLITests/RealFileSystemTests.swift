import Foundation
import GalleyIO
import RuleEngine
import Testing

/// `RealFileSystem` lists a directory through `readdir`: each entry's kind with links
/// followed, names that are not UTF-8 handed over as their bytes.
@Suite struct RealFileSystemTests {
    @Test func entriesHaveTheirKindsWithLinksFollowed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-rfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/a.md", contents: Data("x".utf8))
        try FileManager.default.createSymbolicLink(atPath: dir + "/to-file", withDestinationPath: dir + "/a.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/to-dir", withDestinationPath: dir + "/sub")
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/gone")
        // A name that is not UTF-8 (Latin-1 "é").
        let bad: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".png".utf8)
        let badPath = Array(dir.utf8) + [0x2F] + bad + [0]
        let fd = badPath.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)

        let fs = RealFileSystem()
        var seen: [[UInt8]: FileKind?] = [:]
        try fs.forEachEntry(of: dir) { name, kind, _ in seen[Array(name)] = kind }
        #expect(seen.count == 6)
        #expect(seen[Array("a.md".utf8)] == .file)
        #expect(seen[Array("to-file".utf8)] == .file)
        #expect(seen[Array("sub".utf8)] == .directory)
        #expect(seen[Array("to-dir".utf8)] == .directory)
        #expect(seen[Array("dangling".utf8)] == .some(nil))
        #expect(seen[bad] == .file)

        let entries = try fs.entries(of: dir)
        #expect(entries.count == 6)
        let undecodable = entries.filter { $0.name == nil }
        #expect(undecodable.map(\.shownName) == ["caf\u{FFFD}.png"])
        #expect(entries.first { $0.name == "to-dir" }?.id == fs.status(dir + "/sub")?.id)
        #expect(throws: FileSystemError.self) { try fs.forEachEntry(of: dir + "/a.md") { _, _, _ in } }
    }
}
