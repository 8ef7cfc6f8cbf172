import Testing
@testable import MarkdownScanner

/// Delimiter runs and their verdicts beyond the spec examples: Unicode classes, the
/// places inline content comes from, and what never forms a run.
@Suite struct EmphasisTests {
    @Test(arguments: [
        // Punctuation is P* or S* in 0.31.2: `€` and `©` before `**` make it right-flanking.
        ("**x**€", ["**", "**"]),
        ("a**€x**", ["[**]", "[**]"]),
        ("a**©x**", ["[**]", "[**]"]),
        // Unicode whitespace (U+00A0 is Zs) next to a run.
        ("*\u{00A0}x*", ["[*]", "[*]"]),
        ("é*x*é", ["*", "*"]),
        ("é_x_é", ["[_]", "[_]"]),
        ("snake_case_name", ["[_]", "[_]"]),
        ("2 * 3 * 4", ["[*]", "[*]"]),
        ("_ **bold** _", ["[_]", "**", "**", "[_]"]),
        ("***a**b*", ["***", "**", "*"]),
        ("*a**b*", ["*", "[**]", "*"]),
        ("a**b\nc**", ["**", "**"]),
    ])
    func verdicts(_ markdown: String, _ expected: [String]) {
        #expect(Scanned(markdown + "\n").verdicts == expected)
    }

    @Test func runsCarryFlankingAndPositions() throws {
        let s = Scanned("x _a_ y\n")
        let runs = s.index.runs
        #expect(runs.map(\.start) == [2, 4])
        #expect(runs[0].flags.contains([.leftFlanking, .canOpen]) && !runs[0].flags.contains(.rightFlanking))
        #expect(runs[1].flags.contains([.rightFlanking, .canClose]) && !runs[1].flags.contains(.leftFlanking))
        #expect(runs.allSatisfy { $0.isFullyConsumed && $0.block == 0 })
    }

    @Test func escapesAreRecordedAndNeverRuns() {
        let s = Scanned("**x** \\_ and \\*y\\*\n")
        #expect(s.verdicts == ["**", "**"])
        #expect(s.index.escapes.map { s.string($0..<($0 + 2)) } == ["\\_", "\\*", "\\*"])
    }

    @Test func nothingInCodeHTMLAutolinksOrDestinationsIsARun() {
        let s = Scanned("`*a*` <span title=\"*b*\"> <http://x/*c*> [t](/u_d_ \"*e*\")\n\n    *code*\n\n<div>\n*html*\n</div>\n")
        #expect(s.index.runs.isEmpty)
    }

    @Test func headingContentLeavesOutTheMarkersAndTheClosingSequence() {
        #expect(Scanned("# *a* #\n").verdicts == ["*", "*"])
        #expect(Scanned("## _a_ ##   \n").verdicts == ["_", "_"])
        #expect(Scanned("Title *x*\n===\n").verdicts == ["*", "*"])
    }

    @Test func runsMapBackAcrossContainerPrefixes() {
        let s = Scanned("> a *b\n> c* d\n")
        #expect(s.index.runs.map { s.text.location(of: $0.start) } == [SourceLocation(line: 1, column: 5), SourceLocation(line: 2, column: 4)])
        #expect(s.verdicts == ["*", "*"])
    }

    @Test func imageAltTextIsMarked() {
        let s = Scanned("![an *alt*](/i.png) and *text*\n")
        #expect(s.index.linkTexts.map { s.string($0.range) } == ["an *alt*"])
        #expect(s.index.linkTexts.first?.isImage == true)
    }
}
