import Testing
@testable import RuleEngine

/// A run of few files (a pre-commit hook) asks `Site.files(named:)` by walking the roots
/// for that one name instead of listing them: it must answer what the listing of a run
/// of many files answers, skip what the listing skips, and stop at the same limit.
@Suite struct SiteSearchTests {
    /// Files over a few directories (names shared between them, names not ASCII), and
    /// files in the places no listing takes: hidden folders, `node_modules`, build output.
    static let paths = SiteIndexTests.paths(600) + [
        "/site/.git/a-3.png", "/site/node_modules/pkg/a-3.png", "/site/_site/a-3.png", "/site/_site/only-built.png",
        "/site/deep/er/still/a-3.png", "/site/static/é/a-3.png",
    ]

    static func sites(_ paths: [String] = paths, roots: [String] = ["/site/static/é"], excluding: [String] = ["/site/_site"])
        -> (few: Site, many: Site) {
        let fs = InMemoryFileSystem(Dictionary(paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        var generator = SiteGenerator(kind: .jekyll, configFile: "/site/_config.yml", directory: "/site")
        generator.outputDirectories = excluding
        func site(_ eager: Bool) -> Site {
            Site(root: "/site", staticDirectories: roots, generator: generator, fileSystem: fs, listsEagerly: eager)
        }
        return (site(false), site(true))
    }

    static let names = ["a-3.png", "a-0.png", "only-built.png", "none.png", "1.jpg"]

    @Test func aSearchAnswersWhatTheListingAnswers() {
        let (few, many) = Self.sites()
        for name in Self.names { #expect(few.files(named: name) == many.files(named: name), "\(name)") }
        #expect(many.isListed)
        #expect(few.files(named: "a-3.png").contains("/site/deep/er/still/a-3.png"))
        #expect(few.files(named: "a-3.png").contains("/site/static/é/a-3.png"))
        #expect(!few.files(named: "a-3.png").contains { $0.contains("/.git/") || $0.contains("node_modules") || $0.contains("/_site/") })
        #expect(few.files(named: "only-built.png").isEmpty)
        // The static folder under the root is walked once: its file is there once.
        #expect(few.files(named: "a-3.png").filter { $0.hasSuffix("/é/a-3.png") }.count == 1)
    }

    @Test func aRunOfFewFilesSearchesSomeNamesAndThenListsTheSite() {
        let (few, many) = Self.sites()
        let first = Array(Self.names.prefix(Site.searchesBeforeListing))
        for name in first { _ = few.files(named: name) }
        // A name asked again is answered from what its search found.
        for name in first { #expect(few.files(named: name) == many.files(named: name)) }
        #expect(!few.isListed)
        let next = Self.names[Site.searchesBeforeListing]
        #expect(few.files(named: next) == many.files(named: next))
        #expect(few.isListed)
        for name in Self.names { #expect(few.files(named: name) == many.files(named: name)) }
    }

    /// Roots holding more files than an index takes (a root at `/` by mistake): the listing
    /// answers nothing, and so does the search, however early the name is met.
    @Test func pastTheLimitASearchFindsNothingAsTheListingDoes() {
        let crowd = (0...SiteIndex.limit).map { "/site/a/\($0).png" }
        let (few, many) = Self.sites(["/site/b/0.png"] + crowd, roots: [], excluding: [])
        #expect(many.files(named: "0.png") == [])
        #expect(few.files(named: "0.png") == [])
        let (under, _) = Self.sites(["/site/b/0.png"] + crowd.dropLast(2), roots: [], excluding: [])
        #expect(under.files(named: "0.png") == ["/site/a/0.png", "/site/b/0.png"])
    }

    /// A file in a folder no listing holds (hidden, `node_modules`) is asked of the file
    /// system, by a run of many files too: the listing does not speak for it.
    @Test func filesWhereTheListingDoesNotLookAreAskedOfTheFileSystem() {
        let (few, many) = Self.sites()
        for site in [few, many] {
            #expect(site.fileExists("/site/node_modules/pkg/a-3.png"))
            #expect(site.fileExists("/site/.git/a-3.png"))
            #expect(site.fileExists("/site/deep/er/still/a-3.png"))
            #expect(!site.fileExists("/site/node_modules/pkg/none.png"))
            #expect(!site.fileExists("/site/deep/er/still/none.png"))
            #expect(site.fileExists("/site/node_modules_/x.png") == false)
        }
        #expect(many.isListed)
    }
}
