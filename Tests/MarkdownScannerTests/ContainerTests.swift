import Testing
@testable import MarkdownScanner

/// Block quotes and list items: container prefixes, content indentation, laziness.
@Suite struct ContainerTests {
    @Test(arguments: [
        ("> quote\n", 2),
        (">quote\n", 1),
        ("   > quote\n", 5),
        ("> > nested\n", 4),
        ("- item\n", 2),
        ("* item\n", 2),
        ("+ item\n", 2),
        ("1. item\n", 3),
        ("10) item\n", 4),
        ("-   wide\n", 4),
        ("> - x\n", 4),
        ("- > x\n", 4),
    ])
    func contentStartAfterThePrefix(_ markdown: String, _ contentStart: Int) {
        let s = Scanned(markdown)
        #expect(s.kinds == [.paragraph])
        #expect(s.lines[0].contentStart == contentStart)
    }

    @Test func containerDepthAndListItemOpeners() {
        let s = Scanned("> - a\n>   b\n- c\n  - d\n")
        #expect(s.lines.map(\.containerDepth) == [2, 2, 1, 2])
        #expect(s.lines.map(\.opensListItem) == [true, false, true, true])
        #expect(s.lines.map(\.contentStart) == [4, 10, 14, 20])
    }

    @Test func lazyContinuationInABlockQuote() throws {
        let s = Scanned("> foo\nbar\n> baz\n")
        #expect(s.kinds == [.paragraph, .paragraph, .paragraph])
        let para = try #require(s.block(ofLine: 0))
        #expect(para.firstLine == 0 && para.lastLine == 2)
        // The lazy line has no `>` prefix, but it is still inside the quote.
        #expect(s.lines[1].contentStart == 6)
        #expect(s.lines.map(\.containerDepth) == [1, 1, 1])
    }

    @Test func lazyLineMayLookLikeIndentedCodeOrAnUnderline() {
        #expect(Scanned("> foo\n    - bar\n").kinds == [.paragraph, .paragraph])
        #expect(Scanned("> foo\nbar\n===\n").kinds == [.paragraph, .paragraph, .paragraph])
        #expect(Scanned("- foo\nlazy\n").lines.map(\.containerDepth) == [1, 1])
    }

    @Test(arguments: [
        ("thematic break", "> foo\n---\n", [LineKind.paragraph, .thematicBreak]),
        ("fence", "> foo\n```\n", [.paragraph, .fenceOpen]),
        ("heading", "> foo\n# h\n", [.paragraph, .atxHeading]),
        ("list item", "> foo\n- x\n", [.paragraph, .paragraph]),
        ("blank line", "> foo\n\nbar\n", [.paragraph, .blank, .paragraph]),
    ])
    func blocksThatEndLaziness(_ name: String, _ markdown: String, _ kinds: [LineKind]) {
        let s = Scanned(markdown)
        #expect(s.kinds == kinds)
        #expect(s.lines.last?.containerDepth == (name == "list item" ? 1 : 0))
        #expect(s.block(ofLine: 0) != s.block(ofLine: s.lines.count - 1))
    }

    @Test func onlyParagraphsContinueLazily() {
        #expect(Scanned("> ```\nfoo\n").kinds == [.fenceOpen, .paragraph])
        #expect(Scanned(">     code\nfoo\n").kinds == [.indentedCode, .paragraph])
    }

    @Test func listItemContentIndentation() {
        // Continuation lines must be indented to the content column of the item.
        let s = Scanned("-   foo\n\n    bar\n\n  baz\n")
        #expect(s.kinds == [.paragraph, .blank, .paragraph, .blank, .paragraph])
        #expect(s.lines.map(\.containerDepth) == [1, 1, 1, 1, 0])
        #expect(s.lines[2].contentStart == 13)

        let ordered = Scanned("1.  a\n\n    b\n")
        #expect(ordered.lines.map(\.contentStart) == [4, 6, 11])
        #expect(ordered.lines[2].containerDepth == 1)
    }

    @Test func fiveSpacesAfterTheMarkerStartIndentedCode() {
        let s = Scanned("-     code\n")
        #expect(s.kinds == [.indentedCode])
        #expect(s.lines[0].contentStart == 2)
        #expect(s.lines[0].opensListItem)
    }

    @Test func indentedCodeInsideAListItem() {
        let s = Scanned("- a\n\n      code\n")
        #expect(s.kinds == [.paragraph, .blank, .indentedCode])
        #expect(s.lines[2].containerDepth == 1)
        #expect(s.lines[2].contentStart == 7)
    }

    @Test func itemStartingWithABlankLine() {
        let s = Scanned("-\n  foo\n")
        #expect(s.kinds == [.blank, .paragraph])
        #expect(s.lines[0].opensListItem)
        #expect(s.lines[1].containerDepth == 1)
        #expect(s.lines[1].contentStart == 4)
    }

    @Test func unindentedLineAfterABlankLeavesTheList() {
        let s = Scanned("- foo\n\nbar\n")
        #expect(s.lines.map(\.containerDepth) == [1, 1, 0])
        #expect(s.block(ofLine: 0) != s.block(ofLine: 2))
    }

    /// CommonMark example 312: each less-indented marker is a sibling item; the last
    /// line is indented too far to be an item and continues the paragraph lazily.
    @Test func siblingItemsWithVaryingIndentation() {
        let s = Scanned("- a\n - b\n  - c\n   - d\n    - e\n")
        #expect(s.lines.map(\.opensListItem) == [true, true, true, true, false])
        #expect(s.lines.map(\.containerDepth) == [1, 1, 1, 1, 1])
        #expect(s.kinds == Array(repeating: .paragraph, count: 5))
        #expect(s.blocks.count == 4)
    }

    @Test func bulletItemsFollowingEachOther() {
        let s = Scanned("- a\n- b\n* c\n")
        #expect(s.lines.map(\.opensListItem) == [true, true, true])
        #expect(s.blocks.count == 3)
    }

    @Test func onlyAnItemStartingWithOneInterruptsAParagraph() {
        #expect(Scanned("para\n2. x\n").lines[1].opensListItem == false)
        #expect(Scanned("para\n1. x\n").lines[1].opensListItem == true)
        #expect(Scanned("para\n-\n").kinds == [.paragraph, .setextUnderline])
        #expect(Scanned("para\n*\n").kinds == [.paragraph, .paragraph])
    }

    // MARK: list items (bugs found by these tests, now fixed)

    /// CommonMark example 302 (`1. foo\n2. bar`): in a list, `2.` starts a sibling item
    /// right after a paragraph line; "must start with 1" is only for a list that
    /// interrupts a paragraph.
    @Test func orderedItemsAfterTheFirstOpenNewItems() {
        let s = Scanned("1. a\n2. b\n3. c\n")
        #expect(s.lines.map(\.opensListItem) == [true, true, true])
        #expect(s.lines.map(\.contentStart) == [3, 8, 13])
        #expect(s.blocks.count == 3)
        // A code span cannot cross from one item into the next.
        let spans = Scanned("1. `a\n2. b`\n")
        #expect(spans.spanTexts(.codeSpan).isEmpty)
    }

    /// CommonMark example 281 (`- foo\n-\n- bar`): the middle line is an empty item.
    @Test func emptyItemBetweenItems() {
        let s = Scanned("- foo\n-\n- bar\n")
        #expect(s.kinds == [.paragraph, .blank, .paragraph])
        #expect(s.lines.map(\.opensListItem) == [true, true, true])
    }

    /// CommonMark example 280 (`-\n\n  foo`): an item can begin with at most one blank
    /// line, so `foo` is a paragraph after an empty list.
    @Test func itemCannotStartWithTwoBlankLines() {
        let s = Scanned("-\n\n  foo\n")
        #expect(s.kinds == [.blank, .blank, .paragraph])
        #expect(s.lines[2].containerDepth == 0)
        #expect(s.lines[2].contentStart == 3)
    }
}
