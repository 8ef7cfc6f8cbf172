import Foundation
import Testing
@testable import RuleEngine
@testable import Rules

/// Whole documents in fixtures/<case>/: `input.md`, `expected.md` (after safe fixes),
/// optionally `expected-unsafe.md` (after unsafe fixes too), and `findings.txt`
/// (`LINE:COL rule-id message` per finding of the default rules on the input), and
/// optionally `withheld.txt` (`LINE:COL rule-id reason` per fix the proof withholds; a
/// case without it withholds none). Each case
/// runs against its own folder only, loaded into an in-memory file system at `/fixture`:
/// a case with a `.galley.yml` is linted under it, its site files beside it.
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

    /// The case's linter, over its folder at `/fixture` and under its `.galley.yml`, and
    /// the input's path there.
    func linter(_ name: String) throws -> (Linter, String) {
        let directory = repositoryRoot.appendingPathComponent("fixtures/\(name)")
        let fileSystem = try InMemoryFileSystem.copy(of: directory, at: "/fixture")
        var configuration = Configuration.default
        if let yaml = try? read(name, ".galley.yml") {
            configuration = try Configuration.parse(yaml, path: "/fixture/.galley.yml", directory: "/fixture",
                                                    knownRules: AllRules.optionTable)
        }
        return (Linter(session: Session(rules: AllRules.rules, fileSystem: fileSystem), configuration: configuration),
                "/fixture/input.md")
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
        let (linter, path) = try linter(name)
        let text = String(decoding: input, as: UTF8.self)
        let findings = linter.check(path: path, bytes: input)
        let actual = zip(positions(text, findings), findings).map { "\($0) \($1.ruleID) \($1.message)" }
        #expect(actual == listed)
        // `withheld.txt` (optional): the findings whose fix the proof withholds, with why.
        if let withheld = try? read(name, "withheld.txt") {
            let expectedWithheld = String(decoding: withheld, as: UTF8.self).split(separator: "\n").map(String.init)
            let actualWithheld = zip(positions(text, findings), findings).compactMap { position, finding in
                finding.fix?.withheld.map { "\(position) \(finding.ruleID) \($0)" }
            }
            #expect(actualWithheld == expectedWithheld)
        } else {
            #expect(findings.allSatisfy { $0.fix?.withheld == nil }, "a fix is withheld: list it in withheld.txt")
        }
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
