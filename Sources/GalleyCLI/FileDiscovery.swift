import Foundation

/// Expands the command line's paths into the Markdown files to lint. Directories are
/// walked for `*.md`, `*.markdown` and `*.mdx`, skipping `.git`, `node_modules` and
/// hidden directories; a file named explicitly is taken whatever its extension.
/// Walking uses `readdir`'s entry types, so a directory of N files costs no N `stat`s.
struct FileDiscovery {
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    struct Result {
        var files: [String] = []
        /// Paths that do not exist or cannot be read as directories.
        var errors: [(path: String, message: String)] = []
    }

    static func discover(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths.isEmpty ? ["."] : paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.errors.append((path, "no such file or directory"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &result)
            } else {
                result.files.append(path)
            }
        }
        // The same file reached twice (`galley check . post.md`) is checked once.
        var seen = Set<String>()
        result.files = result.files.filter { seen.insert(normalized($0)).inserted }
        result.files.sort()
        return result
    }

    static func isMarkdown(_ name: String) -> Bool {
        let u = name.utf8
        guard let dot = u.lastIndex(of: 0x2E) else { return false }
        switch String(decoding: u[u.index(after: dot)...], as: UTF8.self).lowercased() {
        case "md", "markdown", "mdx": return true
        default: return false
        }
    }

    private static func walk(_ root: String, into result: inout Result) {
        var stack = [root]
        while let dir = stack.popLast() {
            guard let handle = opendir(dir) else {
                result.errors.append((dir, "cannot read directory: \(String(cString: strerror(errno)))"))
                continue
            }
            defer { closedir(handle) }
            let prefix = dir == "." && root == "." ? "" : (dir.hasSuffix("/") ? dir : dir + "/")
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." { continue }
                let path = prefix + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }  // a dangling link
                    type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    if !name.hasPrefix(".") && !skippedDirectories.contains(name) { stack.append(path) }
                } else if type == UInt8(DT_REG) && isMarkdown(name) {
                    result.files.append(path)
                }
            }
        }
    }

    /// A path without `./` segments or doubled slashes, for recognising duplicates.
    static func normalized(_ path: String) -> String {
        (path.hasPrefix("/") ? "/" : "")
            + path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.joined(separator: "/")
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
