import Foundation
import Testing

/// The progress line on a terminal (a pseudo-terminal made by python3's `pty`), and what
/// SIGINT/SIGTERM do to a `fix` in the middle of a run.
@Suite struct ProgressAndInterruptionTests {
    static let input = "fixtures/nbsp-french-post/input.md"

    func posts(_ count: Int) throws -> Sandbox {
        let box = try Sandbox()
        let inputs = try ["nbsp-french-post", "ghost-markers-damaged", "code-untouched", "crlf-and-bom"].map { try Sandbox.fixture("fixtures/\($0)/input.md") }
        for k in 0..<count { try box.write("posts/\(k % 5)/post-\(k).md", bytes: inputs[k % inputs.count]) }
        return box
    }

    /// Runs galley with standard error (and with `bothOnTerminal`, standard output) on a
    /// pseudo-terminal; returns what the terminal showed and what went to standard output.
    func onTerminal(_ box: Sandbox, _ arguments: [String], bothOnTerminal: Bool) throws -> (terminal: String, stdout: String, status: Int32) {
        let script = """
        import os, pty, subprocess, sys
        master, slave = pty.openpty()
        out = open("stdout.txt", "wb")
        env = dict(os.environ, GALLEY_TEST_FILE_DELAY_MS="4", TERM="xterm")
        p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave if \(bothOnTerminal ? "True" : "False") else out, stderr=slave, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        status = p.wait()
        open("terminal.txt", "wb").write(b"".join(chunks))
        sys.exit(status)
        """
        try box.write("on_terminal.py", script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "on_terminal.py", Galley.binary.path] + arguments
        process.currentDirectoryURL = box.root
        try process.run()
        process.waitUntilExit()
        return (try box.text("terminal.txt"), try box.text("stdout.txt"), process.terminationStatus)
    }

    @Test func progressShowsOnATerminalAndStepsAsideForFindings() throws {
        let box = try posts(120)
        let run = try onTerminal(box, ["check", "--no-git", "posts"], bothOnTerminal: true)
        #expect(run.status == 1)
        let screen = run.terminal
        #expect(screen.contains("\rgalley: "), "a progress line was drawn")
        #expect(screen.contains("/120 files ("))
        #expect(screen.contains("files/s"))
        // Every finding line starts on a clean line: the progress line was cleared first.
        let lines = screen.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let findingLines = lines.filter { $0.contains(": warning [") || $0.contains(": error [") }
        #expect(findingLines.count > 100)
        for line in findingLines {
            // What is visible of the line: what follows its last carriage return.
            let visible = line.split(separator: "\r", omittingEmptySubsequences: false).last ?? ""
            #expect(visible.hasPrefix("\u{1B}[K") || visible.hasPrefix("posts/") || visible.hasPrefix("\u{1B}["), "\(line.debugDescription)")
            #expect(!visible.contains("files/s"), "\(line.debugDescription)")
        }
        // The summary comes last, after the line was cleared for good.
        let last = lines.last { !$0.isEmpty }.map(String.init) ?? ""
        #expect(last.contains("120 files"), "\(last.debugDescription)")
        #expect(!last.contains("files/s"))
    }

    @Test func progressGoesToTheTerminalWhileTheReportGoesToAFile() throws {
        let box = try posts(60)
        let run = try onTerminal(box, ["check", "--no-git", "--format", "json", "posts"], bothOnTerminal: false)
        #expect(run.terminal.contains("/60 files ("))
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\r"))
        #expect((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) is [String: Any])
    }

    @Test func noProgressWithQuietNoProgressOrWhenStandardErrorIsNoTerminal() throws {
        let box = try posts(40)
        for flag in ["--quiet", "--no-progress"] {
            let run = try onTerminal(box, ["check", "--no-git", flag, "posts"], bothOnTerminal: false)
            #expect(!run.terminal.contains("files ("), "\(flag): \(run.terminal.debugDescription)")
        }
        let piped = try box.run(["check", "--no-git", "posts"], environment: ["GALLEY_TEST_FILE_DELAY_MS": "4"])
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("files ("))
    }

    /// Starts galley, sends `signals` after `delay`, and waits.
    func interrupt(_ box: Sandbox, _ arguments: [String], after delay: Double, signals: [Int32], fileDelay: Int = 15) throws -> Galley.Output {
        let process = Process()
        process.executableURL = Galley.binary
        process.arguments = arguments
        process.currentDirectoryURL = box.root
        process.environment = ProcessInfo.processInfo.environment.merging(["GALLEY_TEST_FILE_DELAY_MS": "\(fileDelay)"]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        final class Box: @unchecked Sendable { var data = Data() }
        let stdout = Box(), stderr = Box()
        let group = DispatchGroup()
        group.enter()
        Thread { stdout.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }.start()
        group.enter()
        Thread { stderr.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }.start()
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        for sig in signals {
            kill(process.processIdentifier, sig)
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        group.wait()
        return Galley.Output(status: process.terminationStatus, stdout: String(decoding: stdout.data, as: UTF8.self),
                             stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// Every post is its original or exactly what a whole fix makes of it; returns how many were fixed.
    func check(_ box: Sandbox, against fixed: Sandbox, originals: Sandbox, count: Int) throws -> Int {
        var changed = 0
        for k in 0..<count {
            let path = "posts/\(k % 5)/post-\(k).md"
            let now = try box.read(path)
            if now == (try fixed.read(path)) {
                changed += 1
            } else {
                #expect(now == (try originals.read(path)), "\(path) is neither original nor fixed")
            }
        }
        let leftovers = FileManager.default.enumerator(atPath: box.root.path)?.compactMap { $0 as? String }
            .filter { ($0 as NSString).lastPathComponent.hasPrefix(".galley-") && !$0.hasSuffix(".galley-cache") } ?? []
        #expect(leftovers.isEmpty, "temporaries left: \(leftovers)")
        return changed
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalFinishesTheFilesInFlightPrintsTheSummaryAndExits(_ signal: Int32, _ status: Int32) throws {
        let count = 300
        let box = try posts(count), whole = try posts(count), originals = try posts(count)
        _ = try whole.run("fix", "--no-git", "posts")
        let out = try interrupt(box, ["fix", "--no-git", "--report", "r.json", "posts"], after: 0.8, signals: [signal])
        #expect(out.status == status, "\(out.stderr)")
        #expect(out.stderr.contains("interrupted after "), "\(out.stderr)")
        #expect(out.stdout.contains("fixed "), "the summary of what was done")
        let changed = try check(box, against: whole, originals: originals, count: count)
        #expect(changed > 0 && changed < count, "\(changed) of \(count) fixed: the signal came mid-run")
        #expect(out.stdout.contains("in \(changed) files"), "\(out.stdout.suffix(300))")
        // The report is complete and says the run was interrupted.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(box.read("r.json"))) as? [String: Any])
        #expect(report["interrupted"] as? Bool == true)
        #expect((report["totals"] as? [String: Any])?["changed"] as? Int == changed)
    }

    @Test func aSecondSignalStopsAtOnceAndStillLeavesNoPartialFile() throws {
        let count = 300
        let box = try posts(count), whole = try posts(count), originals = try posts(count)
        _ = try whole.run("fix", "--no-git", "posts")
        let started = Date()
        // Files slow enough that the ones in flight cannot finish between the two signals,
        // and the signals half-way through the second file of each worker (a signal at a
        // file's end, when no file is in flight, would find the run done).
        let out = try interrupt(box, ["fix", "--no-git", "posts"], after: 1.5, signals: [SIGINT, SIGINT], fileDelay: 1000)
        #expect(out.status == 130)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(out.stderr.contains("stopped at once"), "\(out.stderr)")
        #expect(!out.stderr.contains("interrupted after"))
        let changed = try check(box, against: whole, originals: originals, count: count)
        #expect(changed < count)
    }
}
