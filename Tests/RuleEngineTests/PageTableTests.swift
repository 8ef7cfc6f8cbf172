import Testing
@testable import RuleEngine

/// The new site's pages, as its generator makes them from the posts it finds.
@Suite struct PageTableTests {
    func pages(_ files: [String: String], post: String = "/s/x.md") -> PageTable {
        let fs = InMemoryFileSystem(files, workingDirectory: "/s")
        return Session(rules: [], fileSystem: fs).site(for: post, configuration: .default).pages
    }

    func routes(_ table: PageTable) -> [String] { table.pages.map(\.route) }

    @Test func jekyllPermalinks() {
        let posts = ["/s/_posts/2020-01-02-first-post.md": "---\ntitle: First\n---\n",
                     "/s/_posts/2020-03-04-second.md": "---\nslug: other-name\n---\n",
                     "/s/notes/_posts/2021-05-06-third.md": "---\ncategories: [Deep Dive]\n---\n",
                     "/s/about.md": "---\ntitle: About\n---\n",
                     "/s/README.md": "no front matter: copied, not a page\n",
                     "/s/_drafts/2020-01-01-draft.md": "---\n---\n",
                     "/s/_site/2020/01/02/first-post.html": "built"]
        let dated = pages(posts.merging(["/s/_config.yml": "title: x\n"]) { a, _ in a })
        #expect(routes(dated) == ["/2020/01/02/first-post.html", "/2020/03/04/other-name.html", "/about.html", "/notes/deep-dive/2021/05/06/third.html"])
        let pretty = pages(posts.merging(["/s/_config.yml": "permalink: /:title/\n"]) { a, _ in a })
        #expect(routes(pretty) == ["/first-post/", "/other-name/", "/about.html", "/third/"])
        #expect(pretty.page(at: "/first-post")?.source == "/s/_posts/2020-01-02-first-post.md")
        #expect(pretty.page(at: "/first-post/index.html") != nil && pretty.page(at: "/nothing/") == nil)
        #expect(pretty.page(at: "/")?.why == "the home page")
        #expect(pretty.postCount == 4)
    }

    @Test func hugoSectionsPermalinksBundlesAliasesAndTaxonomies() {
        let files = ["/s/hugo.toml": "baseURL = 'https://n.example/'\n[permalinks]\nposts = '/:year/:month/:slug/'\n",
                     "/s/content/posts/a.md": "---\ntitle: A Title\ndate: 2019-07-08T10:00:00Z\ntags: [Go, Swift Lang]\naliases: [/old-a/]\n---\n",
                     "/s/content/posts/b.md": "+++\nslug = \"bee\"\ndate = \"2020-02-03\"\n+++\n",
                     "/s/content/notes/c/index.md": "---\ntitle: C\n---\n",
                     "/s/content/notes/_index.md": "---\ntitle: Notes\n---\n",
                     "/s/content/notes/d.md": "---\ndraft: true\n---\n"]
        #expect(routes(pages(files)) == ["/notes/", "/notes/c/", "/2019/07/a-title/", "/old-a/", "/tags/", "/tags/go/", "/tags/swift-lang/", "/2020/02/bee/"])
    }

    @Test func astroRoutesFromPageFileNames() {
        let files = ["/s/astro.config.mjs": "export default {}\n",
                     "/s/src/pages/index.astro": "", "/s/src/pages/about.md": "",
                     "/s/src/pages/blog/[...slug].astro": "", "/s/src/pages/tag/[tag].astro": "",
                     "/s/src/pages/blog/[...page].astro": "", "/s/src/pages/[lang]/x.astro": "",
                     "/s/src/content/blog/My Post.md": "---\ntags: [Swift]\n---\n",
                     "/s/src/content/blog/2020/kept.md": "---\nslug: renamed\n---\n"]
        #expect(routes(pages(files)) == ["/blog/renamed/", "/blog/my-post/", "/tag/swift/", "/about/", "/"])
    }

    @Test func plainFoldersGoBySlugPermalinkAndFileName() {
        let table = pages(["/s/posts/2020-01-01-hello.md": "---\nslug: hi-there\npermalink: /p/hello.html\n---\n", "/s/other.md": "text\n"])
        #expect(routes(table) == ["/other/", "/p/hello.html", "/hi-there/", "/hello/"])
        #expect(table.page(at: "/hi-there/")?.why == "its slug `hi-there`")
    }
}
