import Foundation
import Testing

/// The four shapes in which marker removal once damaged real posts (a heading after a
/// one-line card, two indented code blocks kept apart by a marker line, indented HTML
/// source in a card, a `<pre>` that CommonMark cuts at a blank line), each a fixture
/// `fixtures/damage-*`. markdown-it-py, a renderer independent of galley's, judges
/// (through `bench/reader_diff.py`) that the reader sees the same headings, code,
/// links, images and words in `input.md` and in what `fix --unsafe-fixes` made of it.
/// Runs when markdown-it-py is installed (`.ci/run` installs it).
@Suite struct DamageShapeOracleTests {
    static let markdownIt: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import markdown_it"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    static let shapes = ["damage-heading-after-card", "damage-code-blocks-split", "damage-html-source-code", "damage-cut-pre",
                         "card-list-before-code"]
    /// Shapes whose fix converts a Markdown card exported as HTML: judged against the card
    /// as Ghost served it.
    static let servedCards: Set<String> = ["damage-cut-pre", "card-list-before-code"]

    /// Runs `bench/reader_diff.py` on one post before and after; its exit status and report.
    static func readerDiff(before: [UInt8], after: [UInt8], servedCards: Bool = false) throws -> (Int32, String) {
        let sandbox = try Sandbox()
        try sandbox.write("before/post.md", bytes: before)
        try sandbox.write("after/post.md", bytes: after)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Galley.repositoryRoot.appendingPathComponent("bench/reader_diff.py").path,
                       sandbox.root.appendingPathComponent("before").path, sandbox.root.appendingPathComponent("after").path]
            + (servedCards ? ["--served-cards"] : [])
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, report)
    }

    @Test(.enabled(if: markdownIt), arguments: shapes)
    func unsafeFixKeepsWhatTheReaderSees(_ shape: String) throws {
        let sandbox = try Sandbox()
        let folder = Galley.repositoryRoot.appendingPathComponent("fixtures/\(shape)")
        let input = [UInt8](try Data(contentsOf: folder.appendingPathComponent("input.md")))
        try sandbox.write("post.md", bytes: input)
        // The fixture's site (its images) comes along, so the run sees what the fixture test sees.
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path) {
            try FileManager.default.copyItem(at: folder.appendingPathComponent("content"), to: sandbox.root.appendingPathComponent("content"))
        }
        let run = try sandbox.run("fix", "--unsafe-fixes", "post.md")
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let after = try sandbox.read("post.md")
        #expect(after != input, "the fix changed nothing: the shape no longer tests a fix")
        // The cut `<pre>` is repaired (ghost-rendered-markdown): the page then reads as Ghost
        // served the card, which is what the judge compares with; the other shapes keep
        // CommonMark's reading.
        let (status, report) = try Self.readerDiff(before: input, after: after, servedCards: Self.servedCards.contains(shape))
        #expect(status == 0, "\(report)")
    }

    /// Read as Ghost served it, the repaired card must keep every line of its code: a
    /// repair that lost the code's last line is a difference the judge reports, and
    /// CommonMark's cut reading of the card is one too.
    @Test(.enabled(if: markdownIt))
    func theJudgeReadsTheCardAsServed() throws {
        let sandbox = try Sandbox()
        let folder = Galley.repositoryRoot.appendingPathComponent("fixtures/damage-cut-pre")
        let input = [UInt8](try Data(contentsOf: folder.appendingPathComponent("input.md")))
        try sandbox.write("post.md", bytes: input)
        _ = try sandbox.run("fix", "--unsafe-fixes", "post.md")
        let repaired = String(decoding: try sandbox.read("post.md"), as: UTF8.self)
        #expect(try Self.readerDiff(before: input, after: Array(repaired.utf8), servedCards: true).0 == 0)
        #expect(try Self.readerDiff(before: input, after: Array(repaired.utf8)).0 == 1, "CommonMark reads the card cut")
        var lines = repaired.split(separator: "\n", omittingEmptySubsequences: false)
        let close = try #require(lines.lastIndex { $0.hasPrefix("```") })
        lines.remove(at: close - 1)
        let (status, report) = try Self.readerDiff(before: input, after: Array(lines.joined(separator: "\n").utf8), servedCards: true)
        #expect(status == 1)
        #expect(report.contains("code differ: 1"), "\(report)")
    }

    /// The judge can fail: what the fix before the proof wrote for the split code
    /// blocks (the marker line removed, the blocks merged) is a difference it reports.
    @Test(.enabled(if: markdownIt))
    func theJudgeSeesMergedCodeBlocks() throws {
        let folder = Galley.repositoryRoot.appendingPathComponent("fixtures/damage-code-blocks-split")
        let input = String(decoding: try Data(contentsOf: folder.appendingPathComponent("input.md")), as: UTF8.self)
        let merged = input.replacingOccurrences(of: "<!--kg-card-end: code--><!--kg-card-begin: code-->\n", with: "")
        #expect(merged != input)
        let (status, report) = try Self.readerDiff(before: Array(input.utf8), after: Array(merged.utf8))
        #expect(status == 1)
        #expect(report.contains("code differ: 1"), "\(report)")
    }
}
