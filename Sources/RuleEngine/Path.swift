import Glibc

/// Absolute paths without `.`, `..` or repeated slashes, and the working directory.
public enum Path {
    /// The working directory, read once per run (galley never changes it).
    public static let workingDirectory: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
    }()

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

    /// The nearest of `directory` (absolute) and its parents that holds `name`.
    public static func nearestAncestor(of directory: String, holding name: String) -> String? {
        var dir = directory
        while true {
            var s = stat()
            if stat(dir == "/" ? "/" + name : dir + "/" + name, &s) == 0 { return dir }
            let parent = Self.directory(of: dir)
            if parent == dir { return nil }
            dir = parent
        }
    }

    /// Whether a file exists (for paths outside every indexed root).
    public static func exists(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && s.st_mode & S_IFMT != S_IFDIR
    }
}
