import FoundationEssentials
import Glibc

/// `fix --backup DIR`: before a file is replaced, its original goes under DIR at the path
/// galley reports for it, relative to the working directory (`fix --backup bk _posts`
/// keeps `bk/_posts/a.md`). A path outside the working directory (`../x.md`, `/abs/x.md`)
/// goes under `DIR/_outside/` followed by its absolute path. A backup already there is
/// kept, never overwritten (a second run keeps the first original).
///
/// Never written outside DIR: every folder below DIR is created and opened with
/// `O_NOFOLLOW` (a symbolic link planted inside DIR is refused, not followed), and the
/// backup appears in one step (a temporary in its folder, fsynced, then hard-linked to
/// its name, which fails if the name exists), so a run that is stopped leaves either the
/// whole original or nothing at that name.
struct Backup: Sendable {
    static let outside = "_outside"

    /// DIR as given.
    let directory: String
    /// DIR, absolute and standardized.
    let absolute: String
    let workingDirectory: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(directory: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
        self.workingDirectory = workingDirectory
        absolute = FileDiscovery.standardized(directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory)
    }

    /// Where the backup of `path` goes, relative to DIR.
    func relativeLocation(of path: String) -> String {
        let file = FileDiscovery.standardized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if file.hasPrefix(base) { return String(file.dropFirst(base.count)) }
        return Self.outside + file
    }

    /// The backup's path as the report shows it (DIR as given, then the relative location).
    func location(of path: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + relativeLocation(of: path)
    }

    /// Whether `path` lies inside DIR (DIR is never linted).
    func contains(_ path: String) -> Bool {
        let file = FileDiscovery.standardized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        if file.hasPrefix(absolute + "/") { return true }
        if let real = Self.realPath(absolute), real != absolute, let realFile = Self.realPath(file) {
            return realFile.hasPrefix(real + "/")
        }
        return false
    }

    /// Makes the directory at `path` and those above it that are missing (as `mkdir -p`);
    /// the `errno` of the first that could not be made, nil when all are there.
    static func makeDirectories(_ path: String) -> Int32? {
        var made = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o777) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST, stat(made, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return code }
            }
        }
        return nil
    }

    /// Writes `bytes` (the original of `path`) as its backup; returns false when a backup
    /// was there already (kept as it is).
    func save(_ bytes: [UInt8], of path: String, mode: mode_t) throws -> Bool {
        let parts = relativeLocation(of: path).split(separator: "/").map(String.init)
        guard let name = parts.last, !parts.contains(".."), !parts.contains(".") else {
            throw Failure(description: "cannot back it up: no place for `\(path)` under \(directory); the file was not modified")
        }
        func fail(_ what: String) -> Failure {
            Failure(description: "cannot back it up to \(location(of: path)): \(what) (\(String(cString: strerror(errno)))); the file was not modified")
        }
        if let code = Self.makeDirectories(absolute) {
            throw Failure(description: "cannot create the backup folder \(directory): \(String(cString: strerror(code))); the file was not modified")
        }
        var dir = open(absolute, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw fail("cannot open the backup folder") }
        defer { close(dir) }
        for component in parts.dropLast() {
            if mkdirat(dir, component, 0o755) != 0 && errno != EEXIST { throw fail("cannot create a folder") }
            let next = openat(dir, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw fail("`\(component)` is not a folder inside it") }
            close(dir)
            dir = next
        }
        var existing = stat()
        if fstatat(dir, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 { return false }
        let temporary = ".galley-backup-\(TemporaryFiles.owner)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let temporaryPath = absolute + "/" + parts.dropLast().map { $0 + "/" }.joined() + temporary
        TemporaryFiles.register(temporaryPath)
        defer { TemporaryFiles.unregister(temporaryPath) }
        let fd = openat(dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0o777)
        guard fd >= 0 else { throw fail("cannot create a temporary file") }
        defer { unlinkat(dir, temporary, 0) }
        let written = bytes.withUnsafeBytes { Output.write($0, to: fd) }
        let synced = written && fsync(fd) == 0
        close(fd)
        guard synced else { throw fail("cannot write it") }
        if linkat(dir, temporary, dir, name, 0) != 0 {
            if errno == EEXIST { return false }
            throw fail("cannot name it")
        }
        fsync(dir)
        return true
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
