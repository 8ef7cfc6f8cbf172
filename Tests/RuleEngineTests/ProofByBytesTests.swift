import MarkdownScanner
import Rendering
import Testing
@testable import RuleEngine

/// The proof's fast path (`FixProof.decidedByBytes`) decides from the rendered bytes
/// alone only where the full comparison of views agrees, and leaves the rest to it.
@Suite struct ProofByBytesTests {
    func rendered(_ markdown: String) -> RenderedHTML {
        let text = SourceText(Array(markdown.utf8))
        let blocks = BlockScanner.scan(text)
        return HTMLRenderer.rendered(text, blocks: blocks, inlines: InlineScanner.scan(text, blocks))
    }

    /// What the full comparison says: the views under the promise match.
    func viewsMatch(_ a: RenderedHTML, _ b: RenderedHTML, _ promise: FixPromise) -> Bool {
        RenderedView(HTMLTokenizer.tokenize(a.bytes), promise: promise)
            .matches(RenderedView(HTMLTokenizer.tokenize(b.bytes), promise: promise), promise: promise)
    }

    /// The bytes decide `.same`, and the views agree.
    func expectSameByBytes(_ before: String, _ after: String, _ promise: FixPromise) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: promise) == .same)
        #expect(viewsMatch(a, b, promise))
    }

    /// The bytes leave it to the views, which refuse it.
    func expectRefusedByViews(_ before: String, _ after: String, _ promise: FixPromise) {
        let a = rendered(before), b = rendered(after)
        #expect(FixProof.decidedByBytes(a, b, promise: promise) == nil)
        #expect(!viewsMatch(a, b, promise))
    }

    static let nbsp: FixPromise = .nbspBecomesSpace

    @Test(arguments: [
        ("Prix&nbsp;: 12 euros\n", "Prix : 12 euros\n"),
        ("- a&nbsp;b\n- c\n", "- a b\n- c\n"),
        ("![a&nbsp;cat](cat.jpg \"the&nbsp;cat\")\n", "![a cat](cat.jpg \"the cat\")\n"),
        ("*x&nbsp;y* and `code`\n", "*x y* and `code`\n"),
        // Ghost's markers are comments: they stay, byte for byte, and do not stop the fast path.
        ("<!--kg-card-begin: markdown-->\n\nPrix&nbsp;: 12\n\n<!--kg-card-end: markdown-->\n",
         "<!--kg-card-begin: markdown-->\n\nPrix : 12\n\n<!--kg-card-end: markdown-->\n"),
        ("<!-- say \"a\" --><!---->\n\na&nbsp;b <!-- c -->\n", "<!-- say \"a\" --><!---->\n\na b <!-- c -->\n"),
    ])
    func aSpaceForANonBreakingSpaceInTextIsDecidedByBytes(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == .same)
        #expect(viewsMatch(a, b, Self.nbsp))
    }

    /// Ghost's marker lines removed: the comments go with their line breaks, nothing else.
    @Test(arguments: [
        ("Intro\n\n<!--kg-card-begin: markdown-->\n\nText\n\n<!--kg-card-end: markdown-->\n", "Intro\n\nText\n"),
        ("<!--kg-card-end: code--><!--kg-card-begin: code-->\n\n- a\n- b\n", "- a\n- b\n"),
        ("> quote\n\n<!--x-->\n", "> quote\n"),
    ])
    func removedMarkersAreDecidedByBytes(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: .removesComments) == .same)
        #expect(FixProof.decidedByBytes(a, b, promise: [.removesComments, .nbspBecomesSpace]) == .same)
        #expect(viewsMatch(a, b, .removesComments))
        // Without the promise the comments may not go.
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == nil)
    }

    @Test(arguments: [
        ("<!--x-->\n\nText\n", "Test\n"),                                  // and a word changed
        ("<!--x-->\n\na&nbsp;b\n", "a b\n"),                                // and a U+00A0, not promised
        ("- a\n\n  <!--x-->\n", "- a\n"),                                   // an item's block: markup changes too
    ])
    func otherChangesBesideRemovedMarkersAreLeftToTheViews(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(FixProof.decidedByBytes(a, b, promise: .removesComments) == nil)
    }

    @Test func theSameBytesReadTheSame() {
        let a = rendered("Voir&nbsp;ici\n"), b = rendered("Voir\u{A0}ici\n")
        #expect(a.bytes == b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: []) == .same)
        // A fix meant to change how the page reads is left to the views.
        #expect(FixProof.decidedByBytes(a, b, promise: .closesCodeBlock) == nil)
        #expect(FixProof.decidedByBytes(a, b, promise: .convertsMarkup) == nil)
    }

    /// Differences the fast path must not accept: the views decide them (and refuse).
    @Test(arguments: [
        ("`a\u{A0}b`\n", "`a b`\n"),                              // code span
        ("    a\u{A0}b\n", "    a b\n"),                          // indented code
        ("[x](/a\u{A0}b)\n", "[x](/a b)\n"),                      // a target (not a link any more)
        ("```a\u{A0}b\nx\n```\n", "```a b\nx\n```\n"),            // the info string's class
        ("a&nbsp;b\n", "a c\n"),                                  // another character
        ("<!-- a\u{A0}b -->\n\nx\n", "<!-- a b -->\n\nx\n"),        // inside a comment
        ("<!-- a\n\nb&nbsp;c\n", "<!-- a\n\nb c\n"),               // a comment that never ends
    ])
    func otherDifferencesAreLeftToTheViews(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == nil)
    }

    /// Raw HTML that stays the same, piece by piece, and closes what it opens; whitespace
    /// at a block's edge; spacer paragraphs: decided by bytes, as the views decide them.
    @Test(arguments: [
        ("<span>a&nbsp;b</span>\n", "<span>a b</span>\n", nbsp),
        ("<figure><img src=\"a.jpg\"></figure>\n\nx&nbsp;y\n", "<figure><img src=\"a.jpg\"></figure>\n\nx y\n", nbsp),
        ("<!--x-->\n<p>a</p>\n", "<p>a</p>\n", .removesComments),
        // A marker on the last line of a card's HTML block goes with its line break.
        ("<figure><img src=\"a.jpg\"></figure>\n<!--kg-card-end: image-->\n", "<figure><img src=\"a.jpg\"></figure>\n", .removesComments),
        ("<!--x--><p>a&nbsp;b</p>\n", "<!--x--><p>a b</p>\n", nbsp),
        // U+00A0 where CommonMark strips a space (a paragraph's end, a line's end).
        ("x&nbsp;\n", "x \n", nbsp),
        ("a&nbsp;\nb\n", "a \nb\n", nbsp),
        ("a&nbsp; b\n", "a  b\n", nbsp),
        ("- &nbsp;a\n", "-  a\n", nbsp),
        // A spacer paragraph removed.
        ("x\n\n&nbsp;\n\ny\n", "x\n\ny\n", [.nbspBecomesSpace, .removesEmptyBlocks]),
        ("> x\n>\n> &nbsp;\n", "> x\n", [.nbspBecomesSpace, .removesEmptyBlocks]),
    ] as [(String, String, FixPromise)])
    func rawHTMLBlockEdgesAndSpacersAreDecidedByBytes(_ before: String, _ after: String, _ promise: FixPromise) {
        expectSameByBytes(before, after, promise)
    }

    @Test(arguments: [
        ("a&nbsp;b\n", "ab\n", nbsp),                                           // words joined
        ("x\n\n&nbsp;\n\ny\n", "x\n\ny\n", nbsp),                              // a spacer, not promised
        ("x <code>a&nbsp;b\n", "x <code>a b\n", nbsp),                           // raw HTML leaves code open
        ("<div>a</div>\n\nb&nbsp;c\n", "<div>b</div>\n\nb c\n", nbsp),           // raw HTML changed
        ("<div title=\"a\n\nb&nbsp;c\n", "<div title=\"a\n\nb c\n", nbsp),       // raw HTML ends inside a tag
        ("<em>a</em>&nbsp;<em>b</em>\n", "<em>a</em><em>b</em>\n", nbsp),     // a space between words gone
    ] as [(String, String, FixPromise)])
    func rawHTMLThatMayReadDifferentlyIsLeftToTheViews(_ before: String, _ after: String, _ promise: FixPromise) {
        let a = rendered(before), b = rendered(after)
        #expect(FixProof.decidedByBytes(a, b, promise: promise) == nil)
    }

    /// U+00A0 that may become a space is no character of a text's own: a text of `*` and
    /// U+00A0 that loses its `*` reads as nothing in the views (a review found it).
    @Test(arguments: [
        ("_y_*&nbsp;\n", "_y_&nbsp;\n", [.removesStrayDelimiters, .nbspBecomesSpace]),
        ("a\\\n*&nbsp;\n", "a\\\n&nbsp;\n", [.changesEmphasis, .nbspBecomesSpace]),
    ] as [(String, String, FixPromise)])
    func aTextOfDelimitersAndNonBreakingSpacesIsLeftToTheViews(_ before: String, _ after: String, _ promise: FixPromise) {
        #expect(rendered(before).bytes != rendered(after).bytes)
        expectRefusedByViews(before, after, promise)
    }

    /// Fixes proven together are applied in order, whatever order they come in: edits out
    /// of order were once applied as none, and read the same.
    @Test func editsAreProvenInOrder() {
        let bytes = Array("<!--c-->\n\n- a\n".utf8)
        let document = Document(path: "a.md", bytes: bytes, session: Session(rules: []))
        let comment = Fix(title: "", edits: [Edit.delete(0..<9)], applicability: .safe, promise: .removesComments)
        let marker = Fix(title: "", edits: [Edit.delete(10..<12)], applicability: .safe, promise: .removesComments)
        let proof = FixProof(document)
        #expect(proof.prove([comment]) == .same)
        #expect(proof.prove([marker, comment]) != .same)
        #expect(proof.prove([comment, marker]) == proof.prove([marker, comment]))
        // Edits that overlap are no proof at all.
        let overlapping = Fix(title: "", edits: [Edit.delete(0..<4)], applicability: .safe, promise: .removesComments)
        #expect(proof.prove([comment, overlapping]) == .broken("would apply edits that overlap"))
    }

    /// A spacer paragraph between two comments (Ghost's markers of two cards): where it
    /// goes, the line break around it stays as text between the comments, which the views
    /// count (the crosscheck of this session found it on 1 of 5,000 plain posts and 6 of
    /// 1,000 migration posts; the bytes had taken it).
    @Test(arguments: [
        ("<!--a-->\n\n&nbsp;\n\n<!--b-->\n", "<!--a-->\n\n<!--b-->\n"),
        ("<figure><img src=\"a.jpg\"></figure><!--kg-card-end: image-->\n\n&nbsp;\n\n<!--kg-card-begin: html--><span>x</span>\n",
         "<figure><img src=\"a.jpg\"></figure><!--kg-card-end: image-->\n\n<!--kg-card-begin: html--><span>x</span>\n"),
    ])
    func aSpacerBetweenCommentsIsLeftToTheViews(_ before: String, _ after: String) {
        expectRefusedByViews(before, after, [.nbspBecomesSpace, .removesEmptyBlocks])
    }

    static let emphasis: FixPromise = .changesEmphasis

    /// Emphasis repaired (a symmetric pair's spaces trimmed, doubled emphasis collapsed),
    /// a stray delimiter dropped: `*` and `_` go with a space beside them, the renderer's
    /// emphasis tags come or go, as the views read it.
    @Test(arguments: [
        ("_ **text** _\n", "_**text**_\n", emphasis),
        ("** bold**\n", "**bold**\n", emphasis),
        ("a ** b ** c\n", "a **b** c\n", emphasis),
        ("****text****\n", "**text**\n", emphasis),
        ("word\\_ here\n", "word here\n", .removesStrayDelimiters),
        ("- a&nbsp;** b**\n", "- a **b**\n", [.nbspBecomesSpace, .changesEmphasis]),
    ] as [(String, String, FixPromise)])
    func delimitersThatGoAreDecidedByBytes(_ before: String, _ after: String, _ promise: FixPromise) {
        expectSameByBytes(before, after, promise)
    }

    /// What the views refuse, the bytes leave to them.
    @Test(arguments: [
        ("a `x` **\n", "a `x`\n", emphasis),                 // a text that goes altogether
        ("a b\n", "ab\n", emphasis),                          // a space beside no delimiter
        ("x_y\n", "x y\n", emphasis),                         // a space that comes
        ("`**`\n", "`*`\n", emphasis),                        // code
        ("*a*\n", "a\n", .removesStrayDelimiters),            // emphasis, not promised
        ("a _b_\n", "a c\n", emphasis),                       // another character
    ] as [(String, String, FixPromise)])
    func otherDelimiterChangesAreLeftToTheViews(_ before: String, _ after: String, _ promise: FixPromise) {
        expectRefusedByViews(before, after, promise)
    }

    /// An image's target rewritten: its `src` may change, nothing else of it or around it.
    @Test(arguments: [
        ("![a cat](/content/images/cat.jpg)\n", "![a cat](/images/cat.jpg)\n", true),
        ("x ![a](a.jpg \"t\") and ![b](b.png)\n", "x ![a](/a.jpg \"t\") and ![b](/b.png)\n", true),
        ("[![a](a.jpg)](a.jpg)\n", "[![a](b.jpg)](b.jpg)\n", false),    // a link's target too
        ("![a](a.jpg)\n", "![b](a.jpg)\n", false),                      // the alt text
        ("![a](a.jpg \"t\")\n", "![a](b.jpg \"u\")\n", false),          // the title
        ("<img src=\"a.jpg\">\n", "<img src=\"b.jpg\">\n", true),         // raw HTML, read alike
    ])
    func imageTargetsAreDecidedByBytes(_ before: String, _ after: String, _ same: Bool) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: .changesImageTargets) == (same ? .same : nil))
        if same { #expect(viewsMatch(a, b, .changesImageTargets)) }
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == nil)
    }

    /// The bytes never accept what the views refuse: every way of leaving out one or two
    /// of the `*`, `_` and spaces of these lines.
    @Test func delimiterDecisionsByBytesAgreeWithTheViews() {
        let lines = ["_ **a b** _ c", "** x**y * z*", "a*b* _c_ d", "**a** \\_ b _", "x *y `z` * w", "- _ a _ *b*", "> **a**__b__"]
        var decided = 0
        for line in lines {
            let bytes = Array(line.utf8)
            let deletable = bytes.indices.filter { [0x2A, 0x5F, 0x20].contains(bytes[$0]) }
            var variants: [[Int]] = deletable.map { [$0] }
            for x in deletable.indices { for y in deletable.indices where y > x { variants.append([deletable[x], deletable[y]]) } }
            let a = rendered(line + "\n")
            for gone in variants {
                var edited = bytes
                for k in gone.reversed() { edited.remove(at: k) }
                let b = rendered(String(decoding: edited, as: UTF8.self) + "\n")
                for promise in [Self.emphasis, .removesStrayDelimiters] where FixProof.decidedByBytes(a, b, promise: promise) == .same {
                    decided += 1
                    #expect(viewsMatch(a, b, promise), "\(line) without \(gone), \(promise)")
                }
            }
        }
        #expect(decided > 50)
    }

    /// A piece of raw HTML that loses the whitespace at its edge may join the text beside it.
    @Test func piecesOfRawHTMLKeepTheirEdges() {
        func piece(_ s: String) -> ArraySlice<UInt8> { Array(s.utf8)[...] }
        #expect(FixProof.piecesReadAlike(piece("<span>x</span><!--c-->\n"), piece("<span>x</span>\n"), promise: .removesComments))
        #expect(!FixProof.piecesReadAlike(piece("<span>x</span>\n"), piece("<span>x</span>"), promise: .removesComments))
        #expect(!FixProof.piecesReadAlike(piece("<span>x</span>\n"), piece("<span>y</span>\n"), promise: .removesComments))
    }

    @Test func rawHTMLIsNoted() {
        #expect(rendered("<div>x</div>\n").containsRawHTML)
        #expect(rendered("a <b>c</b>\n").containsRawHTML)
        #expect(!rendered("a `<b>` &lt;c&gt; <https://x.org>\n").containsRawHTML)
        // Whole comments (Ghost's markers) are not counted; anything else beside them is.
        #expect(!rendered("a <!-- c -->\n").containsRawHTML)
        #expect(!rendered("<!--kg-card-end: code--><!--kg-card-begin: code-->\n<!-- x -->\n").containsRawHTML)
        #expect(rendered("<!--kg-card-begin: markdown--><p>x</p>\n").containsRawHTML)
        #expect(rendered("<!-- a\n\nb\n").containsRawHTML)
        #expect(rendered("<!-- a --> b\n").containsRawHTML)
    }

    /// A tag alike on both sides is read at once to its `>`: not to a `>` inside a quoted
    /// value, never where the two differ, never into the next raw piece.
    @Test func aTagAlikeOnBothSidesIsReadToItsEnd() {
        func tag(_ a: String, _ b: String, limit: Int? = nil) -> (nameEnd: Int, end: Int)? {
            let x = Array(a.utf8), y = Array(b.utf8)
            return FixProof.sameTag(x, from: 1, y, from: 1, limitA: limit ?? x.count, limitB: limit ?? y.count)
        }
        #expect(tag("<p>x", "<p>y").map { [$0.nameEnd, $0.end] } == [2, 3])
        #expect(tag("</code>", "</code>").map { [$0.nameEnd, $0.end] } == [6, 7])
        #expect(tag("<a href=\"u\">t", "<a href=\"u\">s").map { [$0.nameEnd, $0.end] } == [2, 12])
        #expect(tag("<img src=\"a.png\" alt=\"x > y\" />", "<img src=\"a.png\" alt=\"x > y\" />").map { [$0.nameEnd, $0.end] } == [4, 31])
        #expect(tag("<a title=\"x>y\" href=\"u\">", "<a title=\"x>y\" href=\"v\">") == nil)
        #expect(tag("<img src=\"a.png\">", "<img src=\"b.png\">") == nil)
        #expect(tag("<p>", "<pre>") == nil)
        #expect(tag("<p>", "<p") == nil)
        #expect(tag("<div><!-- x -->", "<div><!-- x -->", limit: 4) == nil)
    }
}
