import Glibc
import Synchronization

/// Every file under a site's roots (its root and static directories), listed once per
/// run and shared by all documents, so checking a reference is a set lookup, not a
/// `stat`. Hidden directories and `node_modules` are not listed.
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
        var visited = Set<[UInt64]>()
        for root in roots { Self.walk(root, into: &files, visited: &visited) }
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
    /// skips (hidden ones, `node_modules`), so that the index speaks for it.
    public func covers(_ absolutePath: String) -> Bool {
        guard isComplete else { return false }
        for root in roots {
            let prefix = root == "/" ? "/" : root + "/"
            guard absolutePath.hasPrefix(prefix) else { continue }
            let directories = absolutePath.dropFirst(prefix.count).split(separator: "/").dropLast()
            return !directories.contains { $0.hasPrefix(".") || $0 == "node_modules" }
        }
        return false
    }

    private static func walk(_ directory: String, into files: inout Set<String>, visited: inout Set<[UInt64]>) {
        var pending = [directory]
        while let dir = pending.popLast(), files.count <= limit {
            var info = stat()
            guard stat(dir, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                  let handle = opendir(dir) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = dir == "/" ? "/" + name : dir + "/" + name
                // The entry's type from readdir where the file system gives it; links and
                // unknown types are resolved with stat.
                let type = entry.pointee.d_type
                var isDirectory = type == UInt8(DT_DIR)
                if type != UInt8(DT_DIR) && type != UInt8(DT_REG) {
                    var s = stat()
                    guard stat(path, &s) == 0 else { continue }
                    isDirectory = s.st_mode & S_IFMT == S_IFDIR
                }
                if isDirectory {
                    if !name.hasPrefix(".") && name != "node_modules" { pending.append(path) }
                } else {
                    files.insert(path)
                }
            }
        }
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

/// Absolute paths without `.`, `..` or repeated slashes, and the working directory.
public enum Path {
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
    }

    /// `path` made absolute (against `base` when relative) and normalized.
    public static func normalize(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether `name` exists in `directory` or in one of its parents.
    public static func nearestAncestor(of directory: String, holding name: String) -> String? {
        var dir = directory
        while true {
            var s = stat()
            if stat(dir == "/" ? "/" + name : dir + "/" + name, &s) == 0 { return dir }
            if dir == "/" { return nil }
            dir = Self.directory(of: dir)
        }
    }

    /// Whether a file exists (for paths outside every indexed root).
    public static func exists(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && s.st_mode & S_IFMT != S_IFDIR
    }
}
