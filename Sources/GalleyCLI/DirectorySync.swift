import GalleyIO
import Glibc
import Synchronization

/// The folders in which a run renamed fixed files over their originals, each flushed to
/// disk once when the run's files are done instead of after every rename (as git's
/// `core.fsyncMethod=batch` does). Every file's new bytes are flushed before its rename,
/// so a crash in between leaves each file whole, as it was or as fixed, never part of
/// either; the flush at the end makes the renames themselves durable. On the 20,000
/// posts of the benchmark, one folder's sync a file was about 8% of `fix` (1.0 s of 12.6).
final class DirectorySync: Sendable {
    private let writer: any FileWriting
    private let pending = Mutex<Set<String>>([])

    init(writer: any FileWriting = RealFileWriter()) { self.writer = writer }

    /// A rename into `directory` is waiting for the folder's flush.
    func note(_ directory: String) {
        _ = pending.withLock { $0.insert(directory) }
    }

    /// How many folders wait for their flush.
    var waiting: Int { pending.withLock { $0.count } }

    /// Flushes every folder noted since the last flush, each once, in path order; those
    /// that could not be flushed, with the system's reason (a folder that is gone is not one).
    func flush() -> [(directory: String, error: FileWriteError)] {
        let directories = pending.withLock { pending in
            defer { pending.removeAll() }
            return pending.sorted()
        }
        var failed: [(directory: String, error: FileWriteError)] = []
        for directory in directories {
            do throws(FileWriteError) {
                try writer.syncDirectory(directory)
            } catch {
                // A folder removed since (by another program): its files went with it,
                // and there is nothing of them to make durable.
                if error.code == ENOENT || error.code == ENOTDIR { continue }
                failed.append((directory, error))
            }
        }
        return failed
    }
}
