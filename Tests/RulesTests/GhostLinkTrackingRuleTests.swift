import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct GhostLinkTrackingRuleTests {
    static let config = "site:\n  url: https://oldblog.example.com\n"

    func check(_ text: String, files: [String] = [], config: String = config) throws -> [Finding] {
        try TestSite(files: files, config: config).check(text, rules: ["ghost-link-tracking"])
    }

    func fix(_ text: String, files: [String] = [], config: String = config) throws -> String {
        let site = TestSite(files: files, config: config)
        let result = try site.linter(["ghost-link-tracking"]).fix(path: "/site/posts/p.md", bytes: Array(text.utf8), upTo: .safe)
        return String(decoding: result.bytes, as: UTF8.self)
    }

    @Test func theParameterGoesAndEverythingElseStays() throws {
        let cases = [
            ("[a](https://x.example/p?ref=oldblog.example.com)", "[a](https://x.example/p)"),
            ("[a](https://x.example/p?utm_source=x&ref=oldblog.example.com#a)", "[a](https://x.example/p?utm_source=x#a)"),
            ("[a](https://x.example/p?ref=oldblog.example.com&page=2&b=1 \"T\")", "[a](https://x.example/p?page=2&b=1 \"T\")"),
            ("[a](<https://x.example/a b?c=1&ref=OldBlog.Example.com>)", "[a](<https://x.example/a b?c=1>)"),
            ("[a](https://x.example/?ref=oldblog.example.com#top)", "[a](https://x.example/#top)"),
            ("<https://x.example/?a=1&ref=www.oldblog.example.com>", "<https://x.example/?a=1>"),
            ("[a](https://x.example/?ref=oldblog.example.com%2F)", "[a](https://x.example/)"),
        ]
        for (before, after) in cases {
            #expect(try fix(before + "\n") == after + "\n", "\(before)")
        }
    }

    @Test func htmlAttributesAreReadAndWrittenWithTheirReferences() throws {
        let text = "<p><a class=\"x\" href=\"https://x.example/?a=1&amp;ref&#x3D;oldblog.example.com&#38;b=2\">x</a></p>\n\nText <a href='https://x.example/?ref=oldblog.example.com'>y</a>.\n"
        let findings = try check(text)
        #expect(flagged(text, findings) == ["ref&#x3D;oldblog.example.com", "ref=oldblog.example.com"])
        #expect(findings.allSatisfy { $0.fix?.applicability == .safe && $0.fix?.promise == .changesLinkTargets })
        #expect(try fix(text) == "<p><a class=\"x\" href=\"https://x.example/?a=1&#38;b=2\">x</a></p>\n\nText <a href='https://x.example/'>y</a>.\n")
    }

    @Test func aDefinitionUsedByALinkIsFixedOneOnlyForImagesIsNot() throws {
        let text = "[a][d] ![i][img]\n\n[d]: https://x.example/?ref=oldblog.example.com \"T\"\n[img]: https://x.example/i.png?ref=oldblog.example.com\n"
        #expect(try fix(text) == "[a][d] ![i][img]\n\n[d]: https://x.example/ \"T\"\n[img]: https://x.example/i.png?ref=oldblog.example.com\n")
    }

    @Test func theSitesOwnHostsAndNothingElse() throws {
        let text = "[a](https://x.example/?ref=casper.ghost.io) [b](https://x.example/?ref=affiliate42) [c](https://x.example/?ref=another.example) [d](https://x.example/?ref=new.example) [e](https://x.example/?xref=oldblog.example.com) [f](https://x.example/#?ref=oldblog.example.com)\n"
        #expect(flagged(text, try check(text)) == ["ref=casper.ghost.io"])
        // The new site's address comes from its generator's configuration.
        var tree = ["/site/hugo.toml": "baseURL = 'https://www.new.example/'\n"]
        tree["/site/posts/p.md"] = text
        let fs = InMemoryFileSystem(tree, workingDirectory: "/site")
        let linter = Linter(session: Session(rules: AllRules.rules, fileSystem: fs), select: ["ghost-link-tracking"])
        #expect(flagged(text, linter.check(path: "/site/posts/p.md", bytes: Array(text.utf8))) == ["ref=casper.ghost.io", "ref=new.example"])
    }

    @Test func imagesAndCodeAreNeverTouched() throws {
        let text = "![i](https://x.example/i.png?ref=oldblog.example.com)\n\n`[a](https://x.example/?ref=oldblog.example.com)`\n\n```\n<a href=\"https://x.example/?ref=oldblog.example.com\">\n```\n\n<img src=\"https://x.example/i.png?ref=oldblog.example.com\" alt=\"\">\n"
        #expect(try check(text).isEmpty)
    }

    @Test func twoTagsInOneURLSettle() throws {
        #expect(try fix("[a](https://x.example/?ref=oldblog.example.com&ref=oldblog.example.com&x=1)\n") == "[a](https://x.example/?x=1)\n")
    }
}
