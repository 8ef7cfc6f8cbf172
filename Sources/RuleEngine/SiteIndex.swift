import Synchronization

/// Every file under a site's roots (its root and static directories), listed once per
/// run and shared by all documents, so checking a reference is a lookup, not a `stat`.
/// The walk is `DirectoryWalk`'s, the one file discovery uses, by bytes. Each directory's
/// path is kept once and each file as its name's bytes in one buffer (about 25 bytes a
/// file and its name), so listing builds no `String` per file and the index of a site of
/// 300,000 files stays under 10 MB. A directory's files are listed together, so whether
/// a file exists scans the names of its directory alone, and the files of a name
/// anywhere scan every name; once lookups have scanned `scannedLookups` times every
/// name (a run of many posts), they use a hash table made then, so a run on one post
/// does not hash every name of the site to ask for a few.
final class SiteIndex: Sendable {
    /// Absolute, normalized: the root first, then the static directories.
    let roots: [String]
    /// Each root with a `/` after it ("/" for `/`), by bytes (`covers`).
    private let rootPrefixes: [[UInt8]]
    /// Each listed directory's absolute path, without a trailing slash ("/" for the root).
    private let directories: [String]
    private let directoryNumbers: [String: Int32]
    /// Where each directory's files start in `files` (they end where the next's start).
    private let firstFiles: [Int32]
    /// Every file's name, back to back, as the directory gave it.
    private let names: Storage<UInt8>
    /// Every file: where its name is in `names`, and its directory.
    private let files: Storage<File>
    /// Made once the lookups have scanned `scannedLookups` × `fileCount` names.
    private let table = Mutex<Table?>(nil)
    private let scanned = Atomic<Int>(0)
    static let scannedLookups = 8
    let fileCount: Int
    /// False when the roots held more than `limit` files (a root at `/` or a home
    /// directory by mistake): then the index answers for nothing and each reference is
    /// looked up on its own instead.
    let isComplete: Bool
    static let limit = 300_000

    private struct File {
        var start: UInt32
        var length: UInt16
        var directory: Int32

        /// Where the name is in `names`.
        var range: Range<Int> { Int(start)..<Int(start) + Int(length) }
    }

    /// A hash table of names: each bucket's first file, and each file's next in its bucket
    /// (-1 ends a chain).
    private struct Table {
        var buckets: [Int32]
        var next: [Int32]
    }

    /// `excluding`: directories never listed (a generator's build output, which copies the
    /// site's files). `expected`: about how many files and bytes of names the roots hold,
    /// when known (from a `CachedListing`'s record), so the buffers are made once.
    init(roots: [String], excluding: [String] = [], fileSystem: any FileSystem, expected: (files: Int, nameBytes: Int)? = nil) {
        self.roots = roots
        rootPrefixes = roots.map { Array(($0 == "/" ? "/" : $0 + "/").utf8) }
        var directories: [String] = []
        var firstFiles: [Int32] = []
        var numbers: [String: Int32] = [:]
        var names = Growing<UInt8>(capacity: expected?.nameBytes ?? 1 << 16)
        var files = Growing<File>(capacity: expected?.files ?? 1 << 12)
        var visited = Self.visitedFirst(roots: roots, excluding: excluding, fileSystem: fileSystem)
        for root in roots {
            DirectoryWalk.walkFileNames(root, in: fileSystem, visited: &visited, stop: { files.count > Self.limit }) { dir in
                numbers[dir] = Int32(directories.count)
                directories.append(dir)
                firstFiles.append(Int32(files.count))
            } file: { name in
                files.append(File(start: UInt32(names.count), length: UInt16(name.count), directory: Int32(directories.count &- 1)))
                names.append(contentsOf: name)
            }
        }
        isComplete = files.count <= Self.limit
        if !isComplete { (directories, firstFiles, numbers, names.count, files.count) = ([], [], [:], 0, 0) }
        self.directories = directories
        self.firstFiles = firstFiles
        directoryNumbers = numbers
        fileCount = files.count
        // Held for the whole run: without the slack of the appends.
        self.names = names.finish()
        self.files = files.finish()
    }

    /// The directories a walk of the roots takes as already walked: those excluded.
    static func visitedFirst(roots: [String], excluding: [String], fileSystem: any FileSystem) -> Set<FileID> {
        var visited = Set<FileID>()
        for dir in excluding where !roots.contains(dir) {
            if let id = fileSystem.status(dir)?.id { visited.insert(id) }
        }
        return visited
    }

    /// What the walk appends to: a buffer grown by doubling, handed over as it is at the
    /// end, or copied without its slack where that is more than a sixteenth (no copy of a
    /// listing sized by the record: at 80,000 posts a copy of the names and files beside
    /// the record would be 9 MB more at the run's peak). (An `Array`'s
    /// `append(contentsOf:)` of a name cost about 70 instructions, with its checks of
    /// uniqueness and capacity: a sixth of a listing from the record.)
    private struct Growing<T: BitwiseCopyable> {
        private var base: UnsafeMutablePointer<T>
        private var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        private mutating func grow(to needed: Int) {
            let bigger = max(needed, capacity * 2)
            let moved = UnsafeMutablePointer<T>.allocate(capacity: bigger)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = bigger
        }

        @inline(__always)
        mutating func append(_ value: T) {
            if count == capacity { grow(to: count + 1) }
            (base + count).initialize(to: value)
            count &+= 1
        }

        @inline(__always)
        mutating func append(contentsOf values: UnsafeBufferPointer<T>) {
            guard let from = values.baseAddress else { return }
            if capacity &- count < values.count { grow(to: count + values.count) }
            (base + count).initialize(from: from, count: values.count)
            count &+= values.count
        }

        /// The storage of what was appended (this buffer is not used again).
        func finish() -> Storage<T> {
            if capacity - count <= count / 16 { return Storage(base, count: count) }
            let exact = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
            exact.initialize(from: base, count: count)
            base.deallocate()
            return Storage(exact, count: count)
        }
    }

    /// Memory of its own, read-only once made, freed with the index.
    private final class Storage<T: BitwiseCopyable>: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<T>

        init(_ base: UnsafeMutablePointer<T>, count: Int) { buffer = UnsafeBufferPointer(start: base, count: count) }
        deinit { buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() } }

        var count: Int { buffer.count }
        var indices: Range<Int> { 0..<buffer.count }
        subscript(i: Int) -> T { buffer[i] }
        subscript(range: Range<Int>) -> Slice<UnsafeBufferPointer<T>> { buffer[range] }
        func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R { try body(buffer) }
    }

    private func makeTable() -> Table {
        var table = Table(buckets: [Int32](repeating: -1, count: Self.bucketCount(for: files.count)),
                          next: [Int32](repeating: -1, count: files.count))
        let mask = table.buckets.count - 1
        names.withUnsafeBufferPointer { bytes in
            for i in files.indices {
                let b = Self.hash(UnsafeBufferPointer(rebasing: bytes[files[i].range])) & mask
                table.next[i] = table.buckets[b]
                table.buckets[b] = Int32(i)
            }
        }
        return table
    }

    /// A power of two at least the count (chains of about one file).
    private static func bucketCount(for count: Int) -> Int {
        var n = 16
        while n < count { n <<= 1 }
        return n
    }

    /// The standard library's hash of a name's bytes (seeded per process, which is all a
    /// table held for one run needs).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// The hash table, once the lookups before have scanned enough names to pay for it
    /// (nil until then: the caller scans, `scanning` names, and counts them).
    private func tableIfWorthIt(scanning: Int) -> Table? {
        if scanned.load(ordering: .relaxed) < Self.scannedLookups * max(files.count, 1) {
            scanned.add(scanning, ordering: .relaxed)
            return nil
        }
        return table.withLock { table in
            if table == nil { table = makeTable() }
            return table
        }
    }

    /// Each file whose name is `name` among `candidates` (all of them when they are every
    /// file), by its directory's number, until `body` says stop.
    private func forEachFile(named name: String, among candidates: Range<Int>, _ body: (Int32) -> Bool) {
        var name = name
        let table = tableIfWorthIt(scanning: candidates.count)
        name.withUTF8 { key in
            names.withUnsafeBufferPointer { bytes in
                guard let table else {
                    for f in files[candidates] where Int(f.length) == key.count && bytes[f.range].elementsEqual(key) {
                        if !body(f.directory) { return }
                    }
                    return
                }
                var i = table.buckets[Self.hash(key) & (table.buckets.count - 1)]
                while i >= 0 {
                    let f = files[Int(i)]
                    if Int(f.length) == key.count, bytes[f.range].elementsEqual(key), !body(f.directory) { return }
                    i = table.next[Int(i)]
                }
            }
        }
    }

    /// Whether the hash table has been made (for tests of when it is).
    var hasTable: Bool { table.withLock { $0 != nil } }

    func contains(_ absolutePath: String) -> Bool {
        guard let dir = directoryNumbers[Path.directory(of: absolutePath)] else { return false }
        let next = Int(dir) + 1
        let own = Int(firstFiles[Int(dir)])..<(next < firstFiles.count ? Int(firstFiles[next]) : files.count)
        var found = false
        forEachFile(named: Path.lastComponent(absolutePath), among: own) { holder in
            found = holder == dir
            return !found
        }
        return found
    }

    /// How many files have a name that `accepts` takes (one `String` per file: for
    /// `galley site`, not for the rules).
    func count(where accepts: (String) -> Bool) -> Int {
        names.withUnsafeBufferPointer { bytes in
            files.buffer.reduce(0) { sum, f in
                guard let text = String(validating: bytes[f.range], as: UTF8.self) else { return sum }
                return sum + (accepts(text) ? 1 : 0)
            }
        }
    }

    /// The files with this name, anywhere under the roots, sorted.
    func files(named name: String) -> [String] {
        var found: [String] = []
        forEachFile(named: name, among: files.indices) { holder in
            found.append(Path.join(directories[Int(holder)], name))
            return true
        }
        return found.sorted()
    }

    /// Whether `path` lies under one of the roots, outside the directories the walk
    /// skips (`DirectoryWalk.isSkipped`), so that the index speaks for it.
    func covers(_ absolutePath: String) -> Bool {
        guard isComplete else { return false }
        var path = absolutePath
        return path.withUTF8 { b in
            for prefix in rootPrefixes where b.count >= prefix.count && prefix.elementsEqual(b.prefix(prefix.count)) {
                // The directories below the root (by bytes), none of them one the walk
                // skips: each part before the last `/` (empty ones are no directory).
                var start = prefix.count
                for i in start..<b.count where b[i] == 0x2F {
                    if i > start && (b[start] == 0x2E || Self.isNodeModules(b, start..<i)) { return false }
                    start = i + 1
                }
                return true
            }
            return false
        }
    }

    private static let nodeModules = Array("node_modules".utf8)

    private static func isNodeModules(_ b: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Bool {
        part.count == nodeModules.count && nodeModules.elementsEqual(b[part])
    }
}
