import Testing
@testable import RuleEngine
@testable import Rules

/// A site in memory: its files, a `.galley.yml`, posts linted as if they were under `/site`.
final class TestSite {
    let root = "/site"
    let fileSystem: InMemoryFileSystem
    let session: Session
    let config: String

    /// `fileCount` is how many files the run checks (more than `Session.fewFiles` lists the site).
    init(files: [String], config: String = "", fileCount: Int = 1) {
        var tree = Dictionary(uniqueKeysWithValues: files.map { ("/site/" + $0, "img") })
        tree["/site/.galley.yml"] = config
        fileSystem = InMemoryFileSystem(tree, workingDirectory: "/site")
        session = Session(rules: AllRules.rules, fileSystem: fileSystem, fileCount: fileCount)
        self.config = config
    }

    func linter(_ rules: [String]) throws -> Linter {
        let parsed = try Configuration.parse(Array(config.utf8), path: root + "/.galley.yml", directory: root,
                                             knownRules: AllRules.optionTable)
        return Linter(session: session, configuration: parsed, select: Set(rules))
    }

    func check(_ text: String, at path: String = "posts/p.md", rules: [String] = ["missing-image"]) throws -> [Finding] {
        try linter(rules).check(path: root + "/" + path, bytes: Array(text.utf8))
    }

    func fix(_ text: String, at path: String = "posts/p.md", upTo level: Applicability = .safe) throws -> String {
        let result = try linter(["missing-image"]).fix(path: root + "/" + path, bytes: Array(text.utf8), upTo: level)
        return String(decoding: result.bytes, as: UTF8.self)
    }
}

@Suite struct MissingImageRuleTests {
    @Test func remoteAndOtherSchemesAreNeverReported() throws {
        let site = TestSite(files: [], config: "site:\n  url: https://old.example\n")
        let text = "![a](https://cdn.example/x.png) ![b](//cdn.example/y.png) ![c](data:image/png;base64,AA==) ![d](mailto:a@b.c)\n"
        #expect(try site.check(text).isEmpty)
    }

    @Test func pathsResolveAgainstTheRootStaticDirectoriesAndThePost() throws {
        let site = TestSite(files: ["content/a.png", "static/b.png", "posts/img/c.png", "content/my photo.png"],
                                config: "site:\n  static: [static]\n")
        let text = "![a](/content/a.png) ![b](/b.png) ![c](img/c.png) ![d](./img/../img/c.png?v=2#full) ![e](/content/my%20photo.png)\n"
        #expect(try site.check(text).isEmpty)
        let broken = "![a](/content/z.png) ![c](img/z.png) ![b](/c.png)\n"
        #expect(flagged(broken, try site.check(broken)) == ["/content/z.png", "img/z.png", "/c.png"])
    }

    @Test func frontMatterKeysScalarsAndLists() throws {
        let site = TestSite(files: ["new/a.jpg", "new/b.jpg"], config: "site:\n  remap:\n    /old/: /new/\n")
        let text = "---\ncover: \"/old/a.jpg\"\nimages:\n  - /old/b.jpg\nimage: ['/old/b.jpg', /missing.jpg]\nauthor: /old/a.jpg\n---\n\nText.\n"
        let findings = try site.check(text)
        #expect(flagged(text, findings) == ["/old/a.jpg", "/old/b.jpg", "/missing.jpg"])
        #expect(try site.fix(text) == "---\ncover: \"/new/a.jpg\"\nimages:\n  - /old/b.jpg\nimage: ['/new/b.jpg', /missing.jpg]\nauthor: /old/a.jpg\n---\n\nText.\n")
    }

    @Test func aFrontMatterValueWithEscapesIsReportedButNotRewritten() throws {
        let site = TestSite(files: ["new/a.jpg"], config: "site:\n  remap:\n    /old/: /new/\n")
        let text = "---\ncover: \"\\/old/a.jpg\"\n---\n"
        let finding = try #require(try site.check(text).first)
        #expect(finding.fix == nil)
        #expect(finding.message.contains("not rewritten"))
    }

    @Test func onlyTheBrokenSourceSetEntryChanges() throws {
        let site = TestSite(files: ["content/images/2020/01/a.png"])
        let text = "<img alt=\"x\" src='/content/images/2020/01/a.png' srcset=\"/content/images/size/w600/2020/01/a.png 600w,/content/images/2020/01/a.png 2x\">\n"
        #expect(try site.fix(text) == "<img alt=\"x\" src='/content/images/2020/01/a.png' srcset=\"/content/images/2020/01/a.png 600w,/content/images/2020/01/a.png 2x\">\n")
    }

    @Test func angleBracketsTitlesAndFragmentsStay() throws {
        let site = TestSite(files: ["content/images/x y.png"])
        let text = "![Alt *text*](<__GHOST_URL__/content/images/x y.png#full> \"Title\")\n"
        #expect(try site.fix(text) == "![Alt *text*](</content/images/x y.png#full> \"Title\")\n")
    }

    @Test func oldOriginsIncludingASubdirectoryInstall() throws {
        let site = TestSite(files: ["content/images/a.png"], config: "site:\n  url: [https://old.example/news/, http://localhost:2368]\n")
        let text = "![a](https://old.example/news/content/images/a.png) ![b](http://localhost:2368/content/images/a.png) ![c](https://other.example/content/images/a.png)\n"
        #expect(try site.fix(text) == "![a](/content/images/a.png) ![b](/content/images/a.png) ![c](https://other.example/content/images/a.png)\n")
    }

    @Test func theUniqueFileOfThatNameIsAnUnsafeFixAndTwoAreNone() throws {
        let site = TestSite(files: ["assets/2019/one.png", "a/two.png", "b/two.png"])
        let text = "![1](/content/images/one.png) ![2](/content/images/two.png)\n"
        let findings = try site.check(text)
        #expect(findings.map { $0.fix?.applicability } == [.unsafe, nil])
        #expect(findings[1].message.contains("2 files named `two.png`"))
        #expect(try site.fix(text) == text)
        #expect(try site.fix(text, upTo: .unsafe) == "![1](/assets/2019/one.png) ![2](/content/images/two.png)\n")
    }

    @Test func theRepairsComeInTheirOrder() throws {
        // Both the remap target and the original exist: remap first.
        let site = TestSite(files: ["content/images/2020/a.png", "assets/size/w600/2020/a.png"],
                                config: "site:\n  remap:\n    /content/images/: /assets/\n")
        let text = "![a](/content/images/size/w600/2020/a.png)\n"
        #expect(try site.fix(text) == "![a](/assets/size/w600/2020/a.png)\n")
    }

    @Test func imagesInCodeAndCommentsAreNotReferences() throws {
        let site = TestSite(files: [])
        let text = "`![a](/x.png)`\n\n    ![b](/y.png)\n\n<!-- <img src=\"/z.png\"> -->\n\n<pre><img src=\"/w.png\"></pre>\n"
        #expect(try site.check(text).isEmpty)
    }

    @Test func oneSitePerRunIsShared() throws {
        let site = TestSite(files: ["a.png"])
        _ = try site.check("![a](/a.png)\n", at: "one.md")
        _ = try site.check("![b](/b.png)\n", at: "sub/two.md")
        #expect(site.session.siteCount == 1)
        let shared = site.session.site(root: "/site", staticDirectories: [])
        #expect(shared === site.session.site(root: "/site", staticDirectories: []))
        #expect(shared.files(named: "a.png") == ["/site/a.png"])
    }

    @Test func aRunOfFewFilesLooksPathsUpAndSearchesNamesBeforeItListsTheSite() throws {
        let few = TestSite(files: ["content/a.png", "elsewhere/b.png", "elsewhere/c.png"])
        let site = few.session.site(root: "/site", staticDirectories: [])
        #expect(try few.check("![a](/content/a.png)\n").isEmpty)
        #expect(!site.isListed)
        // A missing image: the only file of that name is searched for, without a listing.
        let findings = try few.check("![b](/content/b.png)\n")
        #expect(findings.map { $0.fix?.applicability } == [.unsafe])
        #expect(!site.isListed)
        // Past `searchesBeforeListing` names, the site is listed once, and answers alike.
        let more = (1...Site.searchesBeforeListing).map { "![x](/content/missing-\($0).png)\n" }.joined(separator: "\n")
        #expect(try few.check(more).count == Site.searchesBeforeListing)
        #expect(site.isListed)
        #expect(try few.check("![c](/content/c.png)\n").map { $0.fix?.applicability } == [.unsafe])

        let many = TestSite(files: ["content/a.png"], fileCount: Session.fewFiles + 1)
        #expect(try many.check("![a](/content/a.png)\n").isEmpty)
        #expect(many.session.site(root: "/site", staticDirectories: []).isListed)
    }

    // Found by a review: escapes, entities, hidden directories, raw-text elements,
    // remap targets that need encoding, definitions, posts without local images.

    @Test func escapesAndEntitiesAreDecodedBeforeTheLookup() throws {
        let site = TestSite(files: ["content/a_b.jpg", "content/a&b.jpg", "img/p(1).png", "posts/.img/b.png"])
        let text = "![a](/content/a\\_b.jpg) ![b](/content/a&amp;b.jpg) <img alt=\"x\" src=\"/content/a&#38;b.jpg\"> ![f](/img/p\\(1\\).png) ![h](.img/b.png)\n"
        #expect(try site.check(text).isEmpty)
    }

    @Test func aRemapTargetIsPercentEncoded() throws {
        let site = TestSite(files: ["my images/a.jpg"], config: "site:\n  remap:\n    /old/: \"/my images/\"\n")
        let text = "---\ncover: /old/a.jpg\n---\n\n![x](/old/a.jpg \"t\")\n"
        #expect(try site.fix(text) == "---\ncover: /my%20images/a.jpg\n---\n\n![x](/my%20images/a.jpg \"t\")\n")
    }

    @Test func imgInScriptTextareaAndPreIsText() throws {
        let site = TestSite(files: [])
        let text = "<div>\n<script>\nvar h = '<img src=\"/a.jpg\">';\n</script>\n<textarea><img src=\"/b.jpg\"></textarea>\n<pre><img src=\"/c.jpg\"></pre>\n<img src=\"/d.jpg\" alt=\"d\">\n</div>\n"
        #expect(flagged(text, try site.check(text)) == ["/d.jpg"])
    }

    @Test func aDefinitionsDestinationIsASafeFix() throws {
        let site = TestSite(files: ["new/a.jpg"], config: "site:\n  remap:\n    /old/: /new/\n")
        let text = "![r][ref]\n\n[ref]: /old/a.jpg \"Title\"\n"
        #expect(try site.fix(text) == "![r][ref]\n\n[ref]: /new/a.jpg \"Title\"\n")
    }

    @Test func aPostWithoutLocalImagesListsNoFiles() throws {
        let site = TestSite(files: ["a.png"])
        #expect(try site.check("![r](https://example.com/a.png)\n").isEmpty)
        #expect(site.session.siteCount == 0)
        _ = try site.check("![l](/a.png)\n")
        #expect(site.session.siteCount == 1)
    }

    @Test(arguments: [
        ("site: [a]\n", "`site` must be a mapping"),
        ("site:\n  url: oldblog.ghost.io\n", "must start with http"),
        ("site:\n  remap: [/a/, /b/]\n", "`site.remap` must map"),
        ("site:\n  remap:\n    content/: /b/\n", "a `/...` prefix"),
        ("site:\n  roots: .\n", "unknown key `site.roots`"),
    ])
    func badSiteSections(_ yaml: String, _ message: String) {
        #expect {
            try Configuration.parse(Array(yaml.utf8), path: ".galley.yml", directory: "/", knownRules: AllRules.optionTable)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}

@Suite struct ImageAltRuleTests {
    let id = ["image-alt"]

    @Test func emptyAltTextAndImgWithoutAlt() {
        let text = "![](/a/My-photo_2019.jpg) ![  ][r] ![ok](/b.png)\n\n<img src=\"/c/team.png\"> <img src=\"/d.png\" alt=\"\">\n\n[r]: /e/diagram.svg\n"
        let findings = lint(text, id)
        #expect(flagged(text, findings) == ["![]", "![  ]", "<img"])
        #expect(findings.map { $0.fix?.applicability } == [.suggestion, .suggestion, .suggestion])
        #expect(findings.map { $0.fix?.edits.first.map { String(decoding: $0.replacement, as: UTF8.self) } } == ["My photo 2019", "diagram", " alt=\"team\""])
        #expect(fixed(text, id, upTo: .unsafe) == text)  // suggestions are never applied
    }

    @Test func codeAndHTMLCommentsAreLeftAlone() {
        #expect(lint("`![](x.png)`\n\n    ![](y.png)\n\n<!-- <img src=\"z.png\"> -->\n", id).isEmpty)
    }
}
