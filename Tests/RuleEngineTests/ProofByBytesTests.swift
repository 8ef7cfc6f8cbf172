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
        ("<!--x-->\n<p>a</p>\n", "<p>a</p>\n"),                              // raw HTML after the marker
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
        ("<span>a&nbsp;b</span>\n", "<span>a b</span>\n"),        // raw HTML
        ("a&nbsp;b\n", "a c\n"),                                  // another character
        ("<!-- a\u{A0}b -->\n\nx\n", "<!-- a b -->\n\nx\n"),        // inside a comment
        ("<!--x--><p>a&nbsp;b</p>\n", "<!--x--><p>a b</p>\n"),  // raw HTML after a marker
        ("<!-- a\n\nb&nbsp;c\n", "<!-- a\n\nb c\n"),               // a comment that never ends
    ])
    func otherDifferencesAreLeftToTheViews(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == nil)
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
}
