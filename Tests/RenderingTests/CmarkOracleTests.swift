import Foundation
import Testing
import MarkdownScanner
import Rendering

/// Realistic Ghost-export posts (`../shared/bench/gen_corpus.py`) render byte for byte as
/// `cmark --unsafe` renders their bodies. Runs where cmark (Debian package `cmark`) and
/// the generator are present.
@Suite struct CmarkOracleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let generator = root.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")
    static let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { cmark != nil && FileManager.default.fileExists(atPath: generator.path) }

    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](out)
    }

    /// The body: after a BOM and a leading `---` block (what cmark is given).
    static func body(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = SourceText(b)
        func isFence(_ l: Int) -> Bool { b[text.lineStart(l)..<text.contentEnd(l)].elementsEqual("---".utf8) }
        guard text.lineCount > 1, isFence(0) else { return b }
        for l in 1..<text.lineCount where isFence(l) {
            b = Array(b[text.lineEnd(l)...])
            return b
        }
        return b
    }

    @Test(.enabled(if: available)) func generatedPostsRenderAsCmark() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-cmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.run("/usr/bin/env", ["python3", Self.generator.path, "--out", dir.path, "--files", "200", "--seed", "7"])
        let posts = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("_posts").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(posts.count == 200)
        var differing: [String] = []
        for name in posts {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("_posts/\(name)")))
            let body = Self.body(bytes)
            if HTMLRenderer.render(SourceText(body)) != (try Self.run(Self.cmark!, ["--unsafe"], input: body)) {
                differing.append(name)
            }
        }
        #expect(differing.isEmpty, "\(differing.count) posts render differently from cmark: \(differing.prefix(5))")
    }
}
