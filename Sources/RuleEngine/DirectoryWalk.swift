/// Walks a directory tree the one way galley does, for the files to lint and for the
/// files of a site, through a `FileSystem`: hidden directories and `node_modules` never
/// entered, a directory reached twice (a link cycle) walked once.
public enum DirectoryWalk {
    public enum Event {
        /// A regular file (or a link to something that is not a directory).
        case file(path: String, name: String, id: FileID)
        case unreadableDirectory(path: String, reason: String)
        /// An entry whose name is not UTF-8, as well as it can be shown.
        case undecodableName(path: String)
    }

    /// Whether a walk leaves this directory out.
    public static func isSkipped(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name == "node_modules"
    }

    /// Every file below `root`. Paths are `root/…`, or bare relative names for `"."`.
    /// `visited` carries over between walks, so overlapping roots are walked once; the
    /// walk ends early when `stop` says so (asked before each directory).
    public static func walk(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                            stop: () -> Bool = { false }, _ visit: (Event) -> Void) {
        walkDirectories(root, in: fileSystem, visited: &visited, stop: stop) { prefix, entries in
            for entry in entries {
                guard let name = entry.name else {
                    visit(.undecodableName(path: prefix + entry.shownName))
                    continue
                }
                if entry.kind == .file { visit(.file(path: prefix + name, name: name, id: entry.id)) }
            }
        } unreadable: { dir, reason in
            visit(.unreadableDirectory(path: dir, reason: reason))
        }
    }

    /// The same walk, a directory at a time: `visit` gets the prefix of the directory's
    /// paths (`dir/`, or "" for `"."`) and its entries, so a caller that keeps names per
    /// directory builds no path per file.
    public static func walkDirectories(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                                       stop: () -> Bool = { false }, _ visit: (String, [DirectoryEntry]) -> Void,
                                       unreadable: (String, String) -> Void = { _, _ in }) {
        guard let rootStatus = fileSystem.status(root) else { return }
        var stack = [(root, rootStatus.id)]
        while !stop(), let (dir, dirID) = stack.popLast() {
            guard visited.insert(dirID).inserted else { continue }
            let entries: [DirectoryEntry]
            do {
                entries = try fileSystem.entries(of: dir)
            } catch {
                unreadable(dir, error.reason)
                continue
            }
            let prefix = dir == "." && root == "." ? "" : (dir.hasSuffix("/") ? dir : dir + "/")
            for entry in entries where entry.kind == .directory {
                // A dangling link or a socket has no kind; a name that is not UTF-8 is never entered.
                if let name = entry.name, !isSkipped(name) { stack.append((prefix + name, entry.id)) }
            }
            visit(prefix, entries)
        }
    }
}
