import Foundation
import MarkdownScanner
@testable import RuleEngine
@testable import Rules

/// The checkout's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func linter(_ ids: [String]? = nil, configuration: Configuration = .default) -> Linter {
    Linter(session: Session(rules: AllRules.rules), configuration: configuration, select: ids.map(Set.init))
}

func lint(_ text: String, _ ids: [String]? = nil, configuration: Configuration = .default) -> [Finding] {
    linter(ids, configuration: configuration).check(path: "test.md", bytes: Array(text.utf8))
}

func fixed(_ text: String, _ ids: [String]? = nil, upTo level: Applicability = .safe,
           configuration: Configuration = .default) -> String {
    let result = linter(ids, configuration: configuration).fix(path: "test.md", bytes: Array(text.utf8), upTo: level)
    return String(decoding: result.bytes, as: UTF8.self)
}

/// A `.galley.yml` read as galley reads it.
func configuration(_ yaml: String) throws -> Configuration {
    try Configuration.parse(Array(yaml.utf8), path: ".galley.yml", directory: "/", knownRules: AllRules.optionTable)
}

/// `line:column` of each finding's start, 1-based.
func positions(_ text: String, _ findings: [Finding]) -> [String] {
    let source = SourceText(Array(text.utf8))
    return findings.map {
        let l = source.location(of: $0.range.lowerBound)
        return "\(l.line):\(l.column)"
    }
}

/// The flagged text of each finding.
func flagged(_ text: String, _ findings: [Finding]) -> [String] {
    let bytes = Array(text.utf8)
    return findings.map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

extension InMemoryFileSystem {
    /// Every file below `directory` on disk, placed under `root` (which is also the
    /// working directory): a test's site, read once, then hermetic.
    static func copy(of directory: URL, at root: String) throws -> InMemoryFileSystem {
        var files: [String: [UInt8]] = [:]
        let base = directory.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[root + "/" + relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        return InMemoryFileSystem(bytes: files, workingDirectory: root)
    }
}
