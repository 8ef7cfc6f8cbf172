import Testing
@testable import MarkdownScanner

private let leafCases: [KindCase] = [
    KindCase("paragraphs separated by a blank line", "a\nb\n\nc\n", [.paragraph, .paragraph, .blank, .paragraph]),
    KindCase("ATX headings 1 to 6", "# H1\n## H2\n###### H6\n", [.atxHeading, .atxHeading, .atxHeading]),
    KindCase("seven # is not a heading", "####### seven\n", [.paragraph]),
    KindCase("# needs a space", "#5 bolt\n\n#hashtag\n", [.paragraph, .blank, .paragraph]),
    KindCase("empty ATX headings", "#\n## \n### ###\n", [.atxHeading, .atxHeading, .atxHeading]),
    KindCase("ATX heading indented 3 spaces", "   # h\n", [.atxHeading]),
    KindCase("ATX heading indented 4 spaces is code", "    # h\n", [.indentedCode]),
    KindCase("escaped # is a paragraph", "\\# not a heading\n", [.paragraph]),
    KindCase("ATX heading interrupts a paragraph", "para\n# H\nnext\n", [.paragraph, .atxHeading, .paragraph]),
    KindCase("setext =", "Foo\n===\n", [.paragraph, .setextUnderline]),
    KindCase("setext - with trailing spaces", "Foo\n  ---  \n", [.paragraph, .setextUnderline]),
    KindCase("setext over two lines", "Foo\nbar\n-\n", [.paragraph, .paragraph, .setextUnderline]),
    KindCase("underline indented 4 is continuation", "Foo\n    ---\n", [.paragraph, .paragraph]),
    KindCase("spaced underline is not setext", "Foo\n= =\n", [.paragraph, .paragraph]),
    KindCase("=== alone is a paragraph", "===\n", [.paragraph]),
    KindCase("--- without paragraph is a break", "\n---\n", [.blank, .thematicBreak]),
    KindCase("thematic breaks", "***\n---\n___\n * * *\n-  -  -\n", Array(repeating: .thematicBreak, count: 5)),
    KindCase("*** after a paragraph is a break", "Foo\n***\n", [.paragraph, .thematicBreak]),
    KindCase("too few or mixed characters", "--\n**\n*-*\n", [.paragraph, .paragraph, .paragraph]),
    KindCase("- - - is a break, not a list", "- - -\n", [.thematicBreak]),
    KindCase("indented code", "    a\n\tb\n", [.indentedCode, .indentedCode]),
    KindCase("indented code cannot interrupt a paragraph", "para\n    not code\n", [.paragraph, .paragraph]),
    KindCase("indented code after a blank line", "para\n\n    code\nend\n", [.paragraph, .blank, .indentedCode, .paragraph]),
    KindCase("one-line link reference definition", "[foo]: /url \"t\"\n", [.linkDefinition]),
]

@Suite struct BlockScannerLeafTests {
    @Test(arguments: leafCases)
    func lineKinds(_ c: KindCase) {
        let s = Scanned(c.markdown)
        #expect(s.kinds == c.kinds)
        #expect(s.lines.count == s.text.lineCount)
    }

    @Test func setextHeadingTurnsTheParagraphBlockIntoAHeading() throws {
        let s = Scanned("Foo\nbar\n---\n\nbaz\n===\n")
        let first = try #require(s.block(ofLine: 0))
        #expect(first.kind == .setextHeading)
        #expect(first.firstLine == 0 && first.lastLine == 2)
        #expect(s.block(ofLine: 2) == first)
        let second = try #require(s.block(ofLine: 5))
        #expect(second.kind == .setextHeading)
        #expect(second.firstLine == 4)
        #expect(s.blocks.count == 2)
    }

    @Test func headingsAndBreaksAreOneLineBlocks() {
        let s = Scanned("# A\n## B\n***\n")
        #expect(s.blocks.map(\.kind) == [.atxHeading, .atxHeading, .thematicBreak])
        #expect(s.blocks.allSatisfy { $0.firstLine == $0.lastLine })
    }

    @Test func paragraphBlockSpansItsLines() {
        let s = Scanned("a\nb\n\nc\n")
        #expect(s.blocks == [
            Block(kind: .paragraph, firstLine: 0, lastLine: 1, htmlType: 0),
            Block(kind: .paragraph, firstLine: 3, lastLine: 3, htmlType: 0),
        ])
        #expect(s.lines.map(\.block) == [0, 0, -1, 1])
    }

    @Test func blankLinesInsideIndentedCodeBelongToOneBlock() throws {
        let s = Scanned("    a\n\n      \n    b\nc\n")
        #expect(s.kinds[0] == .indentedCode)
        #expect(s.kinds[3] == .indentedCode)
        #expect(s.kinds[4] == .paragraph)
        let code = try #require(s.block(ofLine: 0))
        #expect(code.kind == .indentedCode)
        #expect(code.firstLine == 0 && code.lastLine == 3)
        #expect(s.block(ofLine: 3) == code)
        #expect(s.lines[1].kind != .paragraph && s.lines[2].kind != .paragraph)
    }

    @Test func trailingBlankLinesAreNotPartOfIndentedCode() throws {
        let s = Scanned("    a\n\n\nb\n")
        let code = try #require(s.block(ofLine: 0))
        #expect(code.lastLine == 0)
        #expect(s.kinds == [.indentedCode, .blank, .blank, .paragraph])
    }

    @Test(arguments: [
        ("crlf", "# H\r\npara\r\n```\r\ncode\r\n```\r\n    ind\r\n"),
        ("cr", "# H\rpara\r```\rcode\r```\r    ind\r"),
        ("no final newline", "# H\npara\n```\ncode\n```\n    ind"),
    ])
    func lineEndingsDoNotChangeKinds(_ name: String, _ markdown: String) {
        let s = Scanned(markdown)
        #expect(s.kinds == [.atxHeading, .paragraph, .fenceOpen, .fencedCode, .fenceClose, .indentedCode])
    }

    @Test func frontMatterLinesBeforeBodyStart() throws {
        let md = "---\ntitle: `x`\n---\n# H\n`y`\n"
        let bodyStart = md.utf8.count - "# H\n`y`\n".utf8.count
        let s = Scanned(md, bodyStart: bodyStart)
        #expect(s.kinds == [.frontMatter, .frontMatter, .frontMatter, .atxHeading, .paragraph])
        #expect(s.lines.prefix(3).allSatisfy { $0.block == -1 && $0.containerDepth == 0 })
        #expect(s.blocks.map(\.kind) == [.atxHeading, .paragraph])
        #expect(s.spanTexts(.codeSpan) == ["`y`"])
        // Without a body start the same `---` would be a thematic break / setext underline.
        #expect(Scanned(md).kinds[0] == .thematicBreak)
    }

    @Test func frontMatterWithBOM() {
        let md = "\u{FEFF}---\na: 1\n---\ntext\n"
        let s = Scanned(md, bodyStart: 3 + 4 + 5 + 4)
        #expect(s.kinds == [.frontMatter, .frontMatter, .frontMatter, .paragraph])
        #expect(s.lines[0].contentStart == 3)
    }

    @Test func emptyDocumentHasOneBlankLine() {
        let s = Scanned("")
        #expect(s.kinds == [.blank])
        #expect(s.blocks.isEmpty)
    }
}
