import Synchronization
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

/// A file system whose directories have stamps (settled, never changing), counting how
/// often each is stamped; and a store keeping the listing's record in memory, counting
/// its loads and saves.
class StampedFileSystem: FileSystem, @unchecked Sendable {
    let base: InMemoryFileSystem
    let stamps = Mutex<[String: Int]>([:])

    init(_ base: InMemoryFileSystem) { self.base = base }

    var workingDirectory: String { base.workingDirectory }
    func status(_ path: String) -> FileStatus? { base.status(path) }
    func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry] { try base.entries(of: directory) }
    func read(_ path: String) throws(FileSystemError) -> [UInt8] { try base.read(path) }
    func stamp(ofDirectory path: String) -> (stamp: DirectoryStamp, isSettled: Bool)? {
        stamps.withLock { $0[path, default: 0] += 1 }
        guard let id = base.status(path)?.id else { return nil }
        let time = DirectoryStamp.Time(seconds: 1, nanoseconds: 0)
        return (DirectoryStamp(id: id, modified: time, changed: time), true)
    }
}

final class MemoryListingStore: ListingStore, @unchecked Sendable {
    let record = Mutex<[UInt8]?>(nil)
    let loads = Mutex(0), saves = Mutex(0)
    /// The record last loaded, while something holds it.
    weak var lastLoaded: RecordBytes?

    func load(root: String) -> RecordBytes? {
        loads.withLock { $0 += 1 }
        let loaded = record.withLock { $0 }.map(RecordBytes.init)
        lastLoaded = loaded
        return loaded
    }

    func save(_ listing: CachedListing, root: String) {
        saves.withLock { $0 += 1 }
        var bytes: [UInt8] = []
        _ = listing.write { bytes.append(contentsOf: $0); return true }
        record.withLock { $0 = bytes }
    }
}

extension SiteSearchTests {
    /// A run of few files searching several names (then listing the site) reads the
    /// record once, takes each directory's stamp once and writes the record once; the
    /// next run answers from that record alike.
    @Test func aRunWalksTheRecordOnceForAllItsSearches() {
        let memory = InMemoryFileSystem(Dictionary(Self.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        let (_, many) = Self.sites()
        func run() -> (Site, StampedFileSystem) {
            let fs = StampedFileSystem(memory)
            var generator = SiteGenerator(kind: .jekyll, configFile: "/site/_config.yml", directory: "/site")
            generator.outputDirectories = ["/site/_site"]
            return (Site(root: "/site", staticDirectories: ["/site/static/é"], generator: generator, fileSystem: fs,
                         listsEagerly: false, listingStore: store), fs)
        }
        let (first, firstFS) = run()
        for name in Self.names.prefix(3) { #expect(first.files(named: name) == many.files(named: name), "\(name)") }
        #expect(store.loads.withLock { $0 } == 1)
        #expect(store.saves.withLock { $0 } == 1)
        let stamped = firstFS.stamps.withLock { $0 }
        #expect(stamped.count > 5)
        #expect(stamped.values.allSatisfy { $0 == 1 }, "\(stamped.filter { $0.value > 1 })")
        // The fifth name lists the site, through the same record: nothing read or written again.
        for name in Self.names { #expect(first.files(named: name) == many.files(named: name), "\(name)") }
        #expect(first.isListed)
        #expect(store.loads.withLock { $0 } == 1)
        #expect(store.saves.withLock { $0 } == 1)
        #expect(firstFS.stamps.withLock { $0 }.values.allSatisfy { $0 == 1 })
        // (`--verbose`'s counts are the last walk's: each directory once, not once a walk.)
        #expect(first.listingCounts.map { $0.reused + $0.listed } == stamped.count)

        let (second, _) = run()
        #expect(second.files(named: "a-3.png") == many.files(named: "a-3.png"))
        #expect(second.listingCounts?.listed == 0)
        #expect(second.listingCounts?.reused == stamped.count)
        #expect(store.saves.withLock { $0 } == 1)
        // The record is kept while searches may follow, and let go once the site is listed
        // (a run of many posts does not hold its pages through the run).
        #expect(store.lastLoaded != nil)
        for name in Self.names { _ = second.files(named: name) }
        #expect(second.isListed)
        #expect(store.loads.withLock { $0 } == 2)
        #expect(store.lastLoaded == nil)
        // Each walk meets the recorded directories in the record's order: nothing to write.
        #expect(store.saves.withLock { $0 } == 1)
    }
}

extension SiteSearchTests {
    static func recordedRun(_ memory: InMemoryFileSystem, _ store: MemoryListingStore) -> Site {
        var generator = SiteGenerator(kind: .jekyll, configFile: "/site/_config.yml", directory: "/site")
        generator.outputDirectories = ["/site/_site"]
        return Site(root: "/site", staticDirectories: ["/site/static/é"], generator: generator,
                    fileSystem: StampedFileSystem(memory), listsEagerly: false, listingStore: store)
    }

    /// Every name the site holds is found from the record (a name filter that missed one
    /// would hide its files), and so are names it does not hold: nothing.
    @Test func aSearchFromTheRecordFindsEveryNameTheListingFinds() {
        let memory = InMemoryFileSystem(Dictionary(Self.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        let (_, many) = Self.sites()
        _ = Self.recordedRun(memory, store).files(named: "none.png")
        let names = Set(Self.paths.map { String($0.split(separator: "/").last!) }).sorted() + ["none.png", "a-3.PNG", "a-"]
        for name in names {
            let site = Self.recordedRun(memory, store)
            #expect(site.files(named: name) == many.files(named: name), "\(name)")
            #expect(site.listingCounts?.listed == 0, "\(name)")
        }
    }

    /// A search passes over a directory's files when its filter does not hold the name:
    /// one of them damaged in the record goes unread then, and is found (the directory
    /// listed instead) by a search for its own name and by the listing.
    @Test func aSearchReadsADirectorysFilesOnlyWhenItsFilterMayHoldTheName() throws {
        let paths = Self.paths + ["/site/static/x/target-name.png", "/site/static/x/other.png", "/site/static/x/sub/a-3.png"]
        let memory = InMemoryFileSystem(Dictionary(paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        let (_, many) = Self.sites(paths)
        _ = Self.recordedRun(memory, store).files(named: "none.png")
        var record = try #require(store.record.withLock { $0 })
        // The entry's flag byte, before its name's length: a kind there is none of.
        let name = Array("target-name.png".utf8)
        let at = try #require((0...(record.count - name.count)).first { record[$0..<($0 + name.count)].elementsEqual(name) })
        #expect(record[at - 3] == 1)
        record[at - 3] = 3
        store.record.withLock { $0 = record }

        for absent in ["none.png", "a-3.png"] {
            let site = Self.recordedRun(memory, store)
            #expect(site.files(named: absent) == many.files(named: absent))
            #expect(site.listingCounts?.listed == 0, "\(absent)")
            store.record.withLock { $0 = record }  // (as damaged, whatever the run wrote)
        }
        let site = Self.recordedRun(memory, store)
        #expect(site.files(named: "target-name.png") == ["/site/static/x/target-name.png"])
        #expect(site.listingCounts?.listed == 1)
        store.record.withLock { $0 = record }
        let listed = Self.recordedRun(memory, store)
        for name in Self.names { _ = listed.files(named: name) }
        #expect(listed.isListed)
        #expect(listed.listingCounts?.listed == 1)
        // That run's searches carried the damaged directory over before its listing read it
        // whole: what the listing found takes its place, and the next run reads nothing.
        let next = Self.recordedRun(memory, store)
        for name in Self.names { _ = next.files(named: name) }
        #expect(next.listingCounts?.listed == 0)
    }

    /// The filter never misses a name it was made of, and holds few it was not.
    @Test func theNameFilterHoldsItsNamesAndFewOthers() {
        let names = (0..<1_000).map { Array("image-\($0).jpg".utf8) }
        let filter = NameFilter.words(of: names.map { $0.withUnsafeBufferPointer(NameFilter.hash) })
        #expect(filter.count == NameFilter.words(for: 1_000))
        let bytes = filter.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        func holds(_ name: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { raw in name.withUnsafeBufferPointer { NameFilter.mayHold($0, filter: raw) } }
        }
        #expect(names.allSatisfy(holds))
        let others = (0..<10_000).map { Array("image-\($0).png".utf8) }
        let held = others.filter(holds).count
        #expect(held < 400, "\(held) of 10,000 names not in the filter held")
        // One word for none or a few names.
        #expect(NameFilter.words(for: 0) == 1)
        #expect(NameFilter.words(of: []).count == 1)
    }
}

/// The path a walk enters for a directory's name, made from its bytes, is the one the walk
/// made before from a `String` of it: the name appended, nothing for a name `isSkipped` or
/// not UTF-8.
@Suite struct EnteredPathTests {
    static let names: [[UInt8]] = [
        "2013", "images", "é", "ü-ß", "node_modules", "node_modules_", "Node_modules", ".git", ".", "..x", "x.",
        ".\u{301}x", "\u{301}", "a b", "日本", "\r\n", "x\u{200D}",
    ].map { Array($0.utf8) } + [[0xFF], [0x61, 0xC3], [0xC3, 0x28], [0x2E, 0xFF]]

    @Test func aNameIsEnteredAsItsStringWouldBe() {
        for prefix in ["", "/site/", "/sïte/"] {
            for name in Self.names {
                let expected = String(validating: name, as: UTF8.self).flatMap { DirectoryWalk.isSkipped($0) ? nil : prefix + $0 }
                #expect(name.withUnsafeBufferPointer { DirectoryWalk.enteredPath(prefix, slash: false, $0) } == expected, "\(name)")
                // A directory's path and the slash after it, made with the name in one piece.
                if !prefix.isEmpty {
                    let head = String(prefix.dropLast())
                    #expect(name.withUnsafeBufferPointer { DirectoryWalk.enteredPath(head, slash: true, $0) } == expected, "\(name)")
                }
            }
        }
    }
}

extension SiteSearchTests {
    /// A run of few files takes the stamps of the record's directories before its first
    /// search (`prepareSearches`, meant for another thread): each once, none taken again by
    /// the search, which answers from the record as it would have.
    @Test func aPreparedSearchUsesTheStampsTakenBeforeIt() {
        let memory = InMemoryFileSystem(Dictionary(Self.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        let (_, many) = Self.sites()
        let recording = Self.recordedRun(memory, store)
        _ = recording.files(named: "none.png")
        let directories = recording.listingCounts.map { $0.reused + $0.listed } ?? 0
        #expect(directories > 5)

        let fs = StampedFileSystem(memory)
        let site = Site(root: "/site", staticDirectories: ["/site/static/é"], generator: recording.generator,
                        fileSystem: fs, listsEagerly: false, listingStore: store)
        var spawned = 0
        site.prepareSearches { work in spawned += 1; work() }
        #expect(spawned == 1)
        let taken = fs.stamps.withLock { $0 }
        #expect(taken.count == directories)
        #expect(taken.values.allSatisfy { $0 == 1 })
        #expect(store.loads.withLock { $0 } == 2)
        // Prepared once: a second call reads nothing and starts nothing.
        site.prepareSearches { _ in spawned += 1 }
        #expect(spawned == 1)
        #expect(store.loads.withLock { $0 } == 2)

        for name in Self.names.prefix(3) { #expect(site.files(named: name) == many.files(named: name), "\(name)") }
        #expect(fs.stamps.withLock { $0 } == taken)
        #expect(site.listingCounts?.listed == 0)
        #expect(store.loads.withLock { $0 } == 2)
    }

    /// Taken on another thread while the search walks (the two meet halfway): the same
    /// answers, every directory from the record, none stamped more than by both.
    @Test func stampsTakenWhileASearchWalksChangeNoAnswer() async {
        let memory = InMemoryFileSystem(Dictionary(Self.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        let (_, many) = Self.sites()
        _ = Self.recordedRun(memory, store).files(named: "none.png")
        for _ in 0..<20 {
            let fs = StampedFileSystem(memory)
            let site = Site(root: "/site", staticDirectories: ["/site/static/é"], generator: many.generator,
                            fileSystem: fs, listsEagerly: false, listingStore: store)
            var task: Task<Void, Never>?
            site.prepareSearches { work in task = Task.detached { work() } }
            for name in Self.names.prefix(3) { #expect(site.files(named: name) == many.files(named: name), "\(name)") }
            await task?.value
            #expect(site.listingCounts?.listed == 0)
            #expect(fs.stamps.withLock { $0 }.values.allSatisfy { $0 <= 2 })
        }
    }

    /// A run that lists the site anyway, or keeps no store, prepares nothing; one whose
    /// store holds no record yet, or whose site is listed already, takes no stamp.
    @Test func onlyARunOfFewFilesWithARecordPreparesSearches() {
        let memory = InMemoryFileSystem(Dictionary(Self.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }), workingDirectory: "/site")
        let store = MemoryListingStore()
        _ = Self.recordedRun(memory, store).files(named: "none.png")
        let loads = store.loads.withLock { $0 }
        for (eager, kept) in [(true, store), (false, nil)] as [(Bool, MemoryListingStore?)] {
            let fs = StampedFileSystem(memory)
            let site = Site(root: "/site", staticDirectories: ["/site/static/é"], fileSystem: fs, listsEagerly: eager, listingStore: kept)
            site.prepareSearches { _ in Issue.record("started for eager \(eager), store \(kept != nil)") }
            #expect(fs.stamps.withLock { $0 }.isEmpty)
        }
        #expect(store.loads.withLock { $0 } == loads)
        // No record yet: read, and nothing to stamp.
        let empty = MemoryListingStore()
        let fresh = StampedFileSystem(memory)
        Site(root: "/site", staticDirectories: ["/site/static/é"], fileSystem: fresh, listsEagerly: false, listingStore: empty)
            .prepareSearches { $0() }
        #expect(empty.loads.withLock { $0 } == 1)
        #expect(fresh.stamps.withLock { $0 }.isEmpty)
        // Listed already (its record let go): nothing started.
        let listed = Self.recordedRun(memory, store)
        for name in Self.names { _ = listed.files(named: name) }
        #expect(listed.isListed)
        listed.prepareSearches { _ in Issue.record("started for a listed site") }
    }
}

/// `takeStamps` against a walk, one thread standing in for both: a stamp the walk took
/// stays (a run takes each directory's stamp once), and one the walk takes while
/// `takeStamps` stats the same directory wins over it.
@Suite struct TakeStampsTests {
    /// Stamps that change on every call (a directory that keeps changing), and a hook run
    /// inside a `stat`, as the walk on the other thread would run there.
    final class ChangingStamps: StampedFileSystem, @unchecked Sendable {
        let calls = Mutex(0)
        /// Each path stamped, in order. (On the test's one thread.)
        var stamped: [String] = []
        /// (Set and run on the test's one thread.)
        var duringStat: [String: () -> Void] = [:]
        override func stamp(ofDirectory path: String) -> (stamp: DirectoryStamp, isSettled: Bool)? {
            let n = calls.withLock { $0 += 1; return $0 }
            stamped.append(path)
            if let hook = duringStat.removeValue(forKey: path) { hook() }
            guard let id = base.status(path)?.id else { return nil }
            let time = DirectoryStamp.Time(seconds: Int64(n), nanoseconds: 0)
            return (DirectoryStamp(id: id, modified: time, changed: time), true)
        }
    }

    static func listing() -> (CachedListing, ChangingStamps) {
        let memory = InMemoryFileSystem(Dictionary(SiteSearchTests.paths.map { ($0, "") }, uniquingKeysWith: { a, _ in a }),
                                        workingDirectory: "/site")
        let store = MemoryListingStore()
        _ = SiteSearchTests.recordedRun(memory, store).files(named: "none.png")
        let fs = ChangingStamps(memory)
        return (CachedListing(base: fs, recorded: store.load(root: "/site")), fs)
    }

    @Test func aStampTheWalkTookIsKept() {
        let (listing, fs) = Self.listing()
        #expect(listing.holdsRecord)
        let walked = listing.stamp(ofDirectory: "/site/content")
        #expect(walked != nil)
        listing.takeStamps()
        #expect(listing.stamp(ofDirectory: "/site/content")?.stamp == walked?.stamp)
        // Every other recorded directory was stamped by `takeStamps`, once.
        #expect(fs.stamped.count > 5)
        #expect(Set(fs.stamped).count == fs.stamped.count, "a directory stamped twice: \(fs.stamped)")
        #expect(listing.stamp(ofDirectory: "/site") != nil)
        #expect(fs.stamped.count == Set(fs.stamped).count, "asked again after takeStamps took it")
    }

    @Test func aStampTheWalkTakesMeanwhileWins() {
        let (listing, fs) = Self.listing()
        var walked: (stamp: DirectoryStamp, isSettled: Bool)?
        fs.duringStat["/site/content"] = { walked = listing.stamp(ofDirectory: "/site/content") }
        listing.takeStamps()
        #expect(walked != nil)
        #expect(listing.stamp(ofDirectory: "/site/content")?.stamp == walked?.stamp)
    }

    @Test func stoppedItTakesNothing() {
        let (listing, fs) = Self.listing()
        listing.stopTakingStamps()
        listing.takeStamps()
        #expect(fs.calls.withLock { $0 } == 0)
    }
}
