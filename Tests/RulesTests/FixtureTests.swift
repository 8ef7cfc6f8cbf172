import Foundation
import Testing
@testable import RuleEngine
@testable import Rules

/// Whole documents in fixtures/<case>/: `input.md`, `expected.md` (after safe fixes) and
/// `findings.txt` (`LINE:COL rule-id` per finding of the default rules on the input).
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
        let linter = linter()
        let text = String(decoding: input, as: UTF8.self)
        let findings = linter.check(path: "input.md", bytes: input)
        let actual = zip(positions(text, findings), findings).map { "\($0) \($1.ruleID)" }
        #expect(actual == listed)
        let result = linter.fix(path: "input.md", bytes: input, upTo: .safe)
        #expect(result.failure == nil)
        #expect(String(decoding: result.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let sameBytes = result.bytes == expected
        #expect(sameBytes, "bytes differ (line endings, BOM or final newline)")
        let again = linter.fix(path: "expected.md", bytes: result.bytes, upTo: .safe)
        #expect(again.bytes == result.bytes, "a second fix changed the file")
    }
}
