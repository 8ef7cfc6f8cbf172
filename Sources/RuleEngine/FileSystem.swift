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
    /// Over `entries(of:)`, which cannot give a name that is not UTF-8 as its bytes: such
    /// entries are left out here.
    public func forEachEntry(of directory: String,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) {
        for entry in try entries(of: directory) {
            guard var name = entry.name else { continue }
            name.withUTF8 { body($0, entry.kind, entry.id) }
        }
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
