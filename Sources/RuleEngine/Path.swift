/// Path arithmetic on absolute paths, without the file system: no `.`, `..` or repeated
/// slashes. Turning paths into system calls is the `FileSystem`'s job. Byte-based: paths
/// split at `/`, never at a `Character`.
public enum Path {
    /// `path` made absolute (against `base` when relative) and normalized.
    public static func normalize(_ path: String, relativeTo base: String) -> String {
        let joined = path.utf8.first == 0x2F ? path : base + "/" + path
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
        let u = path.utf8
        guard let slash = u.lastIndex(of: 0x2F) else { return "." }
        return slash == u.startIndex ? "/" : String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        let u = path.utf8
        guard let slash = u.lastIndex(of: 0x2F) else { return path }
        return String(path[u.index(after: slash)...])
    }

    /// `directory/name`, without a doubled slash.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.utf8.last == 0x2F ? directory + name : directory + "/" + name
    }
}
