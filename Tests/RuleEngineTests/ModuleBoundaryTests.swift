import Foundation
import Testing

/// The engine and the rules see the world only through `FileSystem`: none of their
/// sources imports the OS or Foundation or calls the file system itself. (Wrong module
/// arrows fail the build: `.ci/run` builds with `--explicit-target-dependency-import-check error`.)
@Suite struct ModuleBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let forbidden = ["import Glibc", "import Foundation", "import Darwin", "import Musl",
                            "opendir(", "readdir(", "stat(", "lstat(", "getcwd(", "realpath(", "access(", "FileManager",
                            "fopen(", "open(", "unlink(", "rename("]

    static func sources(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "swift" { found.append(url) }
        }
        return found
    }

    @Test(arguments: ["Sources/RuleEngine", "Sources/Rules"])
    func noOperatingSystemIn(_ folder: String) throws {
        let files = Self.sources(under: folder)
        #expect(files.count > 5, "no sources found under \(folder)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                for word in Self.forbidden where Self.contains(code, word) {
                    Issue.record("\(file.lastPathComponent): `\(word)` in `\(code)`")
                }
            }
        }
    }

    /// `word` as a call or an import, not as the tail of a longer name (`status(` is not `stat(`).
    static func contains(_ line: String, _ word: String) -> Bool {
        var rest = line[...]
        while let r = rest.range(of: word) {
            let before = rest[..<r.lowerBound].last
            if before.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) ?? true { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    @Test func theCheckSeesACall() {
        #expect(Self.contains("let fd = open(path, O_RDONLY)", "open("))
        #expect(Self.contains("import Foundation", "import Foundation"))
        #expect(!Self.contains("fileSystem.status(path)", "stat("))
        #expect(!Self.contains("reopen(x)", "open("))
    }
}
