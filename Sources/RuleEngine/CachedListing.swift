import Synchronization

/// A site's listing kept between runs, so that a run on one post (a pre-commit hook)
/// does not read every directory of a site of 75,000 files to learn which names exist.
/// It is a file system over another whose `forEachEntry` answers a directory from its
/// record of the last run when the directory's stamp (`DirectoryStamp`: identity,
/// modification and status-change times) is the one recorded; otherwise it lists the
/// directory and records it again. Adding, removing or renaming an entry changes the
/// directory's stamp; a file's content never matters to a listing.
///
/// Never recorded: a directory whose stamp has not settled (changed within seconds of
/// being stamped, where a coarse clock could hide a second change), one that holds a
/// link (its target can change without the directory changing), one that could not be
/// read. The walk is still `DirectoryWalk`'s, with its skips and its visited set.
///
/// `write` hands over the record of every directory listed through it in this run, for
/// the next run; bytes that do not decode (another version, a torn write) are ignored, and
/// every directory is listed.
public final class CachedListing: FileSystem {
    let base: any FileSystem
    private let state: Mutex<State>

    /// What a run took from the record and what it listed.
    public struct Counts: Sendable, Equatable {
        /// Directories answered from the record.
        public var reused = 0
        /// Directories listed (not recorded, changed since, or unsettled).
        public var listed = 0
    }

    /// About how many entries, and bytes of their names, a listing answered from the
    /// record will hold (each entry's bytes beyond its name taken as the fewest).
    public let recordedSize: (entries: Int, nameBytes: Int)

    private typealias Stamped = (stamp: DirectoryStamp, isSettled: Bool)

    /// A directory's record for the next run: carried over from the record read (its bytes
    /// there), or made in this run (its place in `State.fresh`).
    private enum Piece {
        case carried(Range<Int>)
        case fresh(Int)
    }

    private struct State {
        /// The record read (kept while its directories may be carried over).
        var old: RecordBytes?
        /// Each recorded directory, in the record's order: the order a walk of the same
        /// site meets them in (they are written in the order they were walked).
        var recorded: [Record]
        /// Where a walk is in `recorded`: the directory it should ask for next.
        var cursor = 0
        /// The recorded directories by path, made when a walk first asks for one out of
        /// the record's order (the site changed since it was recorded).
        var byPath: [String: Int]?
        /// Each recorded directory's stamp as first taken in this run (a run takes the site
        /// as it found it, and a second walk stats nothing again), and its place in `pieces`
        /// once it is recorded for the next run; the same for directories not recorded before.
        var stamps: [Stamped??]
        var piece: [Int?]
        var otherStamps: [String: Stamped?] = [:]
        var othersWritten: Set<String> = []
        /// The record for the next run, in the order directories were walked: records
        /// carried over from `old` and records made in this run. (Put together only when
        /// they are written.)
        /// (Nil: a directory carried over by a search, which read only part of it, whose
        /// listing in a later walk found it could not be recorded.)
        var pieces: [Piece?] = []
        /// Each directory recorded in this run, in a buffer of its own. (One buffer for
        /// them all, grown by doubling, held up to twice the record at once: a first run
        /// over 80,000 posts peaked at 73.8 MB instead of 64.0.)
        var fresh: [[UInt8]] = []
        /// Whether `pieces` differ from the record read other than by directories carried
        /// over (a directory recorded afresh or dropped, or met out of the record's order),
        /// and how often they changed: when last written out, and now.
        var changed = false
        var revision = 0
        var revisionWritten = -1
        var counts = Counts()
        /// `takeStamps` stops (the record is let go).
        var stampsStopped = false

        init(old: RecordBytes?, recorded: [Record]) {
            self.old = old
            self.recorded = recorded
            stamps = Array(repeating: nil, count: recorded.count)
            piece = Array(repeating: nil, count: recorded.count)
        }

        /// The directory's place in `recorded`; `advancing`, the walk moves past it.
        mutating func position(of directory: String, advancing: Bool) -> Int? {
            if cursor < recorded.count, let old, Self.path(of: recorded[cursor], in: old.buffer, is: directory) {
                defer { if advancing { cursor += 1 } }
                return cursor
            }
            if byPath == nil, let old {
                var made: [String: Int] = [:]
                made.reserveCapacity(recorded.count)
                for (i, record) in recorded.enumerated() {
                    if let path = String(validating: UnsafeBufferPointer(rebasing: old.buffer[record.path]), as: UTF8.self) { made[path] = i }
                }
                byPath = made
            }
            guard let found = byPath?[directory] else { return nil }
            if advancing {
                cursor = found + 1
                // (Written again, in this run's order: the next run meets them in order.)
                changed = true
            }
            return found
        }

        private static func path(of record: Record, in buffer: UnsafeBufferPointer<UInt8>, is directory: String) -> Bool {
            var directory = directory
            return directory.withUTF8 { wanted in
                wanted.count == record.path.count
                    && CachedListing.sameBytes(wanted.baseAddress, buffer.baseAddress! + record.path.lowerBound, count: wanted.count)
            }
        }

        /// The directory's stamp, taken once in this run.
        mutating func stamp(of directory: String, at position: Int?, base: any FileSystem) -> Stamped? {
            if let position {
                if let known = stamps[position] { return known }
                let taken = base.stamp(ofDirectory: directory)
                stamps[position] = .some(taken)
                return taken
            }
            if let known = otherStamps[directory] { return known }
            let taken = base.stamp(ofDirectory: directory)
            otherStamps[directory] = .some(taken)
            return taken
        }

        /// The recorded directory at `position` carried over, unless it already is.
        mutating func carry(_ record: Record, at position: Int) {
            guard piece[position] == nil else { return }
            piece[position] = pieces.count
            pieces.append(.carried(record.whole))
            revision += 1
        }

        /// The directory's record made in this run (nil: it cannot be recorded). It takes the
        /// place of a record carried over before in this run: a search that read only a
        /// directory's subdirectories carries it, and a later walk that reads all of it,
        /// finds it damaged and lists it, records what it listed.
        mutating func record(_ directory: String, at position: Int?, _ made: [UInt8]?) {
            if let position, let at = piece[position] {
                guard case .carried = pieces[at] else { return }
                pieces[at] = made.map { _ in .fresh(fresh.count) }
            } else if position != nil || othersWritten.insert(directory).inserted, made != nil {
                if let position { piece[position] = pieces.count }
                pieces.append(.fresh(fresh.count))
            } else {
                return
            }
            if let made { fresh.append(made) }
            changed = true
            revision += 1
        }
    }

    private struct Record {
        /// The directory's path, in `old`.
        var path: Range<Int>
        var stamp: DirectoryStamp
        /// The whole record (path, stamp, counts, filter, entries) in `old`, and its entries:
        /// the directories first, the others from `othersStart`.
        var whole: Range<Int>
        var entries: Range<Int>
        var count: Int
        var directories: Int
        var othersStart: Int
        var files: Int
        /// The filter of the other entries' names (`NameFilter`), in `old`.
        var filter: Range<Int>
    }

    static let magic = Array("galley site listing 2\n".utf8)
    /// An entry's flag byte, name length and inode, with an empty name.
    private static let smallestEntry = 1 + 2 + 8
    /// A directory's path length, stamp, six counts and a filter of one word, with an empty path.
    private static let smallestRecord = 4 + 6 * 8 + 6 * 4 + 8
    static let footer = Array("\nend".utf8)

    public init(base: any FileSystem, recorded: RecordBytes?) {
        self.base = base
        let records = recorded.flatMap { Self.records(in: $0.buffer) } ?? []
        let (entries, bytes) = records.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.entries.count) }
        recordedSize = (entries, max(0, bytes - Self.smallestEntry * entries))
        state = Mutex(State(old: records.isEmpty ? nil : recorded, recorded: records))
    }

    public var workingDirectory: String { base.workingDirectory }
    public func status(_ path: String) -> FileStatus? { base.status(path) }
    public func entries(of directory: String) throws(FileSystemError) -> [DirectoryEntry] { try base.entries(of: directory) }
    public func read(_ path: String) throws(FileSystemError) -> [UInt8] { try base.read(path) }

    public func forEachEntry(of directory: String,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) {
        try forEachEntryNotingLinks(of: directory) { name, kind, id, _ in body(name, kind, id) }
    }

    public func forEachEntryNotingLinks(of directory: String,
                                        _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError) {
        _ = try entries(of: directory, directoriesAnd: nil, body)
    }

    /// A directory answered from the record hands over its subdirectories, and reads its
    /// other entries only when its name filter may hold the name; one listed is recorded
    /// whole.
    public func forEachEntry(of directory: String, directoriesAnd name: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) -> Int {
        try entries(of: directory, directoriesAnd: name) { entry, kind, id, _ in body(entry, kind, id) }
    }

    /// Every entry, or (`directoriesAnd` given) the directories and the entries of that
    /// name; the number of files the directory holds.
    private func entries(of directory: String, directoriesAnd wanted: UnsafeBufferPointer<UInt8>?,
                         _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError) -> Int {
        let outcome = state.withLock { state -> Result<Int, FileSystemError> in
            let position = state.position(of: directory, advancing: true)
            let stamped = state.stamp(of: directory, at: position, base: base)
            // (Only a settled stamp is replayed or recorded.)
            let stamp = stamped?.isSettled == true ? stamped?.stamp : nil
            if let stamp, let position, case let record = state.recorded[position], record.stamp == stamp, let old = state.old,
               let files = Self.replay(record, of: old.buffer, stamp: stamp, directoriesAnd: wanted, body) {
                state.counts.reused += 1
                state.carry(record, at: position)
                return .success(files)
            }
            state.counts.listed += 1
            var entries = Entries()
            var files = 0
            var recordable = stamp != nil
            do throws(FileSystemError) {
                try base.forEachEntryNotingLinks(of: directory) { name, kind, id, isLink in
                    if kind == .file { files &+= 1 }
                    if wanted.map({ Self.keeps(name, kind, searching: $0) }) ?? true { body(name, kind, id, isLink) }
                    recordable = recordable && !isLink && name.count <= Int(UInt16.max)
                    if recordable, let stamp { entries.add(name, kind, id, directoryDevice: stamp.id.device) }
                }
            } catch {
                return .failure(error)
            }
            state.record(directory, at: position, recordable ? stamp.map { Self.encoded(directory, $0, entries: entries) } : nil)
            return .success(files)
        }
        return try outcome.get()
    }

    /// A walk starts: it meets the recorded directories from the first again.
    public func rewind() {
        state.withLock { $0.cursor = 0 }
    }

    /// What the walks since the last call took from the record and what they listed.
    public func takeCounts() -> Counts {
        state.withLock { state in
            defer { state.counts = Counts() }
            return state.counts
        }
    }

    /// The directory's stamp, taken once in this run.
    public func stamp(ofDirectory directory: String) -> (stamp: DirectoryStamp, isSettled: Bool)? {
        state.withLock { state in
            state.stamp(of: directory, at: state.position(of: directory, advancing: false), base: base)
        }
    }

    /// Takes the stamp of each recorded directory that no walk has asked for yet, from the
    /// last to the first: meant for another thread, started before a run of few posts
    /// reads its first one, so that a search (whose walk asks from the first) finds the
    /// stamps taken, or the two meet halfway. A `stat` of each of a site's directories was
    /// most of a one-post search. Each stamp is taken outside the lock and kept only when
    /// the walk has not taken that directory's meanwhile: a run takes each stamp once, and
    /// a walk never waits for this one. Stops where the walk has been (it took those) and
    /// once `stopTakingStamps` is called.
    public func takeStamps() {
        guard let old = state.withLock({ $0.old }) else { return }
        var k = state.withLock { $0.recorded.count }
        while k > 0 {
            k -= 1
            enum Next { case stop, skip, take(String) }
            let next = state.withLock { state -> Next in
                if state.stampsStopped || k < state.cursor { return .stop }
                guard state.stamps[k] == nil else { return .skip }
                // (`decoding`, not the generic `validating`: 1,087 instructions a path. A path
                // that is not UTF-8, from a damaged record, is repaired into one no walk asks
                // for, so its stamp goes unused.)
                return .take(String(decoding: UnsafeBufferPointer(rebasing: old.buffer[state.recorded[k].path]), as: UTF8.self))
            }
            guard case let .take(path) = next else {
                if case .stop = next { return }
                continue
            }
            let taken = base.stamp(ofDirectory: path)
            state.withLock { state in
                if state.stamps[k] == nil { state.stamps[k] = .some(taken) }
            }
        }
    }

    /// Ends `takeStamps` at its next directory: the record is let go.
    public func stopTakingStamps() {
        state.withLock { $0.stampsStopped = true }
    }

    /// Whether a record of the last run was read (and decoded): what `takeStamps` has to take.
    public var holdsRecord: Bool { state.withLock { $0.old != nil } }

    /// Whether the record for the next run differs from the one read (a directory
    /// recorded afresh, one recorded before and not now, or the directories met in another
    /// order) and from the one last written out: a second walk of the same directories in
    /// a run does not write it again.
    public var needsSaving: Bool {
        state.withLock { state in
            (state.changed || state.pieces.count != state.recorded.count) && state.revision != state.revisionWritten
        }
    }

    /// Hands the record of every directory listed through this file system in this run to
    /// `write`, piece by piece in order (no copy of it is made); false when `write` failed.
    public func write(_ write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        state.withLock { state in
            var tail = Self.footer
            Self.put(UInt32(state.pieces.count(where: { $0 != nil })), into: &tail)
            guard Self.magic.withUnsafeBytes(write) else { return false }
            let old = state.old.map { UnsafeRawBufferPointer($0.buffer) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
            let pieces = state.pieces.allSatisfy { piece in
                switch piece {
                case .carried(let range): write(UnsafeRawBufferPointer(rebasing: old[range]))
                case .fresh(let index): state.fresh[index].withUnsafeBytes(write)
                case nil: true
                }
            }
            guard pieces && tail.withUnsafeBytes(write) else { return false }
            state.revisionWritten = state.revision
            return true
        }
    }

    // MARK: The record's bytes
    //
    // The magic line, then each directory: its path (u32 length, bytes), its stamp (device,
    // inode, modified seconds and nanoseconds, changed seconds and nanoseconds: six 64-bit
    // words); its entry count and the byte length of its entries, the count and byte length
    // of the directories among them, its number of files and the filter's length in 64-bit
    // words (u32 each); the filter of the other entries' names (`NameFilter`); the entries,
    // directories first. Then "\nend" and the number of directories (u32). An entry: a flag
    // byte (bits 0-1 its kind: none, file, directory; bit 2: its own device follows), its
    // name (u16 length, bytes), its device when its own, its inode. Integers little-endian.
    //
    // A search (`directoriesAnd`) reads a directory's directories, and its other entries
    // only when the filter may hold the name: a search of a site of 75,000 files read every
    // entry's length to pass over it (4.4 M of a one-post run's 15.8 M instructions).

    /// A directory's entries as they are recorded: its directories, then the others (whose
    /// names a search looks for through their filter).
    private struct Entries {
        var directories: [UInt8] = [], others: [UInt8] = []
        var directoryCount = 0, otherCount = 0, files = 0
        var otherNames: [UInt64] = []

        mutating func add(_ name: UnsafeBufferPointer<UInt8>, _ kind: FileKind?, _ id: FileID, directoryDevice: UInt64) {
            if kind == .directory {
                CachedListing.encode(name, kind, id, directoryDevice: directoryDevice, into: &directories)
                directoryCount += 1
            } else {
                CachedListing.encode(name, kind, id, directoryDevice: directoryDevice, into: &others)
                otherCount += 1
                if kind == .file { files += 1 }
                otherNames.append(NameFilter.hash(name))
            }
        }
    }

    private static func encode(_ name: UnsafeBufferPointer<UInt8>, _ kind: FileKind?, _ id: FileID,
                               directoryDevice: UInt64, into out: inout [UInt8]) {
        let ownDevice = id.device != directoryDevice
        let kindBits: UInt8 = switch kind { case nil: 0; case .file: 1; case .directory: 2 }
        out.append(kindBits | (ownDevice ? 4 : 0))
        put(UInt16(name.count), into: &out)
        out.append(contentsOf: name)
        if ownDevice { put(id.device, into: &out) }
        put(id.inode, into: &out)
    }

    private static func encoded(_ directory: String, _ stamp: DirectoryStamp, entries: Entries) -> [UInt8] {
        var out: [UInt8] = []
        put(UInt32(directory.utf8.count), into: &out)
        out.append(contentsOf: directory.utf8)
        for word in [stamp.id.device, stamp.id.inode,
                     UInt64(bitPattern: stamp.modified.seconds), UInt64(bitPattern: stamp.modified.nanoseconds),
                     UInt64(bitPattern: stamp.changed.seconds), UInt64(bitPattern: stamp.changed.nanoseconds)] {
            put(word, into: &out)
        }
        let filter = NameFilter.words(of: entries.otherNames)
        for n in [entries.directoryCount + entries.otherCount, entries.directories.count + entries.others.count,
                  entries.directoryCount, entries.directories.count, entries.files, filter.count] {
            put(UInt32(n), into: &out)
        }
        for word in filter { put(word, into: &out) }
        out += entries.directories
        out += entries.others
        return out
    }

    private static func put<T: FixedWidthInteger>(_ value: T, into out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Reads integers from a byte range, failing (nil) past its end.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at: Int
        let end: Int

        mutating func take(_ n: Int) -> Range<Int>? {
            // (`at` never passes `end`: the sums cannot overflow.)
            guard n >= 0, end &- at >= n else { return nil }
            defer { at &+= n }
            return Range(uncheckedBounds: (at, at &+ n))
        }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard let r = take(MemoryLayout<T>.size) else { return nil }
            return T(littleEndian: UnsafeRawPointer(bytes.baseAddress! + r.lowerBound).loadUnaligned(as: T.self))
        }
    }

    /// Every directory's record, in order, or nil when the bytes are not a whole record of
    /// this version. (Paths are taken as bytes: `State.position` compares them, and makes
    /// `String`s of them only when a walk leaves the record's order.)
    private static func records(in buffer: UnsafeBufferPointer<UInt8>) -> [Record]? {
        guard buffer.count >= magic.count + footer.count + 4, buffer.starts(with: magic),
              buffer[(buffer.count - 4 - footer.count)..<(buffer.count - 4)].elementsEqual(footer) else { return nil }
        var reader = Reader(bytes: buffer, at: magic.count, end: buffer.count - 4 - footer.count)
        var records: [Record] = []
        var tail = Reader(bytes: buffer, at: buffer.count - 4, end: buffer.count)
        guard let directories = tail.integer(UInt32.self) else { return nil }
        // (At most one per smallest record: a count past that is damage, not a reservation.)
        records.reserveCapacity(min(Int(directories), buffer.count / smallestRecord))
        while reader.at < reader.end {
            let start = reader.at
            guard let pathLength = reader.integer(UInt32.self), let path = reader.take(Int(pathLength)),
                  let device = reader.integer(UInt64.self), let inode = reader.integer(UInt64.self),
                  let ms = reader.integer(UInt64.self), let mn = reader.integer(UInt64.self),
                  let cs = reader.integer(UInt64.self), let cn = reader.integer(UInt64.self),
                  let count = reader.integer(UInt32.self).map(Int.init), let length = reader.integer(UInt32.self),
                  let subdirectories = reader.integer(UInt32.self).map(Int.init),
                  let subdirectoryBytes = reader.integer(UInt32.self).map(Int.init),
                  let files = reader.integer(UInt32.self).map(Int.init),
                  let words = reader.integer(UInt32.self).map(Int.init), words > 0,
                  let filter = reader.take(words &* 8), let entries = reader.take(Int(length)),
                  // (Each entry takes at least `smallestEntry` bytes: a count past that is damage.)
                  count <= entries.count / smallestEntry, subdirectories <= count, files <= count - subdirectories,
                  subdirectoryBytes <= entries.count else { return nil }
            let stamp = DirectoryStamp(id: FileID(device: device, inode: inode),
                                       modified: .init(seconds: Int64(bitPattern: ms), nanoseconds: Int64(bitPattern: mn)),
                                       changed: .init(seconds: Int64(bitPattern: cs), nanoseconds: Int64(bitPattern: cn)))
            records.append(Record(path: path, stamp: stamp, whole: start..<reader.at, entries: entries, count: count,
                                  directories: subdirectories, othersStart: entries.lowerBound + subdirectoryBytes,
                                  files: files, filter: filter))
        }
        return Int(directories) == records.count ? records : nil
    }

    /// Whether `count` bytes at `a` and at `b` are the same (eight at a time: `elementsEqual`
    /// of two buffers takes them one by one through their iterators).
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count > 0, let a else { return count == 0 }
        var i = 0
        while i &+ 8 <= count {
            guard UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) else { return false }
            i &+= 8
        }
        while i < count {
            guard a[i] == b[i] else { return false }
            i &+= 1
        }
        return true
    }

    /// What `readdir` can give: not empty, not "." or "..", no "/" and no NUL. Asked of
    /// the names of directories, which the walk enters (a record naming others could take
    /// it out of the site); a damaged file name is only a wrong name, as any damaged byte.
    @inline(__always)
    private static func isEntryName(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        let n = name.count
        guard n > 0, let base = bytes.baseAddress else { return false }
        let p = base + name.lowerBound
        if n <= 2, p[0] == 0x2E, n == 1 || p[1] == 0x2E { return false }
        var i = 0
        while i < n {
            if p[i] == 0x2F || p[i] == 0 { return false }
            i += 1
        }
        return true
    }

    /// Hands over a record's entries (or, `directoriesAnd` given, its directories and the
    /// entries of that name), after checking that those it reads all decode (so that a
    /// damaged record is listed instead, before any of it is handed over): the number of
    /// files, or nil when the record does not decode. A search reads the entries that are
    /// not directories only when the filter may hold the name.
    private static func replay(_ record: Record, of buffer: UnsafeBufferPointer<UInt8>, stamp: DirectoryStamp,
                               directoriesAnd wanted: UnsafeBufferPointer<UInt8>?,
                               _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, Bool) -> Void) -> Int? {
        // (`records(in:)` made every range inside the buffer.)
        guard let base = buffer.baseAddress else { return nil }
        func word<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
            T(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: T.self))
        }
        // The entries from `at` to `end` decode, `count` of them, directories or not as
        // their part of the record says; for a search, those to hand over kept.
        var kept: [Int] = []
        var files = 0
        func decode(_ count: Int, from at: Int, to end: Int, directories: Bool) -> Bool {
            var at = at
            for _ in 0..<count {
                guard end &- at >= 3 else { return false }
                let flags = base[at], kindBits = flags & 3
                guard kindBits != 3, flags < 8, (kindBits == 2) == directories else { return false }
                let length = Int(word(at &+ 1, UInt16.self))
                let next = at &+ 3 &+ length &+ (flags & 4 != 0 ? 16 : 8)
                guard next <= end, !directories || Self.isEntryName(buffer, (at &+ 3)..<(at &+ 3 &+ length)) else { return false }
                if kindBits == 1 { files &+= 1 }
                if let wanted, directories || (length == wanted.count && Self.sameBytes(wanted.baseAddress, base + (at &+ 3), count: length)) {
                    kept.append(at)
                }
                at = next
            }
            return at == end
        }
        let otherCount = record.count - record.directories
        guard decode(record.directories, from: record.entries.lowerBound, to: record.othersStart, directories: true) else { return nil }
        if wanted.map({ NameFilter.mayHold($0, filter: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[record.filter]))) }) ?? true {
            guard decode(otherCount, from: record.othersStart, to: record.entries.upperBound, directories: false),
                  files == record.files else { return nil }
        }
        func handOver(_ at: Int) -> Int {
            let flags = base[at]
            let length = Int(word(at &+ 1, UInt16.self))
            let name = UnsafeBufferPointer(start: base + (at &+ 3), count: length)
            var at = at &+ 3 &+ length
            var device = stamp.id.device
            if flags & 4 != 0 {
                device = word(at, UInt64.self)
                at &+= 8
            }
            let inode = word(at, UInt64.self)
            let kind: FileKind? = switch flags & 3 { case 1: .file; case 2: .directory; default: nil }
            body(name, kind, FileID(device: device, inode: inode), false)
            return at &+ 8
        }
        if wanted == nil {
            var at = record.entries.lowerBound
            for _ in 0..<record.count { at = handOver(at) }
        } else {
            for entry in kept { _ = handOver(entry) }
        }
        return record.files
    }
}

/// A Bloom filter of a directory's names that are not directories, kept in its record: a
/// search for a name passes over the directory's entries when the filter does not hold
/// it. About ten bits a name and three probes: one directory in about sixty that lacks
/// the name is read anyway. The hash and the probes are part of the record's format: a
/// change to either needs a new magic line (a record made with another would hide names).
enum NameFilter {
    /// The filter's length, in 64-bit words, for `names` names.
    static func words(for names: Int) -> Int { max(1, (names &* 10 &+ 63) / 64) }

    /// The filter of names by their `hash`.
    static func words(of names: [UInt64]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: words(for: names.count))
        for name in names { probe(name, bits: words.count &* 64) { words[$0 >> 6] |= 1 << UInt64($0 & 63) } }
        return words
    }

    /// Whether the filter as recorded (little-endian words, at least one) may hold the name.
    static func mayHold(_ name: UnsafeBufferPointer<UInt8>, filter: UnsafeRawBufferPointer) -> Bool {
        var all = true
        probe(hash(name), bits: (filter.count / 8) &* 64) { bit in
            let word = UInt64(littleEndian: filter.loadUnaligned(fromByteOffset: (bit >> 6) &* 8, as: UInt64.self))
            all = all && word & (1 << UInt64(bit & 63)) != 0
        }
        return all
    }

    /// FNV-1a over the name's bytes, mixed (the finalizer of MurmurHash3) so that every bit
    /// of the result depends on every byte.
    static func hash(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FNV1a.hash(name)
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    /// The three bits a name's hash sets (double hashing).
    @inline(__always)
    private static func probe(_ hash: UInt64, bits: Int, _ body: (Int) -> Void) {
        let step = (hash >> 32) | 1
        for i in 0..<UInt64(3) { body(Int((hash &+ i &* step) % UInt64(bits))) }
    }
}

/// Where a site's listing (`CachedListing`) is kept between runs, by the site's root:
/// read before the first listing of a run, written after it when it changed. Writing
/// may fail quietly: the record only saves time.
public protocol ListingStore: Sendable {
    func load(root: String) -> RecordBytes?
    /// Writes the record `listing` holds (`CachedListing.write`).
    func save(_ listing: CachedListing, root: String)
}
