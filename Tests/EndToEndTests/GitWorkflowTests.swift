import Foundation
import Testing

/// Git-aware discovery, `--changed-since`, baselines and `--stdin`, in temporary git
/// repositories, as a pre-commit hook, a CI job or an editor would run galley.
@Suite struct GitWorkflowTests {
    let bad = "Hello&nbsp;world.\n"

    func repository() throws -> Sandbox {
        let box = try Sandbox()
        try box.git("init", "--quiet", ".")
        return box
    }

    func files(_ out: Galley.Output) -> [String] {
        out.stdout.split(separator: "\n").compactMap { line in
            line.contains(": warning [") ? String(line[..<line.firstIndex(of: ":")!]) : nil
        }
    }

    /// A parent that ignores SIGCHLD (exec keeps that) must not make git's exit status
    /// vanish: the kernel would reap git first and galley would walk the folders instead.
    @Test func aParentIgnoringSIGCHLDStillHasGitsAnswer() throws {
        let box = try repository()
        try box.write(".gitignore", "ignored/\n")
        try box.write("posts/a.md", bad)
        try box.write("ignored/b.md", bad)
        let script = "import os, signal, sys; signal.signal(signal.SIGCHLD, signal.SIG_IGN); os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Galley.binary.path, "check"]
        process.currentDirectoryURL = box.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(files(Galley.Output(status: process.terminationStatus, stdout: out, stderr: "")) == ["posts/a.md"], "\(out)")
    }

    /// ^C while git answers (a slow git: a script that notes it started, waits in the shell
    /// itself for a file the test makes after the signal, runs git and notes it finished)
    /// reaches galley's process group, not git's, which runs in its own: every git galley
    /// started finishes its answer, and galley stops as interrupted (130), not with a git
    /// error (2) or a walk of the folders instead of git's list.
    @Test func anInterruptWhileGitAnswersStopsGalleyNotGit() throws {
        let box = try repository()
        try box.write("a.md", bad)
        try box.git("add", "a.md")
        _ = try box.git("-c", "user.email=a@b.c", "-c", "user.name=a", "commit", "--quiet", "-m", "x")
        let real = try #require(ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        let started = box.root.appendingPathComponent("git-started").path
        let go = box.root.appendingPathComponent("git-go").path
        let log = box.root.appendingPathComponent("git-log").path
        try box.write("bin/git", """
            #!/bin/sh
            echo started >> '\(log)'
            touch '\(started)'
            while [ ! -e '\(go)' ]; do :; done
            \(real) "$@"
            status=$?
            echo finished >> '\(log)'
            exit $status

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: box.root.appendingPathComponent("bin/git").path)
        let script = """
            import os, signal, subprocess, sys, time
            env = dict(os.environ, PATH=sys.argv[1] + ":" + os.environ["PATH"])
            p = subprocess.Popen(sys.argv[4:], preexec_fn=os.setpgrp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(200):
                if os.path.exists(sys.argv[2]): break
                time.sleep(0.05)
            time.sleep(0.2)
            os.killpg(p.pid, signal.SIGINT)
            time.sleep(0.3)
            open(sys.argv[3], "w").close()
            out, err = p.communicate()
            sys.stdout.write("%d\\n%s" % (p.returncode, err.decode()))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, box.root.appendingPathComponent("bin").path, started, go,
                             Galley.binary.path, "check", "--changed-since", "HEAD"]
        process.currentDirectoryURL = box.root
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out.hasPrefix("130\n"), "\(out)")
        #expect(out.contains("interrupted"), "\(out)")
        #expect(!out.contains("git exited"), "\(out)")
        let runs = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(!runs.isEmpty && runs.filter { $0 == "started" }.count == runs.filter { $0 == "finished" }.count, "\(runs)")
    }

    @Test func directoriesExpandToWhatGitTracksOrWouldTrack() throws {
        let box = try repository()
        try box.write(".gitignore", "build/\n*.draft.md\n")
        try box.write("posts/tracked.md", bad)
        try box.write("posts/new.md", bad)  // untracked, not ignored
        try box.write("posts/idea.draft.md", bad)
        try box.write("build/out.md", bad)
        try box.write("sub/.git-like/x.md", bad)  // hidden directory: skipped as without git
        try box.git("add", "posts/tracked.md", ".gitignore")
        try box.git("commit", "--quiet", "-m", "start")
        let out = try box.run("check")
        #expect(files(out) == ["posts/new.md", "posts/tracked.md"])
        #expect(files(try box.run("check", "posts")) == ["posts/new.md", "posts/tracked.md"])
        // --no-git walks the directories and finds the ignored files too.
        #expect(files(try box.run("check", "--no-git")) == ["build/out.md", "posts/idea.draft.md", "posts/new.md", "posts/tracked.md"])
        // A file named on the command line is checked even when git ignores it.
        #expect(files(try box.run("check", "build/out.md")) == ["build/out.md"])
        // A tracked file deleted in the work tree is not an error.
        try FileManager.default.removeItem(at: box.root.appendingPathComponent("posts/tracked.md"))
        let afterDelete = try box.run("check")
        #expect(afterDelete.status == 1 && afterDelete.stderr.isEmpty)
        #expect(files(afterDelete) == ["posts/new.md"])
    }

    @Test func aFileNameThatIsNotUTF8IsReportedWithGitToo() throws {
        let box = try repository()
        try box.write("ok.md", bad)
        // caf\xE9.md: a Latin-1 file name, untracked.
        let name = Array(box.root.appendingPathComponent("caf").path.utf8) + [0xE9] + Array(".md".utf8)
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let out = try box.run("check")
        #expect(out.status == 2)
        #expect(out.stderr.contains("caf\u{FFFD}.md: the file name is not valid UTF-8; skipped"))
        #expect(files(out) == ["ok.md"])
    }

    @Test func changedSinceLintsOnlyWhatTheBranchChanged() throws {
        let box = try repository()
        try box.write("posts/old.md", bad)
        try box.write("posts/edited.md", "Clean.\n")
        try box.write("posts/removed.md", bad)
        try box.write("notes.txt", "not markdown&nbsp;\n")
        try box.git("add", ".")
        try box.git("commit", "--quiet", "-m", "main")
        try box.git("checkout", "--quiet", "-b", "feature")
        try box.write("posts/edited.md", "Clean.\n\n" + bad)
        try box.write("posts/committed.md", bad)
        try box.git("rm", "--quiet", "posts/removed.md")
        try box.write("notes.txt", "still not markdown&nbsp;\n")
        try box.git("add", ".")
        try box.git("commit", "--quiet", "-m", "feature work")
        try box.write("posts/unstaged.md", bad)  // untracked: new content, so included
        try box.git("checkout", "--quiet", "main")
        try box.write("posts/old.md", bad + "more\n")  // a change on main after the branch point
        try box.git("commit", "--quiet", "-am", "main moves on")
        try box.git("checkout", "--quiet", "feature")

        let out = try box.run("check", "--changed-since", "main")
        #expect(out.status == 1)
        // posts/old.md changed on main only: the merge base excludes it; removed and .txt files are not linted.
        #expect(files(out) == ["posts/committed.md", "posts/edited.md", "posts/unstaged.md"])
        #expect(out.stdout.contains("posts/edited.md:3:6: warning [nbsp-entity]"))
        // Restricted to the paths given.
        #expect(files(try box.run("check", "--changed-since", "main", "posts/edited.md")) == ["posts/edited.md"])
        // Nothing changed: clean.
        try box.git("add", ".")
        try box.git("commit", "--quiet", "-m", "all in")
        let none = try box.run("check", "--changed-since", "HEAD")
        #expect(none.status == 0)
        #expect(none.stdout == "0 files, 0 findings, 0 fixable\n")
        // A working-tree edit of a committed file counts.
        try box.write("posts/old.md", bad + "edited\n")
        #expect(files(try box.run("check", "--changed-since", "HEAD")) == ["posts/old.md"])

        let badRef = try box.run("check", "--changed-since", "no-such-branch")
        #expect(badRef.status == 2)
        #expect(badRef.stderr.contains("no-such-branch"))
    }

    @Test func changedSinceOutsideARepositoryIsAnError() throws {
        let box = try Sandbox()
        try box.write("p.md", bad)
        let out = try box.run("check", "--changed-since", "main")
        #expect(out.status == 2)
        #expect(out.stderr.contains("--changed-since needs a git work tree"))
    }

    @Test func baselineSurvivesEditsElsewhereAndReportsNewFindings() throws {
        let box = try repository()
        let post = "---\ntitle: Old\n---\n\nFirst&nbsp;line.\n\nSame&nbsp;text.\n\nSame&nbsp;text.\n\n<!--kg-card-end: markdown-->\n"
        try box.write("content/old.md", post)
        try box.write("content/other.md", "Other&nbsp;post.\n")
        let write = try box.run("check", "--write-baseline", ".galley-baseline.json")
        #expect(write.status == 0)
        #expect(write.stderr.contains("wrote 5 findings to the baseline"))
        let baseline = try #require(try JSONSerialization.jsonObject(with: Data(try box.read(".galley-baseline.json"))) as? [String: Any])
        #expect(baseline["version"] as? Int == 1)
        let entries = try #require(baseline["findings"] as? [[String: Any]])
        #expect(entries.map { $0["path"] as? String } == ["content/old.md", "content/old.md", "content/old.md", "content/old.md", "content/other.md"])
        #expect(entries.map { $0["occurrence"] as? Int } == [0, 0, 1, 0, 0], "the two `Same&nbsp;text.` lines are occurrences 0 and 1")

        let clean = try box.run("check", "--baseline", ".galley-baseline.json")
        #expect(clean.status == 0)
        #expect(clean.stdout == "2 files, 0 findings, 0 fixable; 5 more in the baseline\n")

        // Lines inserted above every baselined finding: still all suppressed.
        try box.write("content/old.md", "---\ntitle: Old\ntags: [a, b]\n---\n\nA new intro.\n\nAnother paragraph.\n\n" + post.dropFirst("---\ntitle: Old\n---\n\n".count))
        let moved = try box.run("check", "--baseline", ".galley-baseline.json")
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect(moved.stdout.contains("5 more in the baseline"))

        // A new finding is reported, including a third copy of a baselined line.
        try box.write("content/old.md", try box.text("content/old.md") + "\nSame&nbsp;text.\n\nBrand&nbsp;new.\n")
        let fresh = try box.run("check", "--baseline", ".galley-baseline.json")
        #expect(fresh.status == 1)
        #expect(fresh.stdout.split(separator: "\n").map(String.init) == [
            "content/old.md:18:5: warning [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]",
            "content/old.md:20:6: warning [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]",
            "2 files, 2 findings, 2 fixable; 5 more in the baseline",
        ])
        // Paths are relative to the repository root, wherever galley runs from.
        let fromSub = try Galley.run(["check", "--baseline", "../.galley-baseline.json", "other.md"],
                                     in: box.root.appendingPathComponent("content"))
        #expect(fromSub.status == 0, "\(fromSub.stdout)")
        // A changed line is a new finding.
        try box.write("content/other.md", "Other&nbsp;post, edited.\n")
        #expect(try box.run("check", "--baseline", ".galley-baseline.json", "content/other.md").status == 1)
        // The baseline in machine formats too.
        let json = try box.run("check", "--format", "json", "--baseline", ".galley-baseline.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((doc["summary"] as? [String: Any])?["baselined"] as? Int == 4)
        #expect((doc["findings"] as? [Any])?.count == 3)
        // A file that is not a baseline is an error.
        try box.write("bad.json", "{\"version\": 99}")
        #expect(try box.run("check", "--baseline", "bad.json").status == 2)
    }

    @Test func stdinCheckUsesTheNameForReportsAndConfiguration() throws {
        let box = try repository()
        try box.write("posts/.galley.yml", "rules:\n  nbsp-entity: error\n")
        try box.write("drafts/.galley.yml", "exclude:\n  - \"*.md\"\n")
        let input = Array("---\ntitle: x\n---\n\nIn&nbsp;memory.\n".utf8)
        let out = try box.run(["check", "--stdin", "--stdin-filename", "posts/new.md"], stdin: input)
        #expect(out.status == 1)
        #expect(out.stdout == "posts/new.md:5:3: error [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]\n1 file, 1 finding, 1 fixable\n")
        #expect(FileManager.default.fileExists(atPath: box.root.appendingPathComponent("posts/new.md").path) == false)
        let github = try box.run(["check", "--stdin", "--stdin-filename", "posts/a,b.md", "--format", "github"], stdin: input)
        #expect(github.stdout.hasPrefix("::error file=posts/a%2Cb.md,line=5,col=3,endLine=5,endColumn=9,"))
        let excluded = try box.run(["check", "--stdin", "--stdin-filename", "drafts/x.md"], stdin: input)
        #expect(excluded.status == 0)
        let unnamed = try box.run(["check", "--stdin"], stdin: Array("ok\n".utf8))
        #expect(unnamed.status == 0 && unnamed.stdout == "1 file, 0 findings, 0 fixable\n")
        let latin1 = try box.run(["check", "--stdin", "--stdin-filename", "p.md"], stdin: Array("caf".utf8) + [0xE9])
        #expect(latin1.status == 2)
        #expect(latin1.stderr.contains("p.md: not valid UTF-8"))
    }

    @Test func stdinFixWritesTheDocumentToStandardOutput() throws {
        let box = try repository()
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\n\r\nUn&nbsp;mot\r\n\r\n<!--kg-card-end: html-->\r\n".utf8)
        let out = try box.run(["fix", "--stdin", "--stdin-filename", "p.md"], stdin: input)
        #expect(out.status == 0)
        #expect(out.stdoutBytes == [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\n\r\nUn mot\r\n".utf8))
        #expect(out.stderr.contains("fixed 2 findings in 1 file"), "the report goes to standard error")
        #expect(FileManager.default.fileExists(atPath: box.root.appendingPathComponent("p.md").path) == false)
        // A clean document comes back byte for byte, without a final newline too.
        let clean: [UInt8] = Array("# Title\n\nNo final newline".utf8)
        let echo = try box.run(["fix", "--stdin", "--stdin-filename", "p.md"], stdin: clean)
        #expect(echo.status == 0)
        #expect(echo.stdoutBytes == clean)
        // What a safe fix cannot settle is reported (exit 1) and the rest is still fixed.
        let unsafe = try box.run(["fix", "--stdin", "--stdin-filename", "p.md", "--quiet"], stdin: Array("See (_&nbsp;note_) and a&nbsp;b.\n".utf8))
        #expect(unsafe.status == 1)
        #expect(unsafe.stdout == "See (_&nbsp;note_) and a b.\n")
        #expect(unsafe.stderr.hasPrefix("p.md:1:7: warning [nbsp-entity]"))
        // Input that cannot be checked comes back unchanged, with exit 2.
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array("&nbsp;\n".utf8)
        let bad = try box.run(["fix", "--stdin", "--stdin-filename", "p.md"], stdin: latin1)
        #expect(bad.status == 2)
        #expect(bad.stdoutBytes == latin1)
        // --diff prints the diff instead of the document.
        let diff = try box.run(["fix", "--stdin", "--stdin-filename", "p.md", "--diff"], stdin: Array("a&nbsp;b\n".utf8))
        #expect(diff.status == 1)
        #expect(diff.stdout == "--- p.md\n+++ p.md\n@@ -1 +1 @@\n-a&nbsp;b\n+a b\n")
    }
}
