import Testing
@testable import MarkdownScanner

struct HTMLCase: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    var kinds: [LineKind]
    /// The HTML block type of the first block, 0 when it is not an HTML block.
    var type: UInt8

    init(_ name: String, _ markdown: String, _ kinds: [LineKind], type: UInt8) {
        self.name = name
        self.markdown = markdown
        self.kinds = kinds
        self.type = type
    }

    var testDescription: String { name }
}

private let h: LineKind = .html

private let htmlCases: [HTMLCase] = [
    // Type 1: raw text tags end at their closing tag, across blank lines.
    HTMLCase("1 script", "<script type=\"x\">\nlet a = 1\n\nb\n</script>\nafter\n", [h, h, h, h, h, .paragraph], type: 1),
    HTMLCase("1 PRE upper case", "<PRE>\n\nx\n</pre>\nafter\n", [h, h, h, h, .paragraph], type: 1),
    HTMLCase("1 style ends on its own line", "<style>p{}</style>\nafter\n", [h, .paragraph], type: 1),
    HTMLCase("1 textarea", "<textarea>\n\n</textarea>\n*x*\n", [h, h, h, .paragraph], type: 1),
    HTMLCase("1 ends at any closing raw tag", "<script>\n</style>\nafter\n", [h, h, .paragraph], type: 1),
    // Type 2: comments end at -->.
    HTMLCase("2 comment spanning lines", "<!-- a\n\nb -->\nafter\n", [h, h, h, .paragraph], type: 2),
    HTMLCase("2 one-line comment", "<!-- c -->\nafter\n", [h, .paragraph], type: 2),
    HTMLCase("2 <!--> is a whole comment", "<!-->\nafter\n", [h, .paragraph], type: 2),
    HTMLCase("2 unclosed comment runs to the end", "<!--\n\n# x\n", [h, h, h], type: 2),
    // Type 3: processing instructions end at ?>.
    HTMLCase("3 processing instruction", "<?php\n\necho 1;\n?>\nafter\n", [h, h, h, h, .paragraph], type: 3),
    // Type 4: declarations end at >.
    HTMLCase("4 declaration", "<!DOCTYPE html\n\n>\nafter\n", [h, h, h, .paragraph], type: 4),
    // Type 5: CDATA ends at ]]>.
    HTMLCase("5 CDATA", "<![CDATA[\n\n]]>\nafter\n", [h, h, h, .paragraph], type: 5),
    // Type 6: block tags end at a blank line.
    HTMLCase("6 div ends at blank line", "<div>\n*x*\n\nafter\n", [h, h, .blank, .paragraph], type: 6),
    HTMLCase("6 closing tag", "</div>\n*x*\n", [h, h], type: 6),
    HTMLCase("6 upper case with attributes", "<DIV CLASS=\"x\">\nfoo\n", [h, h], type: 6),
    HTMLCase("6 self-closing", "<hr/>\ntext\n", [h, h], type: 6),
    HTMLCase("6 tag name only needs to start the line", "<table><tr><td>\n<pre>\n", [h, h], type: 6),
    HTMLCase("6 search (new in 0.31)", "<search>\nx\n", [h, h], type: 6),
    HTMLCase("6 indented 3", "   <div>\n", [h], type: 6),
    HTMLCase("6 indented 4 is code", "    <div>\n", [.indentedCode], type: 0),
    // Type 7: any complete tag alone on its line; ends at a blank line.
    HTMLCase("7 open tag", "<a href=\"x\">\n*x*\n\nafter\n", [h, h, .blank, .paragraph], type: 7),
    HTMLCase("7 custom element", "<Warning>\n*x*\n</Warning>\n", [h, h, h], type: 7),
    HTMLCase("7 closing tag", "</ins>\ntext\n", [h, h], type: 7),
    HTMLCase("7 text after the tag is a paragraph", "<del>*foo*</del>\n", [.paragraph], type: 0),
    HTMLCase("7 incomplete tag is a paragraph", "<a href=\"foo\nbar\">\n", [.paragraph, .paragraph], type: 0),
    HTMLCase("not a tag", "<33>\n< a>\n", [.paragraph, .paragraph], type: 0),
]

@Suite struct HTMLBlockTests {
    @Test(arguments: htmlCases)
    func htmlBlock(_ c: HTMLCase) {
        let s = Scanned(c.markdown)
        #expect(s.kinds == c.kinds)
        let first = s.blocks.first
        #expect((first?.kind == .html ? first?.htmlType : 0) == c.type)
    }

    @Test(arguments: [
        ("type 6 interrupts", "para\n<div>\nx\n", [LineKind.paragraph, .html, .html]),
        ("type 1 interrupts", "para\n<script>\nx\n</script>\n", [.paragraph, .html, .html, .html]),
        ("type 2 interrupts", "para\n<!-- c -->\n", [.paragraph, .html]),
        ("type 7 cannot interrupt", "para\n<a href=\"x\">\nmore\n", [.paragraph, .paragraph, .paragraph]),
        ("type 7 custom tag cannot interrupt", "para\n<Warning>\n", [.paragraph, .paragraph]),
    ])
    func interruptingAParagraph(_ name: String, _ markdown: String, _ kinds: [LineKind]) {
        #expect(Scanned(markdown).kinds == kinds)
    }

    @Test func typeSevenAfterABlankLineIsABlock() {
        #expect(Scanned("para\n\n<a href=\"x\">\nmore\n").kinds == [.paragraph, .blank, .html, .html])
    }

    @Test func blankLinesInsideTypes1To5BelongToTheBlock() throws {
        let s = Scanned("<!--\n\n-->\n")
        let block = try #require(s.block(ofLine: 1))
        #expect(block.kind == .html && block.htmlType == 2)
        #expect(block.firstLine == 0 && block.lastLine == 2)
        #expect(!block.kind.hasInlines)
    }

    @Test func htmlBlockEndsWithItsContainer() {
        let quote = Scanned("> <div>\n> x\nlazy\n")
        #expect(quote.kinds == [.html, .html, .paragraph])
        #expect(quote.lines.map(\.containerDepth) == [1, 1, 0])

        // Even a comment without its end marker ends when the block quote ends.
        let comment = Scanned("> <!--\n> x\ny -->\n")
        #expect(comment.kinds == [.html, .html, .paragraph])

        let item = Scanned("- <div>\n  x\n\ny\n")
        #expect(item.kinds == [.html, .html, .blank, .paragraph])
        #expect(item.lines.map(\.containerDepth) == [1, 1, 1, 0])
    }
}
