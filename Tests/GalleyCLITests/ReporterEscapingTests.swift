import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MarkdownScanner
import RuleEngine
import Testing
@testable import GalleyCLI

/// Escaping rules of the machine formats, on the awkward inputs: a path with `,`, `:`,
/// `%` and a space, and a message with line breaks, `::` and `%`.
@Suite struct ReporterEscapingTests {
    let path = "content/posts/a,b:c 100%.md"
    let message = "Trailing spaces: 3\nFix: run galley fix (100% safe) :: done\r\nend"

    func reported(_ message: String, fix: Fix? = nil, severity: Severity = .warning) -> ReportedFinding {
        let finding = Finding(ruleID: "nbsp-entity", range: 3..<9, message: message, severity: severity, fix: fix)
        return ReportedFinding(finding: finding, start: SourceLocation(line: 4, column: 19),
                               end: SourceLocation(line: 4, column: 22), lineHash: 0xABC, occurrence: 0)
    }

    @Test func githubPropertiesAndMessages() {
        #expect(GitHubReporter.property(path) == "content/posts/a%2Cb%3Ac 100%25.md")
        #expect(GitHubReporter.data(message) == "Trailing spaces: 3%0AFix: run galley fix (100%25 safe) :: done%0D%0Aend")
        #expect(GitHubReporter.property("%3A") == "%253A", "% is escaped first, so escapes are not unescaped twice")
        #expect(GitHubReporter.command(reported(message), file: path, fixLevel: .safe)
                == "::warning file=content/posts/a%2Cb%3Ac 100%25.md,line=4,col=19,endLine=4,endColumn=22,title=galley%3A nbsp-entity::Trailing spaces: 3%0AFix: run galley fix (100%25 safe) :: done%0D%0Aend")
    }

    @Test func githubCommandsRoundTripThroughTheRunnersParser() {
        // A replica of actions/runner's ActionCommand.TryParseV2 and its unescaping.
        func parse(_ line: String) -> (command: String, properties: [String: String], message: String)? {
            guard line.hasPrefix("::") else { return nil }
            let rest = line.dropFirst(2)
            guard let end = rest.range(of: "::") else { return nil }
            let head = rest[..<end.lowerBound], data = String(rest[end.upperBound...])
            let command = head.prefix { $0 != " " }
            var properties: [String: String] = [:]
            for pair in head.dropFirst(command.count + 1).split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                properties[kv[0]] = kv[1].replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                    .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%25", with: "%")
            }
            let unescaped = data.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                .replacingOccurrences(of: "%25", with: "%")
            return (String(command), properties, unescaped)
        }
        let fix = Fix(title: "Replace: with, a space", edits: [Edit(range: 3..<9, replacement: " ")], applicability: .unsafe)
        let line = GitHubReporter.command(reported(message, fix: fix, severity: .info), file: path, fixLevel: .safe)
        let parsed = parse(line)
        #expect(parsed?.command == "notice")
        #expect(parsed?.properties == ["file": path, "line": "4", "col": "19", "endLine": "4", "endColumn": "22", "title": "galley: nbsp-entity"])
        #expect(parsed?.message == message + "\nunsafe fix (galley fix --unsafe-fixes): Replace: with, a space")
    }

    @Test func githubDropsColumnsOfARangeOverSeveralLines() {
        var r = reported("m")
        r.end = SourceLocation(line: 6, column: 2)
        #expect(GitHubReporter.command(r, file: "p.md", fixLevel: .safe) == "::warning file=p.md,line=4,endLine=6,title=galley%3A nbsp-entity::m")
    }

    @Test func markdownCellsShowTextLiterally() {
        #expect(GitHubReporter.cell("a|b `c` <d> *e* & f\r\ng") == #"a\|b \`c\` \<d\> \*e\* \& f<br>g"#)
    }

    /// The counters and the step summary of one file's findings, as a run would make them.
    func stepSummary(_ findings: [ReportedFinding]) -> String {
        let policy = FixPolicy(level: .safe)
        let report = FileReport(path: "p.md", findings: findings)
        var totals = RunTotals(policy: policy, fixMode: false)
        totals.add(path: report.path, error: nil, FileTally(report, policy: policy))
        var summary = GitHubReporter.StepSummary()
        summary.add(GitHubReporter.summaryRows(report, paths: RepositoryPaths(root: FileManager.default.currentDirectoryPath), policy: policy))
        return summary.document(totals)
    }

    @Test func stepSummaryStaysUnderGitHubsLimit() {
        let long = String(repeating: "x", count: 200)
        let summary = stepSummary((0..<10_000).map { _ in reported(long) })
        #expect(summary.utf8.count <= 1_048_576)
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| p.md |") }.count
        #expect(rows > 1000 && rows < 10_000)
        #expect(summary.contains("\(10_000 - rows) more findings are not listed here"))
        #expect(summary.hasPrefix("### galley\n\n1 file, 10000 findings, 0 fixable\n"), "\(summary.prefix(60))")
        #expect(!stepSummary([reported("m")]).contains("not listed"))
    }

    @Test func junitEscapesAttributesAndText() {
        #expect(JUnitReporter.escape("a<b>&\"c\"'d'\n\te") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#9;e")
        #expect(JUnitReporter.escape("a\"b\nc", attribute: false) == "a\"b\nc")
        #expect(JUnitReporter.escape("bell\u{07}nul\u{0}", attribute: false) == "bell\u{FFFD}nul\u{FFFD}")
    }

    @Test func junitDocumentParsesWithAMessageOverSeveralLines() throws {
        let policy = FixPolicy(level: .safe)
        let report = FileReport(path: path, findings: [reported(message), reported(message)])
        var totals = RunTotals(policy: policy, fixMode: false)
        totals.add(path: report.path, error: nil, FileTally(report, policy: policy))
        var junit = JUnitReporter()
        junit.add(JUnitReporter.suite(report), findings: 2)
        let sink = OutputSink()
        junit.finish(totals, into: sink)
        let text = String(decoding: sink.buffer, as: UTF8.self)
        #expect(text.contains("<testsuites name=\"galley\" tests=\"2\" failures=\"2\" errors=\"0\""))
        let xml = try XMLDocument(data: Data(text.utf8))
        let cases = try xml.nodes(forXPath: "//testcase") as? [XMLElement] ?? []
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["nbsp-entity 4:19", "nbsp-entity 4:19 (2)"])
        let failure = try #require(cases.first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == message)
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() {
        var out = ""
        JSONValue.quote("a\"b\\c\nd\u{01}é", into: &out)
        #expect(out == #""a\"b\\c\nd\u0001é""#)
        let doc = JSONValue.object([("k", .array([.int(1), .bool(true), .null])), ("e", .object([]))]).rendered()
        #expect(doc == "{\n  \"k\": [\n    1,\n    true,\n    null\n  ],\n  \"e\": {}\n}\n")
    }

    @Test func sarifURIsAreRelativeAndPercentEncoded() {
        let paths = RepositoryPaths(root: "/repo")
        #expect(paths.uri("/repo/content/a,b:c 100%.md") == "content/a%2Cb%3Ac%20100%25.md")
        #expect(paths.uri("/elsewhere/é.md") == "file:///elsewhere/%C3%A9.md")
        #expect(paths.relative("/repo/../repo/x.md") == "x.md")
        #expect(paths.relative("/repository/x.md") == nil)
    }

    @Test func sarifFullDescriptionIsThePagesFirstParagraph() {
        #expect(SARIFReporter.firstParagraph("# id\n\nFlags this\nand that.\n\n- **Severity:** x\n") == "Flags this and that.")
        #expect(SARIFReporter.firstParagraph("# only a title\n") == nil)
    }

    @Test func colorAutoHonoursNoColor() {
        #expect(ColorChoice.always.enabled(for: -1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.enabled(for: -1, environment: [:]))
        #expect(!ColorChoice.auto.enabled(for: -1, environment: [:]), "not a terminal")
        // A pseudo-terminal would be coloured, unless NO_COLOR is set or TERM is dumb.
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { return }
        defer { close(master); close(slave) }
        #expect(ColorChoice.auto.enabled(for: slave, environment: ["TERM": "xterm"]))
        #expect(ColorChoice.auto.enabled(for: slave, environment: ["NO_COLOR": ""]), "an empty NO_COLOR does not count")
        #expect(!ColorChoice.auto.enabled(for: slave, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.auto.enabled(for: slave, environment: ["TERM": "dumb"]))
    }

    @Test func baselineMatchesOnRulePathLineTextAndOccurrence() {
        let source = SourceText(Array("x&nbsp;\nx&nbsp;\nother&nbsp;\n".utf8))
        let findings = [0, 8, 20].map { Finding(ruleID: "nbsp-entity", range: ($0 + 1)..<($0 + 7), message: "m", severity: .warning) }
        let located = ReportedFinding.locate(findings, in: source)
        #expect(located.map(\.occurrence) == [0, 1, 0])
        #expect(located[0].lineHash == located[1].lineHash && located[0].lineHash != located[2].lineHash)
        #expect(located[0].lineHash == LineHash.fnv1a(Array("x&nbsp;".utf8)))
        let paths = RepositoryPaths(root: FileManager.default.currentDirectoryPath)
        let baseline = Baseline(keys: [Baseline.key(located[1], path: "p.md"), Baseline.key(located[2], path: "other.md")])
        var report = FileReport(path: "p.md", findings: located)
        baseline.filter(&report, paths: paths)
        #expect(report.findings.map(\.start.line) == [1, 3])
        #expect(report.baselined == 1)
    }
}
