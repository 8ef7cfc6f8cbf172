/// The one way the engine and the rules see files: GalleyCLI hands the real one (in
/// GalleyIO) to the session, tests an `InMemoryFileSystem`. Paths are absolute or
/// relative to `workingDirectory`; links are followed.
public protocol FileSystem: Sendable {
    /// The directory relative paths start from (read once; galley never changes it).
    var workingDirectory: String { get }
    /// What is at `path`, or nil when nothing is (a dangling link included).
    func status(_ path: String) -> FileStatus?
    /// The entries of a directory, without `.` and `..`, in no particular order.
    func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry]
    /// The same entries one at a time, each name as its bytes (valid UTF-8 or not), for a
    /// caller that keeps names without a `String` per entry (the site's listing). The
    /// bytes are valid only during the call.
    func forEachEntry(of directory: String,
                      _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError)
    /// The whole content of a file.
    func read(_ path: String) throws(FileSystemError) -> [UInt8]
    /// What says whether a directory's entries have changed since (`CachedListing`), and
    /// whether it has settled; nil when this file system cannot tell (then nothing is cached).
    func stamp(ofDirectory path: String) -> (stamp: DirectoryStamp, isSettled: Bool)?
    /// `forEachEntry`, each entry also told whether it is a link (its kind and identity are
    /// its target's, which can change without the directory changing).
    func forEachEntryNotingLinks(of directory: String,
                                 _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError)
    /// `forEachEntry` for a search of one name (`Site.files(named:)` on a few posts):
    /// `body` gets every directory and every entry named `name`, and may not get the
    /// others; the result is how many files the directory holds (all of them).
    func forEachEntry(of directory: String, directoriesAnd name: UnsafeBufferPointer<UInt8>,
                      _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) -> Int
}

/// A directory's identity and the times its entries and its status last changed. Adding,
/// removing or renaming an entry changes both times; a directory whose stamp is the same
/// has the same entries, unless it changed within the clock's resolution of when the
/// stamp was taken: a stamp is trusted only when it has settled (the directory had not
/// changed for a few seconds then).
///
/// Settledness asks the modification time alone: any later change of an entry sets it to
/// a later value, which no longer equals the recorded one. The status-change time is
/// compared so that a modification time put back (`touch -d`, an archive's extraction
/// over a tree) is still seen: it cannot be set back by a user.
public struct DirectoryStamp: Sendable, Equatable {
    public struct Time: Sendable, Equatable {
        public var seconds: Int64
        public var nanoseconds: Int64

        public init(seconds: Int64, nanoseconds: Int64) {
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }
    }

    public var id: FileID
    public var modified: Time
    public var changed: Time

    public init(id: FileID, modified: Time, changed: Time) {
        self.id = id
        self.modified = modified
        self.changed = changed
    }
}

public enum FileKind: Sendable, Equatable {
    case file, directory
}

/// A file's identity: the same file reached through two paths or a link is one file.
public struct FileID: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

public struct FileStatus: Sendable, Equatable {
    public var kind: FileKind
    public var id: FileID

    public init(kind: FileKind, id: FileID) {
        self.kind = kind
        self.id = id
    }
}

public struct DirectoryEntry: Sendable, Equatable {
    /// The name, or nil when it is not valid UTF-8 (`shownName` is then a lossy rendering).
    public var name: String?
    public var shownName: String
    /// What the entry is, links followed; nil for a dangling link or something that is
    /// neither a file nor a directory (a socket, a device).
    public var kind: FileKind?
    public var id: FileID

    public init(name: String?, shownName: String? = nil, kind: FileKind?, id: FileID) {
        self.name = name
        self.shownName = shownName ?? name ?? "?"
        self.kind = kind
        self.id = id
    }
}

/// Why a file system operation failed, in the system's words ("No such file or directory").
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

extension FileSystem {
    /// No stamps: a listing is never cached.
    public func stamp(ofDirectory path: String) -> (stamp: DirectoryStamp, isSettled: Bool)? { nil }

    /// For a file system without links (`InMemoryFileSystem`): every entry as itself.
    public func forEachEntryNotingLinks(of directory: String,
                                        _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError) {
        try forEachEntry(of: directory) { body($0, $1, $2, false) }
    }

    /// Over `entries(of:)`, which cannot give a name that is not UTF-8 as its bytes: such
    /// entries are left out here.
    public func forEachEntry(of directory: String,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) {
        for entry in try entries(of: directory) {
            guard var name = entry.name else { continue }
            name.withUTF8 { body($0, entry.kind, entry.id) }
        }
    }

    /// Every entry looked at: only a record (`CachedListing`) skips the others unread.
    public func forEachEntry(of directory: String, directoriesAnd name: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) -> Int {
        var files = 0
        try forEachEntry(of: directory) { entry, kind, id in
            if kind == .file { files &+= 1 }
            if Self.keeps(entry, kind, searching: name) { body(entry, kind, id) }
        }
        return files
    }

    /// Whether a search for `name` hands over this entry: every directory (the walk goes
    /// on through them) and every entry of that name.
    @inline(__always)
    static func keeps(_ entry: UnsafeBufferPointer<UInt8>, _ kind: FileKind?, searching name: UnsafeBufferPointer<UInt8>) -> Bool {
        kind == .directory || (entry.count == name.count && entry.elementsEqual(name))
    }

    public func isFile(_ path: String) -> Bool { status(path)?.kind == .file }

    /// The nearest of `directory` (absolute) and its parents that holds `name`.
    public func nearestAncestor(of directory: String, holding name: String) -> String? {
        var dir = directory
        while true {
            if status(dir == "/" ? "/" + name : dir + "/" + name) != nil { return dir }
            let parent = Path.directory(of: dir)
            if parent == dir { return nil }
            dir = parent
        }
    }

    /// `path` made absolute against the working directory and normalized.
    public func absolute(_ path: String) -> String { Path.normalize(path, relativeTo: workingDirectory) }
}
