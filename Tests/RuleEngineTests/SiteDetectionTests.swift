import Testing
@testable import RuleEngine

/// A site found without `.galley.yml`: its generator from the marker file, the folders
/// that serve `/…`, the new site's address, and what could not be read.
@Suite struct SiteDetectionTests {
    func site(_ files: [String: String], post: String, configuration: Configuration = .default) -> Site {
        let fs = InMemoryFileSystem(files.merging([post: "# Post\n"]) { a, _ in a }, workingDirectory: "/work")
        return Session(rules: [], fileSystem: fs).site(for: post, configuration: configuration)
    }

    @Test func astroServesPublicAndKnowsItsAddress() throws {
        let site = site(["/s/astro.config.mjs": "import { defineConfig } from 'astro/config';\nexport default defineConfig({\n  site: 'https://new.example',\n  base: '/blog',\n});\n",
                         "/s/public/content/images/a.png": ""], post: "/s/src/content/blog/p.md")
        let g = try #require(site.generator)
        #expect(g.kind == .astro && g.configFile == "/s/astro.config.mjs")
        #expect(site.root == "/s" && !site.servesRoot && site.servedDirectories == ["/s/public"])
        #expect(g.address?.description == "https://new.example/blog" && g.basePath == "/blog")
        #expect(g.outputDirectories == ["/s/dist"])
        // A file of the static folder is served at `/…`, never at `/public/…`.
        #expect(site.sitePath(of: "/s/public/content/images/a.png") == "/content/images/a.png")
        #expect(site.sitePath(of: "/s/src/assets/a.png") == nil)
        #expect(site.fileExists("/s/public/content/images/a.png"))
    }

    @Test func hugoHonoursStaticDirThemesAndItsContentFolder() throws {
        let toml = "baseURL = \"https://new.example/\"  # the new site\nstaticDir = [\"static\", 'assets']\ntheme = \"casper\"\n\n[permalinks]\n  posts = \"/:year/:slug/\"\n[taxonomies]\n  tag = \"tags\"\n"
        let site = site(["/s/hugo.toml": toml], post: "/s/content/posts/p.md")
        let g = try #require(site.generator)
        #expect(g.kind == .hugo)
        #expect(site.servedDirectories == ["/s/static", "/s/assets", "/s/themes/casper/static", "/s/content"])
        #expect(g.address?.description == "https://new.example" && g.permalinks == ["posts": "/:year/:slug/"] && g.taxonomies == ["tags"])
        #expect(g.outputDirectories == ["/s/public"])
    }

    @Test func hugosOlderConfigCountsOnlyWithABaseURL() {
        #expect(site(["/s/config.toml": "baseurl = 'https://n.example'\n"], post: "/s/content/p.md").generator?.kind == .hugo)
        #expect(site(["/s/config.toml": "[tool]\nname = 'x'\n"], post: "/s/content/p.md").generator == nil)
        #expect(site(["/s/config/_default/hugo.toml": "baseURL = '/'\n"], post: "/s/content/p.md").generator?.directory == "/s")
    }

    @Test func jekyllServesItsRootAndJoinsURLAndBaseurl() throws {
        let site = site(["/s/_config.yml": "title: Blog\nurl: \"https://new.example\" # where it lives\nbaseurl: /blog/\npermalink: /:title/\n"], post: "/s/_posts/2020-01-02-p.md")
        let g = try #require(site.generator)
        #expect(g.kind == .jekyll && site.servesRoot && site.servedDirectories == ["/s"])
        #expect(g.address?.description == "https://new.example/blog" && g.basePath == "/blog" && g.permalinks["posts"] == "/:title/")
        #expect(g.outputDirectories == ["/s/_site"])
    }

    @Test func eleventyReadsItsInputFolder() throws {
        let js = "module.exports = function(eleventyConfig) {\n  eleventyConfig.addPassthroughCopy(\"img\");\n  return { dir: { input: \"src\", output: \"dist\" } };\n};\n"
        let g = try #require(site(["/s/.eleventy.js": js], post: "/s/src/posts/p.md").generator)
        #expect(g.kind == .eleventy && g.servedDirectories == ["/s", "/s/src"] && g.outputDirectories == ["/s/dist"])
    }

    @Test func valuesThatAreNotLiteralLinesAreSaidSo() throws {
        let astro = try #require(site(["/s/astro.config.mjs": "export default {\n  site: process.env.SITE_URL,\n  publicDir: `${root}/static`,\n}\n"], post: "/s/p.md").generator)
        #expect(astro.address == nil)
        #expect(astro.notes == ["astro.config.mjs:2: `site` is not written as a literal (`process.env.SITE_URL`), so the new site's address is unknown",
                                "astro.config.mjs:3: `publicDir` is not written as a literal (`` `${root}/static` ``), so `public/` is taken as the static folder"])
        let jekyll = try #require(site(["/s/_config.yml": "url: >\n  https://new.example\n"], post: "/s/p.md").generator)
        #expect(jekyll.notes.count == 1 && jekyll.notes[0].hasPrefix("_config.yml:1: `url` is not written as a literal"))
    }

    @Test func configurationWinsAndTheNearestMarkerBelowTheRepositoryIsTaken() throws {
        var configuration = Configuration()
        configuration.directory = "/s"
        configuration.site.staticDirectories = ["files"]
        let configured = site(["/s/astro.config.mjs": "export default {}\n"], post: "/s/src/p.md", configuration: configuration)
        #expect(configured.servedDirectories == ["/s", "/s/files"] && configured.generator?.kind == .astro)
        // The nearest marker wins; none above the repository root is looked at.
        let nested = site(["/s/_config.yml": "", "/s/docs/hugo.toml": ""], post: "/s/docs/content/p.md")
        #expect(nested.generator?.kind == .hugo)
        let bounded = site(["/s/_config.yml": "", "/s/repo/.git/HEAD": ""], post: "/s/repo/posts/p.md")
        #expect(bounded.generator == nil && bounded.root == "/s/repo")
    }

    @Test func eachDirectoryIsAskedOncePerRun() {
        let fs = InMemoryFileSystem(["/s/hugo.toml": "", "/s/content/a.md": "", "/s/content/b.md": ""], workingDirectory: "/s")
        let session = Session(rules: [], fileSystem: fs)
        let a = session.site(for: "/s/content/a.md", configuration: .default)
        let b = session.site(for: "/s/content/b.md", configuration: .default)
        #expect(a === b && session.siteCount == 1)
    }
}

@Suite struct ConfigLinesTests {
    @Test func toml() {
        let lines = ConfigLines(Array("# c\nbaseURL = \"https://x.example/\" # c\ntitle = 'It''s'\n[params]\nn = 3\n[permalinks]\nposts = \"/:slug/\"\nmarkup.goldmark.x = true\nlong = \"\"\"\nnot read\n\"\"\"\n".utf8), .toml)
        #expect(lines.string("baseURL") == "https://x.example/")
        #expect(lines.string("n", in: "params") == "3")
        #expect(lines.string("posts", in: "permalinks") == "/:slug/")
        #expect(lines.string("x", in: "permalinks.markup.goldmark") == "true")
        #expect(lines.entry("long", in: "permalinks")?.values == nil)
    }

    @Test func yaml() {
        let lines = ConfigLines(Array("---\nurl: 'https://x.example' # c\nbaseurl: \"\"\nexclude:\n  - a\n  - \"b c\"\ndefaults:\n  scope: x\nstaticDir: [static, \"assets\"]\nkey: |\n  block\n".utf8), .yaml)
        #expect(lines.string("url") == "https://x.example")
        #expect(lines.string("baseurl") == "")
        #expect(lines.entry("exclude")?.values == ["a", "b c"])
        #expect(lines.string("scope", in: "defaults") == "x")
        #expect(lines.entry("staticDir")?.values == ["static", "assets"])
        #expect(lines.entry("key")?.values == nil)
    }

    @Test func javascript() {
        let lines = ConfigLines(Array("// site: 'commented'\nexport default defineConfig({ site: \"https://x.example\", 'base': '/b', integrations: [mdx()],\n  outDir: `./build`, srcDir: `${x}` })\n".utf8), .javascript)
        #expect(lines.string("site") == "https://x.example")
        #expect(lines.string("base") == "/b")
        #expect(lines.string("outDir") == "./build")
        #expect(lines.entry("srcDir")?.values == nil)
        #expect(lines.entry("integrations")?.values == nil)
    }
}
