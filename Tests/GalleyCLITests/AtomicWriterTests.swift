import GalleyIO
import Foundation
import Testing
@testable import GalleyCLI

@Suite struct AtomicWriterTests {
    func temporaryFile(_ text: String) throws -> (dir: URL, file: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-aw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("p.md")
        try Data(text.utf8).write(to: file)
        return (dir, file)
    }

    /// Two temporary folders, each holding `p.md` with `text`, removed after `body`.
    func inTwoFolders(_ text: String, _ body: (_ first: (dir: URL, file: URL), _ second: (dir: URL, file: URL)) throws -> Void) throws {
        let first = try temporaryFile(text), second = try temporaryFile(text)
        defer {
            try? FileManager.default.removeItem(at: first.dir)
            try? FileManager.default.removeItem(at: second.dir)
        }
        try body(first, second)
    }

    func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func replacesContentKeepsModeAndLeavesNoTemporaryFile() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o604], ofItemAtPath: file.path)
        let writer = FaultyFileWriter()
        try AtomicWriter(writer: writer).replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o604)
        #expect(try names(dir) == ["p.md"])
        // The new name is made durable: the directory is synced after the rename.
        #expect(writer.calls(.rename) == 1 && writer.calls(.syncDirectory) == 1 && writer.calls(.sync) == 1)
    }

    @Test func refusesWhenTheFileChangedSinceItWasRead() throws {
        let (dir, file) = try temporaryFile("edited by someone else\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replace(file.path, with: Array("fixed\n".utf8), expecting: Array("as read\n".utf8))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by someone else\n")
        #expect(try names(dir) == ["p.md"])
    }

    @Test func refusesWhenTheFileIsGone() throws {
        let (dir, file) = try temporaryFile("x\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: file)
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replace(file.path, with: Array("y\n".utf8), expecting: Array("x\n".utf8))
        }
        #expect(try names(dir).isEmpty)
    }

    /// Each step that can fail, failing: the file keeps its bytes, the temporary is
    /// removed, and the message says what failed and why. Writes go in 4-byte chunks, so
    /// the second and the last write fail in the middle and at the end of the file.
    @Test(arguments: [
        (FaultyFileWriter.Operation.create, 1, "cannot create a temporary file beside it (No space left on device)"),
        (.write, 1, "cannot write the temporary file (No space left on device)"),
        (.write, 2, "cannot write the temporary file (No space left on device)"),
        (.write, 5, "cannot write the temporary file (No space left on device)"),
        (.setMode, 1, "cannot write the temporary file (No space left on device)"),
        (.sync, 1, "cannot write the temporary file (No space left on device)"),
        (.close, 1, "cannot write the temporary file (No space left on device)"),
        (.rename, 1, "cannot replace the file (No space left on device); it was not modified"),
    ])
    func aFailingStepLeavesTheFileAndNoTemporary(_ op: FaultyFileWriter.Operation, _ nth: Int, _ message: String) throws {
        let original = "original bytes\n"
        let (dir, file) = try temporaryFile(original)
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = FaultyFileWriter(failing: op, nth: nth)
        let fixed = Array("fixed bytes, five chunks\n".utf8)  // 25 bytes: 7 writes of 4
        do {
            try AtomicWriter(writer: writer, chunkSize: 4).replace(file.path, with: fixed, expecting: Array(original.utf8))
            Issue.record("the injected failure was not reported")
        } catch let failure as AtomicWriter.Failure {
            #expect(failure.description.hasPrefix(message))
            #expect(failure.description.hasSuffix("was not modified"))
            #expect(!failure.replaced)
        }
        #expect(writer.calls(op) == nth)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        #expect(try names(dir) == ["p.md"])
    }

    /// The rename happened, the directory sync failed: the file holds the new bytes and
    /// the failure says so (the runner keeps the fixes as applied).
    @Test func aFailedDirectorySyncSaysTheFileWasReplaced() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = FaultyFileWriter(failing: .syncDirectory, code: EIO)
        do {
            try AtomicWriter(writer: writer).replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
            Issue.record("the injected failure was not reported")
        } catch let failure as AtomicWriter.Failure {
            #expect(failure.replaced)
            #expect(failure.description.contains("could not be flushed to disk (Input/output error)"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try names(dir) == ["p.md"])
    }

    /// Given a `DirectorySync`, the rename's folder is flushed when the run flushes, once
    /// for all the files replaced in it: each file is whole and synced before its rename.
    @Test func aRunsFoldersAreFlushedOnceEachWhenItFlushes() throws { try inTwoFolders("old\n") { one, two in
        let (dir, file) = one, elsewhere = two.file
        let second = dir.appendingPathComponent("q.md")
        try Data("old\n".utf8).write(to: second)
        let writer = FaultyFileWriter()
        let later = DirectorySync(writer: writer)
        for path in [file, second, elsewhere] {
            try AtomicWriter(writer: writer).replace(path.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8),
                                                     syncingLater: later)
        }
        #expect(writer.calls(.sync) == 3 && writer.calls(.rename) == 3)
        #expect(writer.calls(.syncDirectory) == 0)
        #expect(later.waiting == 2)
        #expect(later.flush().isEmpty)
        #expect(writer.calls(.syncDirectory) == 2)
        #expect(later.waiting == 0)
        #expect(later.flush().isEmpty)
        #expect(writer.calls(.syncDirectory) == 2)
        for path in [file, second, elsewhere] { #expect(try String(contentsOf: path, encoding: .utf8) == "new\n") }
    } }

    /// A folder removed after its files were replaced (by another program) has nothing
    /// left to flush: it is not reported.
    @Test func aFolderRemovedBeforeTheFlushIsNotAFailure() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let later = DirectorySync()
        try AtomicWriter().replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8), syncingLater: later)
        try FileManager.default.removeItem(at: dir)
        #expect(later.waiting == 1)
        #expect(later.flush().isEmpty)
    }

    /// A folder that cannot be flushed is named with the reason; the others are flushed.
    @Test func aFolderThatCannotBeFlushedIsNamed() throws { try inTwoFolders("old\n") { one, two in
        let (dir, file) = one, (other, elsewhere) = two
        let writer = FaultyFileWriter(failing: .syncDirectory, code: EIO)
        let later = DirectorySync(writer: writer)
        for path in [file, elsewhere] {
            try AtomicWriter(writer: writer).replace(path.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8),
                                                     syncingLater: later)
        }
        let failed = later.flush()
        #expect(failed.map(\.error.description) == ["Input/output error"])
        let first = [dir, other].map { $0.resolvingSymlinksInPath().path }.sorted()[0]
        #expect(failed.map(\.directory) == [first])
        #expect(writer.calls(.syncDirectory) == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
    } }

    /// Another program (one that takes no lock, like an editor) writes the file while the
    /// temporary is being written: the identity check just before the rename refuses,
    /// and the other program's bytes stay.
    /// (Between that check and the rename remains a window of a few system calls, which
    /// only a writer that takes the lock closes; README says so.)
    @Test(arguments: [FaultyFileWriter.Operation.write, .sync, .close])
    func aWriteByAnotherProgramBeforeTheRenameIsKept(_ op: FaultyFileWriter.Operation) throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = file.path
        let writer = FaultyFileWriter { seen in
            guard seen == op else { return }
            let fd = open(path, O_WRONLY | O_APPEND)
            _ = "edited\n".withCString { Glibc.write(fd, $0, 7) }
            close(fd)
        }
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter(writer: writer).replace(path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        }
        #expect(writer.calls(.rename) == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "old\nedited\n")
        #expect(try names(dir) == ["p.md"])
    }

    /// The file is replaced by another file or by a symbolic link while the temporary is
    /// written: refused, the replacement stays.
    @Test(arguments: [false, true])
    func aFileReplacedBeforeTheRenameIsKept(_ byLink: Bool) throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("other.md")
        try Data("old\n".utf8).write(to: other)
        let path = file.path, otherPath = other.path
        let writer = FaultyFileWriter { seen in
            guard seen == .sync else { return }
            unlink(path)
            if byLink { symlink(otherPath, path) } else { link(otherPath, path) }
        }
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter(writer: writer).replace(path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        }
        #expect(try String(contentsOf: other, encoding: .utf8) == "old\n")
        #expect(try names(dir) == ["other.md", "p.md"])
    }

    /// Another galley holds the file's lock: this one waits, and when the other replaced
    /// the file meanwhile, refuses instead of writing over it from stale bytes.
    @Test func waitsForTheLockAndRefusesAFileReplacedMeanwhile() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let holder = open(file.path, O_RDONLY)
        #expect(flock(holder, LOCK_EX) == 0)
        let path = file.path
        let other = Thread {
            usleep(100_000)
            // The holder replaces the file (a new inode at the path) and lets go.
            try? Data("theirs\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            rename(path + ".new", path)
            close(holder)
        }
        other.start()
        let start = ContinuousClock.now
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter().replace(path, with: Array("mine\n".utf8), expecting: Array("old\n".utf8))
        }
        #expect(ContinuousClock.now - start >= .milliseconds(90))
        #expect(try String(contentsOf: file, encoding: .utf8) == "theirs\n")
    }

    @Test func givesUpOnALockHeldTooLong() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let holder = open(file.path, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        do {
            try AtomicWriter(lockWait: .milliseconds(50)).replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
            Issue.record("wrote a locked file")
        } catch let failure as AtomicWriter.Failure {
            #expect(failure.description.hasPrefix("another process kept the file locked"))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "old\n")
    }

    /// Hard links: the path gets a new file with the fixed bytes; the file's other names
    /// keep the original bytes (nothing is lost, the link is broken). README says so.
    @Test func aHardLinkedFileIsReplacedAndItsOtherNameKeepsTheOriginal() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let twin = dir.appendingPathComponent("twin.md")
        #expect(link(file.path, twin.path) == 0)
        try AtomicWriter.replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try String(contentsOf: twin, encoding: .utf8) == "old\n")
        var a = stat(), b = stat()
        #expect(stat(file.path, &a) == 0 && stat(twin.path, &b) == 0 && a.st_ino != b.st_ino && a.st_nlink == 1)
    }

    /// Through a symbolic link, the file it names is written and the link stays a link.
    @Test func writesThroughASymbolicLink() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let alias = dir.appendingPathComponent("alias.md")
        #expect(symlink("p.md", alias.path) == 0)
        try AtomicWriter.replace(alias.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: alias.path) == "p.md")
    }

    /// Through a link to its folder (the path is not resolved when its last part is a
    /// file), the file in the folder linked is written, its temporary made beside it, and
    /// the link stays a link.
    @Test func writesThroughALinkedFolder() throws { try inTwoFolders("old\n") { one, two in
        let (dir, file) = one, other = two.dir
        let folder = other.appendingPathComponent("posts")
        #expect(symlink(dir.path, folder.path) == 0)
        let later = DirectorySync()
        try AtomicWriter.replace(folder.appendingPathComponent("p.md").path, with: Array("new\n".utf8),
                                 expecting: Array("old\n".utf8), syncingLater: later)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try names(dir) == ["p.md"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path) == dir.path)
        #expect(later.flush().isEmpty)
    } }

    /// As root the owner and group are kept (a fix never gives a file to root), and so
    /// are set-id bits.
    @Test(.enabled(if: geteuid() == 0, "only root can make a file owned by someone else"))
    func keepsOwnerGroupAndSetIDBits() throws {
        let (dir, file) = try temporaryFile("old\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(chown(file.path, 65534, 65534) == 0 && chmod(file.path, 0o2640) == 0)
        try AtomicWriter.replace(file.path, with: Array("new\n".utf8), expecting: Array("old\n".utf8))
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534 && info.st_mode & 0o7777 == 0o2640)
    }
}

/// The names of temporaries, and which of them a later run may remove.
@Suite struct TemporaryFileTests {
    @Test func aTemporaryNamesThisProcess() throws {
        let name = (TemporaryFiles.name(in: "/d") as NSString).lastPathComponent
        let maker = try #require(TemporaryFiles.maker(of: name))
        #expect(maker.pid == getpid())
        #expect(maker.start == TemporaryFiles.startTime(of: getpid()) && maker.start > 0)
        #expect(TemporaryFiles.isRunning(pid: maker.pid, start: maker.start))
    }

    @Test(arguments: [".galley.yml", ".galley-notes.md", ".galley-1-2-abc.tmp", ".galley-x-2-abcdefgh.tmp",
                      ".galley-12-34-abcdefgh.md", "galley-12-34-abcdefgh.tmp", ".galley-12-34-ABCDEFGH.tmp"])
    func otherNamesAreNotTemporaries(_ name: String) {
        #expect(TemporaryFiles.maker(of: name) == nil)
    }

    /// In a directory: the temporary of a process that exited, and one whose pid is now
    /// another process's (this one, started at another time), are removed; this process's
    /// own, a mkstemp-style one of an old galley that is recent, and other files stay.
    @Test func removesOnlyTheTemporariesOfProcessesThatAreGone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let me = getpid(), started = TemporaryFiles.startTime(of: me) ?? 1
        let files = [
            ".galley-\(gone.processIdentifier)-12345-abcdefgh.tmp",  // exited
            ".galley-\(me)-\(started + 1)-abcdefgh.tmp",              // pid reused by this process
            ".galley-\(me)-\(started)-ownfile1.tmp",                   // this process: running
            ".galley-Ab12Cd",                                          // old style, just written
            ".galley.yml", "post.md",
        ]
        for f in files { try Data("x".utf8).write(to: dir.appendingPathComponent(f)) }
        let old = dir.appendingPathComponent(".galley-Zz9Yy8")           // old style, an hour old
        try Data("x".utf8).write(to: old)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: old.path)
        let removed = TemporaryFiles.removeStale(near: [dir.path + "/post.md"])
        #expect(Set(removed.map { ($0 as NSString).lastPathComponent })
                == [files[0], files[1], ".galley-Zz9Yy8"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                == [".galley-\(me)-\(started)-ownfile1.tmp", ".galley-Ab12Cd", ".galley.yml", "post.md"])
    }
}

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x61, 0x62], nil),
        ([0xC3, 0xA9], nil),                    // é
        ([0xF0, 0x9F, 0x98, 0x80], nil),        // 😀
        ([0x61, 0xE9, 0x62], 1),                // Latin-1 é
        ([0xC0, 0xAF], 0),                      // overlong
        ([0xED, 0xA0, 0x80], 0),                // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),          // above U+10FFFF
        ([0x61, 0xE2, 0x82], 1),                // truncated
        ([0x80], 0),                            // stray continuation
    ] as [([UInt8], Int?)])
    func firstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(FileReader.firstInvalidUTF8(bytes) == expected)
    }
}
