import Foundation
import Testing

/// The record of a site's listing kept between runs (`.galley-cache/site-listing`): a
/// run answers `missing-image`'s question (which files of this name are on the site)
/// from it, and never an answer the site no longer gives.
@Suite struct ListingCacheTests {
    /// A post whose image is missing where it points and present under another month:
    /// `missing-image` looks for the name across the whole site, which lists it.
    func site() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("content/images/2019/05/pic.png", "x")
        try box.write("content/images/2020/01/other.png", "y")
        try box.write("post.md", "# Post\n\n![a pic](/content/images/2020/01/pic.png)\n")
        return box
    }

    static let one = "the only file named `pic.png` on the site is `/content/images/2019/05/pic.png`"
    static let two = "2 files named `pic.png` on the site, so none is chosen"
    static let none = "no file named `pic.png` on the site"

    /// Every directory of the sandbox dated an hour back, so that the record trusts them.
    /// (Setting a time changes a directory's status-change time, which the record also
    /// compares: a directory settled after a run is listed again by the next.)
    func settle(_ box: Sandbox) throws { try date(box, by: -3600) }

    func settle(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
    }

    /// Every directory of the sandbox, its root too, dated `offset` seconds from now.
    func date(_ box: Sandbox, by offset: TimeInterval) throws {
        let walker = FileManager.default.enumerator(atPath: box.root.path)!
        var dirs = [box.root.path]
        while let name = walker.nextObject() as? String {
            let path = box.root.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { dirs.append(path) }
        }
        for dir in dirs {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: offset)], ofItemAtPath: dir)
        }
    }

    /// The name of the one record `--cache-dir` kept in `records`.
    func recordName(in records: Sandbox) throws -> String {
        try #require(try FileManager.default.contentsOfDirectory(atPath: records.root.path).first { $0.hasPrefix("site-listing-") })
    }

    /// The verbose line about the listing: "listing: N directories from the cache, M read".
    func listing(_ output: Galley.Output) -> String? {
        output.stderr.split(separator: "\n").first { $0.contains("listing: ") }
            .map { String($0[$0.range(of: "listing: ")!.lowerBound...]) }
    }

    /// `missing-image` alone on the post; the record kept in `records` (outside the site,
    /// whose root then does not change when it is written), or in the site's own
    /// `.galley-cache` when nil.
    func check(_ box: Sandbox, records: Sandbox?, _ extra: String...) throws -> Galley.Output {
        let cache = records.map { ["--cache-dir", $0.root.path] } ?? []
        return try box.run(["check", "--no-git", "--verbose", "--select", "missing-image"] + cache + extra + ["post.md"],
                           environment: Self.ownFolder)
    }

    /// No folder from the environment: the site's own `.galley-cache` (the tests' harness
    /// names another for every other test).
    static let ownFolder = ["GALLEY_CACHE_DIR": ""]

    @Test func aSecondRunAnswersFromTheRecordAsTheFirstDid() throws {
        let box = try site()
        try settle(box)
        let first = try check(box, records: nil)
        #expect(first.stdout.contains(Self.one))
        #expect(listing(first) == "listing: 0 directories from the cache, 7 read")
        // The record's folder, made in the root by that run, is ignored by git and tagged.
        #expect(try box.text(".galley-cache/.gitignore").hasSuffix("\n*\n"))
        #expect(try box.text(".galley-cache/CACHEDIR.TAG").hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
        let second = try check(box, records: nil)
        #expect(second.stdout == first.stdout)
        #expect(second.status == first.status)
        // Making `.galley-cache` changed the root a moment ago: listed, and not recorded
        // until it settles. (The root and `.galley-cache`, never entered, leave 7.)
        #expect(listing(second) == "listing: 6 directories from the cache, 1 read")
        try settle(box.root.path)
        #expect(listing(try check(box, records: nil)) == "listing: 6 directories from the cache, 1 read")
        let settled = try check(box, records: nil)
        #expect(listing(settled) == "listing: 7 directories from the cache, 0 read")
        #expect(settled.stdout == first.stdout)
    }

    @Test func aFileAddedSinceIsFound() throws {
        let box = try site(), records = try Sandbox()
        try settle(box)
        #expect(try check(box, records: records).stdout.contains(Self.one))
        try box.write("content/images/2021/02/pic.png", "z")
        let after = try check(box, records: records)
        #expect(after.stdout.contains(Self.two))
        #expect(after.stdout == (try check(box, records: nil, "--no-cache")).stdout)
        // content/images changed, 2021 and 02 are new: listed; the rest from the record.
        #expect(listing(after) == "listing: 6 directories from the cache, 3 read")
    }

    /// A folder added and one removed: the walk leaves the record's order (a run meets the
    /// recorded directories in the order they were written, and looks them up by path
    /// once it does not); the record written then serves the next run whole.
    @Test func aFolderAddedAndOneRemovedAreFoundAndForgotten() throws {
        let box = try site(), records = try Sandbox()
        try box.write("content/images/2018/12/pic.png", "w")
        try box.write("content/images/2017/01/old.png", "v")
        try settle(box)
        #expect(try check(box, records: records).stdout.contains(Self.two))
        try FileManager.default.removeItem(at: box.root.appendingPathComponent("content/images/2018"))
        try box.write("content/images/2016/03/pic.png", "u")
        try box.write("content/images/2016/04/new.png", "t")
        for changed in ["content/images", "content/images/2016", "content/images/2016/03", "content/images/2016/04"] {
            try settle(box.root.appendingPathComponent(changed).path)
        }
        let after = try check(box, records: records)
        #expect(after.stdout.contains(Self.two))
        #expect(after.stdout == (try check(box, records: nil, "--no-cache")).stdout)
        // content/images changed; 2016, its 03 and 04 are new; the rest from the record.
        #expect(listing(after) == "listing: 8 directories from the cache, 4 read")
        let next = try check(box, records: records)
        #expect(next.stdout == after.stdout)
        #expect(listing(next) == "listing: 12 directories from the cache, 0 read")
    }

    @Test func aDirectoryWhoseTimeWasPutBackIsListedAgain() throws {
        let box = try site(), records = try Sandbox()
        try settle(box)
        #expect(try check(box, records: records).stdout.contains(Self.one))
        let dir = box.root.appendingPathComponent("content/images/2019/05").path
        let recorded = try FileManager.default.attributesOfItem(atPath: dir)[.modificationDate] as! Date
        try FileManager.default.removeItem(atPath: dir + "/pic.png")
        // Its modification time as recorded: only its status-change time tells.
        try FileManager.default.setAttributes([.modificationDate: recorded], ofItemAtPath: dir)
        let after = try check(box, records: records)
        #expect(after.stdout.contains(Self.none))
        #expect(after.stdout == (try check(box, records: nil, "--no-cache")).stdout)
        #expect(listing(after) == "listing: 6 directories from the cache, 1 read")
    }

    @Test func aDirectoryChangedMomentsAgoIsNotRecorded() throws {
        let box = try site(), records = try Sandbox()
        // Nothing settled: every directory dated a few seconds ahead, as one just changed
        // would be however long these runs take.
        try date(box, by: 20)
        _ = try check(box, records: records)
        let second = try check(box, records: records)
        #expect(second.stdout.contains(Self.one))
        #expect(listing(second) == "listing: 0 directories from the cache, 7 read")
    }

    @Test func aDirectoryHoldingALinkIsListedEveryRun() throws {
        let box = try site(), records = try Sandbox(), elsewhere = try Sandbox()
        let target = try elsewhere.write("pic.png", "x")
        let link = box.root.appendingPathComponent("content/images/2019/05/pic.png")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        try settle(box)
        let first = try check(box, records: records)
        #expect(first.stdout.contains(Self.one))
        #expect(listing(first) == "listing: 0 directories from the cache, 7 read")
        // The link's target goes: the directory holding the link does not change.
        try FileManager.default.removeItem(at: target)
        let after = try check(box, records: records)
        #expect(after.stdout.contains(Self.none))
        #expect(after.stdout == (try check(box, records: nil, "--no-cache")).stdout)
        #expect(listing(after) == "listing: 6 directories from the cache, 1 read")
    }

    @Test func aRecordThatDoesNotDecodeIsIgnoredAndWrittenAgain() throws {
        let box = try site(), records = try Sandbox()
        try settle(box)
        let first = try check(box, records: records)
        let name = try recordName(in: records)
        let record = try records.read(name)
        #expect(record.count > 100)
        #expect(listing(try check(box, records: records)) == "listing: 7 directories from the cache, 0 read")
        // Cut short, as a write torn by a crash would leave it; one byte of its directory
        // count changed; its first directory claiming 2^32 - 1 entries (a reservation of
        // that many would abort the run); empty, and shorter than its magic line (the store
        // maps the file: nothing to map, and a mapping that ends early).
        var huge = record
        for k in 0..<4 { huge[Self.firstCount(record) + k] = 0xFF }
        for damaged in [Array(record.dropLast(9)), Array(record.dropLast(1)) + [record.last! &+ 1], huge, [], Array(record.prefix(5))] {
            try records.write(name, bytes: damaged)
            let run = try check(box, records: records)
            #expect(run.stdout == first.stdout)
            #expect(listing(run) == "listing: 0 directories from the cache, 7 read")
            #expect(try records.read(name) == record)
        }
    }

    /// Where the first directory's entry count is in a record: after the magic line, the
    /// path's length and the path, and the stamp's six words.
    static func firstCount(_ record: [UInt8]) -> Int {
        let magic = "galley site listing 2\n".utf8.count
        let pathLength = Self.integer(record, at: magic)
        return magic + 4 + pathLength + 6 * 8
    }

    /// Where the first directory's first entry is: after its six counts and its name
    /// filter, whose length in words is the sixth count.
    static func firstEntry(_ record: [UInt8]) -> Int {
        let counts = firstCount(record)
        return counts + 6 * 4 + 8 * Self.integer(record, at: counts + 5 * 4)
    }

    static func integer(_ record: [UInt8], at offset: Int) -> Int {
        record[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    @Test func anEntryThatDoesNotDecodeHasItsDirectoryListed() throws {
        let box = try site(), records = try Sandbox()
        try settle(box)
        let first = try check(box, records: records)
        let name = try recordName(in: records)
        let record = try records.read(name)
        // The first directory's first entry: its flag byte says a kind there is none of;
        // it is a directory whose name's first byte is a "/" (a name no directory holds,
        // which would lead the walk elsewhere).
        let flag = Self.firstEntry(record), nameStart = flag + 3
        var badKind = record, slash = record
        badKind[flag] = 3
        slash[flag] = 2
        slash[nameStart] = 0x2F
        for damaged in [badKind, slash] {
            try records.write(name, bytes: damaged)
            let run = try check(box, records: records)
            #expect(run.stdout == first.stdout)
            #expect(listing(run) == "listing: 6 directories from the cache, 1 read")
            #expect(listing(try check(box, records: records)) == "listing: 7 directories from the cache, 0 read")
        }
    }

    @Test func aFolderLeftWithoutItsIgnoreFileGetsOne() throws {
        let box = try site()
        try settle(box)
        // As a first run killed between making the folder and writing in it leaves it.
        try FileManager.default.createDirectory(at: box.root.appendingPathComponent(".galley-cache"), withIntermediateDirectories: false)
        _ = try check(box, records: nil)
        #expect(try box.text(".galley-cache/.gitignore").hasSuffix("\n*\n"))
        #expect(try box.text(".galley-cache/CACHEDIR.TAG").hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
    }

    @Test func noCacheReadsAndWritesNothingAndCacheDirKeepsItElsewhere() throws {
        let box = try site()
        try settle(box)
        let plain = try check(box, records: nil, "--no-cache")
        #expect(plain.stdout.contains(Self.one))
        #expect(listing(plain) == nil)
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent(".galley-cache").path))

        // The folder made when missing; the environment's folder when no option names one.
        let elsewhere = try Sandbox()
        let folder = elsewhere.root.path + "/records"
        let named = try box.run(["check", "--no-git", "--verbose", "--select", "missing-image", "--cache-dir", folder, "post.md"],
                                environment: Self.ownFolder)
        #expect(listing(named) == "listing: 0 directories from the cache, 7 read")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(kept.filter { $0.hasPrefix("site-listing-") }.count == 1)
        let fromEnvironment = try box.run(["check", "--no-git", "--verbose", "--select", "missing-image", "post.md"],
                                          environment: ["GALLEY_CACHE_DIR": folder])
        #expect(listing(fromEnvironment) == "listing: 7 directories from the cache, 0 read")
        #expect(fromEnvironment.stdout == plain.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == kept)
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent(".galley-cache").path))
    }

    @Test func aRecordThatCannotBeWrittenDoesNotFailTheRun() throws {
        let box = try site(), elsewhere = try Sandbox()
        try settle(box)
        let plain = try check(box, records: nil, "--no-cache")
        // The folder named for the record is a file: it cannot be made, nothing is written.
        let blocker = try elsewhere.write("records", "not a folder\n")
        for _ in 0..<2 {
            let run = try box.run(["check", "--no-git", "--verbose", "--select", "missing-image", "--cache-dir", blocker.path, "post.md"])
            #expect(run.stdout == plain.stdout)
            #expect(run.status == plain.status)
            #expect(listing(run) == "listing: 0 directories from the cache, 7 read")
            #expect(!run.stderr.contains("error"))
        }
        #expect(try elsewhere.text("records") == "not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root.path) == ["records"])
    }

    @Test func aSaveKilledBeforeItsRenameLeavesATemporaryTheNextSaveRemoves() throws {
        let box = try site()
        try settle(box)
        _ = try check(box, records: nil)
        // A process that is gone (it ran and exited), as the maker of a temporary left in
        // the record's folder; and one of a process still running (this one) beside it.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = ".galley-cache/.galley-\(gone.processIdentifier)-1-abcdefgh.tmp"
        let alive = ".galley-cache/.galley-\(getpid())-0-abcdefgh.tmp"
        try box.write(dead, "torn")
        try box.write(alive, "in flight")
        // A file added: the record changes, and is saved.
        try box.write("content/images/2021/02/pic.png", "z")
        let after = try check(box, records: nil)
        #expect(after.stdout.contains(Self.two))
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent(dead).path))
        #expect(try box.text(alive) == "in flight")
    }

    /// A run of more than 50 posts (`Session.fewFiles`) lists the whole site, through the
    /// record (every entry of a directory handed over), where a run of few posts searches
    /// it for each missing name: both answer alike, and the record one writes serves the other.
    @Test func aRunOfManyPostsListsTheSiteThroughTheRecordAsAFewPostsRunSearchesIt() throws {
        let box = try site(), records = try Sandbox()
        for i in 0...50 { try box.write("posts/p\(i).md", "# Post \(i)\n\n![a pic](/content/images/2020/01/pic.png)\n") }
        try settle(box)
        let cache = ["--cache-dir", records.root.path]
        func run(_ paths: [String]) throws -> Galley.Output {
            try box.run(["check", "--no-git", "--verbose", "--select", "missing-image"] + cache + paths, environment: Self.ownFolder)
        }
        let many = try run(["post.md", "posts"])
        #expect(listing(many) == "listing: 0 directories from the cache, 8 read")
        #expect(many.stdout.components(separatedBy: Self.one).count == 53)
        let again = try run(["post.md", "posts"])
        #expect(listing(again) == "listing: 8 directories from the cache, 0 read")
        #expect(again.stdout == many.stdout)
        // A search through the record the listing wrote.
        let few = try run(["post.md"])
        #expect(listing(few) == "listing: 8 directories from the cache, 0 read")
        func post(_ output: Galley.Output) -> [Substring] { output.stdout.split(separator: "\n").filter { $0.hasPrefix("post.md:") } }
        #expect(post(few) == post(many))
        #expect(post(few).count == 1)
    }
}
