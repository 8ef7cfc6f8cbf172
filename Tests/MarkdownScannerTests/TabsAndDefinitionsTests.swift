import Testing
@testable import MarkdownScanner

/// Cases found by an independent review, checked against cmark.
@Suite struct TabsAndDefinitionsTests {
    /// A tab only partly used by a container prefix leaves its other columns as indentation.
    @Test(arguments: [
        ("- a\n\n\t  b\n", [LineKind.paragraph, .blank, .indentedCode]),
        ("- a\n\n\t\tb\n", [.paragraph, .blank, .indentedCode]),
        (">\t  a\n", [.indentedCode]),
        (">\ta\n", [.paragraph]),
        ("-\ta\n", [.paragraph]),
        ("- a\n\n\tb\n", [.paragraph, .blank, .paragraph]),
    ])
    func partlyConsumedTabs(_ markdown: String, _ kinds: [LineKind]) {
        #expect(Scanned(markdown).kinds == kinds)
    }

    /// A line that is blank after `>` keeps a list item inside the quote open (spec example 259).
    @Test func blankQuoteLineKeepsTheItemOpen() {
        let s = Scanned("> 1.  a\n>\n>     b\n")
        #expect(s.kinds == [.paragraph, .blank, .paragraph])
        #expect(s.lines[2].containerDepth == 2)
    }
}
