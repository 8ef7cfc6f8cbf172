import Testing
@testable import FrontMatter

/// Node kinds, scalar styles, tags, anchors and aliases as libyaml reports them.
@Suite struct YAMLNodeTreeTests {
    @Test func mappingSequenceAndScalarKinds() throws {
        let (_, _, doc) = parsed("---\ntitle: Hello\ntags: [a, b]\nauthor:\n  name: Ann\n  links:\n    - x\n---\nbody\n")
        #expect(doc.problems.isEmpty)
        let root = try #require(doc.root)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar } == ["title", "tags", "author"])
        #expect(root["title"]?.scalar == "Hello")
        #expect(root["tags"]?.sequence?.map(\.scalar) == ["a", "b"])
        #expect(root["author"]?.kind.name == "mapping")
        #expect(root["author"]?["name"]?.scalar == "Ann")
        #expect(root["author"]?["links"]?.sequence?.first?.scalar == "x")
        #expect(root["missing"] == nil)
        #expect(root.scalar == nil && root.sequence == nil)
    }

    @Test func rootNeedNotBeAMapping() throws {
        let seq = try #require(parsed("---\n- a\n- b\n---\n").doc.root)
        #expect(seq.sequence?.map(\.scalar) == ["a", "b"])
        #expect(seq.mapping == nil)
        #expect(seq["a"] == nil)

        let scalar = try #require(parsed("---\njust text\n---\n").doc.root)
        #expect(scalar.scalar == "just text")
        #expect(scalar.style == .plain)
    }

    @Test(arguments: [
        ("v: plain words", "plain words", YAMLNode.ScalarStyle.plain),
        ("v: 'single ''quoted'''", "single 'quoted'", .singleQuoted),
        ("v: \"double \\\"quoted\\\"\"", "double \"quoted\"", .doubleQuoted),
        ("v: |\n  line one\n  line two\n", "line one\nline two\n", .literal),
        ("v: >\n  folded\n  text\n", "folded text\n", .folded),
        ("v: |-\n  strip\n", "strip", .literal),
        ("v: \"\"", "", .doubleQuoted),
        ("v:", "", .plain),
    ])
    func scalarStyles(_ yaml: String, _ value: String, _ style: YAMLNode.ScalarStyle) throws {
        let (_, _, doc) = parsed("---\n" + yaml + "\n---\n")
        #expect(doc.problems.isEmpty)
        let v = try #require(doc.root?["v"])
        #expect(v.scalar == value)
        #expect(v.style == style)
        #expect(v.tag == nil)
    }

    @Test func tagsAreExpandedAndStyleIsKept() throws {
        let root = try #require(parsed("""
            ---
            draft: !!bool "false"
            count: !!str 12
            mine: !custom value
            list: !!seq [a]
            untagged: false
            ---

            """).doc.root)
        let draft = try #require(root["draft"])
        #expect(draft.scalar == "false")
        #expect(draft.style == .doubleQuoted)
        #expect(draft.tag == "tag:yaml.org,2002:bool")
        #expect(root["count"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["count"]?.style == .plain)
        #expect(root["mine"]?.tag == "!custom")
        #expect(root["list"]?.tag == "tag:yaml.org,2002:seq")
        #expect(root["list"]?.sequence?.count == 1)
        // libyaml does not resolve plain scalars: `false` stays an untagged plain string.
        #expect(root["untagged"]?.tag == nil)
        #expect(root["untagged"]?.scalar == "false")
    }

    @Test func anchorsAndAliasesAreKeptUnresolved() throws {
        let root = try #require(parsed("""
            ---
            base: &b {k: v}
            other: *b
            name: &n Ann
            again: *n
            list: &l [1]
            ---

            """).doc.root)
        #expect(root["base"]?.anchor == "b")
        #expect(root["base"]?.mapping?.count == 1)
        #expect(root["other"]?.aliasName == "b")
        #expect(root["other"]?.mapping == nil)
        #expect(root["name"]?.anchor == "n")
        #expect(root["name"]?.scalar == "Ann")
        #expect(root["again"]?.aliasName == "n")
        #expect(root["again"]?.scalar == nil)
        #expect(root["list"]?.anchor == "l")
        #expect(root["other"]?.anchor == nil)
    }

    @Test func onlyTheBlockBetweenTheFencesIsParsed() throws {
        let (_, _, doc) = parsed("---\na: 1\n---\n# Heading\nbody text\nb: 2\n")
        #expect(doc.problems.isEmpty)
        let root = try #require(doc.root)
        #expect(root.mapping?.map { $0.key.scalar } == ["a"])
    }

    @Test func canonicalFormIgnoresPositionsAndStyle() throws {
        let root = try #require(parsed("---\nx: [a, 'b']\ny:\n  - a\n  - \"b\"\n---\n").doc.root)
        let x = try #require(root["x"]), y = try #require(root["y"])
        #expect(x.range != y.range)
        #expect(x.canonical == y.canonical)
        #expect(x.canonical == "[a, b]")
    }
}
