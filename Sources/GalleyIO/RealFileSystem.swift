import Glibc
import RuleEngine

/// The operating system's file system, the one GalleyCLI hands the session. Directory
/// listings use `readdir`'s entry types, so a directory of N files costs no N `stat`s
/// (only links, unknown types and directories are `stat`ed, for their targets).
public struct RealFileSystem: FileSystem {
    public let workingDirectory: String

    public init() { workingDirectory = Self.currentDirectory() }

    /// The process's working directory ("/" when it cannot be told).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        return getcwd(&buffer, buffer.count) != nil
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
    }

    public func status(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(kind: info.st_mode & S_IFMT == S_IFDIR ? .directory : .file, id: Self.id(info))
    }

    /// Like `status`, with a regular file told apart from other things that are not
    /// directories (devices, sockets): those are nil here.
    func regularStatus(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return FileStatus(kind: .directory, id: Self.id(info))
        case S_IFREG: return FileStatus(kind: .file, id: Self.id(info))
        default: return nil
        }
    }

    public func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry] {
        var result: [DirectoryEntry] = []
        try forEachEntry(of: directory) { bytes, kind, id in
            let name = String(validating: bytes, as: UTF8.self)
            result.append(DirectoryEntry(name: name, shownName: name ?? String(decoding: bytes, as: UTF8.self), kind: kind, id: id))
        }
        return result
    }

    /// `readdir`, each name handed over as the bytes of its entry (no `String` unless the
    /// entry's kind needs a `stat` of its path).
    public func forEachEntry(of directory: String,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) {
        try forEachEntryNotingLinks(of: directory) { name, kind, id, _ in body(name, kind, id) }
    }

    public func forEachEntryNotingLinks(of directory: String,
                                        _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError) {
        guard let handle = opendir(directory) else { throw FileSystemError(String(cString: strerror(errno))) }
        defer { closedir(handle) }
        var dirID: FileID?
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            let inode = UInt64(entry.pointee.d_ino)
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let name = UnsafeRawBufferPointer(rebasing: raw[..<strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))])
                    .assumingMemoryBound(to: UInt8.self)
                if name.count <= 2, name.allSatisfy({ $0 == 0x2E }) { return }  // "." and ".."

                if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_DIR) {
                    let path = Path.join(directory, String(decoding: name, as: UTF8.self))
                    let target = regularStatus(path)
                    // (An unknown type may be a link too: asked only then.)
                    let isLink = type == UInt8(DT_LNK) || (type == UInt8(DT_UNKNOWN) && Self.isLink(path))
                    body(name, target?.kind, target?.id ?? FileID(device: 0, inode: inode), isLink)
                    return
                }
                if dirID == nil { dirID = status(directory)?.id }
                body(name, type == UInt8(DT_REG) ? .file : nil, FileID(device: dirID?.device ?? 0, inode: inode), false)
            }
        }
    }

    /// Stamped with the modification and status-change times; settled when the
    /// modification time is at least `settleSeconds` before now (a change made later in
    /// the same tick of a coarse clock would leave the times as they are).
    public func stamp(ofDirectory path: String) -> (stamp: DirectoryStamp, isSettled: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let modified = DirectoryStamp.Time(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
        let age = (Int64(now.tv_sec) - modified.seconds) * 1_000_000_000 + (Int64(now.tv_nsec) - modified.nanoseconds)
        let changed = DirectoryStamp.Time(seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec))
        return (DirectoryStamp(id: Self.id(info), modified: modified, changed: changed), age >= Self.settleSeconds * 1_000_000_000)
    }

    static let settleSeconds: Int64 = 3

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        do {
            return try FileReader.read(path)
        } catch {
            throw FileSystemError("\(error)")
        }
    }

    public static func id(_ info: stat) -> FileID {
        FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
