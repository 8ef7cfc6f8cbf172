import Testing
@testable import MarkdownScanner

/// GFM pipe tables: when a header and a delimiter row make one, where it ends, and that
/// every cell is its own unit of prose.
@Suite struct TableTests {
    @Test func aTableAfterAParagraphLine() {
        let s = Scanned("Intro\n| a | b |\n|---|:-:|\n| *c | d* |\nrow without pipes\n\nAfter\n")
        #expect(s.kinds == [.paragraph, .tableRow, .tableDelimiter, .tableRow, .tableRow, .blank, .paragraph])
        #expect(s.blocks.map(\.kind) == [.paragraph, .table, .paragraph])
        #expect(s.blocks[1].firstLine == 1 && s.blocks[1].lastLine == 4)
        // Cells are separate: the two `*` cannot pair.
        #expect(s.verdicts == ["[*]", "[*]"])
    }

    @Test func cellsHaveInlines() {
        let s = Scanned("a | b\n--|--\n`x|` | *y*\n")
        #expect(s.kinds == [.tableRow, .tableDelimiter, .tableRow])
        // The pipe inside backticks still splits the cell, as GFM does.
        #expect(s.spanTexts(.codeSpan).isEmpty)
        #expect(s.verdicts == ["*", "*"])
        let escaped = Scanned("a | b\n--|--\n`x\\|` | c\n")
        #expect(escaped.spanTexts(.codeSpan) == ["`x\\|`"])
    }

    @Test(arguments: [
        "| a | b |\n|---|\n",        // column counts differ
        "a\n---\n",                  // a setext heading
        "| a |\n| - x |\n",          // not a delimiter row
        "> | a |\n|---|\n",          // a lazy line cannot be the delimiter row
    ])
    func notTables(_ markdown: String) {
        #expect(!Scanned(markdown).blocks.contains { $0.kind == .table })
    }

    @Test func aTableEndsAtABlankLineOrAnotherBlock() {
        #expect(Scanned("|a|\n|-|\n|b|\n# H\n").kinds == [.tableRow, .tableDelimiter, .tableRow, .atxHeading])
        #expect(Scanned("|a|\n|-|\n> q\n").kinds == [.tableRow, .tableDelimiter, .paragraph])
    }

    @Test func aTableInAQuote() {
        let s = Scanned("> |a|b|\n> |-|-|\n> |c|d|\n")
        #expect(s.kinds == [.tableRow, .tableDelimiter, .tableRow])
    }
}
