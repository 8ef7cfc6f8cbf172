import Foundation
import Testing

/// Bad input gets a message naming the file, exit 2, an untouched file, and the rest
/// of the run still happens.
@Suite struct BadInputTests {
    let good = "Good&nbsp;post.\n"

    @Test(arguments: ["check", "fix"])
    func invalidUTF8(_ command: String) throws {
        let box = try Sandbox()
        let bad: [UInt8] = Array("Caf".utf8) + [0xE9] + Array("&nbsp;au lait\n".utf8)  // Latin-1 é
        try box.write("bad.md", bytes: bad)
        try box.write("good.md", good)
        let out = try box.run(command, ".")
        #expect(out.status == 2)
        #expect(out.stderr.contains("galley: error: bad.md: not valid UTF-8 (byte 0xE9 at line 1, column 4)"))
        #expect(try box.read("bad.md") == bad)
        if command == "check" {
            #expect(out.stdout.contains("good.md:1:5: warning [nbsp-entity]"))
        } else {
            #expect(try box.text("good.md") == "Good post.\n")
        }
        #expect(out.stdout.contains("1 file with errors"))
    }

    /// Root reads any file, so as root the test runs galley as `nobody` (setpriv, from
    /// util-linux); without setpriv it is skipped, visibly.
    static let canDropPrivileges = geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canDropPrivileges, "running as root without /usr/bin/setpriv: a file mode cannot stop root"))
    func unreadableFile() throws {
        let box = try Sandbox()
        let url = try box.write("secret.md", good)
        try box.write("good.md", good)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        var user: String?
        if geteuid() == 0 {
            user = "65534"
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.root.path)
            // nobody's own post: fix keeps a file's owner or refuses to replace it.
            try FileManager.default.setAttributes([.posixPermissions: 0o644, .ownerAccountID: 65534, .groupOwnerAccountID: 65534],
                                                  ofItemAtPath: box.root.appendingPathComponent("good.md").path)
        }
        let out = try Galley.run(["fix", "secret.md", "good.md"], in: box.root, asUser: user)
        #expect(out.status == 2)
        #expect(out.stderr.contains("galley: error: secret.md: cannot read the file: Permission denied"))
        #expect(try box.text("good.md") == "Good post.\n")
    }

    @Test(arguments: ["check", "fix"])
    func malformedConfiguration(_ command: String) throws {
        let box = try Sandbox()
        try box.write(".git/HEAD", "ref: refs/heads/main\n")
        try box.write("broken/.galley.yml", "rules:\n  nbsp-entity: [error\n")
        try box.write("broken/a.md", good)
        try box.write("broken/b.md", good)
        try box.write("fine/c.md", good)
        let out = try box.run(command, ".")
        #expect(out.status == 2)
        // One message for the configuration, naming it with line and column.
        let messages = out.stderr.split(separator: "\n").filter { $0.contains("broken/.galley.yml:") }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("galley: error: broken/.galley.yml:2:22: ") == true)
        #expect(out.stderr.contains("broken/a.md: not checked: its configuration broken/.galley.yml is invalid"))
        #expect(try box.text("broken/a.md") == good)
        #expect(try box.text("broken/b.md") == good)
        if command == "fix" {
            #expect(try box.text("fine/c.md") == "Good post.\n")
        } else {
            #expect(out.stdout.contains("fine/c.md:1:5:"))
        }
    }

    @Test func configurationGivenWithConfigMustBeUsable() throws {
        let box = try Sandbox()
        try box.write("p.md", good)
        try box.write("c.yml", "rules:\n  unknown-rule: off\n")
        let out = try box.run("fix", "--config", "c.yml", "p.md")
        #expect(out.status == 2)
        #expect(out.stderr.contains("c.yml:2:3: unknown rule `unknown-rule`"))
        #expect(try box.text("p.md") == good)
        let missing = try box.run("check", "--config", "nope.yml", "p.md")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml"))
    }

    @Test func frontMatterErrorsAreReportedWithTheirLine() throws {
        let box = try Sandbox()
        try box.write("p.md", "---\ntitle: ok\ntitle: again\ncover: \"unclosed\n---\n\nBody.\n")
        let out = try box.run("check", "p.md")
        #expect(out.status == 1)
        #expect(out.stdout.contains("p.md:3:1: error [front-matter-syntax] duplicate key `title` in front matter (first set on line 2)"))
        #expect(out.stdout.contains("error [front-matter-syntax] front matter is not valid YAML"))
    }

    @Test func tomlFrontMatterIsSkippedAndSaidSoInVerbose() throws {
        let box = try Sandbox()
        try box.write("p.md", "+++\ntitle = \"a&nbsp;b\"\n+++\n\nText.\n")
        let out = try box.run("check", "--verbose", "p.md")
        #expect(out.status == 0)
        #expect(out.stderr.contains("p.md: skipped TOML front matter"))
    }
}
