import GalleyIO
import Glibc
import MarkdownScanner
import RuleEngine

/// Replaces a file's contents without ever leaving it half-written, and never from stale
/// bytes:
///
/// 1. follow links to the file they name; open it and take its `flock` (a second galley
///    fixing the same file waits here, up to `lockWait`);
/// 2. under the lock, check that the path still names the locked file and that its
///    bytes are the ones the fix was made from ("unchanged on disk?"), and that the file
///    is writable by this user (a read-only file is refused, even though the directory
///    would allow a rename over it);
/// 3. write a temporary in the same directory (`TemporaryFiles`: named after this
///    process, so a later run can remove it if this one is killed), give it the
///    original's owner (refused when that is not possible: a fix never gives a file
///    away) and permission bits, fsync it;
/// 4. check again, just before the rename, that the path names the same file with the
///    same size and modification times (another writer that does not lock, such as an
///    editor, narrows the race to that moment);
/// 5. rename it over the original, fsync the directory (or, given a `DirectorySync`,
///    leave that to its flush at the end of the run), release the lock.
///
/// A galley that was waiting for the lock then finds a different file at the path and
/// refuses ("changed on disk"): no update is lost. Not kept: hard links (the path gets a
/// new file; the file's other names keep the original bytes), extended attributes and ACLs.
/// Every mutating call goes through `FileWriting`, so tests inject failures.
struct AtomicWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// True when the file was replaced and only the directory's sync failed.
        var replaced = false
    }

    var writer: any FileWriting = RealFileWriter()
    /// How long to wait for another process's lock on the file.
    var lockWait: Duration = .seconds(10)
    /// Bytes per `write` call (so a fault can hit the middle of a file).
    var chunkSize = 1 << 20

    static func replace(_ path: String, with bytes: [UInt8], expecting original: [UInt8],
                        beforeWriting: ((mode_t) throws -> Void)? = nil, syncingLater later: DirectorySync? = nil) throws {
        try AtomicWriter().replace(path, with: bytes, expecting: original, beforeWriting: beforeWriting, syncingLater: later)
    }

    /// `beforeWriting` runs under the lock, once the file is known to hold `original`,
    /// with the file's mode (`--backup` keeps the original there); if it throws, nothing
    /// is written. `later`: the file's folder is noted there after the rename, to be
    /// flushed with the run's others, instead of flushed now.
    func replace(_ path: String, with bytes: [UInt8], expecting original: [UInt8],
                 beforeWriting: ((mode_t) throws -> Void)? = nil, syncingLater later: DirectorySync? = nil) throws {
        guard let target = Self.fileNamed(by: path) else {
            throw Failure(description: "the file can no longer be read (\(Self.errnoText())); it was not modified")
        }
        let lockFD = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard lockFD >= 0 else {
            throw Failure(description: "the file can no longer be read (\(Self.errnoText())); it was not modified")
        }
        defer { Glibc.close(lockFD) }  // releases the lock, after the rename
        try lock(lockFD)

        var info = stat()
        guard fstat(lockFD, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(description: "the file is no longer a regular file; it was not modified")
        }
        guard Self.sameFile(target, info) else { throw Self.changed }
        guard let current = try? FileReader.readAll(lockFD, what: "the file"), ByteSearch.same(current, original) else { throw Self.changed }
        guard faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) == 0 else {
            throw Failure(description: "the file is not writable (\(Self.errnoText())); it was not modified")
        }
        if let beforeWriting {
            do {
                try beforeWriting(info.st_mode)
            } catch {
                throw Failure(description: "\(error)")
            }
        }

        let dir = Path.directory(of: target)
        let temp = TemporaryFiles.name(in: dir)
        let fd: Int32
        TemporaryFiles.register(temp)
        defer { TemporaryFiles.unregister(temp) }
        do {
            fd = try writer.createExclusive(temp)
        } catch {
            throw Failure(description: "cannot create a temporary file beside it (\(error)); the file was not modified")
        }
        var open = true
        var renamed = false
        defer {
            if open { try? writer.close(fd) }
            if !renamed { try? writer.remove(temp) }
        }
        let failed: FileWriteError? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(offset + chunkSize, buffer.count)
                do {
                    try writer.write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                } catch {
                    return (error as? FileWriteError) ?? FileWriteError(code: EIO)
                }
                offset = end
            }
            return nil
        }
        if let failed {
            throw Failure(description: "cannot write the temporary file (\(failed)); the file was not modified")
        }
        if info.st_uid != geteuid() || info.st_gid != getegid() {
            do {
                try writer.setOwner(fd, user: info.st_uid, group: info.st_gid)
            } catch {
                throw Failure(description: "cannot keep the file's owner (uid \(info.st_uid), gid \(info.st_gid)): \(error); the file was not modified")
            }
        }
        do {
            try writer.setMode(fd, info.st_mode & 0o7777)
            try writer.sync(fd)
            open = false
            try writer.close(fd)
        } catch {
            throw Failure(description: "cannot write the temporary file (\(error)); the file was not modified")
        }
        guard Self.sameFile(target, info, unchangedSince: true) else { throw Self.changed }
        do {
            try writer.rename(temp, target)
        } catch {
            throw Failure(description: "cannot replace the file (\(error)); it was not modified")
        }
        renamed = true
        let folder = dir.isEmpty ? "." : dir
        if let later {
            later.note(folder)
            return
        }
        do {
            try writer.syncDirectory(folder)
        } catch {
            throw Failure(description: "the file was replaced, but its directory could not be flushed to disk (\(error))",
                          replaced: true)
        }
    }

    static let changed = Failure(description: "the file changed on disk while galley was working; it was not modified")

    /// Takes the exclusive lock, retrying while another process holds it.
    private func lock(_ fd: Int32) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + lockWait
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw Failure(description: "cannot lock the file (\(Self.errnoText())); it was not modified")
            }
            guard clock.now < deadline else {
                throw Failure(description: "another process kept the file locked for \(lockWait); it was not modified")
            }
            usleep(2_000)
        }
    }

    /// Whether `path` still names the file `info` describes (not a link, not a file put
    /// in its place), and with `unchangedSince`, with the same size and times.
    private static func sameFile(_ path: String, _ info: stat, unchangedSince: Bool = false) -> Bool {
        var now = stat()
        guard lstat(path, &now) == 0, now.st_dev == info.st_dev, now.st_ino == info.st_ino else { return false }
        guard unchangedSince else { return true }
        return now.st_size == info.st_size
            && now.st_mtim.tv_sec == info.st_mtim.tv_sec && now.st_mtim.tv_nsec == info.st_mtim.tv_nsec
            && now.st_ctim.tv_sec == info.st_ctim.tv_sec && now.st_ctim.tv_nsec == info.st_ctim.tv_nsec
    }

    /// The path of the file `path` names: itself when it is not a link (no `realpath`,
    /// whose `getcwd` and `readlink` of every component cost more than the rest of a
    /// write's checks; a link among its folders names the same folder), else the link's
    /// target.
    private static func fileNamed(by path: String) -> String? {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return path }
        return realPath(path)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
