import GalleyIO
import Glibc
import RuleEngine
import Synchronization

/// The temporary files `AtomicWriter` writes beside a post before renaming them over it:
/// `.galley-<pid>-<start>-<random>.tmp`, where `<start>` is when the process started (in
/// clock ticks since boot, from `/proc/<pid>/stat`), so a later run can tell its own
/// temporaries from those of a process that is gone (killed, or the machine crashed),
/// even when the pid has been reused since. A later `fix` removes only those: never one
/// of a process that is still running, such as a second galley fixing the same tree.
enum TemporaryFiles {
    static let prefix = ".galley-"
    static let suffix = ".tmp"

    /// This process's identity as it appears in its temporaries' names.
    static let owner: String = "\(getpid())-\(startTime(of: getpid()) ?? 0)"

    private static let inFlight = Mutex<Set<String>>([])

    /// Temporaries being written now, so a second Ctrl-C can remove them before exiting.
    static func register(_ path: String) {
        _ = inFlight.withLock { $0.insert(path) }
    }

    static func unregister(_ path: String) {
        _ = inFlight.withLock { $0.remove(path) }
    }

    static func removeInFlight() {
        inFlight.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }

    /// A fresh name for a temporary file in `directory`.
    static func name(in directory: String) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        // Eight base-36 digits of one random word (one `getrandom` per name, not eight).
        var random = SystemRandomNumberGenerator()
        var word = random.next()
        let tag = String(decoding: (0..<8).map { _ in
            defer { word /= UInt64(letters.count) }
            return letters[Int(word % UInt64(letters.count))]
        }, as: UTF8.self)
        return (directory.isEmpty ? "." : directory) + "/" + prefix + owner + "-" + tag + suffix
    }

    /// The process a temporary's name says made it, or nil when the name is not one of ours.
    static func maker(of name: String) -> (pid: Int32, start: UInt64)? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let parts = name.dropFirst(prefix.count).dropLast(suffix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let pid = Int32(parts[0]), pid > 0, let start = UInt64(parts[1]),
              parts[2].count == 8, parts[2].utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
        else { return nil }
        return (pid, start)
    }

    /// Whether the process that made a temporary is still running: the pid exists and
    /// (where `/proc` shows it) started when the name says. A process that cannot be
    /// seen but answers `kill(pid, 0)` with EPERM is alive.
    static func isRunning(pid: Int32, start: UInt64) -> Bool {
        if let now = startTime(of: pid) { return start == 0 || now == start }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Temporaries named by galley before names carried their maker (`.galley-XXXXXX`,
    /// from mkstemp): removed once they are ten minutes old, when no run can still own them.
    static func isOldStyle(_ name: String, modified: time_t, now: time_t) -> Bool {
        guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 6 else { return false }
        let tag = name.utf8.dropFirst(prefix.utf8.count)
        let ok = tag.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
        return ok && now - modified > 600
    }

    /// Removes, in the directories of `paths`, the temporaries of processes that are no
    /// longer running; returns the paths removed.
    @discardableResult
    static func removeStale(near paths: [String], writer: some FileWriting = RealFileWriter()) -> [String] {
        var directories = Set<String>()
        for path in paths {
            directories.insert(Path.directory(of: path))
        }
        var removed: [String] = []
        let now = time(nil)
        for dir in directories.sorted() {
            guard let handle = opendir(dir) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name.hasPrefix(prefix) else { continue }
                let path = dir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                let stale: Bool
                if let maker = maker(of: name) {
                    stale = !isRunning(pid: maker.pid, start: maker.start)
                } else {
                    stale = isOldStyle(name, modified: info.st_mtim.tv_sec, now: now)
                }
                if stale, (try? writer.remove(path)) != nil { removed.append(path) }
            }
        }
        return removed
    }

    /// When process `pid` started, in clock ticks since boot (field 22 of
    /// `/proc/<pid>/stat`), or nil when `/proc` does not show it.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let bytes = try? FileReader.read("/proc/\(pid)/stat"),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // After "pid (comm)": state is field 3, start time field 22.
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }
}
