import Synchronization

/// What is shared by every file of one run: the rules, the file system, and the sites
/// (listed at most once each).
public final class Session: Sendable {
    public let rules: [any Rule]
    public let fileSystem: any FileSystem
    /// How many files the run checks. Up to `fewFiles`, referenced paths are looked up one
    /// by one; more, and a site's files are listed once and looked up in the listing.
    public let fileCount: Int
    public static let fewFiles = 50
    /// Where sites' listings are kept between runs (nil: not kept).
    public let listingStore: (any ListingStore)?
    private let sites = Mutex<[String: Site]>([:])
    private let repositoryRoots = Mutex<[String: String?]>([:])
    private let generators = Mutex<[String: SiteGenerator?]>([:])

    public init(rules: [any Rule], fileSystem: any FileSystem = InMemoryFileSystem(), fileCount: Int = 1,
                listingStore: (any ListingStore)? = nil) {
        self.rules = rules
        self.fileSystem = fileSystem
        self.fileCount = fileCount
        self.listingStore = listingStore
    }

    /// The site of a document. `.galley.yml` wins: its `site.root` and `site.static`,
    /// relative to its directory. Otherwise the generator whose marker file is nearest
    /// above the document (up to the repository root) gives the folders (`GeneratorDetection`);
    /// without one, the root is the configuration's directory, else the repository root
    /// (the nearest directory above the document holding `.git`), else the working directory.
    public func site(for documentPath: String, configuration: Configuration) -> Site {
        let cwd = fileSystem.workingDirectory
        let documentDirectory = Path.normalize(Path.directory(of: documentPath), relativeTo: cwd)
        let settings = configuration.site
        let generator = generator(near: documentDirectory)
        if let generator, settings.root == nil && settings.staticDirectories.isEmpty {
            let served = generator.servedDirectories
            return site(root: generator.directory, staticDirectories: served.filter { $0 != generator.directory },
                        servesRoot: served.contains(generator.directory), generator: generator)
        }
        let base = configuration.directory.isEmpty
            ? (repositoryRoot(of: documentDirectory) ?? cwd)
            : Path.normalize(configuration.directory, relativeTo: cwd)
        let root = settings.root.map { Path.normalize($0, relativeTo: base) } ?? base
        let statics = settings.staticDirectories.map { Path.normalize($0, relativeTo: base) }
        return site(root: root, staticDirectories: statics, generator: generator)
    }

    /// The site with these roots, made by the first document that asks.
    public func site(root: String, staticDirectories: [String], servesRoot: Bool = true, generator: SiteGenerator? = nil) -> Site {
        // (Concatenated, not `joined(separator:)`, which the runtime instantiated generically
        // at 90,000 instructions a call.)
        var key = root + (servesRoot ? "\u{0}+\u{0}" : "\u{0}-\u{0}") + (generator?.configFile ?? "")
        for directory in staticDirectories { key += "\u{0}" + directory }
        return sites.withLock { cache in
            if let site = cache[key] { return site }
            let site = Site(root: root, staticDirectories: staticDirectories, servesRoot: servesRoot, generator: generator,
                            fileSystem: fileSystem, listsEagerly: fileCount > Self.fewFiles, listingStore: listingStore)
            cache[key] = site
            return site
        }
    }

    /// Every site the run has made, by root (for `--verbose` and `galley site`).
    public var madeSites: [Site] { sites.withLock { Array($0.values) }.sorted { ($0.root, $0.roots.count) < ($1.root, $1.roots.count) } }

    /// The generator of the nearest directory at or above `directory`, up to the
    /// repository root (or `/` outside a repository), that holds a generator's marker
    /// file; each directory is asked once per run.
    public func generator(near directory: String) -> SiteGenerator? {
        let boundary = repositoryRoot(of: directory) ?? "/"
        var dir = directory
        var asked: [String] = []
        var found: SiteGenerator?
        while true {
            if let known = generators.withLock({ $0[dir] }) {
                found = known
                break
            }
            asked.append(dir)
            if let g = GeneratorDetection.detect(in: dir, fileSystem: fileSystem) {
                found = g
                break
            }
            let parent = Path.directory(of: dir)
            if dir == boundary || parent == dir { break }
            dir = parent
        }
        generators.withLock { cache in
            for d in asked { cache[d] = .some(found) }
        }
        return found
    }

    /// How many sites the run has made (for tests: one per set of roots).
    public var siteCount: Int { sites.withLock { $0.count } }

    /// The nearest directory at or above `directory` holding `.git`, asked once per directory.
    public func repositoryRoot(of directory: String) -> String? {
        if let known = repositoryRoots.withLock({ $0[directory] }) { return known }
        let found = fileSystem.nearestAncestor(of: directory, holding: ".git")
        repositoryRoots.withLock { $0[directory] = .some(found) }
        return found
    }
}
