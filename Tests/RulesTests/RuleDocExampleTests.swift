import Foundation
import MarkdownScanner
import Testing
@testable import RuleEngine
@testable import Rules

/// One fenced example of a rule page.
struct DocExample: CustomTestStringConvertible, Sendable {
    enum Kind: String, Sendable { case bad, fixed, good }
    var rule: String
    var kind: Kind
    var line: Int
    var text: String
    var expectedFindings: Int?
    var unsafe: Bool
    /// For `bad`: the `fixed` block (safe fixes) and `fixed unsafe` block (with
    /// `--unsafe-fixes`) that follow it, if any.
    var fixed: String?
    var fixedUnsafe: String?
    /// The page's ` ```yaml .galley.yml ` block, which every example of the page runs with.
    var configuration: String?

    var testDescription: String { "\(rule).md:\(line) \(kind.rawValue)" }

    /// Reads every ` ```markdown bad|fixed|good ` block of every page in rules/.
    static func all() -> [DocExample] {
        let dir = repositoryRoot.appendingPathComponent("rules")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        var result: [DocExample] = []
        for name in names where name.hasSuffix(".md") && name != "README.md" {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            result += parse(page: text, rule: String(name.dropLast(3)))
        }
        return result
    }

    static func parse(page: String, rule: String) -> [DocExample] {
        var examples: [DocExample] = []
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var configuration: String?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let fenceChar = line.first
            guard fenceChar == "`" || fenceChar == "~" else {
                i += 1
                continue
            }
            let fence = line.prefix { $0 == fenceChar }
            let info = line.dropFirst(fence.count).split(separator: " ").map(String.init)
            if fence.count >= 3, info == ["yaml", ".galley.yml"] {
                let end = lines[(i + 1)...].firstIndex { $0 == String(fence) } ?? lines.count
                configuration = lines[(i + 1)..<end].joined(separator: "\n") + "\n"
                i = end + 1
                continue
            }
            guard fence.count >= 3, info.first == "markdown", info.count >= 2,
                  let kind = Kind(rawValue: info[1]) else {
                i += 1
                continue
            }
            var body: [String] = []
            var j = i + 1
            while j < lines.count && !(lines[j].hasPrefix(String(fence)) && lines[j].allSatisfy { $0 == fenceChar }) {
                body.append(lines[j])
                j += 1
            }
            let count = info.first { $0.hasPrefix("findings=") }.flatMap { Int($0.dropFirst(9)) }
            let example = DocExample(rule: rule, kind: kind, line: i + 1, text: body.joined(separator: "\n") + "\n",
                                     expectedFindings: count, unsafe: info.contains("unsafe"))
            if kind == .fixed, let k = examples.indices.last, examples[k].kind == .bad,
               (example.unsafe ? examples[k].fixedUnsafe : examples[k].fixed) == nil {
                if example.unsafe {
                    examples[k].fixedUnsafe = example.text
                } else {
                    examples[k].fixed = example.text
                }
            } else {
                examples.append(example)
            }
            i = j + 1
        }
        for k in examples.indices { examples[k].configuration = configuration }
        return examples
    }
}

@Suite struct RuleDocExampleTests {
    @Test func everyPageHasBadAndGoodExamples() {
        let examples = DocExample.all()
        for rule in AllRules.rules.map(\.descriptor.id) {
            #expect(examples.contains { $0.rule == rule && $0.kind == .bad }, "\(rule).md has no bad example")
            #expect(examples.contains { $0.rule == rule && $0.kind == .good }, "\(rule).md has no good example")
        }
        // A `fixed` block must follow a `bad` block; a stray one is a mistake in the page.
        #expect(!examples.contains { $0.kind == .fixed }, "a `fixed` block does not follow a `bad` block")
    }

    @Test(arguments: DocExample.all())
    func example(_ example: DocExample) throws {
        let config = try example.configuration.map(configuration) ?? .default
        let findings = lint(example.text, [example.rule], configuration: config)
        switch example.kind {
        case .bad:
            #expect(!findings.isEmpty, "no finding for a bad example")
            if let n = example.expectedFindings { #expect(findings.count == n) }
        case .good, .fixed:
            #expect(findings.isEmpty, "findings in a good example: \(positions(example.text, findings))")
        }
        #expect(noFindingInCode(example.text, findings, rule: example.rule))
        for level in [Applicability.safe, .unsafe] {
            let once = fixed(example.text, [example.rule], upTo: level, configuration: config)
            if let expected = level == .safe ? example.fixed : example.fixedUnsafe {
                #expect(once == expected, "fix up to \(level)")
            } else if example.kind == .good {
                #expect(once == example.text, "fixing a good example changed it")
            }
            #expect(fixed(once, [example.rule], upTo: level, configuration: config) == once, "fixing twice (up to \(level)) changes the result")
        }
    }

    /// No finding starts on a code line or inside a code span, and no edit touches code.
    /// The exemptions: `nbsp-char`, whose unsafe fix is the one fix of galley that changes
    /// bytes inside code (U+00A0 to spaces), and `unclosed-fence`, which is reported at the
    /// opening fence and whose fix inserts the closing fence the author left out (no byte
    /// of code changes; what follows it is Markdown again).
    func noFindingInCode(_ text: String, _ findings: [Finding], rule: String) -> Bool {
        let document = Document(path: "t.md", bytes: Array(text.utf8), session: Session(rules: []))
        var code = document.inlines.spans.filter { $0.kind == .codeSpan }.map(\.range)
        for line in 0..<document.source.lineCount where document.line(line).kind.isCode {
            code.append(document.source.lineStart(line)..<document.source.lineEnd(line))
        }
        func touchesCode(_ edit: Edit) -> Bool {
            code.contains { c in
                edit.range.isEmpty ? c.lowerBound < edit.range.lowerBound && edit.range.lowerBound < c.upperBound
                    : c.overlaps(edit.range)
            }
        }
        return findings.allSatisfy { f in
            let line = document.source.line(containing: f.range.lowerBound)
            let inCode = document.line(line).kind.isCode || document.inlines.span(containing: f.range.lowerBound)?.kind == .codeSpan
            let editsCode = f.fix?.edits.contains(where: touchesCode) ?? false
            switch rule {
            case "nbsp-char":
                // In code, only ever unsafe, and saying that it changes code.
                return !(inCode || editsCode) || (f.fix.map { $0.applicability != .safe && $0.promise.contains(.changesCode) } ?? true)
            case "unclosed-fence":
                return (!inCode || document.line(line).kind == .fenceOpen)
                    && (f.fix?.edits.allSatisfy { $0.range.isEmpty || !touchesCode($0) } ?? true)
            default:
                return !inCode && !editsCode
            }
        }
    }
}
