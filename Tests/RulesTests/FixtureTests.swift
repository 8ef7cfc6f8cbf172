import Foundation
import Testing
@testable import RuleEngine
@testable import Rules

/// Whole documents in fixtures/<case>/: `input.md`, `expected.md` (after safe fixes),
/// optionally `expected-unsafe.md` (after unsafe fixes too), and `findings.txt`
/// (`LINE:COL rule-id` per finding of the default rules on the input). A case with a
/// `.galley.yml` is linted under it, at its place in the tree (its site files beside it).
@Suite struct FixtureTests {
    static var cases: [String] {
        let dir = repositoryRoot.appendingPathComponent("fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    func read(_ name: String, _ file: String) throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("fixtures/\(name)/\(file)")
        return [UInt8](try Data(contentsOf: url))
    }

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let input = try read(name, "input.md")
        let expected = try read(name, "expected.md")
        let listed = String(decoding: try read(name, "findings.txt"), as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let directory = repositoryRoot.appendingPathComponent("fixtures/\(name)")
        var configuration = Configuration.default
        var path = "input.md"
        if let yaml = try? read(name, ".galley.yml") {
            configuration = try Configuration.parse(yaml, path: directory.path + "/.galley.yml", directory: directory.path,
                                                    knownRules: AllRules.optionTable)
            path = directory.path + "/input.md"
        }
        let linter = Linter(session: Session(rules: AllRules.rules), configuration: configuration)
        let text = String(decoding: input, as: UTF8.self)
        let findings = linter.check(path: path, bytes: input)
        let actual = zip(positions(text, findings), findings).map { "\($0) \($1.ruleID)" }
        #expect(actual == listed)
        let result = linter.fix(path: path, bytes: input, upTo: .safe)
        #expect(result.failure == nil)
        #expect(String(decoding: result.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let sameBytes = result.bytes == expected
        #expect(sameBytes, "bytes differ (line endings, BOM or final newline)")
        let again = linter.fix(path: path, bytes: result.bytes, upTo: .safe)
        #expect(again.bytes == result.bytes, "a second fix changed the file")
        if let unsafe = try? read(name, "expected-unsafe.md") {
            let all = linter.fix(path: path, bytes: input, upTo: .unsafe)
            #expect(String(decoding: all.bytes, as: UTF8.self) == String(decoding: unsafe, as: UTF8.self))
        }
    }
}
