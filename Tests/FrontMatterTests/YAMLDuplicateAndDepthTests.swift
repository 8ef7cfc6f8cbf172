import Testing
@testable import FrontMatter

@Suite struct YAMLDuplicateKeyTests {
    private func duplicates(_ doc: YAMLDocument) -> [(name: String, first: Int, range: Range<Int>)] {
        doc.problems.compactMap { p in
            if case let .duplicateKey(name, firstOffset) = p.kind { return (name, firstOffset, p.range) }
            return nil
        }
    }

    @Test func topLevelDuplicate() throws {
        let (bytes, _, doc) = parsed("---\ntitle: a\ndate: 2020\ntitle: b\n---\n")
        let dups = duplicates(doc)
        try #require(dups.count == 1)
        #expect(dups[0].name == "title")
        #expect(dups[0].first == offset(of: "title: a", in: bytes))
        #expect(dups[0].range.lowerBound == offset(of: "title: b", in: bytes))
        #expect(spelled(bytes, dups[0].range) == "title")
        // A duplicate is reported, but the document still parses.
        #expect(!doc.hasSyntaxError)
        #expect(doc.root?.mapping?.count == 3)
    }

    @Test func nestedDuplicate() throws {
        let (bytes, _, doc) = parsed("---\nouter:\n  c: 1\n  d: 2\n  c: 3\nc: top\n---\n")
        let dups = duplicates(doc)
        try #require(dups.count == 1)
        #expect(dups[0].name == "c")
        #expect(dups[0].first == offset(of: "c: 1", in: bytes))
        #expect(dups[0].range.lowerBound == offset(of: "c: 3", in: bytes))
    }

    @Test func everyRepeatPointsBackToTheFirst() throws {
        let (bytes, _, doc) = parsed("---\na: 1\na: 2\na: 3\n---\n")
        let dups = duplicates(doc)
        #expect(dups.count == 2)
        #expect(dups.allSatisfy { $0.first == 4 && $0.name == "a" })
        #expect(dups.map(\.range.lowerBound) == [offset(of: "a: 2", in: bytes), offset(of: "a: 3", in: bytes)])
    }

    @Test(arguments: [
        "---\nd: {c: 1}\ne: {c: 1}\n---\n",
        "---\nlist:\n  - c: 1\n  - c: 1\n---\n",
        "---\nc: 1\nx:\n  c: 2\n  y:\n    c: 3\n---\n",
        "---\n- {a: 1}\n- {a: 2}\n---\n",
        "---\nx: {a: 1, b: {a: 2}}\n---\n",
    ])
    func sameKeyInSiblingOrNestedMappingsIsNotADuplicate(_ input: String) {
        let (_, _, doc) = parsed(input)
        #expect(doc.problems.isEmpty)
        #expect(doc.root != nil)
    }

    @Test func quotedAndPlainSpellingsOfOneStringAreDuplicates() {
        let (_, _, doc) = parsed("---\n\"a\": 1\n'a': 2\na: 3\n---\n")
        #expect(duplicates(doc).count == 2)
    }

    @Test func flowAndNonScalarKeys() throws {
        let flow = parsed("---\n{x: 1, y: 2, x: 3}\n---\n").doc
        #expect(duplicates(flow).map(\.name) == ["x"])

        let (bytes, _, complex) = parsed("---\n? [a, b]\n: 1\n? [a, 'b']\n: 2\n? [a, c]\n: 3\n---\n")
        let dups = duplicates(complex)
        try #require(dups.count == 1)
        #expect(dups[0].first == offset(of: "[a, b]", in: bytes))
        #expect(spelled(bytes, dups[0].range) == "[a, 'b']")
    }

    @Test func differentlyTaggedKeysAreNotDuplicates() {
        let (_, _, doc) = parsed("---\n!!str x: 1\n!custom x: 2\n---\n")
        #expect(duplicates(doc).isEmpty)
    }

    /// YAML compares keys after tag resolution: plain `1` is an integer, `"1"` a string,
    /// so they are two different keys (PyYAML and libyaml-based loaders keep both).
    @Test func plainNumberAndQuotedStringAreDifferentKeys() {
        let (_, _, doc) = parsed("---\n1: a\n\"1\": b\n---\n")
        #expect(duplicates(doc).isEmpty)
        // ...while the same string written plain and quoted is the same key.
        let (_, _, same) = parsed("---\na: 1\n'a': 2\n---\n")
        #expect(duplicates(same).count == 1)
    }
}

@Suite struct YAMLDepthTests {
    private func nested(_ open: String, _ close: String, _ depth: Int) -> [UInt8] {
        utf8("---\nk: " + String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth) + "\n---\n")
    }

    @Test(arguments: [("[", "]"), ("{a: ", "}")])
    func deepFlowNestingIsRefusedWithoutCrashing(_ open: String, _ close: String) throws {
        let bytes = nested(open, close, 1000)
        let block = try #require(FrontMatter.split(bytes))
        let doc = YAMLParser.parse(bytes, range: block.content)
        #expect(doc.root == nil)
        #expect(doc.hasSyntaxError)
        let problem = try #require(doc.problems.first { $0.kind == .tooDeep })
        #expect(block.content.contains(problem.range.lowerBound))
        #expect(!problem.message.isEmpty)
    }

    @Test func deepBlockNestingIsRefusedWithoutCrashing() throws {
        let line = (0..<1000).map { _ in "- " }.joined() + "x\n"
        let bytes = utf8("---\n" + line + "---\n")
        let doc = YAMLParser.parse(bytes, range: try #require(FrontMatter.split(bytes)).content)
        #expect(doc.root == nil)
        #expect(doc.problems.contains { $0.kind == .tooDeep })
    }

    @Test func maxDepthIsAllowedAndOneMoreIsNot() throws {
        // The root mapping is one level, so `maxDepth - 1` brackets reach exactly maxDepth.
        let atLimit = nested("[", "]", YAMLParser.maxDepth - 1)
        let ok = YAMLParser.parse(atLimit, range: try #require(FrontMatter.split(atLimit)).content)
        #expect(ok.problems.isEmpty)
        #expect(ok.root != nil)

        let over = nested("[", "]", YAMLParser.maxDepth)
        let refused = YAMLParser.parse(over, range: try #require(FrontMatter.split(over)).content)
        #expect(refused.root == nil)
        let problem = try #require(refused.problems.first)
        #expect(problem.kind == .tooDeep)
        // It points at the bracket that would open level maxDepth + 1.
        #expect(problem.range.lowerBound == 7 + YAMLParser.maxDepth - 1)
    }
}

@Suite struct YAMLTrailingContentTests {
    /// libyaml rejects content after a complete flow collection or scalar root
    /// ("did not find expected <document start>"); stopping at the root hides the error.
    @Test(arguments: ["{a: 1}\nx: 2\n", "[a, b] c\n", "\"a\" b\n"])
    func contentAfterTheRootIsASyntaxError(_ content: String) {
        let (_, _, doc) = parsed("---\n" + content + "---\n")
        #expect(doc.hasSyntaxError)
        #expect(doc.root == nil)
    }
}

@Suite struct YAMLResolvedKeyTests {
    /// Duplicates under both schemas (`both`), and under only one of them.
    @Test(arguments: [
        ("!!str a: 1\na: 2\n", "both"),
        ("~: 1\nnull: 2\n", "both"),
        ("007: 1\n7: 2\n", "both"),  // 7 in YAML 1.2, octal 7 in YAML 1.1
        ("0x1F: 1\n31: 2\n", "both"),
        ("yes: 1\ntrue: 2\n", "yaml11"),
        ("on: 1\nOn: 2\n", "yaml11"),  // two strings in YAML 1.2, true twice in YAML 1.1
        ("0777: 1\n511: 2\n", "yaml11"),
        ("0777: 1\n777: 2\n", "core"),
        ("0o17: 1\n15: 2\n", "core"),
        ("1_000: 1\n1000: 2\n", "yaml11"),
        ("1: a\n\"1\": b\n", "none"),
        ("!!int 1: a\n1: b\n", "both"),
        ("!custom a: 1\na: 2\n", "none"),
    ])
    func keysAreComparedAfterResolution(_ yaml: String, _ expected: String) {
        let bytes = Array(yaml.utf8)
        let doc = YAMLParser.parse(bytes, range: 0..<bytes.count)
        let found: [String] = doc.problems.compactMap {
            switch $0.kind {
            case .duplicateKey: "both"
            case let .duplicateKeyIn(schema, _, _): schema == .core ? "core" : "yaml11"
            default: nil
            }
        }
        #expect(found == (expected == "none" ? [] : [expected]))
    }
}

/// A key that `TreeBuilder.isPlainWord` takes as a string without the resolver has the
/// identity the resolver gives it under both schemas: every word of up to four bytes
/// from the letters of YAML's null and boolean words, `_`, `-` and a digit, and the
/// usual front matter keys.
@Suite struct PlainKeyIdentityTests {
    static let alphabet = Array("aeflnorsuy_-1.".utf8)

    static func words(upTo length: Int) -> [String] {
        var level: [[UInt8]] = [[]], out: [String] = []
        for _ in 0..<length {
            level = level.flatMap { w in alphabet.map { w + [$0] } }
            out += level.map { String(decoding: $0, as: UTF8.self) }
        }
        return out + ["title", "feature_image", "cover-image", "date", "tags", "layout", "null", "Null", "true", "off"]
    }

    @Test func aPlainWordKeyIsAStringUnderBothSchemas() {
        var taken = 0
        for word in Self.words(upTo: 4) {
            let node = YAMLNode(kind: .scalar(word, .plain), range: 0..<word.utf8.count)
            for schema in [ScalarResolver.Schema.core, .yaml11] {
                let reading = ScalarResolver.read(word, as: schema)
                #expect(TreeBuilder.keyIdentity(node, schema) == reading.type.rawValue + ":" + reading.value, "\(word) \(schema)")
            }
            if TreeBuilder.isPlainWord(word) { taken += 1 }
        }
        #expect(taken > 5_000)
        #expect(!TreeBuilder.isPlainWord("yes") && !TreeBuilder.isPlainWord("n") && !TreeBuilder.isPlainWord("_a"))
        #expect(TreeBuilder.isPlainWord("feature_image") && TreeBuilder.isPlainWord("cover-image"))
    }
}
