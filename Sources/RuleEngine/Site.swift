import Synchronization

/// A site as the rules see it: its root, its static directories (which also serve
/// `/…`), and which files exist there. One per set of roots per run, shared by every
/// document, handed to rules through their context.
///
/// A run of many files lists the roots once (`SiteIndex`) and answers from the listing;
/// a run of few files (a pre-commit hook on one post) asks the file system about each
/// referenced path instead, and lists the tree only when a question needs it (the files
/// of a given name anywhere on the site).
public final class Site: Sendable {
    public let root: String
    public let staticDirectories: [String]
    /// Whether the root itself serves `/…` (not for Astro, whose `public/` does, nor Hugo,
    /// whose static folders and `content/` do).
    public let servesRoot: Bool
    /// The generator found from its marker file, when there is one.
    public let generator: SiteGenerator?
    let fileSystem: any FileSystem
    private let listsEagerly: Bool
    private let listingStore: (any ListingStore)?
    private let index = Mutex<SiteIndex?>(nil)
    private let cacheCounts = Mutex<CachedListing.Counts?>(nil)
    /// The listing's record as this run reads it, made by `prepareSearches` or on the first
    /// walk of the roots and kept for the others (each name searched for, then a listing):
    /// the record is parsed and each directory's stamp taken once a run.
    private let recordListing = Mutex(RecordListing())
    private let pageTable = Mutex<PageTable?>(nil)
    /// The record as the run holds it: once a listing lets it go (`letGo`, the roots
    /// listed), it is not read again; searches are prepared once.
    private struct RecordListing {
        var listing: CachedListing?
        var letGo = false
        var prepared = false
    }
    /// A run of few files: the names searched for so far, and what each search found.
    private let searched = Mutex<[String: [String]]>([:])
    /// How many names a run of few files searches the roots for, each walk reading only
    /// the directories and the entries of that name from the listing's record, before it
    /// lists them once instead (a walk of the record costs about a tenth of a listing).
    public static let searchesBeforeListing = 4

    init(root: String, staticDirectories: [String], servesRoot: Bool = true, generator: SiteGenerator? = nil,
         fileSystem: any FileSystem, listsEagerly: Bool, listingStore: (any ListingStore)? = nil) {
        self.root = root
        self.staticDirectories = staticDirectories
        self.servesRoot = servesRoot
        self.generator = generator
        self.fileSystem = fileSystem
        self.listsEagerly = listsEagerly
        self.listingStore = listingStore
    }

    /// The root first, then the static directories: the site's files.
    public var roots: [String] { [root] + staticDirectories }

    /// Where `/…` resolves, in order: the root (when it serves) and the static directories.
    public var servedDirectories: [String] { (servesRoot ? [root] : []) + staticDirectories }

    /// `/…` for a file the site serves (from the deepest served directory that holds it:
    /// `public/img/a.png` is `/img/a.png`, never `/public/img/a.png`), or nil.
    public func sitePath(of file: String) -> String? {
        for dir in servedDirectories.sorted(by: { $0.count > $1.count }) where file.hasPrefix(dir == "/" ? "/" : dir + "/") {
            return "/" + file.dropFirst(dir == "/" ? 1 : dir.count + 1)
        }
        return nil
    }

    /// The pages of the new site (posts, pages, tag routes), listed and read on first use.
    public var pages: PageTable {
        pageTable.withLock { table in
            if let table { return table }
            let made = PageTable(site: self)
            table = made
            return made
        }
    }

    /// Whether a file (not a directory) is at this absolute path.
    public func fileExists(_ absolutePath: String) -> Bool {
        if let index = listsEagerly ? listing() : index.withLock({ $0 }), index.covers(absolutePath) {
            return index.contains(absolutePath)
        }
        return fileSystem.isFile(absolutePath)
    }

    /// The files with this name anywhere under the roots (absolute, sorted). A run of
    /// many files lists the roots on first use; one of few files searches them for the
    /// name, up to `searchesBeforeListing` names, and then lists them.
    public func files(named name: String) -> [String] {
        if listsEagerly { return listing().files(named: name) }
        if let index = index.withLock({ $0 }) { return index.files(named: name) }
        let found = searched.withLock { searched -> [String]? in
            if let known = searched[name] { return known }
            guard searched.count < Self.searchesBeforeListing else { return nil }
            let made = search(named: name)
            searched[name] = made
            return made
        }
        return found ?? listing().files(named: name)
    }

    /// For a run of few files, before its first post is read: `spawn` (another thread)
    /// reads the listing's record of the last run and takes the stamps of its directories
    /// while the post is read and scanned, so that a search (`files(named:)`) does not wait
    /// for a `stat` of each (`CachedListing.takeStamps`). The record is kept for the run
    /// only when no walk has read it first; the thread stops when a listing lets it go.
    /// Nothing for a run that lists the roots anyway, or keeps no record, or a second time.
    public func prepareSearches(spawn: (@escaping @Sendable () -> Void) -> Void) {
        // (A site listed has let its record go: `letGo`.)
        guard !listsEagerly, let store = listingStore,
              recordListing.withLock({ r in
                  defer { r.prepared = true }
                  return !r.prepared && r.listing == nil && !r.letGo
              }) else { return }
        spawn { [self] in
            let made = CachedListing(base: fileSystem, recorded: store.load(root: root))
            guard made.holdsRecord else { return }
            let kept = recordListing.withLock { r -> Bool in
                guard r.listing == nil, !r.letGo else { return false }
                r.listing = made
                return true
            }
            if kept { made.takeStamps() }
        }
    }

    /// How many files under the roots have a name `accepts` takes (lists the roots).
    public func countFiles(where accepts: (String) -> Bool) -> Int { listing().count(where: accepts) }

    /// Whether the roots have been listed (for tests of the lazy path).
    public var isListed: Bool { index.withLock { $0 != nil } }

    /// When the roots were listed through the record of an earlier run: how many
    /// directories it answered and how many were listed (for `--verbose`).
    public var listingCounts: CachedListing.Counts? { cacheCounts.withLock { $0 } }

    /// The files named `name`, by the walk a listing makes, answering as its index would:
    /// nothing when the roots hold more files than an index takes.
    private func search(named name: String) -> [String] {
        let holders = walkingRoots { walked, _ -> [String]? in
            var visited = SiteIndex.visitedFirst(roots: roots, excluding: excludedDirectories, fileSystem: walked)
            var key = name
            return key.withUTF8 { key in
                DirectoryWalk.directories(holding: key, under: roots, in: walked, visited: &visited, limit: SiteIndex.limit)
            }
        } complete: { $0 != nil }
        return holders.map { $0.map { Path.join($0, name) }.sorted() } ?? []
    }

    /// Build output, which copies the site's files: never walked.
    private var excludedDirectories: [String] { generator?.outputDirectories ?? [] }

    /// What `walk` makes of the roots, walked through the record of the last run when one
    /// is kept (with the record's size, when known), which a walk `complete` says is
    /// whole brings up to date for the next run. (A walk cut short at the limit is not
    /// kept: such a root is a mistake.)
    /// `last`: no walk follows (a listing, whose index answers from then on): the record
    /// is let go, so its pages are not held through the rest of the run.
    private func walkingRoots<T: Sendable>(last: Bool = false, _ walk: (any FileSystem, _ expected: (files: Int, nameBytes: Int)?) -> T,
                                           complete: (T) -> Bool) -> T {
        guard let store = listingStore else { return walk(fileSystem, nil) }
        return recordListing.withLock { kept -> T in
            let cached = kept.listing ?? CachedListing(base: fileSystem, recorded: store.load(root: root))
            if last {
                kept.listing = nil
                kept.letGo = true
                cached.stopTakingStamps()
            } else {
                kept.listing = cached
            }
            cached.rewind()
            let made = walk(cached, (cached.recordedSize.entries, cached.recordedSize.nameBytes))
            if complete(made), cached.needsSaving { store.save(cached, root: root) }
            cacheCounts.withLock { $0 = cached.takeCounts() }  // (this walk's)
            return made
        }
    }

    private func listing() -> SiteIndex {
        index.withLock { index in
            if let index { return index }
            let made = walkingRoots(last: true) { walked, expected in
                SiteIndex(roots: roots, excluding: excludedDirectories, fileSystem: walked, expected: expected)
            } complete: { $0.isComplete }
            index = made
            return made
        }
    }
}
