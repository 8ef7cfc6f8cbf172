import MarkdownScanner
import Rendering
import Testing
@testable import RuleEngine

/// The proof of card conversions: the card's bytes are read as ONE HTML fragment as a
/// browser shows it (`CardReading`), the Markdown as CommonMark renders it.
@Suite struct CardProofTests {
    func verdict(_ input: String, card: String, becomes markdown: String, promise: FixPromise = [.convertsCard, .removesComments]) -> ProofVerdict {
        let document = Document(path: "a.md", bytes: Array(input.utf8), session: Session(rules: []))
        let b = Array(input.utf8), n = Array(card.utf8)
        let i = (0...(b.count - n.count)).first { Array(b[$0..<($0 + n.count)]) == n }!
        let fix = Fix(title: "", edits: [Edit(range: i..<(i + n.count), replacement: markdown)], applicability: .unsafe, promise: promise)
        return FixProof(document).prove([fix])
    }

    func names(_ tokens: [HTMLToken]) -> [String] {
        tokens.compactMap {
            switch $0 {
            case let .startTag(name, _, _): name
            case let .endTag(name): "/" + name
            default: nil
            }
        }
    }

    @Test func theBrowserReadingClosesWhatHTMLLeavesOpen() {
        let tokens = CardReading.browserReading(HTMLTokenizer.tokenize(Array("<p>one<p>two<ul><li>a<li>b</ul><div>x</span>y".utf8)))
        #expect(names(tokens) == ["p", "/p", "p", "/p", "ul", "li", "/li", "li", "/li", "/ul", "div", "/div"])
        // A stray `</p>` is an empty paragraph, `</br>` a line break.
        #expect(names(CardReading.browserReading(HTMLTokenizer.tokenize(Array("a</p>b</br>".utf8)))) == ["p", "/p", "br"])
    }

    @Test func aCodeCardCutByABlankLineIsReadWhole() {
        // CommonMark ends the figure's HTML block at the blank line; a browser does not.
        let card = "<figure class=\"kg-card kg-code-card\"><pre><code class=\"language-sh\">a &amp;&amp; b\n\nc\n</code></pre></figure>"
        let input = "Intro.\n\n" + card + "\n\nOutro.\n"
        #expect(verdict(input, card: card, becomes: "```sh\na && b\n\nc\n```") == .readerSame("converts a Ghost card to Markdown"))
        // A byte of code changed is refused.
        #expect(verdict(input, card: card, becomes: "```sh\na && b\nc\n```") == .broken("would change the text of a code block"))
        // Without the promise the proof reads CommonMark's cut reading, and refuses.
        #expect(verdict(input, card: card, becomes: "```sh\na && b\n\nc\n```", promise: .convertsMarkup).isBroken)
    }

    @Test func theDeclaredMappingDropsBookmarkExtrasAndNothingElse() {
        let card = "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"https://x.example/a\">"
            + "<div class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">Title</div><div class=\"kg-bookmark-description\">Some words</div>"
            + "<div class=\"kg-bookmark-metadata\"><img class=\"kg-bookmark-icon\" src=\"i.png\"><span class=\"kg-bookmark-author\">Me</span></div></div>"
            + "<div class=\"kg-bookmark-thumbnail\"><img src=\"t.png\"></div></a></figure>"
        let input = card + "\n"
        #expect(verdict(input, card: card, becomes: "[Title](https://x.example/a)\n\nSome words") == .readerSame("converts a Ghost card to Markdown"))
        #expect(verdict(input, card: card, becomes: "[Title](https://x.example/b)\n\nSome words") == .broken("would change a link"))
        #expect(verdict(input, card: card, becomes: "[Title](https://x.example/a)") .isBroken)
    }

    @Test func emphasisCountsForCards() {
        let card = "<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"A\"><figcaption><i><em>right</em></i> on time</figcaption></figure>"
        let input = card + "\n"
        #expect(verdict(input, card: card, becomes: "![A](/a.png)\n\n*right* on time") == .readerSame("converts a Ghost card to Markdown"))
        // `<i><em>` is italic once: `**` would make it bold.
        #expect(verdict(input, card: card, becomes: "![A](/a.png)\n\n**right** on time") == .broken("would change the emphasis"))
    }

    /// Check mode skips the proof of a cluster that holds a card conversion, which is
    /// never `.same` (its members are proven alone): it must never be.
    @Test func aClusterWithACardConversionIsNeverSame() {
        let card = "<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"A\"></figure>"
        let input = "---\ntitle: T\n---\nSome&nbsp;text.\n\n" + card + "\n\nMore.\n"
        let b = Array(input.utf8)
        func range(_ s: String) -> Range<Int> {
            let n = Array(s.utf8)
            let i = (0...(b.count - n.count)).first { Array(b[$0..<($0 + n.count)]) == n }!
            return i..<(i + n.count)
        }
        let proof = FixProof(Document(path: "a.md", bytes: b, session: Session(rules: [])))
        let convert = Fix(title: "", edits: [Edit(range: range(card), replacement: "![A](/a.png)")],
                          applicability: .unsafe, promise: [.convertsCard, .removesComments])
        let entity = Fix(title: "", edits: [Edit(range: range("&nbsp;"), replacement: " ")], applicability: .safe, promise: [.nbspBecomesSpace])
        #expect(proof.maybeSame([entity]) && proof.prove([entity]) == .same)
        #expect(!proof.maybeSame([convert]) && !proof.maybeSame([entity, convert]))
        #expect(proof.prove([convert]) == .readerSame("converts a Ghost card to Markdown"))
        #expect(proof.prove([entity, convert]) == .readerSame("converts a Ghost card to Markdown"))
        // A conversion in the front matter (no such fix is made) is not a card the body reads.
        let inFrontMatter = Fix(title: "", edits: [Edit(range: range("T"), replacement: "U")], applicability: .unsafe, promise: [.convertsCard])
        #expect(proof.maybeSame([inFrontMatter]) && proof.prove([inFrontMatter]) == .same)
    }

    @Test func emphasisIsToldByTheTagsNames() {
        let html = "<b>x</b> <strong>y</strong> <i>z</i> <em>w</em> <s>v</s> <bb>u</bb> <emx>t</emx> <strongs>r</strongs> <B>q</B>"
        #expect(CardReading.emphasis(HTMLTokenizer.tokenize(Array(html.utf8))) == ["strong:x", "strong:y", "em:z", "em:w", "strong:q"])
    }

    @Test func targetsArePercentDecodedWhereThatMakesUTF8() {
        #expect(FixProof.percentDecoded("/a%20b/%C3%A9.png") == "/a b/é.png")
        #expect(FixProof.percentDecoded("/plain.png") == "/plain.png")
        #expect(FixProof.percentDecoded("/100%") == "/100%")
        #expect(FixProof.percentDecoded("/%E9.png") == "/%E9.png")
        let tokens = CardReading.comparable(HTMLTokenizer.tokenize(Array("<a href=\"/x%20y\" title=\"%20\">t</a><p class=\"c\">".utf8)),
                                            headingAttributes: false)
        guard case let .startTag(_, link, _) = tokens[0], case let .startTag(_, paragraph, _) = tokens[3] else {
            Issue.record("tokens: \(tokens)")
            return
        }
        #expect(link.map(\.value) == ["/x y", "%20"])
        #expect(paragraph.map(\.value) == ["c"])
    }

    @Test func aToggleHeadingIsABoldLineAndHeadingIDsCountOnlyWhereTheSiteReadsThem() {
        let card = "<div class=\"kg-card kg-toggle-card\"><div class=\"kg-toggle-heading\"><h4 class=\"kg-toggle-heading-text\">Q?</h4></div><div class=\"kg-toggle-content\"><p>A.</p></div></div>"
        #expect(verdict(card + "\n", card: card, becomes: "**Q?**\n\nA.") == .readerSame("converts a Ghost card to Markdown"))
        let heading = "<!--kg-card-begin: markdown--><h2 id=\"x\">Title</h2>\n<!--kg-card-end: markdown-->"
        #expect(verdict(heading + "\n", card: heading, becomes: "## Title {#x}").isBroken)
        #expect(verdict(heading + "\n", card: heading, becomes: "## Title {#x}", promise: [.convertsCard, .removesComments, .headingAttributes])
                == .readerSame("converts a Ghost card to Markdown"))
    }

    @Test func anHTMLCardOfTextIsReadAsTheMarkdownItHolds() {
        let card = "<!--kg-card-begin: html-->[![i](/t.png)](/f.png)<!--kg-card-end: html-->"
        #expect(verdict(card + "\n", card: card, becomes: "[![i](/t.png)](/f.png)") == .readerSame("converts a Ghost card to Markdown"))
        #expect(verdict(card + "\n", card: card, becomes: "[![i](/t.png)](/g.png)").isBroken)
    }

    @Test func theLinesAroundACardMustNotMergeWithIt() {
        let card = "<div class=\"kg-card kg-button-card\"><a href=\"/join\">Join</a></div>"
        let input = "Above.\n" + card + "\nBelow.\n"
        // `Below.` joins the link's paragraph: the words run on, which the reader view catches as text only;
        // the blank lines the rule writes keep them apart.
        #expect(verdict(input, card: card, becomes: "\n[Join](/join)\n") == .readerSame("converts a Ghost card to Markdown"))
        #expect(verdict(input, card: card, becomes: "# Join") .isBroken)
    }
}
