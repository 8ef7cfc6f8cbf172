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
    private let sites = Mutex<[String: Site]>([:])
    private let repositoryRoots = Mutex<[String: String?]>([:])

    public init(rules: [any Rule], fileSystem: any FileSystem = InMemoryFileSystem(), fileCount: Int = 1) {
        self.rules = rules
        self.fileSystem = fileSystem
        self.fileCount = fileCount
    }

    /// The site of a document: `site.root` and `site.static` relative to the directory of
    /// the configuration's file; without a file, the repository root (the nearest
    /// directory above the document holding `.git`), else the working directory.
    public func site(for documentPath: String, configuration: Configuration) -> Site {
        let cwd = fileSystem.workingDirectory
        let base = configuration.directory.isEmpty
            ? (repositoryRoot(of: Path.normalize(Path.directory(of: documentPath), relativeTo: cwd)) ?? cwd)
            : Path.normalize(configuration.directory, relativeTo: cwd)
        let settings = configuration.site
        let root = settings.root.map { Path.normalize($0, relativeTo: base) } ?? base
        let statics = settings.staticDirectories.map { Path.normalize($0, relativeTo: base) }
        return site(root: root, staticDirectories: statics)
    }

    /// The site with these roots, made by the first document that asks.
    public func site(root: String, staticDirectories: [String]) -> Site {
        let key = ([root] + staticDirectories).joined(separator: "\u{0}")
        return sites.withLock { cache in
            if let site = cache[key] { return site }
            let site = Site(root: root, staticDirectories: staticDirectories, fileSystem: fileSystem,
                            listsEagerly: fileCount > Self.fewFiles)
            cache[key] = site
            return site
        }
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
