import Testing
@testable import MarkdownScanner

/// Link reference definitions read out of paragraphs (over several lines, with the
/// fallbacks CommonMark defines), and the reference links they make.
@Suite struct DefinitionAndReferenceTests {
    @Test(arguments: [
        ("[a]: /url\n", true),
        ("[a]: /url \"title\"\n", true),
        ("[a]: <my url> 'title'\n", true),
        ("[a]:\t/url (title)  \n", true),
        ("[Note]: the price is high\n", false),
        ("[a]: /url \"title\" trailing\n", false),
        ("[a]: /url\"title\"\n", true),
        ("[a]: /u(x\n", false),
        ("[a]: <>\n", true),
        ("[a]:\n", false),
        ("[]: /url\n", false),
        ("[ ]: /url\n", false),
        ("[a]: /url (ti(tle)\n", false),
    ])
    func oneLineDefinitions(_ markdown: String, _ isDefinition: Bool) {
        #expect((Scanned(markdown).kinds == [.linkDefinition]) == isDefinition)
    }

    @Test func aDefinitionSpreadOverFourLines() {
        let s = Scanned("[multi\nline]:\n/url\n'the title'\n\n[multi line]\n")
        #expect(s.kinds == [.linkDefinition, .linkDefinition, .linkDefinition, .linkDefinition, .blank, .paragraph])
        #expect(s.blocks.filter { $0.kind == .linkDefinition }.count == 1)
        #expect(s.scan.definitions == ["multi line"])
    }

    @Test func aTitleOnItsOwnLineThatDoesNotEndItIsParagraphText() {
        let s = Scanned("[a]: /url\n\"title\" more\n")
        #expect(s.kinds == [.linkDefinition, .paragraph])
        #expect(s.blocks.map(\.kind) == [.linkDefinition, .paragraph])
    }

    @Test func definitionsThenTextSplitTheParagraph() {
        let s = Scanned("[a]: /1\n[b]: /2\nText *here*.\nMore.\n")
        #expect(s.kinds == [.linkDefinition, .linkDefinition, .paragraph, .paragraph])
        #expect(s.blocks.map(\.kind) == [.linkDefinition, .linkDefinition, .paragraph])
        #expect(s.blocks[2].firstLine == 2 && s.blocks[2].lastLine == 3)
        #expect(s.verdicts == ["*", "*"])
    }

    @Test func aDefinitionCannotInterruptAParagraph() {
        let s = Scanned("Text.\n[a]: /url\n")
        #expect(s.kinds == [.paragraph, .paragraph])
        #expect(s.scan.definitions.isEmpty)
    }

    @Test func anUnderlineUnderOnlyDefinitionsIsNoHeading() {
        #expect(Scanned("[a]: /url\n===\n").kinds == [.linkDefinition, .paragraph])
        #expect(Scanned("[a]: /url\n---\n").kinds == [.linkDefinition, .thematicBreak])
        let heading = Scanned("[a]: /url\nTitle\n===\n")
        #expect(heading.kinds == [.linkDefinition, .paragraph, .setextUnderline])
        #expect(heading.blocks.map(\.kind) == [.linkDefinition, .setextHeading])
    }

    @Test func definitionsInsideContainers() {
        let s = Scanned("> [a]:\n> /url\n\n- [b]: /x\n  'title'\n")
        #expect(s.kinds == [.linkDefinition, .linkDefinition, .blank, .linkDefinition, .linkDefinition])
        #expect(s.scan.definitions == ["a", "b"])
    }

    @Test func referenceLinksResolveAgainstDefinitionsLaterInTheDocument() {
        let s = Scanned("[Full][Ref], [ref][], [ref] and [missing][nope].\n\n[REF]: /url\n")
        #expect(s.spanTexts(.linkLabel) == ["[Ref]", "[]"])
        #expect(s.index.linkTexts.map { s.string($0.range) } == ["Full", "ref", "ref"])
    }

    @Test func labelsMatchAfterCaseFoldingAndCollapsingWhitespace() {
        let s = Scanned("[ẞ] and [Foo\n  bar]\n\n[SS]: /a\n[foo bar]: /b\n")
        #expect(s.index.linkTexts.count == 2)
    }

    @Test func emphasisDoesNotPairAcrossLinkText() {
        #expect(Scanned("*a [b*](/u)\n").verdicts == ["[*]", "[*]"])
        #expect(Scanned("*a [b*][r]\n\n[r]: /u\n").verdicts == ["[*]", "[*]"])
        // Without a definition the brackets are text, and the pair forms.
        #expect(Scanned("*a [b*][r]\n").verdicts == ["*", "*"])
    }

    @Test func aLinkInsideALinkLeavesTheOuterBracketsAsText() {
        let s = Scanned("[a [b](/in) c](/out)\n")
        #expect(s.spanTexts(.linkDestination) == ["(/in)"])
        let image = Scanned("![a [b](/in) c](/out)\n")
        #expect(image.spanTexts(.linkDestination) == ["(/in)", "(/out)"])
        #expect(image.index.linkTexts.map(\.isImage) == [true, false])
    }

    @Test func destinationsNestAtMost32Parentheses() {
        let deep = String(repeating: "(", count: 33) + String(repeating: ")", count: 33)
        #expect(Scanned("[a](/u" + deep + ")\n").spanTexts(.linkDestination).isEmpty)
        let ok = String(repeating: "(", count: 32) + String(repeating: ")", count: 32)
        #expect(Scanned("[a](/u" + ok + ")\n").spanTexts(.linkDestination) == ["(/u" + ok + ")"])
    }
}
