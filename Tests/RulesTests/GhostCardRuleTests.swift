import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct GhostCardRuleTests {
    let rules = ["ghost-card", "ghost-card-marker"]

    @Test func theMarkersGoWithTheCardInOnePass() {
        let input = "Intro.\n\n<!--kg-card-begin: image--><figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" class=\"kg-image\" alt=\"A\"></figure><!--kg-card-end: image-->\n\nOutro.\n"
        let result = linter(rules).fix(path: "test.md", bytes: Array(input.utf8), upTo: .unsafe)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "Intro.\n\n![A](/a.png)\n\nOutro.\n")
        #expect(result.passes == 2, "the conversion and its markers in the first pass, nothing left for the second")
        // Safe fixes alone only take the markers away.
        #expect(fixed(input, rules) == "Intro.\n\n<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" class=\"kg-image\" alt=\"A\"></figure>\n\nOutro.\n")
    }

    @Test func aCardInAListOrQuoteIsLeftAlone() {
        let card = "<div class=\"kg-card kg-button-card\"><a href=\"/x\">X</a></div>"
        #expect(lint("- item\n\n  " + card + "\n", ["ghost-card"]).isEmpty)
        #expect(lint("> " + card + "\n", ["ghost-card"]).isEmpty)
        #expect(lint(card + "\n", ["ghost-card"]).count == 1)
    }

    @Test func aCardThatNeverClosesOrSharesItsLineWithTextIsNotACard() {
        #expect(lint("<div class=\"kg-card kg-callout-card\"><div>never closed\n\nText.\n", ["ghost-card"]).isEmpty)
        #expect(lint("<div class=\"kg-card kg-button-card\"><a href=\"/x\">X</a></div> and text\n", ["ghost-card"]).isEmpty)
    }

    @Test func whatMarkdownCannotHoldKeepsTheCardAndSaysWhat() {
        let findings = lint("<figure class=\"kg-card kg-image-card\"><img src=\"/a.png\" alt=\"\"><figcaption>H<sub>2</sub>O</figcaption></figure>\n", ["ghost-card"])
        #expect(findings.map(\.message) == ["Ghost image card kept as HTML: a <sub> cannot be written as Markdown"])
        #expect(findings[0].fix == nil)
        let embed = lint("<figure class=\"kg-card kg-embed-card\"><iframe src=\"https://v.example/e\"></iframe></figure>\n", ["ghost-card"])
        #expect(embed.map(\.message) == ["Ghost embed card kept as HTML: Markdown has no equivalent"])
        let audio = lint("<div class=\"kg-card kg-audio-card\"><audio src=\"/a.mp3\"></audio></div>\n", ["ghost-card"])
        #expect(audio.map(\.message) == ["Ghost card `kg-audio-card` kept as HTML: Markdown has no equivalent"])
    }

    @Test func aCRLFFileKeepsItsLineEndings() {
        let input = "Intro.\r\n<figure class=\"kg-card kg-code-card\"><pre><code class=\"language-py\">x = 1\r\n\r\ny = 2\r\n</code></pre></figure>\r\nEnd.\r\n"
        #expect(fixed(input, ["ghost-card"], upTo: .unsafe) == "Intro.\r\n\r\n```py\r\nx = 1\r\n\r\ny = 2\r\n```\r\n\r\nEnd.\r\n")
    }

    @Test func textIsEscapedSoThatItPrintsAsItDid() {
        let input = "<div class=\"kg-card kg-callout-card\"><div class=\"kg-callout-text\">2. *not* [a link] &lt;b&gt; a_b &amp;amp; #1</div></div>\n"
        let out = fixed(input, ["ghost-card"], upTo: .unsafe)
        #expect(out == "> 2\\. \\*not\\* \\[a link\\] \\<b> a\\_b \\&amp; #1\n")
        // What it prints is what the card showed.
        #expect(lint(out, ["ghost-card"]).isEmpty)
    }

    @Test func aSecondFixChangesNothing() {
        let input = "<figure class=\"kg-card kg-gallery-card\"><div class=\"kg-gallery-container\"><div class=\"kg-gallery-row\"><div class=\"kg-gallery-image\"><img src=\"/a.jpg\"></div><div class=\"kg-gallery-image\"><img src=\"/b.jpg\"></div></div></div></figure><p></p>\n<p></p>\nText.\n"
        let once = fixed(input, ["ghost-card"], upTo: .unsafe)
        #expect(once == "![](/a.jpg)\n![](/b.jpg)\n\nText.\n")
        #expect(fixed(once, ["ghost-card"], upTo: .unsafe) == once)
    }
}

@Suite struct GhostRenderedMarkdownRuleTests {
    let rule = ["ghost-rendered-markdown"]

    func jekyll(_ text: String) -> String {
        let memory = InMemoryFileSystem(["/site/_config.yml": "title: t\n"], workingDirectory: "/site")
        let l = Linter(session: Session(rules: AllRules.rules, fileSystem: memory), select: Set(rule))
        return String(decoding: l.fix(path: "/site/_posts/p.md", bytes: Array(text.utf8), upTo: .unsafe).bytes, as: UTF8.self)
    }

    @Test func headingIDsFollowTheSitesGenerator() {
        let card = "<!--kg-card-begin: markdown--><h2 id=\"\">空</h2>\n<h2 id=\"getting-started\">Getting started</h2>\n<h2 id=\"gettingstarted\">Getting started</h2>\n<!--kg-card-end: markdown-->\n"
        // kramdown derives `getting-started` and reads `{#id}`.
        #expect(jekyll(card) == "## 空\n\n## Getting started\n\n## Getting started {#gettingstarted}\n")
        // Without a generator that reads attributes the id goes, and the message says so.
        let findings = lint(card, rule)
        #expect(findings.map(\.message) == ["Ghost markdown card exported as rendered HTML; drops the heading id `getting-started` (links to `#getting-started` would break); drops the heading id `gettingstarted` (links to `#gettingstarted` would break)"])
        #expect(fixed(card, rule, upTo: .unsafe) == "## 空\n\n## Getting started\n\n## Getting started\n")
    }

    @Test func aCardOfMarkdownTextIsNotRenderedHTML() {
        #expect(lint("<!--kg-card-begin: markdown-->\nSome *Markdown*\n<!--kg-card-end: markdown-->\n", rule).isEmpty)
        #expect(lint("<!--kg-card-begin: markdown--><p>mixed</p>\ntext *after*\n<!--kg-card-end: markdown-->\n", rule).isEmpty)
    }

    @Test func aCutPreIsRepairedWhereverItIs() {
        // Ghost 5 writes a Markdown card's HTML with no markers: only the cut code is taken.
        let input = "<p>Run:</p>\n<pre><code>make\n\nmake install\n</code></pre>\n<p>Done.</p>\n"
        let findings = lint(input, rule)
        #expect(findings.map(\.message) == ["`<pre>` cut by a blank line: the rest of its code renders as Markdown"])
        #expect(fixed(input, rule, upTo: .unsafe) == "<p>Run:</p>\n\n```\nmake\n\nmake install\n```\n\n<p>Done.</p>\n")
        // A `<pre>` that opens its own HTML block is whole.
        #expect(lint("<pre><code>make\n\nmake install\n</code></pre>\n", rule).isEmpty)
    }

    @Test func footnotesKeepTheCardAsHTML() {
        let card = "<!--kg-card-begin: markdown--><p>Text<sup class=\"footnote-ref\"><a href=\"#fn1\" id=\"fnref1\">[1]</a></sup></p>\n<!--kg-card-end: markdown-->\n"
        let findings = lint(card, rule)
        #expect(findings.map(\.message) == ["Ghost markdown card exported as rendered HTML, kept as HTML: a <sup> has no exact Markdown"])
        #expect(findings[0].fix == nil)
    }

    @Test func listsStayApartAndKeepTheirShape() {
        let card = "<!--kg-card-begin: markdown--><ul>\n<li>a</li>\n</ul>\n<ul>\n<li><p>b</p>\n</li>\n<li><p>c</p>\n<ol start=\"3\">\n<li>d</li>\n</ol>\n</li>\n</ul>\n<!--kg-card-end: markdown-->\n"
        #expect(fixed(card, rule, upTo: .unsafe) == "- a\n\n* b\n\n* c\n\n  3. d\n")
    }
}
