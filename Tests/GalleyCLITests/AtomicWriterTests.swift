import GalleyIO
import Foundation
import Testing
@testable import GalleyCLI

@Suite struct AtomicWriterTests {
    func temporaryFile(_ text: String) throws -> (dir: URL, file: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-aw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("p.md")
        try Data(text.utf8).write(to: file)
        return (dir, file)
    }

    @Test func replacesContentKeepsModeAndLeavesNoTemporaryFile() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o604], ofItemAtPath: file.path)
        try AtomicWriter.replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o604)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["p.md"])
    }

    @Test func refusesWhenTheFileChangedSinceItWasRead() throws {
        let (dir, file) = try temporaryFile("edited by someone else\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replace(file.path, with: Array("fixed\n".utf8), expecting: Array("as read\n".utf8))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by someone else\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["p.md"])
    }

    @Test func refusesWhenTheFileIsGone() throws {
        let (dir, file) = try temporaryFile("x\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: file)
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replace(file.path, with: Array("y\n".utf8), expecting: Array("x\n".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x61, 0x62], nil),
        ([0xC3, 0xA9], nil),                    // é
        ([0xF0, 0x9F, 0x98, 0x80], nil),        // 😀
        ([0x61, 0xE9, 0x62], 1),                // Latin-1 é
        ([0xC0, 0xAF], 0),                      // overlong
        ([0xED, 0xA0, 0x80], 0),                // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),          // above U+10FFFF
        ([0x61, 0xE2, 0x82], 1),                // truncated
        ([0x80], 0),                            // stray continuation
    ] as [([UInt8], Int?)])
    func firstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(FileReader.firstInvalidUTF8(bytes) == expected)
    }
}
