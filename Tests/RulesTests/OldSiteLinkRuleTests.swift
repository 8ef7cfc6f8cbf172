import Synchronization
import Testing
@testable import RuleEngine
@testable import Rules

/// A file system that counts what is read, to see when the page table is built.
final class CountingFileSystem: FileSystem {
    let inner: InMemoryFileSystem
    let reads = Mutex<[String]>([])
    init(_ inner: InMemoryFileSystem) { self.inner = inner }
    var workingDirectory: String { inner.workingDirectory }
    func status(_ path: String) -> FileStatus? { inner.status(path) }
    func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry] { try inner.entries(of: directory) }
    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        reads.withLock { $0.append(path) }
        return try inner.read(path)
    }
}

@Suite struct OldSiteLinkRuleTests {
    static let config = "site:\n  url: https://oldblog.example.com\n"

    /// A site in memory with these files (path: content) and `.galley.yml`.
    func linter(_ files: [String: String], config: String = config, fileSystem: ((InMemoryFileSystem) -> any FileSystem)? = nil) throws -> Linter {
        var tree = files
        if !config.isEmpty { tree["/site/.galley.yml"] = config }
        let memory = InMemoryFileSystem(tree, workingDirectory: "/site")
        let parsed = try Configuration.parse(Array(config.utf8), path: "/site/.galley.yml", directory: "/site", knownRules: AllRules.optionTable)
        return Linter(session: Session(rules: AllRules.rules, fileSystem: fileSystem?(memory) ?? memory),
                      configuration: config.isEmpty ? .default : parsed, select: ["old-site-link"])
    }

    func fixed(_ linter: Linter, _ text: String, _ level: Applicability) -> String {
        String(decoding: linter.fix(path: "/site/posts/p.md", bytes: Array(text.utf8), upTo: level).bytes, as: UTF8.self)
    }

    static let post = ["/site/posts/2020-01-02-my-post.md": "---\ntitle: Mine\n---\n"]

    @Test func safeWhenAPageAnswersUnsafeOtherwiseAndTheMessageSaysWhich() throws {
        let l = try linter(Self.post)
        let text = "[a](https://oldblog.example.com/my-post/?x=1#c) [b](https://oldblog.example.com/gone/)\n"
        let findings = l.check(path: "/site/posts/p.md", bytes: Array(text.utf8))
        #expect(findings.map { $0.fix?.applicability } == [.safe, .unsafe])
        #expect(findings[0].message == "link to the old site's page `https://oldblog.example.com/my-post/?x=1#c`; `/my-post/?x=1#c` is a page of this site (`posts/2020-01-02-my-post.md`, its file name)")
        #expect(findings[1].message.hasSuffix("no page of this site answers `/gone/` (the old address may still redirect, the relative link would not)"))
        #expect(fixed(l, text, .safe) == "[a](/my-post/?x=1#c) [b](https://oldblog.example.com/gone/)\n")
        #expect(fixed(l, text, .unsafe) == "[a](/my-post/?x=1#c) [b](/gone/)\n")
    }

    @Test func everySpellingOfTheOldAddress() throws {
        let l = try linter(Self.post)
        let text = "[a](http://www.OldBlog.example.com/my-post/) [b](//oldblog.example.com/my-post) [c](https://oldblog.example.com) [d](https://oldblog.example.com?q#f) [e](__ghost_url__/my-post/) [f](__GHOST_URL__) [g](https://oldblog.example.com.evil.example/my-post/) [h](https://notoldblog.example.com/)\n"
        #expect(fixed(l, text, .safe) == "[a](/my-post/) [b](/my-post) [c](/) [d](/?q#f) [e](/my-post/) [f](/) [g](https://oldblog.example.com.evil.example/my-post/) [h](https://notoldblog.example.com/)\n")
    }

    @Test func aSubdirectoryInstallAndANewBasePath() throws {
        let files = ["/site/_config.yml": "baseurl: /blog\npermalink: /:title/\n", "/site/_posts/2020-01-02-my-post.md": "---\n---\n"]
        let l = try linter(files, config: "site:\n  url: https://example.com/news\n")
        let text = "[a](https://example.com/news/my-post/) [b](https://example.com/newsletter/) [c](https://example.com/other/)\n"
        #expect(fixed(l, text, .safe) == "[a](/blog/my-post/) [b](https://example.com/newsletter/) [c](https://example.com/other/)\n")
    }

    @Test func anAutolinkBecomesAnInlineLinkShowingTheSameText() throws {
        let l = try linter(["/site/posts/a_b.md": "x\n"])
        let text = "See <https://oldblog.example.com/a_b/> and <me@oldblog.example.com>.\n"
        #expect(fixed(l, text, .safe) == "See [https://oldblog.example.com/a\\_b/](/a_b/) and <me@oldblog.example.com>.\n")
    }

    @Test func filesTheSiteServesAnswerToo() throws {
        let l = try linter(["/site/files/cv.pdf": "%PDF", "/site/about/index.html": "<p>"])
        let text = "[cv](https://oldblog.example.com/files/cv.pdf) [about](__GHOST_URL__/about/) [img](https://oldblog.example.com/content/images/a.png)\n"
        let findings = l.check(path: "/site/posts/p.md", bytes: Array(text.utf8))
        #expect(findings.map { $0.fix?.applicability } == [.safe, .safe, .unsafe])
        #expect(findings[1].message.contains("is a file of this site (`about/index.html`)"))
    }

    @Test func imagesHTMLAndCode() throws {
        let l = try linter(Self.post)
        let text = "![i](https://oldblog.example.com/my-post/) <img src=\"__GHOST_URL__/content/images/a.png\" alt=\"a\">\n\n<div><a href=\"https://oldblog.example.com/my-post/\">x</a></div>\n\n`[a](https://oldblog.example.com/my-post/)`\n"
        let findings = l.check(path: "/site/posts/p.md", bytes: Array(text.utf8))
        #expect(flagged(text, findings) == ["https://oldblog.example.com/my-post/"])
        #expect(positions(text, findings) == ["3:15"])
    }

    @Test func withoutSiteURLOnlyThePlaceholderIsOld() throws {
        let l = try linter([:], config: "")
        let text = "[a](https://oldblog.example.com/x/) [b](__GHOST_URL__/x/)\n"
        #expect(flagged(text, l.check(path: "/site/posts/p.md", bytes: Array(text.utf8))) == ["__GHOST_URL__/x/"])
    }

    @Test func thePageTableIsReadOnlyWhenNeededAndOncePerRun() throws {
        var counting: CountingFileSystem?
        let l = try linter(Self.post.merging(["/site/posts/other.md": "x\n"]) { a, _ in a }) { memory in
            let fs = CountingFileSystem(memory)
            counting = fs
            return fs
        }
        _ = l.check(path: "/site/posts/p.md", bytes: Array("[a](https://example.org/x/)\n".utf8))
        #expect(counting!.reads.withLock { $0 }.isEmpty)
        _ = l.check(path: "/site/posts/p.md", bytes: Array("[a](https://oldblog.example.com/x/)\n".utf8))
        _ = l.check(path: "/site/posts/q.md", bytes: Array("[a](__GHOST_URL__/y/)\n".utf8))
        #expect(counting!.reads.withLock { $0 }.sorted() == ["/site/posts/2020-01-02-my-post.md", "/site/posts/other.md"])
    }
}
