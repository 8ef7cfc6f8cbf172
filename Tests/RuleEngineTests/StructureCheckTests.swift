import Testing
@testable import RuleEngine

@Suite struct StructureCheckTests {
    func preserves(_ input: String, _ edits: (Document) -> [Edit]) -> Bool {
        let document = Document(path: "a.md", bytes: Array(input.utf8), session: Session(rules: []))
        return StructureCheck.preservesBlocks(document, applying: edits(document))
    }

    func range(of needle: String, in input: String) -> Range<Int> {
        let b = Array(input.utf8), n = Array(needle.utf8)
        let i = (0...(b.count - n.count)).first { Array(b[$0..<($0 + n.count)]) == n }!
        return i..<(i + n.count)
    }

    @Test func anEditInsideALineKeepsTheStructure() {
        let input = "Para with&nbsp;entity.\n\n# Title\n"
        #expect(preserves(input) { _ in [Edit(range: range(of: "&nbsp;", in: input), replacement: " ")] })
    }

    @Test func anEditThatMakesAHeadingChangesIt() {
        let input = "&nbsp;# Not a heading\n"
        #expect(!preserves(input) { _ in [.delete(range(of: "&nbsp;", in: input))] })
    }

    @Test func anEditThatMakesAListItemChangesIt() {
        let input = "Intro line\n&nbsp;- not an item\n"
        #expect(!preserves(input) { _ in [.delete(range(of: "&nbsp;", in: input))] })
    }

    @Test func removingALineThatSeparatesTwoParagraphsChangesIt() {
        let input = "One.\n<!--x-->\nTwo.\n"
        #expect(!preserves(input) { _ in [.delete(range(of: "<!--x-->\n", in: input))] })
        // ...but leaving a blank line in its place keeps them apart.
        #expect(preserves(input) { _ in [.delete(range(of: "<!--x-->", in: input))] })
    }

    @Test func removingACommentGluedToHTMLThatThenSwallowsTextChangesIt() {
        let input = "<!--m--><p>Hi</p>\nA paragraph.\n"
        #expect(!preserves(input) { _ in [.delete(range(of: "<!--m-->", in: input))] })
        let separated = "<!--m--><p>Hi</p>\n\nA paragraph.\n"
        #expect(preserves(separated) { _ in [.delete(range(of: "<!--m-->", in: separated))] })
    }

    @Test func deletingAWholeBlockIsExpected() {
        let input = "One.\n\n&nbsp;\n\nTwo.\n"
        #expect(preserves(input) { _ in [.delete(range(of: "&nbsp;\n\n", in: input))] })
    }
}
