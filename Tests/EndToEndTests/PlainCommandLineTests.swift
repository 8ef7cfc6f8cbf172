import Foundation
import Testing

/// `galley check FILE...` and `galley fix FILE...` (what the hooks run) are started
/// without ArgumentParser; the same runs spelled with an option that changes nothing
/// (`--format text`) go through it. Both must print, write and exit alike, for posts with
/// findings, a path that does not exist and a file that is not UTF-8.
@Suite struct PlainCommandLineTests {
    func box() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("posts/a.md", bytes: try Sandbox.fixture("examples/ghost-export-post.md"))
        try box.write("posts/b.md", "Plain&nbsp;text.\n\n<!--kg-card-end: markdown-->\n")
        try box.write("posts/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        return box
    }

    @Test func checkPrintsAndExitsAsArgumentParsersRunDoes() throws {
        let box = try box()
        for paths in [["posts/a.md", "posts/b.md"], ["posts"], ["posts/b.md", "posts/gone.md"], ["posts/latin1.md"]] {
            let plain = try box.run(["check"] + paths)
            let parsed = try box.run(["check", "--format", "text"] + paths)
            #expect(plain.status == parsed.status, "\(paths)")
            #expect(plain.stdout == parsed.stdout, "\(paths)")
            #expect(plain.stderr == parsed.stderr, "\(paths)")
        }
        let findings = try box.run("check", "posts/b.md")
        #expect(findings.status == 1)
        #expect(findings.stdout.hasPrefix("posts/b.md:1:6: warning [nbsp-entity]"))
        #expect(try box.run("check", "posts/gone.md").status == 2)
    }

    @Test func fixWritesPrintsAndExitsAsArgumentParsersRunDoes() throws {
        let plainBox = try box()
        let parsedBox = try box()
        let plain = try plainBox.run("fix", "posts")
        let parsed = try parsedBox.run("fix", "--format", "text", "posts")
        // (Each box's messages name its own folder.)
        func same(_ a: String, _ b: String) -> Bool {
            a.replacingOccurrences(of: plainBox.root.path, with: "ROOT") == b.replacingOccurrences(of: parsedBox.root.path, with: "ROOT")
        }
        #expect(plain.status == parsed.status)
        #expect(same(plain.stdout, parsed.stdout))
        #expect(same(plain.stderr, parsed.stderr))
        for name in ["posts/a.md", "posts/b.md", "posts/latin1.md"] {
            #expect(try plainBox.read(name) == parsedBox.read(name), "\(name)")
        }
        #expect(try plainBox.text("posts/b.md") == "Plain text.\n")
    }
}
