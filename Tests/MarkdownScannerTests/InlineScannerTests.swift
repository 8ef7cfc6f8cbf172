import Testing
@testable import MarkdownScanner

@Suite struct InlineScannerTests {
    @Test(arguments: [
        ("a `b` c", ["`b`"]),
        ("``a ` b`` and `c`", ["``a ` b``", "`c`"]),
        ("`a`` b", []),
        ("```foo``", []),
        ("`unmatched", []),
        ("\\`not` code`", ["` code`"]),
        ("`a\\`", ["`a\\`"]),
        ("`a ``b`` c", ["``b``"]),
        ("\\``x`", ["`x`"]),
        ("`<a href=\"x\">` `<http://a.b>`", ["`<a href=\"x\">`", "`<http://a.b>`"]),
        ("[not a `link](/foo`)", ["`link](/foo`"]),
        ("é😀 `日本` x", ["`日本`"]),
    ])
    func codeSpans(_ markdown: String, _ expected: [String]) {
        let s = Scanned(markdown + "\n")
        #expect(s.spanTexts(.codeSpan) == expected)
        if markdown.hasPrefix("[not a") { #expect(s.spanTexts(.linkDestination).isEmpty) }
    }

    @Test func codeSpanAcrossTwoLinesOfAParagraph() throws {
        let s = Scanned("one `two\nthree` four\n")
        let span = try #require(s.spans.first)
        #expect(span.kind == .codeSpan)
        #expect(span.range == 4..<15)
        #expect(s.text.line(containing: span.range.lowerBound) == 0)
        #expect(s.text.line(containing: span.range.upperBound - 1) == 1)
    }

    @Test func codeSpanAcrossQuotedLinesMapsBackToTheFile() throws {
        let s = Scanned("> `a\n> b`\n")
        let span = try #require(s.spans.first)
        #expect(span.range == 2..<9)
        #expect(s.string(span.range) == "`a\n> b`")
    }

    @Test(arguments: ["\r\n", "\r"])
    func codeSpanAcrossCRLFAndCRLines(_ lineBreak: String) throws {
        let s = Scanned("x `a" + lineBreak + "  b` y" + lineBreak)
        let span = try #require(s.spans.first)
        #expect(s.string(span.range) == "`a" + lineBreak + "  b`")
    }

    @Test(arguments: [
        "<https://example.com/a?b=c>",
        "<MAILTO:FOO@BAR.BAZ>",
        "<a+b+c:d>",
        "<irc://foo.bar:2233/baz>",
        "<https://foo.bar/`baz>",
        "<foo@bar.example.com>",
        "<foo+special@Bar.baz-bar0.com>",
    ])
    func autolinks(_ link: String) {
        let s = Scanned("see " + link + " here\n")
        #expect(s.spanTexts(.autolink) == [link])
        #expect(s.spanTexts(.codeSpan).isEmpty)
    }

    @Test(arguments: [
        "<m:abc>",
        "<https://foo.bar/baz bim>",
        "<foo.bar.baz>",
        "<foo\\+@bar.example.com>",
        "\\<https://example.com>",
        "https://example.com",
    ])
    func notAutolinks(_ text: String) {
        #expect(Scanned(text + "\n").spanTexts(.autolink).isEmpty)
    }

    @Test(arguments: [
        "<a href=\"y\" class='z' data-x=1 />",
        "<a  />",
        "<b2 data-foo>",
        "</b >",
        "<!-- c -->",
        "<!-- a -- b -->",
        "<!-->",
        "<?php echo 1; ?>",
        "<!DOCTYPE y>",
        "<![CDATA[ z ]]>",
        "<made up>",
    ])
    func rawInlineHTML(_ html: String) {
        let s = Scanned("x " + html + " y\n")
        #expect(s.spanTexts(.rawHTML) == [html])
    }

    @Test(arguments: [
        "<33>",
        "<__>",
        "< a>",
        "<a h*#ref=\"hi\">",
        "<a href='bar'title=title>",
        "</a href=\"foo\">",
        "\\<b>",
        "<a href=\"unclosed>",
    ])
    func notRawHTML(_ text: String) {
        #expect(Scanned("x " + text + " y\n").spanTexts(.rawHTML).isEmpty)
    }

    @Test func rawHTMLAcrossLines() {
        let s = Scanned("a <!-- b\nc --> d <span\nclass=\"x\">e</span>\n")
        #expect(s.spanTexts(.rawHTML) == ["<!-- b\nc -->", "<span\nclass=\"x\">", "</span>"])
    }

    @Test func firstToStartWinsBetweenHTMLAndCodeSpans() {
        let html = Scanned("<a href=\"`\">`\n")
        #expect(html.spanTexts(.rawHTML) == ["<a href=\"`\">"])
        #expect(html.spanTexts(.codeSpan).isEmpty)
        let code = Scanned("`<a href=\"`\">`\n")
        #expect(code.spanTexts(.codeSpan) == ["`<a href=\"`"])
        #expect(code.spanTexts(.rawHTML).isEmpty)
    }

    @Test(arguments: [
        ("![img](<a b.png>)", ["(<a b.png>)"]),
        ("[a](/u) and ![b](c.png)", ["(/u)", "(c.png)"]),
        ("[link](foo(and(bar)))", ["(foo(and(bar)))"]),
        ("[a]( /u )", ["( /u )"]),
        ("[a](<>)", ["(<>)"]),
        ("[a](<b)c>)", ["(<b)c>)"]),
        ("[é😀](/ü.png)", ["(/ü.png)"]),
        ("[a](\\(foo\\))", ["(\\(foo\\))"]),
        ("[a] (b)", []),
        ("[a](<b\nc>)", []),
        ("[a](b c)", []),
    ])
    func linkDestinations(_ markdown: String, _ expected: [String]) {
        #expect(Scanned(markdown + "\n").spanTexts(.linkDestination) == expected)
    }

    /// With a title, the destination span starts at `(` and covers the URL; the title is
    /// protected too (inside the destination span or as a span of its own), and nothing
    /// reaches past the closing `)`.
    @Test(arguments: [
        ("[a](url \"t\")", "url", "\"t\""),
        ("[a](url 't')", "url", "'t'"),
        ("![b](/c.png (title))", "/c.png", "(title)"),
        ("![img](<a b.png> \"x y\")", "<a b.png>", "\"x y\""),
        ("[a](\n/url \"t\")", "/url", "\"t\""),
    ])
    func linkDestinationWithTitle(_ markdown: String, _ url: String, _ title: String) throws {
        let s = Scanned("x " + markdown + " y\n")
        let open = try #require(s.offset(of: "](")) + 1
        let close = try #require(s.offset(of: ") y")) + 1
        let dest = try #require(s.spans.first { $0.kind == .linkDestination })
        #expect(dest.range.lowerBound == open)
        let urlStart = try #require(s.offset(of: url, from: open))
        #expect(dest.range.upperBound >= urlStart + url.utf8.count)
        #expect(s.spans.allSatisfy { open <= $0.range.lowerBound && $0.range.upperBound <= close })
        let titleStart = try #require(s.offset(of: title, from: urlStart + url.utf8.count))
        for o in titleStart..<(titleStart + title.utf8.count) {
            #expect(s.spans.contains { $0.range.contains(o) }, "title byte \(o) is unprotected")
        }
        #expect(s.spanTexts(.codeSpan).isEmpty && s.spanTexts(.rawHTML).isEmpty)
    }

    /// CommonMark example 14: an escaped `[` opens no link, so `(/foo)` is text.
    @Test(arguments: ["\\[not a link](/foo)", "[link] bar](/uri)", "no bracket](/x)"])
    func closingBracketWithoutOpenerIsNotALink(_ markdown: String) {
        let s = Scanned(markdown + "\n")
        #expect(s.spanTexts(.linkDestination).isEmpty)
    }

    @Test func nothingIsReportedInsideCodeOrHTMLBlocks() {
        let s = Scanned("""
            ```
            <b> `x` [a](b) <http://x.y>
            ```

                <i> `y` [c](d) <z@e.f>

            <div>
            `z` <b> [e](f)
            </div>

            ~~~
            `unclosed fence
            """)
        #expect(s.spans.isEmpty)
    }

    @Test func spansInHeadingsButNotInUnderlines() {
        let atx = Scanned("# H `c` #\n")
        #expect(atx.spanTexts(.codeSpan) == ["`c`"])
        let setext = Scanned("`a` <b>\n---\n")
        #expect(setext.spanTexts(.codeSpan) == ["`a`"])
        #expect(setext.spanTexts(.rawHTML) == ["<b>"])
    }

    @Test func spansDoNotCrossBlocks() {
        #expect(Scanned("a `b\n\nc` d\n").spans.isEmpty)
        #expect(Scanned("# a `b\nc` d\n").spans.isEmpty)
        #expect(Scanned("> a `b\n\n> c` d\n").spans.isEmpty)
    }

    @Test func indexLookups() throws {
        let s = Scanned("a `b` c <i>d</i>\n\n[x](y)\n")
        let index = InlineScanner.scan(s.text, s.scan)
        #expect(index.spans.map(\.kind) == [.codeSpan, .rawHTML, .rawHTML, .linkDestination])
        #expect(zip(index.spans, index.spans.dropFirst()).allSatisfy { $0.range.lowerBound < $1.range.lowerBound })
        #expect(index.span(containing: 3)?.kind == .codeSpan)
        #expect(index.span(containing: 5) == nil)
        #expect(index.span(containing: 8)?.kind == .rawHTML)
        let y = try #require(s.offset(of: "y)"))
        #expect(index.span(containing: y)?.kind == .linkDestination)
        #expect(index.overlaps(0..<3))
        #expect(!index.overlaps(5..<8))
        #expect(index.overlaps(4..<9))
        #expect(index.firstIndex(endingAfter: 0) == 0)
        #expect(index.firstIndex(endingAfter: 5) == 1)
        #expect(index.firstIndex(endingAfter: s.text.bytes.count) == index.spans.count)
    }
}
