import MarkdownScanner
import Testing
@testable import RuleEngine
@testable import Rules

/// One fenced example of a rule page (see rules/README.md for the format).
struct DocExample: CustomTestStringConvertible, Sendable {
    enum Kind: String, Sendable { case bad, fixed, good }
    var rule: String
    var kind: Kind
    var line: Int
    var text: String
    var expectedFindings: Int?
    /// `lines=3,7`: the line (1-based, in the example) of each finding, in order.
    var expectedLines: [Int]?
    var unsafe: Bool
    /// For `bad`: the `fixed` block (safe fixes) and `fixed unsafe` block (with
    /// `--unsafe-fixes`) that follow it, if any.
    var fixed: String?
    var fixedUnsafe: String?
    /// The page's ` ```yaml .galley.yml ` block, which every example of the page runs with.
    var configuration: String?
    /// The site files of the last ` ```files ` block above the example (paths under the
    /// site root), which the example runs against in an in-memory file system.
    var files: [String] = []

    var testDescription: String { "\(rule).md:\(line) \(kind.rawValue)" }

    /// The site root of every example, and the example's own path in it.
    static let root = "/site"
    static let path = "/site/posts/example.md"

    /// Every ` ```markdown bad|fixed|good ` block of every rule's page, as embedded in the binary.
    static func all() -> [DocExample] {
        AllRules.rules.flatMap { parse(page: $0.descriptor.documentation, rule: $0.descriptor.id) }
    }

    static func parse(page: String, rule: String) -> [DocExample] {
        var examples: [DocExample] = []
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var configuration: String?
        var files: [String] = []
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
            guard fence.count >= 3 else {
                i += 1
                continue
            }
            var body: [String] = []
            var j = i + 1
            while j < lines.count && !(lines[j].hasPrefix(String(fence)) && lines[j].allSatisfy { $0 == fenceChar }) {
                body.append(lines[j])
                j += 1
            }
            defer { i = j + 1 }
            if info == ["yaml", ".galley.yml"] {
                configuration = body.joined(separator: "\n") + "\n"
                continue
            }
            if info == ["files"] {
                files = body.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                continue
            }
            guard info.first == "markdown", info.count >= 2, let kind = Kind(rawValue: info[1]) else { continue }
            let count = info.first { $0.hasPrefix("findings=") }.flatMap { Int($0.dropFirst(9)) }
            let at = info.first { $0.hasPrefix("lines=") }.map { $0.dropFirst(6).split(separator: ",").compactMap { Int($0) } }
            var example = DocExample(rule: rule, kind: kind, line: i + 1, text: body.joined(separator: "\n") + "\n",
                                     expectedFindings: count, expectedLines: at, unsafe: info.contains("unsafe"))
            example.files = files
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
        }
        for k in examples.indices { examples[k].configuration = configuration }
        return examples
    }

    /// A linter over the example's own site: its files in memory, its configuration.
    func linter() throws -> Linter {
        var tree = Dictionary(uniqueKeysWithValues: files.map { (Self.root + "/" + $0, "img") })
        tree[Self.path] = text
        let fileSystem = InMemoryFileSystem(tree, workingDirectory: Self.root)
        let config = try configuration.map {
            try Configuration.parse(Array($0.utf8), path: Self.root + "/.galley.yml", directory: Self.root,
                                    knownRules: AllRules.optionTable)
        } ?? .default
        return Linter(session: Session(rules: AllRules.rules, fileSystem: fileSystem), configuration: config, select: [rule])
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

    /// A rule that fixes shows what its fix makes of an example.
    @Test func everyFixingRuleShowsAFixedExample() {
        let examples = DocExample.all()
        for d in AllRules.rules.map(\.descriptor) where d.fix == .safe || d.fix == .unsafe {
            #expect(examples.contains { $0.rule == d.id && ($0.fixed != nil || $0.fixedUnsafe != nil) },
                    "\(d.id).md has no `markdown fixed` example")
        }
    }

    @Test func theParserReadsFilesAndLines() {
        let page = "```files\ncontent/a.png\n```\n\n```markdown bad lines=1,3\nx\n\ny\n```\n\n```markdown good\nz\n```\n"
        let examples = DocExample.parse(page: page, rule: "r")
        #expect(examples.map(\.expectedLines) == [[1, 3], nil])
        #expect(examples.map(\.files) == [["content/a.png"], ["content/a.png"]])
    }

    @Test(arguments: DocExample.all())
    func example(_ example: DocExample) throws {
        let linter = try example.linter()
        let bytes = Array(example.text.utf8)
        let findings = linter.check(path: DocExample.path, bytes: bytes)
        let source = SourceText(bytes)
        let lines = findings.map { source.location(of: $0.range.lowerBound).line }
        switch example.kind {
        case .bad:
            #expect(!findings.isEmpty, "no finding for a bad example")
            if let n = example.expectedFindings { #expect(findings.count == n) }
            if let expected = example.expectedLines { #expect(lines == expected, "findings on these lines") }
        case .good, .fixed:
            #expect(findings.isEmpty, "findings in a good example: \(positions(example.text, findings))")
        }
        #expect(noFindingInCode(example.text, findings, rule: example.rule))
        for level in [Applicability.safe, .unsafe] {
            let once = String(decoding: linter.fix(path: DocExample.path, bytes: bytes, upTo: level).bytes, as: UTF8.self)
            if let expected = level == .safe ? example.fixed : example.fixedUnsafe {
                #expect(once == expected, "fix up to \(level)")
            } else if example.kind == .good {
                #expect(once == example.text, "fixing a good example changed it")
            }
            let twice = linter.fix(path: DocExample.path, bytes: Array(once.utf8), upTo: level).bytes
            #expect(String(decoding: twice, as: UTF8.self) == once, "fixing twice (up to \(level)) changes the result")
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
            case "ghost-card", "ghost-rendered-markdown":
                // A card's lines that CommonMark miscuts as code (indented lines after a
                // blank line inside the card) are card HTML: the conversion takes them,
                // proven against the card read as one HTML fragment.
                return !inCode && (!editsCode || (f.fix?.promise.contains(.convertsCard) ?? false))
            default:
                return !inCode && !editsCode
            }
        }
    }
}
