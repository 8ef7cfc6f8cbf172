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

    private struct State {
        /// The record read (kept while its directories may be carried over).
        var old: RecordBytes?
        /// Each recorded directory's stamp and where its entries are in `old`.
        var records: [String: Record]
        /// The records for the next run: those carried over from `old` (their ranges), and
        /// those made in this run, in `fresh`. (Put together only when they are written.)
        var carried: [Range<Int>] = []
        var fresh: [UInt8] = []
        /// Every directory recorded for the next run: carried or fresh.
        var written: Set<String> = []
        /// How many were when the record was last written out (`write`).
        var writtenWhenWritten = -1
        var counts = Counts()
        /// Each directory's stamp as first taken in this run: a run takes the site as it
        /// found it, and a second walk (another name searched for) stats nothing again.
        var stamps: [String: (stamp: DirectoryStamp, isSettled: Bool)?] = [:]
    }

    private struct Record {
        var stamp: DirectoryStamp
        /// The whole record (path, stamp, entries) in `old`, and its entries.
        var whole: Range<Int>
        var entries: Range<Int>
        var count: Int
    }

    static let magic = Array("galley site listing 1\n".utf8)
    /// An entry's flag byte, name length and inode, with an empty name.
    private static let smallestEntry = 1 + 2 + 8
    static let footer = Array("\nend".utf8)

    public init(base: any FileSystem, recorded: RecordBytes?) {
        self.base = base
        let records = recorded.flatMap { Self.records(in: $0.buffer) } ?? [:]
        let (entries, bytes) = records.values.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.entries.count) }
        recordedSize = (entries, max(0, bytes - Self.smallestEntry * entries))
        state = Mutex(State(old: records.isEmpty ? nil : recorded, records: records))
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

    /// A directory answered from the record skips the entries of other names unread (a
    /// length compared, their bytes not handed over); one listed is recorded whole.
    public func forEachEntry(of directory: String, directoriesAnd name: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID) -> Void) throws(FileSystemError) -> Int {
        try entries(of: directory, directoriesAnd: name) { entry, kind, id, _ in body(entry, kind, id) }
    }

    /// Every entry, or (`directoriesAnd` given) the directories and the entries of that
    /// name; the number of files the directory holds.
    private func entries(of directory: String, directoriesAnd wanted: UnsafeBufferPointer<UInt8>?,
                         _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, _ isLink: Bool) -> Void) throws(FileSystemError) -> Int {
        let stamped = stamp(ofDirectory: directory)
        // (Only a settled stamp is replayed or recorded.)
        let stamp = stamped?.isSettled == true ? stamped?.stamp : nil
        let outcome = state.withLock { state -> Result<Int, FileSystemError> in
            if let stamp, let record = state.records[directory], record.stamp == stamp, let old = state.old,
               let files = Self.replay(record, of: old.buffer, stamp: stamp, directoriesAnd: wanted, body) {
                state.counts.reused += 1
                if state.written.insert(directory).inserted { state.carried.append(record.whole) }
                return .success(files)
            }
            state.counts.listed += 1
            var entries: [UInt8] = []
            var count = 0, files = 0
            var recordable = stamp != nil
            do throws(FileSystemError) {
                try base.forEachEntryNotingLinks(of: directory) { name, kind, id, isLink in
                    if kind == .file { files &+= 1 }
                    if wanted.map({ Self.keeps(name, kind, searching: $0) }) ?? true { body(name, kind, id, isLink) }
                    recordable = recordable && !isLink && name.count <= Int(UInt16.max)
                    if recordable, let stamp {
                        Self.encode(name, kind, id, directoryDevice: stamp.id.device, into: &entries)
                        count += 1
                    }
                }
            } catch {
                return .failure(error)
            }
            if recordable, let stamp, state.written.insert(directory).inserted {
                Self.encode(directory, stamp, entries: entries, count: count, into: &state.fresh)
            }
            return .success(files)
        }
        return try outcome.get()
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
        if let known = state.withLock({ $0.stamps[directory] }) { return known }
        let taken = base.stamp(ofDirectory: directory)
        state.withLock { $0.stamps[directory] = .some(taken) }
        return taken
    }

    /// Whether the record for the next run differs from the one read (a directory
    /// recorded afresh, or one recorded before and not now) and from the one last written
    /// out: a second walk of the same directories in a run does not write it again.
    public var needsSaving: Bool {
        state.withLock { state in
            (state.written.count != state.carried.count || state.carried.count != state.records.count)
                && state.written.count != state.writtenWhenWritten
        }
    }

    /// Hands the record of every directory listed through this file system in this run to
    /// `write`, piece by piece in order (no copy of it is made); false when `write` failed.
    public func write(_ write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        state.withLock { state in
            var tail = Self.footer
            Self.put(UInt32(state.written.count), into: &tail)
            guard Self.magic.withUnsafeBytes(write) else { return false }
            let old = state.old.map { UnsafeRawBufferPointer($0.buffer) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
            let carried = state.carried.allSatisfy { write(UnsafeRawBufferPointer(rebasing: old[$0])) }
            guard carried && state.fresh.withUnsafeBytes(write) && tail.withUnsafeBytes(write) else { return false }
            state.writtenWhenWritten = state.written.count
            return true
        }
    }

    // MARK: The record's bytes
    //
    // The magic line, then each directory: its path (u32 length, bytes), its stamp (device,
    // inode, modified seconds and nanoseconds, changed seconds and nanoseconds: six 64-bit
    // words), its entry count and the byte length of its entries (u32 each), the entries;
    // then "\nend" and the number of directories (u32). An entry: a flag byte (bits 0-1
    // its kind: none, file, directory; bit 2: its own device follows), its name (u16
    // length, bytes), its device when its own, its inode. Integers little-endian.

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

    private static func encode(_ directory: String, _ stamp: DirectoryStamp, entries: [UInt8], count: Int, into out: inout [UInt8]) {
        put(UInt32(directory.utf8.count), into: &out)
        out.append(contentsOf: directory.utf8)
        for word in [stamp.id.device, stamp.id.inode,
                     UInt64(bitPattern: stamp.modified.seconds), UInt64(bitPattern: stamp.modified.nanoseconds),
                     UInt64(bitPattern: stamp.changed.seconds), UInt64(bitPattern: stamp.changed.nanoseconds)] {
            put(word, into: &out)
        }
        put(UInt32(count), into: &out)
        put(UInt32(entries.count), into: &out)
        out += entries
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

    /// Every directory's record, or nil when the bytes are not a whole record of this version.
    private static func records(in buffer: UnsafeBufferPointer<UInt8>) -> [String: Record]? {
        guard buffer.count >= magic.count + footer.count + 4, buffer.starts(with: magic),
              buffer[(buffer.count - 4 - footer.count)..<(buffer.count - 4)].elementsEqual(footer) else { return nil }
        var reader = Reader(bytes: buffer, at: magic.count, end: buffer.count - 4 - footer.count)
        var records: [String: Record] = [:]
        while reader.at < reader.end {
            let start = reader.at
            guard let pathLength = reader.integer(UInt32.self), let path = reader.take(Int(pathLength)),
                  let directory = String(validating: buffer[path], as: UTF8.self),
                  let device = reader.integer(UInt64.self), let inode = reader.integer(UInt64.self),
                  let ms = reader.integer(UInt64.self), let mn = reader.integer(UInt64.self),
                  let cs = reader.integer(UInt64.self), let cn = reader.integer(UInt64.self),
                  let count = reader.integer(UInt32.self), let length = reader.integer(UInt32.self),
                  let entries = reader.take(Int(length)),
                  // (Each entry takes at least `smallestEntry` bytes: a count past that is damage.)
                  Int(count) <= entries.count / smallestEntry else { return nil }
            let stamp = DirectoryStamp(id: FileID(device: device, inode: inode),
                                       modified: .init(seconds: Int64(bitPattern: ms), nanoseconds: Int64(bitPattern: mn)),
                                       changed: .init(seconds: Int64(bitPattern: cs), nanoseconds: Int64(bitPattern: cn)))
            records[directory] = Record(stamp: stamp, whole: start..<reader.at, entries: entries, count: Int(count))
        }
        var tail = Reader(bytes: buffer, at: buffer.count - 4, end: buffer.count)
        return tail.integer(UInt32.self) == UInt32(records.count) ? records : nil
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
    /// entries of that name), after checking that they all decode (so that a damaged
    /// record is listed instead, before any of it is handed over): the number of files, or
    /// nil when the record does not decode.
    private static func replay(_ record: Record, of buffer: UnsafeBufferPointer<UInt8>, stamp: DirectoryStamp,
                               directoriesAnd wanted: UnsafeBufferPointer<UInt8>?,
                               _ body: (UnsafeBufferPointer<UInt8>, FileKind?, FileID, Bool) -> Void) -> Int? {
        // (`records(in:)` made every entries range inside the buffer, never empty.)
        guard let base = buffer.baseAddress else { return nil }
        func word<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
            T(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: T.self))
        }
        // Every entry decodes (a flag byte, a name, an identity, all inside the range),
        // the files counted and, for a search, the entries to hand over kept.
        let end = record.entries.upperBound
        var at = record.entries.lowerBound
        var files = 0
        var kept: [Int] = []
        for _ in 0..<record.count {
            guard end &- at >= 3 else { return nil }
            let flags = base[at], kindBits = flags & 3
            guard kindBits != 3, flags < 8 else { return nil }
            let length = Int(word(at &+ 1, UInt16.self))
            let next = at &+ 3 &+ length &+ (flags & 4 != 0 ? 16 : 8)
            guard next <= end, kindBits != 2 || Self.isEntryName(buffer, (at &+ 3)..<(at &+ 3 &+ length)) else { return nil }
            if kindBits == 1 { files &+= 1 }
            if let wanted, kindBits == 2 || (length == wanted.count && UnsafeBufferPointer(start: base + (at &+ 3), count: length).elementsEqual(wanted)) {
                kept.append(at)
            }
            at = next
        }
        guard at == end else { return nil }
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
            at = record.entries.lowerBound
            for _ in 0..<record.count { at = handOver(at) }
        } else {
            for entry in kept { _ = handOver(entry) }
        }
        return files
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
