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
        var prefix = ""
        walkTree(root, in: fileSystem, visited: &visited, stop: stop, unreadable: {
            visit(.unreadableDirectory(path: $0, reason: $1))
        }, directory: { head, slash in prefix = slash ? head + "/" : head }) { bytes, kind, id in
            guard let name = String(validating: bytes, as: UTF8.self) else {
                visit(.undecodableName(path: prefix + String(decoding: bytes, as: UTF8.self)))
                return
            }
            if kind == .file { visit(.file(path: prefix + name, name: name, id: id)) }
        }
    }

    /// The same walk by bytes, for a listing of many files (a site's): `directory` gets each
    /// directory as a listing keeps it (`directoryPath`) before `file` gets the names of its
    /// files, each as bytes valid only during the call; no `String` per file.
    static func walkFileNames(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                              stop: () -> Bool, directory: (String) -> Void, file: (UnsafeBufferPointer<UInt8>) -> Void) {
        walkTree(root, in: fileSystem, visited: &visited, stop: stop, unreadable: { _, _ in },
                 directory: { head, slash in directory(directoryPath(head, slash: slash)) }) { name, kind, _ in
            if kind == .file { file(name) }
        }
    }

    /// The directories holding a file named `name`, by the walk of `walkFileNames` over
    /// each root in turn, as a listing keeps them (`directoryPath`), without
    /// handing over every name: nil when the roots hold more than `limit` files (the walk
    /// stops there, as a listing does).
    static func directories(holding name: UnsafeBufferPointer<UInt8>, under roots: [String], in fileSystem: any FileSystem,
                            visited: inout Set<FileID>, limit: Int) -> [String]? {
        var files = 0
        var found: [String] = []
        for root in roots {
            // (The directory's path made only for a directory that holds the name.)
            var current = (head: "", slash: false)
            walkTree(root, in: fileSystem, visited: &visited, stop: { files > limit }, unreadable: { _, _ in },
                     directory: { current = ($0, $1) },
                     list: { dir, body throws(FileSystemError) in files &+= try fileSystem.forEachEntry(of: dir, directoriesAnd: name, body) }) { entry, kind, _ in
                if kind == .file, entry.elementsEqual(name) { found.append(directoryPath(current.head, slash: current.slash)) }
            }
        }
        return files > limit ? nil : found
    }

    /// A directory as a listing keeps it, from the walk's `head` and `slash` (`walkTree`):
    /// the path without a trailing slash, "/" for the root.
    static func directoryPath(_ head: String, slash: Bool) -> String {
        // (By bytes: `count` and `dropLast` of a `String` walk its characters.)
        slash || head.utf8.count <= 1 ? head : String(decoding: head.utf8.dropLast(), as: UTF8.self)
    }

    /// The path of a directory named `name` that the walk enters below `head` and (when
    /// `slash`) a slash: nil for a name that is not UTF-8 or that `isSkipped`. Made in one
    /// piece from the bytes (a `String` of the name, validated as any encoding, then
    /// appended, cost a search of a site of 478 directories 0.75 M instructions; a prefix
    /// made for each directory walked, `dir + "/"`, 580 instructions apiece).
    static func enteredPath(_ head: String, slash: Bool, _ name: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for byte in name where byte >= 0x80 { ascii = false; break }
        guard ascii else {
            guard let decoded = String(validating: name, as: UTF8.self), !isSkipped(decoded) else { return nil }
            return head + (slash ? "/" : "") + decoded
        }
        // (In ASCII every byte is a character of its own: `isSkipped` by bytes.)
        guard let first = name.first, first != UInt8(ascii: ".") else { return nil }
        if name.count == 12, name.elementsEqual("node_modules".utf8) { return nil }
        var head = head
        let between = slash ? 1 : 0
        return head.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + between + name.count) { out in
                _ = out.initialize(fromContentsOf: head)
                if slash { out[head.count] = 0x2F }
                _ = out[(head.count + between)...].initialize(fromContentsOf: name)
                return head.count + between + name.count
            }
        }
    }

    /// The walk itself: a stack of directories, each entered once (`visited`); `directory`
    /// gets a directory's prefix, as the path and whether a slash follows it (none for the
    /// root `.`, whose entries are bare names, nor after a slash), before `entry` gets each
    /// of its entries that is not a directory entered (files, skipped directories, names that are not UTF-8, which are
    /// never entered, dangling links and sockets, whose kind is nil). `list` gives a
    /// directory's entries (all of them when nil: `forEachEntry`).
    private static func walkTree(_ root: String, in fileSystem: any FileSystem, visited: inout Set<FileID>,
                                 stop: () -> Bool, unreadable: (String, String) -> Void,
                                 directory: (_ head: String, _ slash: Bool) -> Void,
                                 list: ((String, (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) -> Void)? = nil,
                                 _ entry: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) {
        guard let rootStatus = fileSystem.status(root) else { return }
        var stack = [(root, rootStatus.id)]
        while !stop(), let (dir, dirID) = stack.popLast() {
            guard visited.insert(dirID).inserted else { continue }
            let bare = dir == "." && root == "."
            let head = bare ? "" : dir
            let slash = !bare && head.utf8.last != 0x2F
            directory(head, slash)
            do throws(FileSystemError) {
                let each = { (bytes: UnsafeBufferPointer<UInt8>, kind: FileKind?, id: FileID) in
                    if kind == .directory, let path = enteredPath(head, slash: slash, bytes) {
                        stack.append((path, id))
                    } else {
                        entry(bytes, kind, id)
                    }
                }
                if let list { try list(dir, each) } else { try fileSystem.forEachEntry(of: dir, each) }
            } catch {
                unreadable(dir, error.reason)
            }
        }
    }
}
