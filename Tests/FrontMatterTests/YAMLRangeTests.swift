import Testing
@testable import FrontMatter

/// Node ranges are byte ranges in the whole file: libyaml's code point marks must be
/// converted to bytes and shifted by the block's offset.
@Suite struct YAMLRangeTests {
    @Test func quotedScalarAfterMultiByteTextOnTheSameLine() throws {
        let (bytes, _, doc) = parsed("---\nt: [é😀, \"q\", 'r', plain]\nu: {😀: \"v é\"}\n---\nbody\n")
        #expect(doc.problems.isEmpty)
        let root = try #require(doc.root)
        let items = try #require(root["t"]?.sequence)
        #expect(items.map { spelled(bytes, $0.range) } == ["é😀", "\"q\"", "'r'", "plain"])
        #expect(spelled(bytes, try #require(root["t"]).range) == "[é😀, \"q\", 'r', plain]")
        let u = try #require(root["u"]?.mapping?.first)
        #expect(spelled(bytes, u.key.range) == "😀")
        #expect(spelled(bytes, u.value.range) == "\"v é\"")
        #expect(spelled(bytes, try #require(root["u"]).range) == "{😀: \"v é\"}")
        // The `"q"` scalar starts 4 + 7 code points into its line but 4 + 12 bytes in.
        let q = items[1].range.lowerBound
        #expect(q == (offset(of: "\"q\"", in: bytes) ?? -1))
    }

    @Test func keysAndValuesOnLaterLines() throws {
        let (bytes, block, doc) = parsed("---\ntitle: \"Héllo 😀 world\"\nemoji: 😀😀\nkey: 'late'\n---\n")
        let root = try #require(doc.root)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { spelled(bytes, $0.key.range) } == ["title", "emoji", "key"])
        #expect(pairs.map { spelled(bytes, $0.value.range) } == ["\"Héllo 😀 world\"", "😀😀", "'late'"])
        #expect(pairs[2].value.range.lowerBound == (offset(of: "'late'", in: bytes) ?? -1))
        #expect(try #require(block).content.contains(pairs[2].value.range.lowerBound))
    }

    @Test func bomAndCRLFShiftOffsets() throws {
        let (bytes, _, doc) = parsed("\u{FEFF}---\r\nk: é\r\nv: \"😀 x\"\r\nw: [a, 'b']\r\n---\r\nbody\r\n")
        #expect(doc.problems.isEmpty)
        let root = try #require(doc.root)
        #expect(spelled(bytes, try #require(root["k"]).range) == "é")
        #expect(spelled(bytes, try #require(root["v"]).range) == "\"😀 x\"")
        #expect(root["w"]?.sequence?.map { spelled(bytes, $0.range) } == ["a", "'b'"])
        let keys = try #require(root.mapping).map { $0.key.range.lowerBound }
        #expect(keys == ["k:", "v:", "w:"].map { offset(of: $0, in: bytes) ?? -1 })
    }

    @Test func crOnlyLineEndings() throws {
        let (bytes, _, doc) = parsed("---\ra: é\rb: \"😀\"\r---\r")
        let root = try #require(doc.root)
        #expect(spelled(bytes, try #require(root["b"]).range) == "\"😀\"")
    }

    @Test func blockScalarsAndAnchorsSpellTheirSource() throws {
        let (bytes, _, doc) = parsed("---\nx: é\nlit: |\n  😀 line\nname: &n Ann\nref: *n\n---\n")
        let root = try #require(doc.root)
        #expect(spelled(bytes, try #require(root["lit"]).range).hasPrefix("|\n  😀 line"))
        #expect(spelled(bytes, try #require(root["ref"]).range) == "*n")
        #expect(spelled(bytes, try #require(root["name"]).range).hasSuffix("Ann"))
    }

    /// Every scalar without escapes spells itself (plain) or itself in quotes.
    @Test(arguments: [
        "---\na: 1\nb: [x, 'y', \"z\"]\n---\n",
        "---\nnested:\n  deeper:\n    - é: 'ü'\n    - \"日本語\": 😀\n---\n",
        "\u{FEFF}---\r\nk: \"é\"\r\nl: [ä, ö]\r\n---\r\n",
        "---\n- {a: b, 'c': \"d\"}\n- [😀, [é, 'ß']]\n---\n",
    ])
    func everyScalarRangeSpellsItsSource(_ input: String) throws {
        let (bytes, block, doc) = parsed(input)
        let block_ = try #require(block)
        #expect(doc.problems.isEmpty)
        for node in allNodes(try #require(doc.root)) {
            #expect(block_.content.lowerBound <= node.range.lowerBound)
            #expect(node.range.upperBound <= block_.content.upperBound)
            guard case .scalar(let value, let style) = node.kind else { continue }
            let expected = switch style {
            case .singleQuoted: "'\(value)'"
            case .doubleQuoted: "\"\(value)\""
            default: value
            }
            #expect(spelled(bytes, node.range) == expected)
        }
    }

    @Test func rangeOfABlockAtAnOffsetInsideALargerBuffer() throws {
        // parse(bytes, range:) reports offsets in `bytes`, whatever the range's start.
        let prefix = "é😀 unrelated text\n"
        let bytes = utf8(prefix + "key: \"value\"\n")
        let start = utf8(prefix).count
        let doc = YAMLParser.parse(bytes, range: start..<bytes.count)
        let value = try #require(doc.root?["key"])
        #expect(spelled(bytes, value.range) == "\"value\"")
    }
}
