import Foundation
import Testing

/// `fix --report`, `--backup` and `--unsafe-fixes-for` on real posts.
@Suite struct BulkFixTests {
    static let french = "fixtures/nbsp-french-post/input.md"
    static let markers = "fixtures/ghost-markers-damaged/input.md"
    static let code = "fixtures/code-untouched/input.md"

    func site() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("_posts/a.md", bytes: try Sandbox.fixture(Self.french))
        try box.write("_posts/b.md", bytes: try Sandbox.fixture(Self.markers))
        try box.write("_posts/sub/c.md", bytes: try Sandbox.fixture(Self.code))
        try box.write("_posts/clean.md", "# Clean\n\nNothing to fix here.\n")
        return box
    }

    func json(_ box: Sandbox, _ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(box.read(path))) as? [String: Any])
    }

    func sha256(_ bytes: [UInt8]) throws -> String {
        String(String(decoding: try Sandbox.filter("/usr/bin/sha256sum", input: bytes), as: UTF8.self).prefix(64))
    }

    @Test func reportRecordsHashesFixesAndTotals() throws {
        let box = try site()
        let before = try ["a", "b", "sub/c"].map { try box.read("_posts/\($0).md") }
        let out = try box.run("fix", "--no-git", "--report", "report.json", "_posts")
        #expect(out.status == 1)  // missing images remain
        let doc = try json(box, "report.json")
        #expect(doc["version"] as? Int == 1)
        #expect(doc["interrupted"] as? Bool == false)
        let files = try #require(doc["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["_posts/a.md", "_posts/b.md", "_posts/sub/c.md"])
        for (k, name) in ["a", "b", "sub/c"].enumerated() {
            let entry = files[k]
            #expect(entry["status"] as? String == "fixed")
            #expect(entry["sha256Before"] as? String == (try sha256(before[k])))
            #expect(entry["sha256After"] as? String == (try sha256(try box.read("_posts/\(name).md"))))
            #expect(entry["backup"] is NSNull)
        }
        // c.md: four markers and three entities, each on its own line of the file as read.
        let fixes = try #require(files[2]["fixes"] as? [[String: Any]])
        #expect(fixes.map { "\($0["line"]!) \($0["rule"]!) \($0["count"]!)" } == [
            "11 ghost-card-marker 1", "13 nbsp-entity 1", "35 nbsp-entity 1", "37 ghost-card-marker 1",
            "42 ghost-card-marker 1", "50 nbsp-entity 1", "52 ghost-card-marker 1",
        ])
        let totals = try #require(doc["totals"] as? [String: Any])
        let fixed = files.flatMap { ($0["fixes"] as? [[String: Any]]) ?? [] }.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(totals["fixes"] as? Int == fixed)
        #expect(out.stdout.contains("fixed \(fixed) findings in 3 files"))
        #expect(totals["changed"] as? Int == 3)
        #expect(totals["files"] as? Int == 4)
        let rules = try #require(totals["rules"] as? [[String: Any]])
        #expect(rules.reduce(0) { $0 + ($1["fixed"] as? Int ?? 0) } == fixed)
        #expect(rules.map { $0["rule"] as? String ?? "" } == rules.map { $0["rule"] as? String ?? "" }.sorted())
    }

    @Test func reportSaysWhyAFixWasWithheld() throws {
        let box = try Sandbox()
        // The entity's space would end the emphasis early: the proof withholds its fix.
        let post = Array("# Note\n\nFine&nbsp;here.\n\nSee (_&nbsp;note_) here.\n".utf8)
        try box.write("p.md", bytes: post)
        let check = try box.run("check", "--no-git", "--format", "json", "p.md")
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let withheld = findings.compactMap { ($0["fix"] as? [String: Any])?["withheld"] as? String }
        try #require(!withheld.isEmpty, "the example needs a withheld fix: \(check.stdout)")
        _ = try box.run("fix", "--no-git", "--report", "r.json", "p.md")
        let files = try #require(try json(box, "r.json")["files"] as? [[String: Any]])
        let entry = try #require(files.first)
        let reasons = try #require(entry["withheld"] as? [[String: Any]])
        #expect(reasons.map { $0["reason"] as? String ?? "" } == withheld)
        #expect(reasons.first?["rule"] as? String == "nbsp-entity")
        #expect(reasons.first?["line"] as? Int == 5)
        #expect(entry["status"] as? String == "fixed", "the other entity was fixed")
        #expect(try box.text("p.md") == "# Note\n\nFine here.\n\nSee (_&nbsp;note_) here.\n")
    }

    @Test func backupKeepsTheOriginalAndNeverOverwritesIt() throws {
        let box = try site()
        let original = try box.read("_posts/a.md")
        let first = try box.run("fix", "--no-git", "--backup", "bk", "--report", "r1.json", "_posts")
        #expect(first.status == 1)
        #expect(try box.read("bk/_posts/a.md") == original)
        #expect(try box.read("bk/_posts/sub/c.md") == Sandbox.fixture(Self.code))
        #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("bk/_posts/clean.md").path), "only replaced files")
        let once = try box.read("_posts/a.md")
        #expect(once != original)
        // A second pass (unsafe fixes of one rule) keeps the first original and says so.
        let second = try box.run("fix", "--no-git", "--backup", "bk", "--report", "r2.json", "--unsafe-fixes-for", "nbsp-entity", "_posts")
        #expect(try box.read("_posts/a.md") != once)
        #expect(try box.read("bk/_posts/a.md") == original)
        #expect(second.stderr.contains("kept 1 earlier backup in bk"), "\(second.stderr)")
        let files = try #require(try json(box, "r2.json")["files"] as? [[String: Any]])
        let a = try #require(files.first { $0["path"] as? String == "_posts/a.md" })
        #expect(a["backup"] as? String == "bk/_posts/a.md")
        #expect(a["backupKept"] as? Bool == true)
        #expect(try json(box, "r1.json")["files"].map { (($0 as? [[String: Any]])?.first?["backupKept"] as? Bool) } == false)
        // The backup folder is never linted, even when it lies inside the paths given.
        let all = try box.run("check", "--no-git", "--format", "json", ".")
        #expect(all.stdout.contains("bk/_posts/a.md"), "check alone does look there")
        let fixAll = try box.run("fix", "--no-git", "--backup", "bk", "--unsafe-fixes", ".")
        #expect(!fixAll.stdout.contains("bk/"), "\(fixAll.stdout)")
        #expect(try box.read("bk/_posts/a.md") == original)
    }

    @Test func backupOfAFileOutsideTheWorkingDirectoryStaysInsideTheFolder() throws {
        let box = try Sandbox()
        try box.write("work/keep.txt", "x")
        try box.write("elsewhere/post.md", bytes: try Sandbox.fixture(Self.code))
        let work = box.root.appendingPathComponent("work")
        let out = try Galley.run(["fix", "--no-git", "--backup", "bk", "../elsewhere/post.md"], in: work)
        #expect(out.status == 0, "\(out.stderr)")
        let inside = work.appendingPathComponent("bk/_outside").path + box.root.appendingPathComponent("elsewhere/post.md").standardizedFileURL.path
        #expect(FileManager.default.contents(atPath: inside).map { [UInt8]($0) } == (try Sandbox.fixture(Self.code)), "\(inside)")
        // Nothing was written beside the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["bk", "keep.txt"])
    }

    /// A backup folder that cannot be made: the reason in words (errno's), the file kept.
    @Test func aBackupFolderThatCannotBeMadeSaysWhy() throws {
        let box = try site()
        try box.write("bk", "a file where the folder would go\n")
        let original = try box.read("_posts/a.md")
        let out = try box.run("fix", "--no-git", "--backup", "bk/inner", "_posts/a.md")
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot create the backup folder bk/inner: File exists; the file was not modified"), "\(out.stderr)")
        #expect(try box.read("_posts/a.md") == original)
    }

    @Test func aLinkPlantedInTheBackupFolderIsNotFollowed() throws {
        let box = try site()
        try FileManager.default.createDirectory(at: box.root.appendingPathComponent("bk"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: box.root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: box.root.appendingPathComponent("bk/_posts").path,
                                                   withDestinationPath: box.root.appendingPathComponent("outside").path)
        let original = try box.read("_posts/a.md")
        let out = try box.run("fix", "--no-git", "--backup", "bk", "_posts/a.md")
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot back it up"), "\(out.stderr)")
        #expect(try box.read("_posts/a.md") == original, "not replaced without its backup")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("outside").path).isEmpty)
    }

    @Test func unsafeFixesForAppliesTheNamedRulesOnly() throws {
        let box = try site()
        // a.md has an unsafe nbsp-entity fix (`&NBSP;`); the site's images let missing-image offer unsafe fixes too.
        let safe = try site(), all = try site()
        _ = try safe.run("fix", "--no-git", "_posts")
        _ = try all.run("fix", "--no-git", "--unsafe-fixes", "_posts")
        let some = try box.run("fix", "--no-git", "--unsafe-fixes-for", "nbsp-entity", "--format", "json", "_posts")
        let a = try box.text("_posts/a.md")
        #expect(a != (try safe.text("_posts/a.md")))
        #expect(!a.contains("&NBSP;"))
        #expect(try safe.text("_posts/a.md").contains("&NBSP;"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(some.stdout.utf8)) as? [String: Any])
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "nbsp-entity" })
        // --unsafe-fixes is unchanged: every rule's unsafe fixes.
        #expect(!(try all.text("_posts/a.md")).contains("&NBSP;"))
        let bad = try box.run("fix", "--unsafe-fixes-for", "no-such-rule", "_posts")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown rule `no-such-rule`"))
        #expect(try box.run("fix", "--unsafe-fixes-for", "", "_posts").status == 2)
    }

    @Test func unsafeFixesForLeavesOtherRulesUnsafeFixesAlone() throws {
        let box = try Sandbox()
        // missing-image's unsafe fix: a unique same-name file elsewhere on the site.
        let post = "---\ntitle: t\n---\n\n![a](/content/images/2020/01/x.jpg) and &NBSP; here\n"
        try box.write("_posts/p.md", post)
        try box.write("assets/img/x.jpg", bytes: [0xFF, 0xD8])
        let check = try box.run("check", "--no-git", "--format", "json", "_posts")
        let applicabilities = ((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? [])
            .map { "\($0["rule"]!) \((($0["fix"] as? [String: Any])?["applicability"] as? String) ?? "none")" }
        try #require(applicabilities.contains("missing-image unsafe") && applicabilities.contains("nbsp-entity unsafe"), "\(applicabilities)")
        _ = try box.run("fix", "--no-git", "--unsafe-fixes-for", "missing-image", "_posts")
        let fixed = try box.text("_posts/p.md")
        #expect(!fixed.contains("/content/images/2020/01/x.jpg"))
        #expect(fixed.contains("&NBSP;"))
    }

    @Test func reportAndBackupAreUsageErrorsWithDiffOrStdin() throws {
        let box = try site()
        #expect(try box.run("fix", "--diff", "--report", "r.json", "_posts").status == 2)
        #expect(try box.run("fix", "--diff", "--backup", "bk", "_posts").status == 2)
        #expect(try box.run(["fix", "--stdin", "--backup", "bk"], stdin: Array("x\n".utf8)).status == 2)
    }
}
