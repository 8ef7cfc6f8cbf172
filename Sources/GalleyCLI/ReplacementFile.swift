import Glibc
import RuleEngine

/// A file made whole under a temporary name beside the one it replaces (`TemporaryFiles`'
/// name, mode 0644) and renamed over it by `commit`: a reader sees the old file or the
/// new one, never part of either. The temporary is registered in flight (a second Ctrl-C
/// removes it) and removed when this is dropped before `commit`.
final class ReplacementFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    let fd: Int32
    private let temporary: String
    private var committed = false

    init(replacing path: String) throws(Failure) {
        self.path = path
        temporary = TemporaryFiles.name(in: Path.directory(of: path))
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        TemporaryFiles.register(temporary)
    }

    /// Renames the temporary over `path`, after an `fsync` when `durable` (a report or a
    /// baseline; not a cache, which a crash only leaves stale).
    func commit(durable: Bool = true) throws(Failure) {
        guard !durable || fsync(fd) == 0, rename(temporary, path) == 0 else {
            throw Failure(description: String(cString: strerror(errno)))
        }
        committed = true
    }

    deinit {
        close(fd)
        if !committed { unlink(temporary) }
        TemporaryFiles.unregister(temporary)
    }
}
