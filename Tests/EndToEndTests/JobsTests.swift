import Foundation
import Testing

/// However many files are processed at once, the output is the same, byte for byte, in
/// every format, and `fix` writes the same bytes.
@Suite struct JobsTests {
    /// Forty posts in nested folders, made from the fixtures' inputs (each with findings),
    /// an unreadable one and one that is not UTF-8, so the order of findings, notes and
    /// errors all show.
    func tree() throws -> Sandbox {
        let box = try Sandbox()
        let inputs = try ["nbsp-french-post", "ghost-markers-damaged", "code-untouched", "crlf-and-bom", "ghost-card-marker-html"]
            .map { try Sandbox.fixture("fixtures/\($0)/input.md") }
        for k in 0..<40 {
            try box.write("posts/\(k % 3)/\(k % 7)/post-\(k).md", bytes: inputs[k % inputs.count])
        }
        try box.write("posts/latin1.md", bytes: Array("caf".utf8) + [0xE9] + Array("&nbsp;\n".utf8))
        return box
    }

    @Test(arguments: ["text", "json", "sarif", "github", "junit"])
    func checkGivesTheSameOutputOnOneCoreAndOnFour(_ format: String) throws {
        let box = try tree()
        let one = try box.run(["check", "--no-git", "--format", format, "--jobs", "1", "posts"])
        let four = try box.run(["check", "--no-git", "--format", format, "--jobs", "4", "posts"])
        #expect(one.status == 2)  // findings, and a file that is not UTF-8
        #expect(one.stdout.count > 1_000)
        #expect(one.stdout == four.stdout)
        #expect(one.stderr == four.stderr)
    }

    @Test func fixWritesTheSameBytesOnOneCoreAndOnFour() throws {
        let one = try tree(), four = try tree()
        let a = try one.run(["fix", "--no-git", "--unsafe-fixes", "--jobs", "1", "posts"])
        let b = try four.run(["fix", "--no-git", "--unsafe-fixes", "--jobs", "4", "posts"])
        // The messages name each sandbox's own directory.
        #expect(a.stdout.replacing(one.root.path, with: "ROOT") == b.stdout.replacing(four.root.path, with: "ROOT"))
        for k in 0..<40 {
            let path = "posts/\(k % 3)/\(k % 7)/post-\(k).md"
            #expect(try one.read(path) == four.read(path), "\(path) differs")
        }
        #expect(try one.read("posts/0/0/post-0.md") != Sandbox.fixture("fixtures/nbsp-french-post/input.md"))
    }
}
