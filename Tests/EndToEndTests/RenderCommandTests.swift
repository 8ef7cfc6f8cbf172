import Foundation
import Testing

/// `galley render`: the body's HTML on standard output, front matter left out; bad input
/// exits 2 with a message naming the file.
@Suite struct RenderCommandTests {
    let post = "---\ntitle: \"A *post*\"\ntags: [a, b]\n---\n# Hello *world*\n\n- one\n- two\n\n| a | b |\n|:-:|---|\n| 1 | 2 |\n"
    let html = "<h1>Hello <em>world</em></h1>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        + "<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n<th>b</th>\n</tr>\n</thead>\n"
        + "<tbody>\n<tr>\n<td align=\"center\">1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"

    @Test func rendersTheBodyOfAFile() throws {
        let box = try Sandbox()
        try box.write("posts/a.md", post)
        let out = try box.run("render", "posts/a.md")
        #expect(out.status == 0)
        #expect(out.stdout == html)
        #expect(out.stderr.isEmpty)
    }

    @Test func rendersStandardInput() throws {
        let box = try Sandbox()
        let out = try box.run(["render", "--stdin"], stdin: Array(post.utf8))
        #expect(out.status == 0)
        #expect(out.stdout == html)
    }

    @Test func lineEndingsAndBOMRenderAlike() throws {
        let box = try Sandbox()
        let crlf = [0xEF, 0xBB, 0xBF] + Array(post.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try box.write("crlf.md", bytes: crlf)
        let out = try box.run("render", "crlf.md")
        #expect(out.status == 0)
        #expect(out.stdout == html)
    }

    @Test func unclosedFrontMatterLeavesNoBody() throws {
        let box = try Sandbox()
        try box.write("open.md", "---\ntitle: x\n# Not a heading\n")
        let out = try box.run("render", "open.md")
        #expect(out.status == 0)
        #expect(out.stdout.isEmpty)
    }

    @Test func missingFile() throws {
        let box = try Sandbox()
        let out = try box.run("render", "missing.md")
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("galley: error: missing.md: cannot read the file: No such file or directory"))
    }

    @Test func invalidUTF8() throws {
        let box = try Sandbox()
        try box.write("bad.md", bytes: Array("ok\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        let out = try box.run("render", "bad.md")
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("galley: error: bad.md: not valid UTF-8 (byte 0xE9 at line 2, column 4)"))
        let stdin = try box.run(["render", "--stdin"], stdin: [0x61, 0xFF])
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("galley: error: <stdin>: not valid UTF-8 (byte 0xFF at line 1, column 2)"))
    }

    @Test(arguments: [["render"], ["render", "--stdin", "a.md"]])
    func usageErrors(_ arguments: [String]) throws {
        let box = try Sandbox()
        try box.write("a.md", "x\n")
        let out = try box.run(arguments)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("galley: "))
    }
}
