import Foundation
import Testing

@Suite struct CommandLineTests {
    let post = "---\ntitle: A post\n---\n\nHello&nbsp;world.\n\n<!--kg-card-end: markdown-->\n"

    @Test func checkReportsFindingsInPathOrderAndExitsOne() throws {
        let box = try Sandbox()
        try box.write("b.md", post)
        try box.write("a/z.md", "Clean text.\n")
        try box.write("a/c.markdown", "x&#160;y\n")
        let out = try box.run("check", ".")
        #expect(out.status == 1)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "a/c.markdown:1:2: warning [nbsp-entity] non-breaking space entity `&#160;` in prose [fix: Replace the entity with a space]",
            "b.md:5:6: warning [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]",
            "b.md:7:1: warning [ghost-card-marker] orphaned `kg-card-end: markdown`: no `kg-card-begin: markdown` opens it [fix: Remove the marker line]",
            "3 files, 3 findings, 3 fixable",
        ])
        #expect(out.stderr.isEmpty)
    }

    @Test func aCleanFileExitsZero() throws {
        let box = try Sandbox()
        try box.write("ok.md", "# Title\n\nNothing to see.\n")
        let out = try box.run("check", "ok.md")
        #expect(out.status == 0)
        #expect(out.stdout == "1 file, 0 findings, 0 fixable\n")
    }

    @Test func directoriesSkipGitNodeModulesHiddenAndOtherExtensions() throws {
        let box = try Sandbox()
        for path in [".git/x.md", "node_modules/p/readme.md", ".hidden/a.md", "notes.txt", "docs/page.mdx", "docs/deep/p.md"] {
            try box.write(path, "a&nbsp;b\n")
        }
        let out = try box.run("check")
        let files = Set(out.stdout.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) }
            .filter { !$0.contains(" ") })
        #expect(files == ["docs/deep/p.md", "docs/page.mdx"])
        // A file named explicitly is checked whatever its extension.
        #expect(try box.run("check", "notes.txt").status == 1)
    }

    @Test func fixRewritesInPlaceKeepsPermissionsAndSettles() throws {
        let box = try Sandbox()
        let url = try box.write("post.md", post)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let original = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        let out = try box.run("fix", "post.md")
        #expect(out.status == 0)
        #expect(try box.text("post.md") == "---\ntitle: A post\n---\n\nHello world.\n")
        #expect(out.stdout.contains("fixed 2 findings in 1 file"))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.root.path).filter { $0.hasPrefix(".galley-") }
        #expect(leftovers.isEmpty)
        // A file galley writes is replaced by a rename, so it gets a new inode: an unchanged
        // file keeps its inode (and its bytes).
        let inode = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
        #expect(inode != original, "a fixed file is replaced, not written in place")
        let bytes = try box.read("post.md")
        let again = try box.run("fix", "post.md")
        #expect(again.status == 0)
        #expect(again.stdout.contains("fixed 0 findings in 0 files"))
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int == inode,
                "an unchanged file was written")
        #expect(try box.read("post.md") == bytes)
    }

    @Test func diffPrintsAndWritesNothing() throws {
        let box = try Sandbox()
        try box.write("post.md", post)
        let out = try box.run("fix", "--diff", "post.md")
        #expect(out.status == 1)
        #expect(out.stdout == """
            --- post.md
            +++ post.md
            @@ -2,6 +2,4 @@
             title: A post
             ---
             \n-Hello&nbsp;world.
            -
            -<!--kg-card-end: markdown-->
            +Hello world.

            """)
        #expect(try box.text("post.md") == post)
        #expect(out.stderr.contains("would fix 2 findings in 1 file"))
    }

    @Test func unsafeFixesNeedTheFlag() throws {
        let box = try Sandbox()
        // A misspelt entity shows as text: replacing it is a judgement, so unsafe.
        let input = "See a&NBSP;note here.\n"
        try box.write("p.md", input)
        let safe = try box.run("fix", "p.md")
        #expect(safe.status == 1)
        #expect(safe.stdout.contains("[unsafe fix: Replace the entity with a space]"))
        #expect(safe.stdout.contains("0 fixable (1 more with --unsafe-fixes)"))
        #expect(try box.text("p.md") == input)
        #expect(try box.run("fix", "--unsafe-fixes", "p.md").status == 0)
        #expect(try box.text("p.md") == "See a note here.\n")
    }

    /// `input`'s fix is offered as unsafe, with `label`, and `fix` (safe) leaves the file as it was.
    func expectUnsafeOnly(_ input: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let box = try Sandbox()
        try box.write("p.md", input)
        let out = try box.run("check", "p.md")
        #expect(out.stdout.contains(label), "\(out.stdout)", sourceLocation: sourceLocation)
        #expect(try box.run("fix", "p.md").status == 1, sourceLocation: sourceLocation)
        #expect(try box.text("p.md") == input, sourceLocation: sourceLocation)
    }

    /// An unsafe fix says what it changes, in words that read after "it". Without the
    /// entity the first item starts with a blank line, and the next takes the first's
    /// indentation: the next list item moves into it.
    @Test func anUnsafeFixSaysWhatItChanges() throws {
        try expectUnsafeOnly("-\t&#160;\n  -\n", "[unsafe fix: Remove the entity; it moves line 2 into a list or quote]")
    }

    /// Raw HTML that leaves `<pre><code>` open reads what follows into the code: markup
    /// there is code too, so collapsing doubled emphasis in it is not safe (found by FuzzFix).
    @Test func emphasisInsideCodeLeftOpenByHTMLIsNotSafeToChange() throws {
        try expectUnsafeOnly("<figure class=\"kg-card kg-code-card\"><pre><code>if a\n\n****Breaking****\n",
                             "[unsafe fix: Write the markers once: `**`; it changes the page's markup]")
    }

    @Test func aWithheldFixSaysWhyAndIsNeverApplied() throws {
        let box = try Sandbox()
        let input = "See (_&nbsp;note_) here.\n"
        try box.write("p.md", input)
        let out = try box.run("fix", "--unsafe-fixes", "p.md")
        #expect(out.status == 1)
        #expect(out.stdout.contains("[fix withheld: would change the text (“(” would read “(_”)]"))
        #expect(out.stdout.contains("1 finding, 0 fixable"))
        #expect(try box.text("p.md") == input)
    }

    @Test func selectAndIgnoreChooseRules() throws {
        let box = try Sandbox()
        try box.write("post.md", post)
        let only = try box.run("check", "--select", "ghost-card-marker", "post.md")
        #expect(only.stdout.contains("[ghost-card-marker]") && !only.stdout.contains("[nbsp-entity]"))
        let without = try box.run("check", "--ignore", "ghost-card-marker,front-matter-syntax", "post.md")
        #expect(!without.stdout.contains("[ghost-card-marker]") && without.stdout.contains("[nbsp-entity]"))
        let bad = try box.run("check", "--select", "no-such-rule", "post.md")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown rule `no-such-rule`"))
    }

    @Test func usageErrorsExitTwo() throws {
        let box = try Sandbox()
        #expect(try box.run("check", "--no-such-flag").status == 2)
        let missing = try box.run("check", "missing.md")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.md: No such file or directory"))
    }

    @Test func rulesAndExplainWorkFromTheBinary() throws {
        let box = try Sandbox()
        let rules = try box.run("rules")
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
                == ["nbsp-entity", "nbsp-char", "ghost-card-marker", "ghost-card", "ghost-rendered-markdown", "front-matter-syntax", "mismatched-emphasis",
                    "doubled-emphasis", "missing-image", "image-alt", "front-matter-fields", "unclosed-fence",
                    "ghost-link-tracking", "old-site-link"])
        let explain = try box.run("explain", "ghost-card-marker")
        let page = try String(contentsOf: Galley.repositoryRoot.appendingPathComponent("rules/ghost-card-marker.md"), encoding: .utf8)
        #expect(explain.status == 0)
        // The page, then the settings table from the rule's declaration.
        #expect(explain.stdout.hasPrefix(page))
        #expect(explain.stdout.dropFirst(page.count).hasPrefix("\n## Settings\n"))
        #expect(explain.stdout.contains("| `fix` | `safe`, `unsafe`, `suggestion`, `off` | the rule's own (at best `safe`) |"))
        let nbsp = try box.run("explain", "nbsp-entity")
        #expect(nbsp.stdout.contains("| `french-spacing` | true or false | `true` | Keep a non-breaking space"))
        let fields = try box.run("explain", "front-matter-fields")
        #expect(!fields.stdout.contains("| `fix` |"), "a rule without a fix has no fix setting")
        #expect(try box.run("explain", "nope").status == 2)
    }

    @Test func configurationSeverityOffAndExclude() throws {
        let box = try Sandbox()
        try box.write(".git/HEAD", "ref: refs/heads/main\n")
        try box.write(".galley.yml", "rules:\n  nbsp-entity: error\n  ghost-card-marker: off\nexclude:\n  - drafts/**\n")
        try box.write("posts/p.md", post)
        try box.write("drafts/d.md", post)
        let out = try box.run("check")
        #expect(out.stdout == """
            posts/p.md:5:6: error [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]
            1 file, 1 finding, 1 fixable

            """)
        // A nearer configuration wins for the files below it.
        try box.write("posts/.galley.yml", "rules:\n  nbsp-entity: info\n")
        #expect(try box.run("check").stdout.contains("posts/p.md:5:6: info [nbsp-entity]"))
        // --config overrides the search.
        try box.write("other.yml", "rules:\n  nbsp-entity: off\n")
        #expect(try box.run("check", "--config", "other.yml", "posts").stdout.contains("[ghost-card-marker]"))
    }

    @Test func inlineSuppressionComments() throws {
        let box = try Sandbox()
        try box.write("p.md", "<!-- galley-disable-next-line nbsp-entity -->\na&nbsp;b\n\nc&nbsp;d\n")
        let out = try box.run("check", "p.md")
        #expect(out.stdout.hasPrefix("p.md:4:2: warning [nbsp-entity]"))
        #expect(out.stdout.contains("1 finding"))
    }

    @Test func lineEndingsBOMAndMissingFinalNewlineSurviveAFix() throws {
        let box = try Sandbox()
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\n\r\nUn&nbsp;mot\r\n\r\n<!--kg-card-end: html-->".utf8)
        try box.write("p.md", bytes: input)
        #expect(try box.run("fix", "p.md").status == 0)
        #expect(try box.read("p.md") == [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\n\r\nUn mot".utf8))
    }

    @Test func fixWritesThroughASymbolicLink() throws {
        let box = try Sandbox()
        try box.write("real/p.md", "a&nbsp;b\n")
        try FileManager.default.createSymbolicLink(atPath: box.root.appendingPathComponent("link.md").path,
                                                   withDestinationPath: "real/p.md")
        #expect(try box.run("fix", "link.md").status == 0)
        #expect(try box.text("real/p.md") == "a b\n")
        let kind = try FileManager.default.attributesOfItem(atPath: box.root.appendingPathComponent("link.md").path)[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
    }
}

@Suite struct FileSystemTests {
    @Test func aFileReachedTwiceIsCheckedOnceAndLinkCyclesEnd() throws {
        let box = try Sandbox()
        try box.write("d/x.md", "a&nbsp;b\n")
        try FileManager.default.createSymbolicLink(atPath: box.root.appendingPathComponent("d/self").path, withDestinationPath: ".")
        let out = try box.run("check", "d", "d/x.md", "d/../d/x.md")
        #expect(out.stdout == "d/x.md:1:2: warning [nbsp-entity] non-breaking space entity `&nbsp;` in prose [fix: Replace the entity with a space]\n1 file, 1 finding, 1 fixable\n")
        let fix = try box.run("fix", "d/x.md", "d/../d/x.md")
        #expect(fix.status == 0)
        #expect(try box.text("d/x.md") == "a b\n")
    }

    @Test func aFileNameThatIsNotUTF8IsReported() throws {
        let box = try Sandbox()
        try box.write("ok.md", "fine\n")
        // caf\xE9.md: a Latin-1 file name.
        var name = Array((box.root.path + "/caf").utf8CString.dropLast().map(UInt8.init(bitPattern:)))
        name += [0xE9] + Array(".md".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let out = try box.run("check", ".")
        #expect(out.status == 2)
        #expect(out.stderr.contains("the file name is not valid UTF-8; skipped"))
        #expect(out.stdout.contains("ok.md") == false)  // clean, so not listed
        #expect(out.stdout.contains("1 file, 0 findings"))
    }

    @Test func aClosedPipeIsNotAnError() throws {
        let box = try Sandbox()
        try box.write("p.md", String(repeating: "a&nbsp;b\n\n", count: 20_000))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.currentDirectoryURL = box.root
        // galley's own status, from inside the pipeline (141 would mean killed by SIGPIPE).
        process.arguments = ["-c", "( '\(Galley.binary.path)' check p.md; echo \"status=$?\" >&2 ) | head -1 >/dev/null"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("status=1"), "\(text)")
    }
}
