import Foundation
import Testing

/// Faults injected into real runs of the binary: killed mid-fix, a full disk, read-only
/// files and directories, files another program changes, replaces or removes, and two
/// galley runs at once. A test that cannot set up its fault is skipped, and says why.
@Suite(.serialized) struct FaultInjectionTests {
    /// SIGKILL at random moments of `fix` over generated posts: after every kill each
    /// file is its original or its fixed bytes, and the next run removes the killed
    /// run's temporaries; the last run finishes the job and leaves none.
    @Test(.enabled(if: Faults.haveGenerator, "../shared/bench/gen_corpus.py is missing"))
    func killedDuringFixEveryFileIsOriginalOrFixed() throws {
        let box = try Sandbox()
        try Faults.generate(into: box, count: Faults.setting("GALLEY_KILL_POSTS", 60), seed: 11)
        let original = try Faults.snapshot(box.root)
        // The fixed bytes: one uninterrupted run on a copy.
        let reference = box.root.appendingPathComponent("../\(box.root.lastPathComponent)-ref").standardized
        try Faults.copyTree(box.root, to: reference)
        defer { try? FileManager.default.removeItem(at: reference) }
        let clock = ContinuousClock()
        let start = clock.now
        let first = try Galley.run(["fix", "."], in: reference)
        let duration = clock.now - start
        #expect(first.status == 0 || first.status == 1)
        let fixed = try Faults.snapshot(reference)
        #expect(fixed.keys == original.keys)
        let changed = original.keys.filter { original[$0] != fixed[$0] }
        #expect(changed.count > 30, "the generated posts should need fixes")

        var generator = SystemRandomNumberGenerator()
        var killedWithTemporaries = 0
        var killed: [Int32] = []
        let kills = Faults.setting("GALLEY_KILLS", 5)
        for round in 0..<kills {
            let process = Process()
            process.executableURL = Galley.binary
            process.arguments = ["fix", "."]
            process.currentDirectoryURL = box.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let fraction = Double.random(in: 0.05...0.9, using: &generator)
            usleep(useconds_t(Double(duration.components.seconds) * 1e6 * fraction
                              + Double(duration.components.attoseconds) / 1e12 * fraction))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Faults.snapshot(box.root)
            for (path, bytes) in now where !(path as NSString).lastPathComponent.hasPrefix(".galley-") {
                #expect(bytes == original[path] || bytes == fixed[path], "round \(round): \(path) is neither original nor fixed")
            }
            killed.append(process.processIdentifier)
            let temporaries = Faults.temporaries(now)
            if !temporaries.isEmpty { killedWithTemporaries += 1 }
            // Each is a killed run's: this one's, or an earlier one's when this run was
            // killed before it removed the temporaries of runs that are gone (it does so
            // once its files are found, before the first is fixed).
            for t in temporaries {
                #expect(killed.contains { t.contains(".galley-\($0)-") }, "\(t) is not a killed run's")
            }
        }
        let last = try Galley.run(["fix", "--verbose", "."], in: box.root)
        #expect(last.status == first.status)
        let end = try Faults.snapshot(box.root)
        #expect(Faults.temporaries(end).isEmpty)
        #expect(end == fixed)
        // How often a kill hit a write (for the record; randomness decides).
        print("SIGKILL test: \(killedWithTemporaries) of \(kills) kills left a temporary; all removed")
    }

    /// The temporaries of a run that is gone are removed by the next `fix` (only where it
    /// works, in `fix` without `--diff`); those of a running galley, and other dot files,
    /// are not.
    @Test func fixRemovesOnlyTheTemporariesOfRunsThatAreGone() throws {
        let box = try Sandbox()
        try box.write("posts/a.md", "One&nbsp;space.\n")
        func startTime(_ pid: Int32) throws -> String {
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            return String(stat[stat.range(of: ")", options: .backwards)!.upperBound...].split(separator: " ")[19])
        }
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["30"]
        try running.run()
        defer { running.terminate() }
        let dead = ".galley-\(gone.processIdentifier)-4242-deadbeef.tmp"
        let live = ".galley-\(running.processIdentifier)-\(try startTime(running.processIdentifier))-livefile.tmp"
        for name in [dead, live, ".galley-notes"] { try box.write("posts/" + name, "half a post") }
        let diff = try box.run("fix", "--diff", "posts")
        #expect(diff.status == 1)  // it would fix a.md
        #expect(FileManager.default.fileExists(atPath: box.root.appendingPathComponent("posts/" + dead).path))
        let out = try box.run("fix", "--verbose", "posts")
        #expect(out.status == 0)
        #expect(out.stderr.contains("galley: removed posts/\(dead), a temporary file of a galley run that is gone"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("posts").path).sorted()
                == [live, ".galley-notes", "a.md"].sorted())
        #expect(try box.text("posts/a.md") == "One space.\n")
    }

    /// A full disk (a 1 MB tmpfs, filled): exit 2, a message naming each file and the
    /// cause, every file untouched, no temporary left; with room again, fix succeeds.
    @Test(.enabled(if: Faults.canMountTmpfs, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"))
    func fullDisk() throws {
        let box = try Sandbox()
        let mount = box.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(Faults.sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.path) == 0)
        defer { Faults.sh("umount", mount.path) }
        let post = String(repeating: "A line of prose&nbsp;with a space.\n", count: 2000)  // 70 KB
        for i in 0..<4 { try box.write("disk/p\(i).md", post) }
        // Fill what is left.
        Faults.sh("dd", "if=/dev/zero", "of=\(mount.path)/filler", "bs=4k")
        let out = try Galley.run(["fix", "."], in: mount)
        #expect(out.status == 2)
        for i in 0..<4 {
            #expect(out.stderr.contains("galley: error: p\(i).md: cannot write the temporary file (No space left on device); the file was not modified"))
            #expect(try box.text("disk/p\(i).md") == post)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path).sorted() == ["filler", "p0.md", "p1.md", "p2.md", "p3.md"])
        try FileManager.default.removeItem(at: mount.appendingPathComponent("filler"))
        let again = try Galley.run(["fix", "."], in: mount)
        #expect(again.status == 0)
        #expect(try box.text("disk/p0.md") == post.replacingOccurrences(of: "&nbsp;", with: " "))
    }

    /// Run as an ordinary user (root is dropped to nobody): a read-only file, a file in a
    /// read-only directory, and a file whose owner cannot be kept are each refused with
    /// their reason, untouched; the writable file beside them is fixed; exit 2.
    @Test(.enabled(if: Faults.canDropPrivileges, "running as root without /usr/bin/setpriv: a file mode cannot stop root"))
    func readOnlyFileDirectoryAndForeignOwner() throws {
        let box = try Sandbox()
        let text = "One&nbsp;space.\n"
        let fm = FileManager.default
        try box.write("rw/good.md", text)
        try box.write("rw/readonly.md", text)
        try box.write("ro/inside.md", text)
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root.path)
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root.appendingPathComponent("rw").path)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: box.root.appendingPathComponent("ro").path)
        try fm.setAttributes([.posixPermissions: 0o666], ofItemAtPath: box.root.appendingPathComponent("rw/good.md").path)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: box.root.appendingPathComponent("rw/readonly.md").path)
        try fm.setAttributes([.posixPermissions: 0o666], ofItemAtPath: box.root.appendingPathComponent("ro/inside.md").path)
        var expected = ["rw/good.md": "One space.\n", "rw/readonly.md": text, "ro/inside.md": text]
        let user = Faults.unprivileged
        if user != nil {
            // Root's file, writable by all, in a directory all can write: the rename would
            // give it to nobody, so it is refused.
            try box.write("rw/roots.md", text)
            try fm.setAttributes([.posixPermissions: 0o666], ofItemAtPath: box.root.appendingPathComponent("rw/roots.md").path)
            for p in ["rw/good.md", "rw/readonly.md", "ro/inside.md"] {
                #expect(chown(box.root.appendingPathComponent(p).path, 65534, 65534) == 0)
            }
            expected["rw/roots.md"] = text
        }
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.root.appendingPathComponent("ro").path) }
        let out = try Galley.run(["fix", "."], in: box.root, asUser: user)
        #expect(out.status == 2)
        #expect(out.stderr.contains("galley: error: rw/readonly.md: the file is not writable (Permission denied); it was not modified"))
        #expect(out.stderr.contains("galley: error: ro/inside.md: cannot create a temporary file beside it (Permission denied); the file was not modified"))
        if user != nil {
            #expect(out.stderr.contains("galley: error: rw/roots.md: cannot keep the file's owner (uid 0, gid 0): Operation not permitted; the file was not modified"))
        }
        for (path, bytes) in expected { #expect(try box.text(path) == bytes, "\(path)") }
        #expect(Faults.temporaries(try Faults.snapshot(box.root)).isEmpty)
    }

    /// Two galley runs fix the same tree at once, one fixing only nbsp-entity and the
    /// other only ghost-card-marker (their edits commute): after both, every file has
    /// both fixes, except where a run said it refused the file because it changed on
    /// disk. An update written from stale bytes would lose the other run's fix. Small
    /// files, so the runs spend their time writing and race on the same file often.
    @Test func twoRunsAtOnceLoseNoUpdate() throws {
        let box = try Sandbox()
        let post = "Text&nbsp;here.\n\n<!--kg-card-begin: markdown-->\nMore.\n<!--kg-card-end: markdown-->\n"
        let rules = ["nbsp-entity", "ghost-card-marker"]
        let fixedBy = [
            "Text here.\n\n<!--kg-card-begin: markdown-->\nMore.\n<!--kg-card-end: markdown-->\n",
            "Text&nbsp;here.\n\nMore.\n",
        ]
        let both = "Text here.\n\nMore.\n"
        var refusals = 0
        for round in 0..<3 {
            for i in 0..<240 { try box.write("d\(i % 3)/p\(i).md", post) }
            let runs = rules.map { rule -> (Process, Pipe) in
                let p = Process(), err = Pipe()
                p.executableURL = Galley.binary
                p.arguments = ["fix", "--select", rule, "."]
                p.currentDirectoryURL = box.root
                p.standardOutput = FileHandle.nullDevice
                p.standardError = err
                return (p, err)
            }
            for (p, _) in runs { try p.run() }
            var refused: [Set<String>] = []
            for (p, err) in runs {
                let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                p.waitUntilExit()
                #expect(p.terminationReason == .exit)
                var files = Set<String>()
                for line in text.split(separator: "\n") {
                    let suffix = ": the file changed on disk while galley was working; it was not modified"
                    #expect(line.hasPrefix("galley: error: ") && line.hasSuffix(suffix), "\(line)")
                    files.insert(String(line.dropFirst("galley: error: ".count).dropLast(suffix.count)))
                }
                refused.append(files)
                refusals += files.count
            }
            for i in 0..<240 {
                let path = "d\(i % 3)/p\(i).md"
                let text = try box.text(path)
                if refused[0].contains(path) && refused[1].contains(path) {
                    #expect(text == post, "round \(round): \(path)")
                } else if refused[0].contains(path) {
                    #expect(text == fixedBy[1], "round \(round): \(path): nbsp-entity refused, ghost-card-marker's fix lost")
                } else if refused[1].contains(path) {
                    #expect(text == fixedBy[0], "round \(round): \(path): ghost-card-marker refused, nbsp-entity's fix lost")
                } else {
                    #expect(text == both, "round \(round): \(path): a fix was lost")
                }
            }
            #expect(Faults.temporaries(try Faults.snapshot(box.root)).isEmpty)
        }
        print("two runs at once: \(refusals) files refused as changed on disk over 3 rounds")
    }

    /// An editor appends to posts while galley fixes them (in place, without a lock):
    /// every appended line survives, and galley refuses the files it saw change.
    @Test(.enabled(if: Faults.haveGenerator, "../shared/bench/gen_corpus.py is missing"))
    func editsMadeDuringTheRunAreNeverLost() throws {
        let box = try Sandbox()
        try Faults.generate(into: box, count: 80, seed: 9)
        let posts = try Faults.snapshot(box.root).keys.filter { $0.hasSuffix(".md") }.sorted().reversed()
        let process = Process()
        process.executableURL = Galley.binary
        process.arguments = ["fix", "."]
        process.currentDirectoryURL = box.root
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let line = Array("\nEdited in the editor.\n".utf8)
        for post in posts {
            let fd = open(box.root.appendingPathComponent(post).path, O_WRONLY | O_APPEND)
            _ = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
            usleep(5_000)
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        for post in posts {
            #expect(try box.read(post).suffix(line.count).elementsEqual(line), "the edit of \(post) was lost")
        }
        for l in stderr.split(separator: "\n") {
            #expect(l.hasSuffix("the file changed on disk while galley was working; it was not modified"), "\(l)")
        }
    }

    /// Directories removed and files replaced by symbolic links while galley runs: it
    /// ends normally, every message names a file, and no file is damaged: the link
    /// target (which needs no fix) is unchanged, every other file original or fixed.
    @Test(.enabled(if: Faults.haveGenerator, "../shared/bench/gen_corpus.py is missing"))
    func directoriesVanishAndFilesBecomeLinksDuringTheRun() throws {
        let box = try Sandbox()
        for d in 0..<20 {
            for f in 0..<10 { try box.write("d\(d)/p\(f).md", "Post \(d) \(f)&nbsp;text.\n\n<!--kg-card-begin: markdown-->\nMore.\n") }
        }
        let outside = try box.write("../\(box.root.lastPathComponent)-outside.md", "Nothing to fix here.\n")
        defer { try? FileManager.default.removeItem(at: outside) }
        let original = try Faults.snapshot(box.root)
        let process = Process()
        process.executableURL = Galley.binary
        process.arguments = ["fix", "."]
        process.currentDirectoryURL = box.root
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        var linked = Set<String>()
        for d in stride(from: 19, to: 0, by: -2) {
            try? FileManager.default.removeItem(at: box.root.appendingPathComponent("d\(d)"))
            let victim = "d\(d - 1)/p5.md"
            let path = box.root.appendingPathComponent(victim).path
            unlink(path)
            symlink(outside.path, path)
            linked.insert(victim)
            usleep(20_000)
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && [0, 1, 2].contains(process.terminationStatus))
        for l in stderr.split(separator: "\n") {
            // A file that went (or became a link) after discovery, or a directory that went
            // before discovery could list it: either way the message names it.
            let namesFile = l.hasPrefix("galley: error: d") && l.contains(".md: ")
            let namesDirectory = l.wholeMatch(of: /galley: error: d\d+: cannot read directory: .+/) != nil
            #expect(namesFile || namesDirectory, "\(l)")
        }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "Nothing to fix here.\n")
        let fixedText = { (d: Int, f: Int) in "Post \(d) \(f) text.\n\nMore.\n" }
        for (path, bytes) in try Faults.snapshot(box.root) where !linked.contains(path) {
            let parts = path.dropFirst().split(separator: "/")
            let d = Int(parts[0])!, f = Int(parts[1].dropFirst().dropLast(3))!
            #expect(bytes == original[path] || String(decoding: bytes, as: UTF8.self) == fixedText(d, f), "\(path)")
        }
        #expect(Faults.temporaries(try Faults.snapshot(box.root)).isEmpty)
    }
}
