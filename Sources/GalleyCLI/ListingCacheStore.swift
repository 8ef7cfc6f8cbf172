import ArgumentParser
import FoundationEssentials
import Glibc
import GalleyIO
import RuleEngine

/// `--no-cache` and `--cache-dir`, for every command that lists a site.
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the record of the site's listing.")
    var noCache = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Keep the record of each site's listing in DIR (default: .galley-cache in the site's root, or GALLEY_CACHE_DIR).",
        valueName: "DIR"))
    var cacheDir: String?

    var settings: CacheSettings { CacheSettings(noCache: noCache, cacheDir: cacheDir) }
}

/// The record of a site's listing (`CachedListing`) on disk: `.galley-cache/site-listing`
/// in the site's root, or `DIR/site-listing-<the first 16 hex digits of the root's
/// SHA-256>` with `--cache-dir DIR`. The folder holds a `.gitignore` that ignores
/// everything in it and a `CACHEDIR.TAG` (backup tools skip it); the walks never enter it
/// (its name starts with a dot). Written as a `ReplacementFile` without `fsync`: a record
/// lost in a crash costs the next run one full listing, and one that does not decode is
/// ignored. The temporaries of saves that were killed are removed by the next save.
struct ListingCacheStore: ListingStore {
    /// nil: each site's own `.galley-cache`.
    let directory: String?

    static let folderName = ".galley-cache"

    func location(root: String) -> (directory: String, file: String) {
        guard let directory else {
            let dir = Path.join(root, Self.folderName)
            return (dir, Path.join(dir, "site-listing"))
        }
        var hash = SHA256()
        hash.update(Array(root.utf8))
        return (directory, Path.join(directory, "site-listing-" + hash.finalHex().prefix(16)))
    }

    /// The record mapped, not read (`RecordBytes`). galley only ever replaces the file by a
    /// rename, never rewrites it in place, so the pages mapped stay the old file's for the
    /// run; a file cut short under a mapping by another program (`cp` over it, `rsync
    /// --inplace`) would fault on reading, and so could one on NFS that another machine
    /// renames a record over while this run reads it (a `--cache-dir` shared between
    /// machines). Where mapping fails, the record is read.
    func load(root: String) -> RecordBytes? {
        let fd = open(location(root: root).file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            return (try? FileReader.readAll(fd, what: "the record")).map(RecordBytes.init)
        }
        return RecordBytes(mapped: UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)) {
            munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count)
        }
    }

    func save(_ listing: CachedListing, root: String) {
        let (dir, file) = location(root: root)
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return }
        // Written whenever missing, so a folder whose first run was killed after making it
        // is still ignored by git and tagged.
        var info = stat()
        for (name, text) in [(".gitignore", "# Made by galley: its record of the site's listing, never committed.\n*\n"),
                             ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by galley.\n")]
        where stat(Path.join(dir, name), &info) != 0 {
            write(to: Path.join(dir, name)) { fd in Array(text.utf8).withUnsafeBytes { Output.write($0, to: fd) } }
        }
        // A save cut short by a kill leaves its temporary here, and the record as it was, so
        // the next run saves again: it removes them (those of runs that are gone only).
        TemporaryFiles.removeStale(near: [file])
        write(to: file) { fd in listing.write { Output.write($0, to: fd) } }
    }

    /// Through a `ReplacementFile`, without `fsync`; on any failure nothing is left.
    private func write(to path: String, _ content: (Int32) -> Bool) {
        guard let file = try? ReplacementFile(replacing: path), content(file.fd) else { return }
        try? file.commit(durable: false)
    }
}
