/// Every file under a site's roots (its root and static directories), listed once per
/// run and shared by all documents, so checking a reference is a lookup, not a `stat`.
/// The walk is `DirectoryWalk`'s, the one file discovery uses. Names are kept per
/// directory (each directory's path once), so listing costs no path per file.
final class SiteIndex: Sendable {
    /// Absolute, normalized: the root first, then the static directories.
    let roots: [String]
    /// Each listed directory's absolute path, without a trailing slash ("/" for the root).
    private let directories: [String]
    private let directoryNumbers: [String: Int32]
    /// Each file name with the directories that hold a file of that name.
    private let byName: [String: [Int32]]
    let fileCount: Int
    /// False when the roots held more than `limit` files (a root at `/` or a home
    /// directory by mistake): then the index answers for nothing and each reference is
    /// looked up on its own instead.
    let isComplete: Bool
    static let limit = 300_000

    /// `excluding`: directories never listed (a generator's build output, which copies the
    /// site's files).
    init(roots: [String], excluding: [String] = [], fileSystem: any FileSystem) {
        self.roots = roots
        var directories: [String] = []
        var numbers: [String: Int32] = [:]
        var byName: [String: [Int32]] = [:]
        var count = 0
        var visited = Set<FileID>()
        for dir in excluding where !roots.contains(dir) {
            if let id = fileSystem.status(dir)?.id { visited.insert(id) }
        }
        for root in roots {
            DirectoryWalk.walkDirectories(root, in: fileSystem, visited: &visited, stop: { count > Self.limit }) { prefix, entries in
                let dir = prefix.count > 1 ? String(prefix.dropLast()) : prefix
                let number = Int32(directories.count)
                directories.append(dir)
                numbers[dir] = number
                for entry in entries where entry.kind == .file {
                    guard let name = entry.name else { continue }
                    byName[name, default: []].append(number)
                    count += 1
                }
            }
        }
        isComplete = count <= Self.limit
        self.directories = isComplete ? directories : []
        directoryNumbers = isComplete ? numbers : [:]
        self.byName = isComplete ? byName : [:]
        fileCount = isComplete ? count : 0
    }

    func contains(_ absolutePath: String) -> Bool {
        guard let dir = directoryNumbers[Path.directory(of: absolutePath)],
              let holders = byName[Path.lastComponent(absolutePath)] else { return false }
        return holders.contains(dir)
    }

    /// How many files have a name that `accepts` takes.
    func count(where accepts: (String) -> Bool) -> Int {
        byName.reduce(0) { $0 + (accepts($1.key) ? $1.value.count : 0) }
    }

    /// The files with this name, anywhere under the roots, sorted.
    func files(named name: String) -> [String] {
        (byName[name] ?? []).map { Path.join(directories[Int($0)], name) }.sorted()
    }

    /// Whether `path` lies under one of the roots, outside the directories the walk
    /// skips (`DirectoryWalk.isSkipped`), so that the index speaks for it.
    func covers(_ absolutePath: String) -> Bool {
        guard isComplete else { return false }
        let path = absolutePath.utf8
        for root in roots {
            let prefix = root == "/" ? "/" : root + "/"
            guard path.starts(with: prefix.utf8) else { continue }
            // The directories below the root (by bytes), none of them one the walk skips.
            let rest = Array(path.dropFirst(prefix.utf8.count))
            guard let lastSlash = rest.lastIndex(of: 0x2F) else { return true }
            return !rest[..<lastSlash].split(separator: 0x2F).contains { name in
                name.first == 0x2E || name.elementsEqual("node_modules".utf8)
            }
        }
        return false
    }
}
