import Testing
@testable import MarkdownScanner

private let fenceCases: [KindCase] = [
    KindCase("backtick fence", "```\ncode\n```\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("tilde fence", "~~~\ncode\n~~~\nafter\n", [.fenceOpen, .fencedCode, .fenceClose, .paragraph]),
    KindCase("info string", "```swift title=\"a\"\nlet x = 1\n```\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("closing fence at least as long", "````\n```\n``````\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("shorter run does not close", "```\na\n``\n```\n", [.fenceOpen, .fencedCode, .fencedCode, .fenceClose]),
    KindCase("tilde does not close backticks", "```\n~~~\n```\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("backticks do not close tildes", "~~~\n```\n~~~\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("tilde info may hold backticks", "~~~~ x`y\na\n~~~\n~~~~\nafter\n",
             [.fenceOpen, .fencedCode, .fencedCode, .fenceClose, .paragraph]),
    KindCase("backtick info with a backtick is not a fence", "``` a`b\ntext\n", [.paragraph, .paragraph]),
    KindCase("``` ``` is a code span", "``` ```\naaa\n", [.paragraph, .paragraph]),
    KindCase("two backticks are not a fence", "``\nfoo\n``\n", [.paragraph, .paragraph, .paragraph]),
    KindCase("closing fence has no info string", "```\ncode\n``` x\n```\n",
             [.fenceOpen, .fencedCode, .fencedCode, .fenceClose]),
    KindCase("closing fence indented 4 does not close", "```\ncode\n    ```\n", [.fenceOpen, .fencedCode, .fencedCode]),
    KindCase("closing fence indented 3 closes", "```\ncode\n   ```\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("fence indented 3 opens", "   ~~~\n   a\n   ~~~\n", [.fenceOpen, .fencedCode, .fenceClose]),
    KindCase("fence indented 4 is indented code", "    ```\n    a\n", [.indentedCode, .indentedCode]),
    KindCase("unclosed fence runs to the end", "```\nnever closed\n\n# not a heading\n",
             [.fenceOpen, .fencedCode, .fencedCode, .fencedCode]),
    KindCase("fence interrupts a paragraph", "para\n```\ncode\n```\n", [.paragraph, .fenceOpen, .fencedCode, .fenceClose]),
    KindCase("blank lines inside a fence", "```\n\n  \n```\n", [.fenceOpen, .fencedCode, .fencedCode, .fenceClose]),
    KindCase("markdown syntax inside a fence", "```\n# h\n- item\n> q\n<div>\n```\n",
             [.fenceOpen, .fencedCode, .fencedCode, .fencedCode, .fencedCode, .fenceClose]),
    KindCase("fence in a list item", "- ```\n  code\n  ```\n- x\n", [.fenceOpen, .fencedCode, .fenceClose, .paragraph]),
    KindCase("fence ends with its list item", "- ```\ncode\n", [.fenceOpen, .paragraph]),
    KindCase("blank line inside a fence in a list item", "- ```\n\n  code\n  ```\n",
             [.fenceOpen, .fencedCode, .fencedCode, .fenceClose]),
    KindCase("fence in a block quote", "> ```\n> code\n> ```\nafter\n", [.fenceOpen, .fencedCode, .fenceClose, .paragraph]),
    KindCase("fence ends when its block quote ends", "> ```\n> code\nout\n", [.fenceOpen, .fencedCode, .paragraph]),
    KindCase("fence in a quote ends at an unquoted blank line", "> ```\n\n> code\n", [.fenceOpen, .blank, .paragraph]),
]

@Suite struct FencedCodeTests {
    @Test(arguments: fenceCases)
    func lineKinds(_ c: KindCase) {
        #expect(Scanned(c.markdown).kinds == c.kinds)
    }

    @Test func fencedCodeIsOneBlock() throws {
        let s = Scanned("text\n```\na\n\nb\n```\ntext\n")
        let code = try #require(s.block(ofLine: 1))
        #expect(code.kind == .fencedCode)
        #expect(code.kind.isCode && !code.kind.hasInlines)
        #expect(code.firstLine == 1 && code.lastLine == 5)
        #expect((1...5).allSatisfy { s.block(ofLine: $0) == code })
        #expect((1...5).allSatisfy { s.kinds[$0].isCode })
        #expect(!s.kinds[0].isCode && !s.kinds[6].isCode)
    }

    @Test func unclosedFenceBlockEndsAtTheLastLine() throws {
        let s = Scanned("```\na\nb")
        let code = try #require(s.block(ofLine: 0))
        #expect(code.lastLine == 2)
        #expect(s.kinds.last == .fencedCode)
    }

    @Test func fenceClosedInsideAQuoteDoesNotLeak() throws {
        let s = Scanned("> ```\n> a\nb\n```\nc\n")
        // `b` closes quote and fence; the second ``` opens a new, unclosed fence.
        #expect(s.kinds == [.fenceOpen, .fencedCode, .paragraph, .fenceOpen, .fencedCode])
        #expect(s.lines.map(\.containerDepth) == [1, 1, 0, 0, 0])
        #expect(s.block(ofLine: 0) != s.block(ofLine: 3))
    }

    @Test func contentStartOfFencedLinesInContainers() {
        let s = Scanned("> ```\n> code\n- ```\n  code\n")
        #expect(s.lines.map(\.contentStart) == [2, 8, 15, 21])
    }
}
