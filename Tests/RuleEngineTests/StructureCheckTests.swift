import Foundation
import FrontMatter
import MarkdownScanner
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

    @Test func removingTheParagraphBetweenTwoIndentedCodeBlocksJoinsThem() {
        let input = "Intro.\n\n    code one\n\n\n&nbsp;\n\n    code two\n\nOutro.\n"
        #expect(!preserves(input) { _ in [.delete(range(of: "&nbsp;\n\n", in: input))] })
        let moreBlanks = "Intro.\n\n    code one\n\n\n&nbsp;\n\n\n    code two\n\nOutro.\n"
        #expect(!preserves(moreBlanks) { _ in [.delete(range(of: "&nbsp;\n\n", in: moreBlanks))] })
    }

    @Test func anEditFarFromOtherBlocksIsCheckedLocally() {
        let blocks = (0..<200).map { "Paragraph \($0)." }.joined(separator: "\n\n")
        let input = blocks + "\n\n&nbsp;\n\n" + blocks + "\n"
        #expect(preserves(input) { _ in [.delete(range(of: "&nbsp;\n\n", in: input))] })
        let broken = blocks + "\n\nText\n&nbsp;===\n\n" + blocks + "\n"
        #expect(!preserves(broken) { _ in [.delete(range(of: "&nbsp;", in: broken))] })
    }

    @Test func blankLinesInsideFencedCodeElsewhereDoNotMatter() {
        let input = "A&nbsp;\n\n```\none\n\ntwo\n```\n"
        #expect(preserves(input) { _ in [.delete(range(of: "&nbsp;", in: input))] })
    }

    @Test func deletingAWholeBlockIsExpected() {
        let input = "One.\n\n&nbsp;\n\nTwo.\n"
        #expect(preserves(input) { _ in [.delete(range(of: "&nbsp;\n\n", in: input))] })
    }
}

/// The windowed check must agree with re-scanning the whole document, for every line of
/// real documents and three kinds of edit on it.
@Suite struct StructureCheckWindowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var documents: [String] {
        let fixtures = root.appendingPathComponent("fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        var docs = names.sorted().compactMap { try? String(contentsOf: fixtures.appendingPathComponent("\($0)/input.md"), encoding: .utf8) }
        // Rule pages and the README are Markdown with fences, lists and tables too.
        for page in ["rules/nbsp-entity.md", "rules/ghost-card-marker.md", "rules/front-matter-syntax.md", "README.md"] {
            if let text = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) { docs.append(text) }
        }
        docs.append("""
            Intro.

                code one


            &nbsp;


                code two

            - item
              continued

            &nbsp;

                not code in the list?
            > quote
            lazy
            &nbsp;
            <div>
            html
            &nbsp;

            ```
            fence
            ```
            """)
        return docs
    }

    /// The reference: apply the edits to the whole file and scan all of it.
    func fullCheck(_ document: Document, _ edits: [Edit]) -> Bool {
        let after = FixApplier.apply([Fix(title: "", edits: edits, applicability: .safe)], to: document.bytes).bytes
        let fm = FrontMatter.split(after)
        let body = document.frontMatter.flatMap { $0.isClosed ? $0.bodyStart : nil } ?? 0
        let before = BlockScanner.scan(document.source, bodyStart: body)
        return StructureCheck.compare(document.source, before, after: after, edits: edits,
                                      afterBodyStart: fm.flatMap { $0.isClosed ? $0.bodyStart : nil } ?? 0)
    }

    @Test(arguments: documents.indices)
    func windowAgreesWithTheWholeDocument(_ index: Int) {
        let text = Self.documents[index]
        let document = Document(path: "a.md", bytes: Array(text.utf8), session: Session(rules: []))
        let source = document.source
        var compared = 0
        for line in 0..<source.lineCount where document.line(line).kind != .frontMatter {
            let start = source.lineStart(line), content = source.contentEnd(line)
            var candidates: [[Edit]] = [[.delete(start..<source.lineEnd(line))]]
            if content > start { candidates.append([.delete(start..<content)]) }
            if content - start > 6 { candidates.append([.delete(start..<(start + 6))]) }
            for edits in candidates {
                #expect(StructureCheck.preservesBlocks(document, applying: edits) == fullCheck(document, edits),
                        "line \(line + 1) of document \(index), edits \(edits.map(\.range))")
                compared += 1
            }
        }
        #expect(compared > 20)
    }
}

@Suite struct StructureCheckContainerTests {
    func preserves(_ input: String, deleting needle: String) -> Bool {
        let document = Document(path: "a.md", bytes: Array(input.utf8), session: Session(rules: []))
        let b = Array(input.utf8), n = Array(needle.utf8)
        let i = (0...(b.count - n.count)).first { Array(b[$0..<($0 + n.count)]) == n }!
        return StructureCheck.preservesBlocks(document, applying: [.delete(i..<(i + n.count))])
    }

    @Test func removingTheSpacerBetweenTwoListsJoinsThem() {
        #expect(!preserves("- a\n- b\n\n&nbsp;\n\n- c\n- d\n", deleting: "&nbsp;\n\n"))
        #expect(!preserves("1. a\n\n&nbsp;\n\n1. b\n", deleting: "&nbsp;\n\n"))
    }

    @Test func removingALineInsideAnItemCanMakeTheListTight() {
        #expect(!preserves("- a\n\n  &nbsp;\n- b\n", deleting: "\n  &nbsp;"))
    }

    @Test func aSpacerBetweenAListAndAParagraphCanGo() {
        #expect(preserves("- a\n- b\n\n&nbsp;\n\nText.\n", deleting: "&nbsp;\n\n"))
        #expect(preserves("Text.\n\n&nbsp;\n\n- a\n", deleting: "&nbsp;\n\n"))
    }
}
