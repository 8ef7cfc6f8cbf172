import Foundation
import Testing
@testable import MarkdownScanner

/// Differential test against markdown-it-py (a CommonMark 0.31.2 reference; `.ci/run`
/// installs it from PyPI) on random inline text: for each paragraph, the `*` and `_`
/// characters the scanner calls consumed must be exactly those the reference turns into
/// emphasis: two per `<em>`, four per `<strong>`. Image alt text is left out of the
/// alphabet, since renderers print it without tags. (Debian's cmark 0.30.2 is no oracle
/// here: it predates 0.31's `openers_bottom` by "closer can open", and differs on
/// `x *_(__**_`, for example.)
@Suite struct EmphasisOracleTests {
    static let script = """
        import json, sys
        from markdown_it import MarkdownIt
        md = MarkdownIt("commonmark")
        out = []
        for p in json.load(sys.stdin):
            html = md.render(p)
            out.append(2 * html.count("<em>") + 4 * html.count("<strong>"))
        json.dump(out, sys.stdout)
        """
    static let available: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import markdown_it"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func paragraphs(count: Int, seed: UInt64) -> [String] {
        let alphabet = ["*", "*", "*", "_", "_", "_", "a", "b", " ", " ", "[", "]", "(", ")", "`", "\\", ".", "é", "**", "__",
                        "€", "\u{00A0}", "<b>", "<", ">", "&amp;", "\n"]
        var g = Generator(state: seed)
        return (0..<count).map { _ in
            // `x ` first, so no paragraph starts a list, a heading or a definition.
            "x " + (0..<Int.random(in: 1...24, using: &g)).map { _ in alphabet.randomElement(using: &g)! }.joined()
        }
    }

    /// Characters the reference consumes as emphasis, per paragraph.
    static func reference(_ paragraphs: [String]) throws -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let data = try JSONEncoder().encode(paragraphs)
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([Int].self, from: json)
    }

    @Test(.enabled(if: available, "needs python3 with markdown-it-py (pip install markdown-it-py)"),
          arguments: [1, 2, 3] as [UInt64])
    func consumedDelimitersMatchTheReference(_ seed: UInt64) throws {
        let paragraphs = Self.paragraphs(count: 2000, seed: seed)
        let expected = try Self.reference(paragraphs)
        try #require(expected.count == paragraphs.count)
        var mismatches: [String] = []
        for (markdown, count) in zip(paragraphs, expected) {
            let s = Scanned(markdown + "\n")
            let consumed = s.index.runs.reduce(0) { $0 + $1.consumedFront + $1.consumedBack }
            if consumed != count { mismatches.append("\(markdown.debugDescription): galley \(consumed), reference \(count)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(paragraphs.count) differ, first: \(mismatches.prefix(5))")
    }
}
