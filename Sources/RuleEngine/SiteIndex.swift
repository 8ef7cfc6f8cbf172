/// Every file under a site's roots (its root and static directories), listed once per
/// run and shared by all documents, so checking a reference is a set lookup, not a
/// `stat`. The walk is `DirectoryWalk`'s, the one file discovery uses.
final class SiteIndex: Sendable {
    /// Absolute, normalized: the root first, then the static directories.
    let roots: [String]
    private let files: Set<String>
    private let byName: [String: [String]]
    /// False when the roots held more than `limit` files (a root at `/` or a home
    /// directory by mistake): then the index answers for nothing and each reference is
    /// looked up on its own instead.
    let isComplete: Bool
    static let limit = 300_000

    init(roots: [String], fileSystem: any FileSystem) {
        self.roots = roots
        var files = Set<String>()
        var visited = Set<FileID>()
        for root in roots {
            DirectoryWalk.walk(root, in: fileSystem, visited: &visited, stop: { files.count > Self.limit }) { event in
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

    var fileCount: Int { files.count }

    func contains(_ absolutePath: String) -> Bool { files.contains(absolutePath) }

    /// The files with this name, anywhere under the roots, sorted.
    func files(named name: String) -> [String] { byName[name] ?? [] }

    /// Whether `path` lies under one of the roots, outside the directories the walk
    /// skips (`DirectoryWalk.isSkipped`), so that the index speaks for it.
    func covers(_ absolutePath: String) -> Bool {
        guard isComplete else { return false }
        for root in roots {
            let prefix = root == "/" ? "/" : root + "/"
            guard absolutePath.hasPrefix(prefix) else { continue }
            return !absolutePath.dropFirst(prefix.count).split(separator: "/").dropLast().contains(where: DirectoryWalk.isSkipped)
        }
        return false
    }
}
