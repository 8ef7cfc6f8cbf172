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
    ])
    func aSpaceForANonBreakingSpaceInTextIsDecidedByBytes(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == .same)
        #expect(viewsMatch(a, b, Self.nbsp))
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
    ])
    func otherDifferencesAreLeftToTheViews(_ before: String, _ after: String) {
        let a = rendered(before), b = rendered(after)
        #expect(a.bytes != b.bytes)
        #expect(FixProof.decidedByBytes(a, b, promise: Self.nbsp) == nil)
    }

    @Test func rawHTMLIsNoted() {
        #expect(rendered("<div>x</div>\n").containsRawHTML)
        #expect(rendered("a <b>c</b>\n").containsRawHTML)
        #expect(rendered("a <!-- c -->\n").containsRawHTML)
        #expect(!rendered("a `<b>` &lt;c&gt; <https://x.org>\n").containsRawHTML)
    }
}
