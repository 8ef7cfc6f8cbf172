/// Path arithmetic on absolute paths, without the file system: no `.`, `..` or repeated
/// slashes. Turning paths into system calls is the `FileSystem`'s job. Byte-based: paths
/// split at `/`, never at a `Character`.
public enum Path {
    /// `path` made absolute (against `base` when relative) and normalized.
    public static func normalize(_ path: String, relativeTo base: String) -> String {
        let joined = path.utf8.first == 0x2F ? path : base + "/" + path
        return isNormal(joined) ? joined : byParts(joined)
    }

    /// Whether `normalize` would give `path` back: absolute, and no part of it empty
    /// (`//`, a trailing `/`), `.` or `..` ("/" itself is normal). One look at each byte,
    /// where `byParts` builds the path again.
    static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { b in
            guard b.count > 1, b[0] == 0x2F else { return b.count == 1 && b[0] == 0x2F }
            var start = 1
            for i in 1...b.count where i == b.count || b[i] == 0x2F {
                switch i - start {
                case 0: return false
                case 1 where b[start] == 0x2E: return false
                case 2 where b[start] == 0x2E && b[start + 1] == 0x2E: return false
                default: start = i + 1
                }
            }
            return true
        }
    }

    /// `joined` with its empty and `.` parts dropped and each `..` taking the part before.
    static func byParts(_ joined: String) -> String {
        // By bytes: `/` never occurs inside a UTF-8 sequence, so every part stays whole.
        let b = Array(joined.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 1)
        var partStarts: [Int] = []  // where each kept part's `/` is in `out`
        var i = 0
        while i < b.count {
            while i < b.count && b[i] == 0x2F { i += 1 }
            let start = i
            while i < b.count && b[i] != 0x2F { i += 1 }
            switch i - start {
            case 0: continue
            case 1 where b[start] == 0x2E: continue
            case 2 where b[start] == 0x2E && b[start + 1] == 0x2E:
                if let last = partStarts.popLast() { out.removeSubrange(last...) }
                continue
            default:
                partStarts.append(out.count)
                out.append(0x2F)
                out.append(contentsOf: b[start..<i])
            }
        }
        return out.isEmpty ? "/" : String(decoding: out, as: UTF8.self)
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
