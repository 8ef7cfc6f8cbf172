import Testing
import RuleEngine

struct GlobCase: Sendable, CustomTestStringConvertible {
    var pattern: String
    var path: String
    var expected: Bool

    init(_ pattern: String, _ path: String, _ expected: Bool) {
        self.pattern = pattern
        self.path = path
        self.expected = expected
    }

    var testDescription: String { "\(pattern) ~ \(path) -> \(expected)" }
}

private let globCases: [GlobCase] = [
    // A pattern without "/" matches the basename at any depth.
    GlobCase("*.md", "README.md", true),
    GlobCase("*.md", "docs/guide/intro.md", true),
    GlobCase("*.md", "README.markdown", false),
    GlobCase("*.tmp.md", "a/b/x.tmp.md", true),
    GlobCase("*.tmp.md", "a/b/x.md", false),
    GlobCase("*", "anything/at/all", true),
    // "*" never crosses "/".
    GlobCase("a*b", "a/b", false),
    GlobCase("docs/*.md", "docs/a.md", true),
    GlobCase("docs/*.md", "docs/sub/a.md", false),
    // "?" is exactly one character (one scalar, not one byte), never "/".
    GlobCase("?.md", "a.md", true),
    GlobCase("?.md", "ab.md", false),
    GlobCase("?.md", ".md", false),
    GlobCase("?.md", "é.md", true),
    GlobCase("??.md", "é.md", false),
    GlobCase("a?b", "a/b", false),
    // Character classes.
    GlobCase("[abc].md", "b.md", true),
    GlobCase("[abc].md", "d.md", false),
    GlobCase("[a-c]x", "dir/cx", true),
    GlobCase("[a-c]x", "dx", false),
    GlobCase("[!a]x", "bx", true),
    GlobCase("[!a]x", "ax", false),
    GlobCase("[^a]x", "bx", true),
    GlobCase("[]]x", "]x", true),
    GlobCase("[!]]x", "]x", false),
    GlobCase("[a-]x", "-x", true),
    GlobCase("[é-ë]x", "êx", true),
    GlobCase("[é]x", "ex", false),
    GlobCase("[x", "[x", true),  // unterminated "[" is a literal
    GlobCase("*[0-9].md", "notes/draft7.md", true),
    GlobCase("*[0-9].md", "notes/draft.md", false),
    // Escapes.
    GlobCase("\\*.md", "*.md", true),
    GlobCase("\\*.md", "a.md", false),
    // "**" as a whole component.
    GlobCase("docs/**/*.md", "docs/a.md", true),
    GlobCase("docs/**/*.md", "docs/x/y/z.md", true),
    GlobCase("docs/**/*.md", "other/x.md", false),
    GlobCase("docs/**/*.md", "x/docs/a.md", false),
    GlobCase("**/drafts/**", "drafts/a.md", true),
    GlobCase("**/drafts/**", "x/y/drafts/a/b.md", true),
    GlobCase("**/drafts/**", "x/drafts", false),  // trailing "/**" needs something inside
    GlobCase("drafts/**", "drafts/a/b.md", true),
    GlobCase("drafts/**", "drafts", false),
    GlobCase("drafts/**", "x/drafts/a.md", false),
    GlobCase("a/**/b", "a/b", true),
    GlobCase("a/**/b", "a/x/y/b", true),
    GlobCase("a/**/b", "a/x/y/c", false),
    GlobCase("**", "a/b/c", true),
    GlobCase("a**b", "axxb", true),  // "**" inside a component acts like "*"
    GlobCase("a**b", "ax/xb", false),
    // A name matches the directory and everything beneath it, at any depth.
    GlobCase("drafts", "drafts", true),
    GlobCase("drafts", "drafts/a.md", true),
    GlobCase("drafts", "x/drafts/a.md", true),
    GlobCase("drafts", "drafts.md", false),
    GlobCase("drafts", "mydrafts/a.md", false),
    GlobCase("*.md", "weird.md/inside.txt", true),
    // A trailing "/" only matches directories.
    GlobCase("drafts/", "drafts/a.md", true),
    GlobCase("drafts/", "x/drafts/a.md", true),
    GlobCase("drafts/", "drafts", false),
    GlobCase("drafts/", "drafts/", true),
    // A leading or inner "/" anchors the pattern to the root.
    GlobCase("/drafts", "drafts/a.md", true),
    GlobCase("/drafts", "x/drafts/a.md", false),
    GlobCase("/*.md", "a.md", true),
    GlobCase("/*.md", "docs/a.md", false),
    GlobCase("drafts/x", "drafts/x/y.md", true),
    GlobCase("drafts/x", "a/drafts/x", false),
    // "./" prefixes and repeated slashes are ignored.
    GlobCase("./docs/*.md", "docs/a.md", true),
    GlobCase("*.md", "./a.md", true),
    GlobCase("docs//*.md", "docs/a.md", true),
    // Degenerate inputs.
    GlobCase("*.md", "", false),
    GlobCase("", "a.md", false),
    GlobCase("/", "a.md", false),
    // Literal components are compared exactly (case-sensitive).
    GlobCase("README.md", "README.md", true),
    GlobCase("README.md", "readme.md", false),
    GlobCase("docs/README.md", "docs/README.md", true),
    GlobCase("docs/README.md", "docs/README.mdx", false),
]

@Test("glob matching", arguments: globCases)
func globMatches(_ c: GlobCase) {
    #expect(Glob(c.pattern).matches(c.path) == c.expected)
}

@Test func pathologicalStarsAreLinearish() {
    let path = String(repeating: "a", count: 200)
    let glob = Glob("a*a*a*a*a*a*b")
    #expect(!glob.matches(path))
    #expect(glob.matches(path + "b"))
    #expect(!Glob("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(String(repeating: "a", count: 5_000)))
}

@Test func pathologicalGlobstarsArePolynomial() {
    let path = Array(repeating: "a", count: 300).joined(separator: "/")
    #expect(!Glob("**/a/**/a/**/a/**/a/**/a/**/b").matches(path))
    #expect(Glob("**/a/**/a/**/a/**/a/**/a/**/a").matches(path))
}

@Test func globIsReusableAndKeepsPattern() {
    let glob = Glob("docs/**/*.md")
    #expect(glob.pattern == "docs/**/*.md")
    #expect(glob.matches("docs/a.md"))
    #expect(glob.matches("docs/b/c.md"))
    #expect(!glob.matches("src/a.md"))
}
