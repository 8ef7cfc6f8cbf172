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
    /// walk ends early when `stop` says so (asked before each directory). Entries are
    /// taken one at a time (no list of a directory's entries is held: `_posts/` may hold
    /// tens of thousands).
    public static func walk(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                            stop: () -> Bool = { false }, _ visit: (Event) -> Void) {
        walkTree(root, in: fileSystem, visited: &visited, stop: stop, unreadable: {
            visit(.unreadableDirectory(path: $0, reason: $1))
        }) { dir, prefix, enter throws(FileSystemError) in
            try fileSystem.forEachEntry(of: dir) { bytes, kind, id in
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    // A name that is not UTF-8 is never entered.
                    visit(.undecodableName(path: prefix + String(decoding: bytes, as: UTF8.self)))
                    return
                }
                switch kind {
                case .file: visit(.file(path: prefix + name, name: name, id: id))
                case .directory: if !isSkipped(name) { enter(prefix + name, id) }
                case nil: break  // a dangling link, a socket
                }
            }
        }
    }

    /// The same walk by bytes, for a listing of many files (a site's): `directory` gets each
    /// directory's prefix (`dir/`) before `file` gets the names of
    /// its files, each as bytes valid only during the call; no `String` per file.
    static func walkFileNames(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                              stop: () -> Bool, directory: (String) -> Void, file: (UnsafeBufferPointer<UInt8>) -> Void) {
        walkTree(root, in: fileSystem, visited: &visited, stop: stop, unreadable: { _, _ in }) { dir, prefix, enter throws(FileSystemError) in
            directory(prefix)
            try fileSystem.forEachEntry(of: dir) { name, kind, id in
                switch kind {
                case .file: file(name)
                case .directory:
                    if let name = String(validating: name, as: UTF8.self), !isSkipped(name) { enter(prefix + name, id) }
                case nil: break
                }
            }
        }
    }

    /// The walk itself: a stack of directories, each entered once (`visited`), `list` asked
    /// for each one's entries with its path, its prefix and a way to enter a subdirectory.
    private static func walkTree(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                                 stop: () -> Bool, unreadable: (String, String) -> Void,
                                 _ list: (String, String, (String, FileID) -> Void) throws(FileSystemError) -> Void) {
        guard let rootStatus = fileSystem.status(root) else { return }
        var stack = [(root, rootStatus.id)]
        while !stop(), let (dir, dirID) = stack.popLast() {
            guard visited.insert(dirID).inserted else { continue }
            let prefix = dir == "." && root == "." ? "" : (dir.hasSuffix("/") ? dir : dir + "/")
            do {
                try list(dir, prefix) { stack.append(($0, $1)) }
            } catch {
                unreadable(dir, error.reason)
            }
        }
    }
}
