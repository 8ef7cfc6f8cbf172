import Testing
@testable import FrontMatter

struct SplitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var kind: FrontMatterBlock.Kind
    var openFence: Range<Int>
    var content: Range<Int>
    var closeFence: Range<Int>
    var testDescription: String { name }
}

private let closedBlocks: [SplitCase] = [
    SplitCase(name: "--- ... ---", input: "---\ntitle: x\n---\nbody\n", kind: .yaml,
              openFence: 0..<4, content: 4..<13, closeFence: 13..<17),
    SplitCase(name: "--- ... '...'", input: "---\na: 1\n...\nbody", kind: .yaml,
              openFence: 0..<4, content: 4..<9, closeFence: 9..<13),
    SplitCase(name: "BOM before ---", input: "\u{FEFF}---\na: 1\n---\n", kind: .yaml,
              openFence: 3..<7, content: 7..<12, closeFence: 12..<16),
    SplitCase(name: "CRLF", input: "---\r\na: 1\r\n---\r\nbody", kind: .yaml,
              openFence: 0..<5, content: 5..<11, closeFence: 11..<16),
    SplitCase(name: "CR only", input: "---\ra: 1\r---\rbody", kind: .yaml,
              openFence: 0..<4, content: 4..<9, closeFence: 9..<13),
    SplitCase(name: "BOM and CRLF", input: "\u{FEFF}---\r\na: 1\r\n...\r\nbody", kind: .yaml,
              openFence: 3..<8, content: 8..<14, closeFence: 14..<19),
    SplitCase(name: "trailing blanks on both fences", input: "---  \na: 1\n---\t \nx", kind: .yaml,
              openFence: 0..<6, content: 6..<11, closeFence: 11..<17),
    SplitCase(name: "+++ TOML", input: "+++\ntitle = \"x\"\n+++\nbody", kind: .toml,
              openFence: 0..<4, content: 4..<16, closeFence: 16..<20),
    SplitCase(name: "TOML is not closed by ---", input: "+++\na = 1\n---\n+++\n", kind: .toml,
              openFence: 0..<4, content: 4..<14, closeFence: 14..<18),
    SplitCase(name: "TOML is not closed by ...", input: "+++\n...\n+++\n", kind: .toml,
              openFence: 0..<4, content: 4..<8, closeFence: 8..<12),
    SplitCase(name: "YAML is not closed by +++", input: "---\na: 1\n+++\n---\n", kind: .yaml,
              openFence: 0..<4, content: 4..<13, closeFence: 13..<17),
    SplitCase(name: "---- inside does not close", input: "---\na: 1\n----\n---\n", kind: .yaml,
              openFence: 0..<4, content: 4..<14, closeFence: 14..<18),
    SplitCase(name: "indented --- does not close", input: "---\na: |\n  ---\n---\n", kind: .yaml,
              openFence: 0..<4, content: 4..<15, closeFence: 15..<19),
    SplitCase(name: "empty block", input: "---\n---\nbody", kind: .yaml,
              openFence: 0..<4, content: 4..<4, closeFence: 4..<8),
    SplitCase(name: "closing fence without final newline", input: "---\na: 1\n---", kind: .yaml,
              openFence: 0..<4, content: 4..<9, closeFence: 9..<12),
]

@Suite struct FrontMatterSplitTests {
    @Test(arguments: closedBlocks)
    func closedBlock(_ c: SplitCase) throws {
        let bytes = utf8(c.input)
        let block = try #require(FrontMatter.split(bytes))
        #expect(block.kind == c.kind)
        #expect(block.openFence == c.openFence)
        #expect(block.content == c.content)
        #expect(block.closeFence == c.closeFence)
        #expect(block.isClosed)
        #expect(block.bodyStart == c.closeFence.upperBound)
        #expect(block.range == c.openFence.lowerBound..<c.closeFence.upperBound)
        // The three parts tile the block without gaps.
        #expect(block.openFence.upperBound == block.content.lowerBound)
        #expect(block.content.upperBound == c.closeFence.lowerBound)
    }

    @Test func bodyStartsRightAfterTheClosingFence() throws {
        let bytes = utf8("---\ntitle: x\n---\n# Heading\n")
        let block = try #require(FrontMatter.split(bytes))
        #expect(spelled(bytes, block.bodyStart..<bytes.count) == "# Heading\n")
        #expect(spelled(bytes, block.content) == "title: x\n")
    }

    @Test(arguments: [
        ("---\na: 1\nno closing fence\n", 0),
        ("\u{FEFF}---\na: 1\n", 3),
        ("+++\na = 1\n---\n", 0),
        ("---", 0),
    ])
    func unclosedBlockHasNoFrontMatterBody(_ input: String, _ start: Int) throws {
        let bytes = utf8(input)
        let block = try #require(FrontMatter.split(bytes))
        #expect(block.closeFence == nil)
        #expect(!block.isClosed)
        #expect(block.openFence.lowerBound == start)
        #expect(block.bodyStart == start)
        #expect(block.range.isEmpty)
        #expect(block.content.upperBound == bytes.count)
    }

    @Test(arguments: [
        "",
        "# Title\n\ntext\n",
        "\n---\na: 1\n---\n",
        " ---\na: 1\n---\n",
        "----\na: 1\n----\n",
        "---a\nb\n---\n",
        "--- a\nb\n---\n",
        "-- -\na\n---\n",
        "...\na: 1\n...\n",
        "++++\na = 1\n++++\n",
        "\u{FEFF}# Title\n",
        "\u{FEFF}\u{FEFF}---\na: 1\n---\n",
        "text\n---\na: 1\n---\n",
    ])
    func noFrontMatter(_ input: String) {
        #expect(FrontMatter.split(utf8(input)) == nil)
    }
}
