import Glibc
import Synchronization

/// Every file under a site's roots (its root and static directories), listed once per
/// run and shared by all documents, so checking a reference is a set lookup, not a
/// `stat`. The walk is `DirectoryWalk`'s, the one file discovery uses.
public final class SiteIndex: Sendable {
    /// Absolute, normalized: the root first, then the static directories.
    public let roots: [String]
    private let files: Set<String>
    private let byName: [String: [String]]
    /// False when the roots held more than `limit` files (a root at `/` or a home
    /// directory by mistake): then the index answers for nothing and each reference is
    /// looked up on disk instead.
    public let isComplete: Bool
    static let limit = 300_000

    init(roots: [String]) {
        self.roots = roots
        var files = Set<String>()
        var visited = Set<DirectoryWalk.FileID>()
        for root in roots {
            DirectoryWalk.walk(root, visited: &visited, stop: { files.count > Self.limit }) { event in
                if case let .file(path, _, _) = event { files.insert(path) }
            }
        }
        isComplete = files.count <= Self.limit
        if !isComplete { files = [] }
        self.files = files
        var byName: [String: [String]] = [:]
        for f in files { byName[Path.lastComponent(f), default: []].append(f) }
        for k in byName.keys { byName[k]!.sort() }
        self.byName = byName
    }

    public var fileCount: Int { files.count }

    public func contains(_ absolutePath: String) -> Bool { files.contains(absolutePath) }

    /// The files with this name, anywhere under the roots, sorted.
    public func files(named name: String) -> [String] { byName[name] ?? [] }

    /// Whether `path` lies under one of the roots, outside the directories the walk
    /// skips (`DirectoryWalk.isSkipped`), so that the index speaks for it.
    public func covers(_ absolutePath: String) -> Bool {
        guard isComplete else { return false }
        for root in roots {
            let prefix = root == "/" ? "/" : root + "/"
            guard absolutePath.hasPrefix(prefix) else { continue }
            return !absolutePath.dropFirst(prefix.count).split(separator: "/").dropLast().contains(where: DirectoryWalk.isSkipped)
        }
        return false
    }
}

extension Session {
    /// The index of these roots, built by the first document that asks.
    public func siteIndex(roots: [String]) -> SiteIndex {
        let key = roots.joined(separator: "\u{0}")
        return siteIndexes.withLock { cache in
            if let index = cache[key] { return index }
            let index = SiteIndex(roots: roots)
            cache[key] = index
            return index
        }
    }
}
