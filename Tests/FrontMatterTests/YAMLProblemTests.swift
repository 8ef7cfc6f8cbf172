import Testing
@testable import FrontMatter

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// 0-based line of the file the error must point to.
    var line: Int
    /// When known exactly, the byte offset the error must point to.
    var offset: Int?
    var testDescription: String { name }

    init(_ name: String, _ input: String, line: Int, at needle: String? = nil) {
        self.name = name
        let b = utf8(input)
        bytes = b
        self.line = line
        offset = needle.flatMap { n in FrontMatterTests.offset(of: n, in: b) }
    }
}

private let syntaxErrors: [ErrorCase] = [
    ErrorCase("mapping value in plain scalar", "---\na: 1\n b: 2\n---\n", line: 2, at: ": 2"),
    ErrorCase("after multi-byte text", "---\nx: é😀\n  - bad: [\n---\n", line: 2, at: ": ["),
    ErrorCase("tab as indentation", "---\na:\n\tb: 1\n---\n", line: 2, at: "\t"),
    ErrorCase("unclosed flow sequence", "---\nk: é😀\nx: [a, b\ny: 1\n---\n", line: 3, at: ": 1"),
    ErrorCase("unclosed flow sequence, CRLF", "---\r\nk: é😀\r\nx: [a, b\r\ny: 1\r\n---\r\n", line: 3, at: ": 1"),
    ErrorCase("BOM shifts offsets", "\u{FEFF}---\ntitle: 日本語 😀\n  bad: x\n---\n", line: 2, at: ": x"),
    ErrorCase("far down the block",
              "---\n" + (1...20).map { "k\($0): 😀é日\n" }.joined() + "  oops: 1\n---\n", line: 21, at: ": 1"),
]

@Suite struct YAMLProblemTests {
    @Test(arguments: syntaxErrors)
    func syntaxErrorPointsAtTheRightLine(_ c: ErrorCase) throws {
        let block = try #require(FrontMatter.split(c.bytes))
        let doc = YAMLParser.parse(c.bytes, range: block.content)
        #expect(doc.root == nil)
        #expect(doc.hasSyntaxError)
        let problem = try #require(doc.problems.first { $0.kind == .syntax })
        #expect(!problem.message.isEmpty)
        #expect(lineIndex(of: problem.range.lowerBound, in: c.bytes) == c.line)
        if let offset = c.offset { #expect(problem.range.lowerBound == offset) }
        #expect(block.content.contains(problem.range.lowerBound))
    }

    @Test func errorAtEndOfStreamPointsAtTheEndOfTheBlock() throws {
        let bytes = utf8("---\ntitle: ok\nbad: \"unterminated é\nnext: 1\n---\n")
        let block = try #require(FrontMatter.split(bytes))
        let doc = YAMLParser.parse(bytes, range: block.content)
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(problem.range.lowerBound == block.content.upperBound)
    }

    /// Raw bytes that are not valid YAML text: libyaml's reader rejects them and reports a
    /// byte offset (not a code point index).
    @Test(arguments: [
        ("invalid leading byte 0xFF", [0xFF] as [UInt8]),
        ("NUL", [0x00]),
        ("BEL", [0x07]),
        ("ESC", [0x1B]),
        ("truncated two-byte sequence", [0xC3, 0x28]),
        ("overlong encoding", [0xC0, 0xAF]),
    ])
    func readerErrorHasAByteOffset(_ name: String, _ bad: [UInt8]) throws {
        let head = utf8("---\nt: é😀 日本\nbad: x")
        let bytes = head + bad + utf8("y\nafter: 1\n---\nbody\n")
        let block = try #require(FrontMatter.split(bytes))
        let doc = YAMLParser.parse(bytes, range: block.content)
        #expect(doc.root == nil, "\(name)")
        #expect(doc.hasSyntaxError)
        let problem = try #require(doc.problems.first)
        #expect(problem.kind == .syntax)
        #expect(!problem.message.isEmpty)
        // The offset lands on the bad sequence (its first or second byte).
        #expect((head.count...(head.count + bad.count - 1)).contains(problem.range.lowerBound),
                "offset \(problem.range.lowerBound), bad bytes at \(head.count)")
        #expect(lineIndex(of: problem.range.lowerBound, in: bytes) == 2)
    }

    @Test func readerErrorOffsetIncludesTheBOMAndFence() throws {
        let bytes = utf8("\u{FEFF}---\r\nk: v\r\n") + [0xFE] + utf8("\r\n---\r\n")
        let block = try #require(FrontMatter.split(bytes))
        let doc = YAMLParser.parse(bytes, range: block.content)
        let problem = try #require(doc.problems.first)
        #expect(problem.range.lowerBound == bytes.firstIndex(of: 0xFE))
    }

    @Test(arguments: ["", "   \n  \n", "# only a comment\n", "\n\n", "  # indented comment\r\n"])
    func emptyContentHasNoRootAndNoProblem(_ content: String) throws {
        let bytes = utf8("---\n" + content + "---\nbody\n")
        let block = try #require(FrontMatter.split(bytes))
        let doc = YAMLParser.parse(bytes, range: block.content)
        #expect(doc.root == nil)
        #expect(doc.problems.isEmpty)
        #expect(!doc.hasSyntaxError)
    }

    @Test func emptyRangeInsideABuffer() {
        let bytes = utf8("title: x\n")
        let doc = YAMLParser.parse(bytes, range: 4..<4)
        #expect(doc.root == nil)
        #expect(doc.problems.isEmpty)
    }
}
