import Glibc

/// Walks a directory tree the one way galley does, for the files to lint and for the
/// files of a site: `readdir`'s entry types (a `stat` only for links, unknown types and
/// directories), hidden directories and `node_modules` never entered, a directory
/// reached twice (a link cycle) walked once.
public enum DirectoryWalk {
    /// A file's identity: the same file reached through two paths or a link is one file.
    public struct FileID: Hashable, Sendable {
        public var device: UInt64
        public var inode: UInt64

        public init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }

        public init(_ info: stat) {
            self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
    }

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

    /// The identity of `path`, or nil when it does not exist.
    public static func identity(_ path: String) -> (id: FileID, isDirectory: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileID(info), info.st_mode & S_IFMT == S_IFDIR)
    }

    /// Every file below `root`. Paths are `root/…`, or bare relative names for `"."`.
    /// `visited` carries over between walks, so overlapping roots are walked once; the
    /// walk ends early when `stop` says so (asked before each directory).
    public static func walk(_ root: String, visited: inout Set<FileID>, stop: () -> Bool = { false },
                            _ visit: (Event) -> Void) {
        guard let rootID = identity(root)?.id else { return }
        var stack = [(root, rootID)]
        while !stop(), let (dir, dirID) = stack.popLast() {
            guard visited.insert(dirID).inserted else { continue }
            guard let handle = opendir(dir) else {
                visit(.unreadableDirectory(path: dir, reason: String(cString: strerror(errno))))
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
                    visit(.undecodableName(path: prefix + shown))
                    continue
                }
                if name == "." || name == ".." { continue }
                let path = prefix + name
                var type = entry.pointee.d_type
                var id = FileID(device: dirID.device, inode: UInt64(entry.pointee.d_ino))
                if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_DIR) {
                    guard let target = identity(path) else { continue }  // a dangling link
                    type = target.isDirectory ? UInt8(DT_DIR) : UInt8(DT_REG)
                    id = target.id
                }
                if type == UInt8(DT_DIR) {
                    if !isSkipped(name) { stack.append((path, id)) }
                } else if type == UInt8(DT_REG) {
                    visit(.file(path: path, name: name, id: id))
                }
            }
        }
    }
}
