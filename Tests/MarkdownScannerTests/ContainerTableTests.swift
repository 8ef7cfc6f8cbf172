import Testing
@testable import MarkdownScanner

/// The container table, the lists and their tightness, and the content columns the block
/// pass records for rendering.
@Suite struct ContainerTableTests {
    func scan(_ s: String) -> BlockScan { BlockScanner.scan(SourceText(Array(s.utf8))) }

    @Test func quotesAndItemsWithTheirLines() {
        let s = scan("> a\n> - b\n>   c\nlazy\n\nd\n")
        #expect(s.containers == [
            ContainerBlock(kind: .blockQuote, firstLine: 0, lastLine: 3, parent: -1, list: -1, width: 0),
            ContainerBlock(kind: .listItem, firstLine: 1, lastLine: 3, parent: 0, list: 0, width: 2),
        ])
        #expect(s.blocks.map(\.container) == [0, 1, -1])
    }

    @Test func listsGroupSiblingItemsOfOneType() {
        let s = scan("- a\n- b\n+ c\n\n3) d\n4) e\n5. f\n")
        #expect(s.lists.map(\.marker) == [0x2D, 0x2B, 0x29, 0x2E])
        #expect(s.lists.map(\.isOrdered) == [false, false, true, true])
        #expect(s.lists.map(\.start) == [1, 1, 3, 5])
        #expect(s.lists.map(\.firstItem) == [0, 2, 3, 5])
        #expect(s.lists.map(\.lastItem) == [1, 2, 4, 5])
        // A block between items ends the list; an empty item continues it.
        #expect(scan("- a\n\npara\n- b\n").lists.count == 2)
        #expect(scan("* a\n*\n\n* c\n").lists.count == 1)
        #expect(scan("007. x\n").lists.first?.start == 7)
    }

    @Test(arguments: [
        ("- a\n- b\n", true),
        ("- a\n\n- b\n", false),
        ("* a\n*\n\n* c\n", false),
        ("- a\n  - b\n\n- c\n", false),        // the blank line ends the nested item, between a and c
        ("- a\n  - b\n\n    c\n- d\n", true),  // outer tight (the inner list is loose)
        ("- a\n\n  b\n", false),
        ("- a\n  > b\n\n  c\n", false),
        ("- > a\n  >\n- b\n", true),           // a blank line inside a quote is the quote's
        ("- ```\n  a\n\n  ```\n- b\n", true),  // inside fenced code
        ("- a\n- b\n\n  [ref]: /url\n- d\n", false),
        ("-\n  foo\n- bar\n", true),
        ("- a\n- b\n\n\nnext\n", true),        // blank lines after the last item
    ])
    func tightness(_ markdown: String, _ tight: Bool) {
        #expect(scan(markdown).lists.first?.isTight == tight, "\(markdown)")
    }

    @Test func innerListOfTheLooseExample() {
        let s = scan("- a\n  - b\n\n    c\n- d\n")
        #expect(s.lists.map(\.isTight) == [true, false])
    }

    @Test func contentColumnsAndPartialTabs() {
        let s = scan(">\t\tfoo\n-\t\tbar\n")
        #expect(s.lines[0].contentColumn == 2 && s.lines[0].contentInTab && s.lines[0].contentStart == 1)
        #expect(s.lines[1].contentColumn == 2 && s.lines[1].contentInTab && s.lines[1].contentStart == 8)
        let plain = scan("- a\n  b\n")
        #expect(plain.lines[1].contentColumn == 2 && !plain.lines[1].contentInTab)
    }
}
