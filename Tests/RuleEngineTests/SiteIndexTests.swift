import Testing
@testable import RuleEngine

/// The site's listing answers what a set of its paths would: every file is found in its
/// own directory and nowhere else, names shared by many directories and names that fall
/// in one bucket of the hash table included.
@Suite struct SiteIndexTests {
    /// Up to `count` files (distinct paths) spread over a few directories, with names
    /// repeated across them (`a-7.png` in several) and names of every length up to 40
    /// bytes, some not ASCII.
    static func paths(_ count: Int) -> [String] {
        let dirs = ["/site", "/site/content/images/2013/06", "/site/assets/img", "/site/static/é"]
        return (0..<count).map { i in
            let stem = String(repeating: "x", count: i % 37)
            let name = i % 5 == 0 ? "a-\(i % 11).png" : "\(stem)\(i)\(i % 7 == 0 ? "-ü" : "").jpg"
            return dirs[(i / 3) % dirs.count] + "/" + name
        }.reduce(into: (list: [String](), seen: Set<String>())) { kept, path in
            if kept.seen.insert(path).inserted { kept.list.append(path) }
        }.list
    }

    static func index(_ paths: [String], roots: [String] = ["/site"], excluding: [String] = []) -> SiteIndex {
        let fs = InMemoryFileSystem(Dictionary(paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }),
                                    workingDirectory: "/site")
        return SiteIndex(roots: roots, excluding: excluding, fileSystem: fs)
    }

    @Test(arguments: [0, 1, 17, 5_000])
    func everyFileIsFoundWhereItIsAndNowhereElse(_ count: Int) {
        let paths = Self.paths(count)
        let index = Self.index(paths)
        let model = Set(paths)
        #expect(index.fileCount == model.count)
        for path in model { #expect(index.contains(path), "\(path)") }
        // The same names in the other directories, and names no file has.
        for path in model.prefix(500) {
            let name = Path.lastComponent(path)
            for dir in ["/site", "/site/assets/img", "/site/nowhere", "/site/content"] {
                let other = dir + "/" + name
                #expect(index.contains(other) == model.contains(other), "\(other)")
            }
            #expect(!index.contains(path + "x"))
            #expect(!index.contains(String(path.dropLast())))
        }
    }

    @Test func filesOfANameAreEveryHolderSorted() {
        let paths = Self.paths(600)
        let index = Self.index(paths)
        for name in ["a-0.png", "a-3.png", "a-10.png", "none.png", "1.jpg"] {
            let expected = paths.filter { Path.lastComponent($0) == name }.sorted()
            #expect(index.files(named: name) == expected, "\(name)")
        }
        #expect(index.files(named: "a-3.png").count > 1)
    }

    @Test func countTakesEveryFileWhoseNameIsAccepted() {
        let paths = Self.paths(1_000)
        let index = Self.index(paths)
        #expect(index.count { $0.hasSuffix(".png") } == paths.filter { $0.hasSuffix(".png") }.count)
        #expect(index.count { $0.contains("ü") } == paths.filter { $0.contains("ü") }.count)
        #expect(index.count { _ in false } == 0)
    }

    @Test func hiddenAndExcludedDirectoriesAreNotListed() {
        let index = Self.index(["/site/a.png", "/site/.git/b.png", "/site/node_modules/c.png", "/site/_site/d.png",
                                "/site/ok/e.png"], excluding: ["/site/_site"])
        #expect(index.contains("/site/a.png"))
        #expect(index.contains("/site/ok/e.png"))
        #expect(!index.contains("/site/.git/b.png"))
        #expect(!index.contains("/site/node_modules/c.png"))
        #expect(!index.contains("/site/_site/d.png"))
        #expect(index.fileCount == 2)
    }

    @Test func aStaticDirectoryUnderTheRootIsListedOnce() {
        let index = Self.index(["/site/static/a.png", "/site/b.png"], roots: ["/site", "/site/static"])
        #expect(index.files(named: "a.png") == ["/site/static/a.png"])
        #expect(index.fileCount == 2)
    }
}

extension SiteIndexTests {
    /// The same questions get the same answers while the index scans (its first lookups)
    /// and once its hash table is made (after it has scanned 8 times every name), and an
    /// empty directory between two full ones holds nothing of theirs.
    @Test func scanningAndTheTableAnswerAlike() {
        let paths = Self.paths(300) + ["/site/empty-before/x/a-1.png"]
        let fs = InMemoryFileSystem(Dictionary(paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let index = SiteIndex(roots: ["/site"], fileSystem: fs)
        // (Few enough that they scan: 16 lookups of a directory of about 75 names, 8 of an
        // empty one and 3 of the site's 301 scan fewer than 8 × 301 names.)
        let questions = paths.prefix(8).flatMap { [$0, "/site/empty-before/" + Path.lastComponent($0), $0 + ".x"] }
        let named = ["a-1.png", "a-4.png", "none.png"]
        let scanned = (questions.map(index.contains), named.map(index.files(named:)))
        #expect(!index.hasTable)
        // Enough whole-site lookups to pay for the table.
        for _ in 0..<(SiteIndex.scannedLookups + 2) { _ = index.files(named: "none.png") }
        #expect(index.hasTable)
        let hashed = (questions.map(index.contains), named.map(index.files(named:)))
        #expect(scanned.0 == hashed.0)
        #expect(scanned.1 == hashed.1)
        #expect(scanned.0.filter { $0 }.count == 8)
        #expect(index.files(named: "a-1.png").contains("/site/empty-before/x/a-1.png"))
    }

    /// A directory whose name ends in a character that joins the `/` after it (U+0600
    /// prepends) is still the directory of its files: its path is cut by bytes.
    @Test func aDirectoryNameEndingInAJoiningCharacter() {
        let index = Self.index(["/site/a\u{0600}/x.png", "/site/a/y.png"])
        #expect(index.contains("/site/a\u{0600}/x.png"))
        #expect(!index.contains("/site/a/x.png"))
        #expect(index.contains("/site/a/y.png"))
    }
}
