import Foundation

/// Expands the command line's paths into the Markdown files to lint. Inside a git work
/// tree a directory stands for the files git tracks or would track below it (`git
/// ls-files --cached --others --exclude-standard`), so `.gitignore` is honoured by git
/// itself; elsewhere, or with `--no-git`, directories are walked. Either way only
/// `*.md`, `*.markdown` and `*.mdx` are taken, skipping `.git`, `node_modules` and
/// hidden directories; a file named explicitly is taken whatever its extension.
/// Walking uses `readdir`'s entry types, so a directory of N files costs no N `stat`s.
/// A file is identified by device and inode: a file reached twice is checked once, and
/// a symbolic link cycle is walked once.
struct FileDiscovery {
    static let skippedDirectories: Set<String> = [".git", "node_modules"]

    struct Result {
        var files: [String] = []
        /// Paths that do not exist or cannot be read as directories.
        var errors: [(path: String, message: String)] = []
    }

    /// A file's identity: the same file reached through two paths or a link is one file.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Whether `directory` or a parent holds `.git` (or `GIT_DIR` is set): only then is
    /// git asked, which spares a process (about 40 ms) outside any repository.
    static func mayBeInWorkTree(_ directory: String) -> Bool {
        if ProcessInfo.processInfo.environment["GIT_DIR"] != nil { return true }
        var dir = standardized(directory)
        while true {
            if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) { return true }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return false }
            dir = parent
        }
    }

    static func discover(_ paths: [String], useGit: Bool = false) -> Result {
        var result = Result()
        var found: [(path: String, id: FileID)] = []
        var visited = Set<FileID>()
        for path in paths.isEmpty ? ["."] : paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.errors.append((path, String(cString: strerror(errno))))
                continue
            }
            let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if info.st_mode & S_IFMT == S_IFDIR {
                if useGit, Self.mayBeInWorkTree(path), let listed = Git.listFiles(in: path) {
                    take(listed.names, under: path, found: &found)
                    let prefix = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
                    for name in listed.undecodable where isMarkdown(name) {
                        result.errors.append((prefix + name, "the file name is not valid UTF-8; skipped"))
                    }
                } else {
                    walk(path, id, into: &result, found: &found, visited: &visited)
                }
            } else {
                found.append((path, id))
            }
        }
        // Of the paths to one file, the shortest is kept (`d/x.md` over `d/../d/x.md`).
        var best: [FileID: String] = [:]
        for (path, id) in found {
            if let kept = best[id], (kept.utf8.count, kept) <= (path.utf8.count, path) { continue }
            best[id] = path
        }
        result.files = best.values.sorted()
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

    /// The Markdown files among git's list for `directory` (paths relative to it).
    private static func take(_ listed: [String], under directory: String, found: inout [(path: String, id: FileID)]) {
        let prefix = directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        for relative in listed where isMarkdown(relative) {
            let parts = relative.split(separator: "/")
            if parts.dropLast().contains(where: { $0.hasPrefix(".") || skippedDirectories.contains(String($0)) }) { continue }
            let path = prefix + relative
            var info = stat()
            // Tracked but deleted in the work tree, a gitlink, or a link to a directory: not a file to read.
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            found.append((path, FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))))
        }
    }

    private static func walk(_ root: String, _ rootID: FileID, into result: inout Result,
                             found: inout [(path: String, id: FileID)], visited: inout Set<FileID>) {
        var stack = [(root, rootID)]
        while let (dir, dirID) = stack.popLast() {
            // A directory reached twice (through a symbolic link) is walked once.
            guard visited.insert(dirID).inserted else { continue }
            guard let handle = opendir(dir) else {
                result.errors.append((dir, "cannot read directory: \(String(cString: strerror(errno)))"))
                continue
            }
            defer { closedir(handle) }
            let prefix = dir == "." && root == "." ? "" : (dir.hasSuffix("/") ? dir : dir + "/")
            while let entry = readdir(handle) {
                let decoded = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(validatingCString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                guard let name = decoded else {
                    let shown = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                    }
                    if isMarkdown(shown) { result.errors.append((prefix + shown, "the file name is not valid UTF-8; skipped")) }
                    continue
                }
                if name == "." || name == ".." { continue }
                let path = prefix + name
                var type = entry.pointee.d_type
                var id = FileID(device: dirID.device, inode: UInt64(entry.pointee.d_ino))
                if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }  // a dangling link
                    type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                    id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                } else if type == UInt8(DT_DIR) {
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }
                    id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                }
                if type == UInt8(DT_DIR) {
                    if !name.hasPrefix(".") && !skippedDirectories.contains(name) { stack.append((path, id)) }
                } else if type == UInt8(DT_REG) && isMarkdown(name) {
                    found.append((path, id))
                }
            }
        }
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
