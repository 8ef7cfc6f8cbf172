import Glibc
import RuleEngine

/// The write side of the file system, beside `FileSystem` (reads): every call that
/// changes something on disk goes through it, so tests can make the N-th write, sync or
/// rename fail (`GalleyCLI.AtomicWriter` is its only user). Failures carry the system's
/// reason and `errno`.
public protocol FileWriting: Sendable {
    /// Creates `path` (which must not exist) for writing, readable only by its owner.
    func createExclusive(_ path: String) throws(FileWriteError) -> Int32
    /// Writes all of `bytes` (one call of the caller is one "write" for fault injection).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileWriteError)
    /// Gives the open file an owner and a mode (`chown` then `chmod`, so set-id bits survive).
    func setOwner(_ fd: Int32, user: UInt32, group: UInt32) throws(FileWriteError)
    func setMode(_ fd: Int32, _ mode: UInt32) throws(FileWriteError)
    /// Flushes the file's data and metadata to the device.
    func sync(_ fd: Int32) throws(FileWriteError)
    func close(_ fd: Int32) throws(FileWriteError)
    /// Atomically puts `from` in place of `to`.
    func rename(_ from: String, _ to: String) throws(FileWriteError)
    func remove(_ path: String) throws(FileWriteError)
    /// Flushes a directory's entries (after a rename, so the new name survives a crash).
    func syncDirectory(_ path: String) throws(FileWriteError)
}

public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32
    public var description: String { String(cString: strerror(code)) }

    public init(code: Int32) { self.code = code }

    static var current: FileWriteError { FileWriteError(code: errno) }
}

/// The operating system's `FileWriting`.
public struct RealFileWriter: FileWriting {
    public init() {}

    public func createExclusive(_ path: String) throws(FileWriteError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .current }
        return fd
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            offset += n
        }
    }

    public func setOwner(_ fd: Int32, user: UInt32, group: UInt32) throws(FileWriteError) {
        guard fchown(fd, user, group) == 0 else { throw .current }
    }

    public func setMode(_ fd: Int32, _ mode: UInt32) throws(FileWriteError) {
        guard fchmod(fd, mode) == 0 else { throw .current }
    }

    public func sync(_ fd: Int32) throws(FileWriteError) {
        guard fsync(fd) == 0 else { throw .current }
    }

    public func close(_ fd: Int32) throws(FileWriteError) {
        guard Glibc.close(fd) == 0 else { throw .current }
    }

    public func rename(_ from: String, _ to: String) throws(FileWriteError) {
        guard Glibc.rename(from, to) == 0 else { throw .current }
    }

    public func remove(_ path: String) throws(FileWriteError) {
        guard unlink(path) == 0 else { throw .current }
    }

    public func syncDirectory(_ path: String) throws(FileWriteError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .current }
        defer { Glibc.close(fd) }
        // Some file systems cannot sync a directory (EINVAL): nothing more can be done there.
        guard fsync(fd) == 0 || errno == EINVAL else { throw .current }
    }
}
