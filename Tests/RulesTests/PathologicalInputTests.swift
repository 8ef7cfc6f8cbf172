import Testing
@testable import RuleEngine
@testable import Rules

/// Adversarial inputs in the style of cmark's and markdown-it's pathological tests, at a
/// small scale: every rule runs and fixing finishes without crashing. (Timing belongs in
/// bench/pathological.sh, not in a unit test.)
@Suite struct PathologicalInputTests {
    static let inputs: [(String, String)] = [
        ("deep block quote", String(repeating: ">", count: 70_000) + " a&nbsp;b *x*\n"),
        ("deep lists", (0..<300).map { String(repeating: "  ", count: $0) + "- a&nbsp;\n\n" }.joined()),
        ("deep quoted lists", (0..<300).map { String(repeating: "> ", count: $0) + "- b\n" }.joined()),
        ("unclosed backticks", String(repeating: "`a``b```c&nbsp;", count: 5_000) + "\n"),
        ("open brackets", String(repeating: "[", count: 50_000) + "&nbsp;\n"),
        ("close brackets with parens", String(repeating: "](", count: 50_000) + "&nbsp;\n"),
        ("emphasis openers", String(repeating: "*a _b ", count: 20_000) + "\n"),
        ("a table with a spaced pair in each row", "| a | b |\n|---|---|\n" + String(repeating: "| _ **x** _ | y |\n", count: 500)),
        ("a long run far from its partner", String(repeating: "*", count: 5_000) + " " + String(repeating: "a_", count: 5_000) + "a " + String(repeating: "*", count: 5_000) + "\n"),
        ("mixed pairs on one line", String(repeating: "*a_ ", count: 5_000) + "\n"),
        ("spaced pairs on one line", String(repeating: "_ **a** _ ** b** \\_ ", count: 1_000) + "\n"),
        ("unclosed comments", String(repeating: "<!--kg-card-begin: html ", count: 10_000) + "\n"),
        ("many markers", String(repeating: "<!--kg-card-end: html-->\n", count: 5_000)),
        ("many hr card pairs", String(repeating: "<!--kg-card-begin: hr-->\n<hr>\n<!--kg-card-end: hr-->\n\n", count: 2_000)),
        ("many spacers", String(repeating: "&nbsp;\n\n", count: 5_000)),
        ("NUL bytes", "a\u{0}&nbsp;\u{0}b\n---\n\u{0}\n"),
        ("unclosed front matter", "---\n" + String(repeating: "key: value\n", count: 10_000)),
        // The rules of issue 15.
        ("U+00A0 fence lines", "```\n" + String(repeating: "```\u{A0}\n", count: 2_000) + "```\n"),
        ("U+00A0 between words", String(repeating: "a\u{A0}", count: 10_000) + "\n"),
        ("U+00A0 in a code span", "`" + String(repeating: "x\u{A0}", count: 10_000) + "`\n"),
        ("doubled pairs in a paragraph", String(repeating: "****a**** ", count: 1_000) + "\n"),
        ("empty strongs in a paragraph", String(repeating: "a **** ", count: 2_000) + "b\n"),
        ("glued dotted identifiers", "x " + String(repeating: "a.b._", count: 5_000) + "\n"),
        ("front matter to repair", "---\n" + (0..<2_000).map { "k\($0): a: b\n" }.joined() + "---\n\nBody.\n"),
        ("front matter surrogates", "---\ntitle: \"" + String(repeating: "\\ud83d\\ude80", count: 2_000) + "\"\n---\n\nBody.\n"),
        ("unclosed fences in items", String(repeating: "- ```\n  npm i\n\n  ## Heading\n\n  Write a settings file next to your posts and "
            + "list the rules you want to turn off.\n\n", count: 100)),
        ("one long unclosed fence", "```\n" + String(repeating: "npm i;\n", count: 10_000) + "\n## Heading\n\nWrite a settings file "
            + "next to your posts and list the rules you want to turn off.\n"),
        // The URL view and the link rules (`*.ghost.io` is always the site's own host).
        ("a tag that never closes", "<div>\n" + String(repeating: "<a href=\"https://x.example/?ref=casper.ghost.io\" ", count: 10_000) + "\n"),
        ("many tagged links in HTML", "<p>" + String(repeating: "<a href=\"https://x.example/?a=1&amp;ref=casper.ghost.io\">x</a>", count: 5_000) + "</p>\n"),
        ("a query of many parameters", "[a](https://x.example/?" + String(repeating: "a=1&", count: 20_000) + "ref=casper.ghost.io)\n"),
        ("many tags in one query", "[a](https://x.example/?" + String(repeating: "ref=casper.ghost.io&", count: 2_000) + "x=1)\n"),
        ("many references in an attribute", "<a href=\"https://x.example/?" + String(repeating: "&amp;", count: 20_000) + "ref=casper.ghost.io\">x</a>\n"),
        ("many placeholder links", String(repeating: "[a](__GHOST_URL__/x/) ", count: 5_000) + "\n"),
        ("a long srcset", "<img alt=\"a\" srcset=\"" + String(repeating: "/i.png 1x, ", count: 20_000) + "\">\n"),
    ]

    /// What each input must give, exactly: findings per rule, then after `fix --unsafe-fixes`
    /// the fixes applied, the findings left and the length of the result (`safe` is the
    /// number of fixes a safe run applies). Where the result is simple to state, `fixed` states it.
    struct Outcome: Sendable {
        var findings: [String: Int]
        var applied: Int
        var safe: Int
        var remaining: Int
        var length: Int
        var fixed: (@Sendable (String) -> String)?
        /// Whether fixing gives up (and changes nothing).
        var failure = false
    }

    @Sendable static func replacingEntities(_ text: String) -> String { text.replacing("&nbsp;", with: " ") }

    static let outcomes: [Outcome] = [
        Outcome(findings: ["nbsp-entity": 1], applied: 1, safe: 1, remaining: 0, length: 70_009, fixed: replacingEntities),
        // The proof renders the nested lists and finds each removal keeps them: all safe.
        Outcome(findings: ["nbsp-entity": 300], applied: 300, safe: 300, remaining: 0, length: 91_200,
                fixed: { $0.replacing("&nbsp;", with: "") }),
        Outcome(findings: [:], applied: 0, safe: 0, remaining: 0, length: 90_900, fixed: { $0 }),
        // Three of every four entities are inside code spans and stay.
        Outcome(findings: ["nbsp-entity": 1_250], applied: 1_250, safe: 1_250, remaining: 0, length: 68_750, fixed: nil),
        Outcome(findings: ["nbsp-entity": 1], applied: 1, safe: 1, remaining: 0, length: 50_001,
                fixed: { $0.replacing("&nbsp;", with: "") }),
        Outcome(findings: ["nbsp-entity": 1], applied: 1, safe: 1, remaining: 0, length: 100_001,
                fixed: { $0.replacing("&nbsp;", with: "") }),
        Outcome(findings: [:], applied: 0, safe: 0, remaining: 0, length: 120_001, fixed: { $0 }),
        Outcome(findings: ["mismatched-emphasis": 500], applied: 500, safe: 500, remaining: 0, length: 8_020,
                fixed: { $0.replacing("| _ **x** _ |", with: "| _**x**_ |") }),
        // The spaced pair is mended; then the 5,000 `*` on each side are strong nested in
        // strong, which doubled-emphasis collapses to one `**`.
        Outcome(findings: ["mismatched-emphasis": 1], applied: 2, safe: 2, remaining: 0, length: 10_006, fixed: nil),
        // `*a_` pairs have no fix: each is reported and left.
        Outcome(findings: ["mismatched-emphasis": 5_000], applied: 0, safe: 0, remaining: 5_000, length: 20_001, fixed: { $0 }),
        // At most 64 fix proofs per paragraph and pass: a line of 2,000 findings is mended
        // 64 pairs (or escapes) at a time, and most are left when the passes run out.
        Outcome(findings: ["mismatched-emphasis": 2_000], applied: 127, safe: 64, remaining: 1_936, length: 19_684, fixed: nil),
        Outcome(findings: [:], applied: 0, safe: 0, remaining: 0, length: 240_001, fixed: { $0 }),
        Outcome(findings: ["ghost-card-marker": 5_000], applied: 5_000, safe: 5_000, remaining: 0, length: 0, fixed: { _ in "" }),
        // The markers wait for each card's conversion (`---`), except the first card's: at
        // the top of the file `---` would open front matter, so that conversion is
        // withheld and its markers go alone.
        Outcome(findings: ["ghost-card-marker": 4_000, "ghost-card": 2_000], applied: 2_001, safe: 0, remaining: 0, length: 10_001,
                fixed: { _ in "<hr>\n\n" + String(repeating: "---\n\n", count: 1_999) }),
        Outcome(findings: ["nbsp-entity": 5_000], applied: 5_000, safe: 5_000, remaining: 0, length: 0, fixed: { _ in "" }),
        Outcome(findings: ["nbsp-entity": 1], applied: 1, safe: 1, remaining: 0, length: 12, fixed: replacingEntities),
        // Never closed: one finding, and the rest of the file is not read as Markdown.
        Outcome(findings: ["front-matter-syntax": 1], applied: 0, safe: 0, remaining: 1, length: 110_004, fixed: { $0 }),
        // The rules of issue 15. A U+00A0 after a fence would make a closing fence of the
        // line: no fix there.
        Outcome(findings: ["nbsp-char": 2_000], applied: 0, safe: 0, remaining: 2_000, length: 12_008, fixed: { $0 }),
        // Between words each becomes a space; the last, at the end of the line, goes.
        Outcome(findings: ["nbsp-char": 10_000], applied: 10_000, safe: 10_000, remaining: 0, length: 20_000,
                fixed: { _ in String(repeating: "a ", count: 9_999) + "a\n" }),
        // In code the space is an unsafe fix.
        Outcome(findings: ["nbsp-char": 10_000], applied: 10_000, safe: 0, remaining: 0, length: 20_003,
                fixed: { $0.replacing("\u{A0}", with: " ") }),
        // Past 64 in one block, findings come without fixes (proving them would be quadratic).
        Outcome(findings: ["doubled-emphasis": 1_000], applied: 0, safe: 0, remaining: 1_000, length: 10_001, fixed: { $0 }),
        Outcome(findings: ["doubled-emphasis": 2_000], applied: 0, safe: 0, remaining: 2_000, length: 14_002, fixed: { $0 }),
        Outcome(findings: [:], applied: 0, safe: 0, remaining: 0, length: 25_003, fixed: { $0 }),
        Outcome(findings: ["front-matter-syntax": 1], applied: 1, safe: 1, remaining: 0, length: 26_905,
                fixed: { $0.replacing(": a: b\n", with: ": \"a: b\"\n") }),
        Outcome(findings: ["front-matter-syntax": 1], applied: 1, safe: 1, remaining: 0, length: 8_025,
                fixed: { $0.replacing("\\ud83d\\ude80", with: "🚀") }),
        Outcome(findings: ["unclosed-fence": 100], applied: 0, safe: 0, remaining: 100, length: 11_400, fixed: { $0 }, failure: true),
        Outcome(findings: ["unclosed-fence": 1], applied: 1, safe: 0, remaining: 0, length: 70_103, fixed: nil),
        // The tag never closes, so nothing after `<a` is markup (as a browser reads it).
        Outcome(findings: [:], applied: 0, safe: 0, remaining: 0, length: 490_007, fixed: { $0 }),
        Outcome(findings: ["ghost-link-tracking": 5_000], applied: 5_000, safe: 5_000, remaining: 0, length: 190_008,
                fixed: { $0.replacing("&amp;ref=casper.ghost.io", with: "") }),
        Outcome(findings: ["ghost-link-tracking": 1], applied: 1, safe: 1, remaining: 0, length: 80_024,
                fixed: { $0.replacing("&ref=casper.ghost.io", with: "") }),
        // Neighbouring tags' edits share an `&`: every other one waits for the next pass.
        Outcome(findings: ["ghost-link-tracking": 2_000], applied: 2_000, safe: 2_000, remaining: 0, length: 28,
                fixed: { _ in "[a](https://x.example/?x=1)\n" }),
        // No other parameter has content: the whole query goes.
        Outcome(findings: ["ghost-link-tracking": 1], applied: 1, safe: 1, remaining: 0, length: 35,
                fixed: { _ in "<a href=\"https://x.example/\">x</a>\n" }),
        // No page answers `/x/` on an empty site: unsafe fixes.
        Outcome(findings: ["old-site-link": 5_000], applied: 5_000, safe: 0, remaining: 0, length: 45_001,
                fixed: { $0.replacing("__GHOST_URL__", with: "") }),
        Outcome(findings: ["missing-image": 20_000], applied: 0, safe: 0, remaining: 20_000, length: 220_024, fixed: { $0 }),
    ]

    @Test func everyInputHasItsOutcome() {
        #expect(Self.inputs.count == Self.outcomes.count)
    }

    @Test(arguments: inputs.indices)
    func survives(_ index: Int) {
        let (name, text) = Self.inputs[index]
        let expected = Self.outcomes[index]
        let linter = linter()
        let findings = linter.check(path: name, bytes: Array(text.utf8))
        #expect(findings.allSatisfy { $0.range.upperBound <= text.utf8.count })
        #expect(Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count) == expected.findings)
        let result = linter.fix(path: name, bytes: Array(text.utf8), upTo: .unsafe)
        #expect((result.failure != nil) == expected.failure)
        #expect(result.applied == expected.applied)
        #expect(result.remaining.count == expected.remaining)
        #expect(result.bytes.count == expected.length)
        if let fixed = expected.fixed {
            #expect(String(decoding: result.bytes, as: UTF8.self) == fixed(text))
        }
        #expect(linter.fix(path: name, bytes: Array(text.utf8), upTo: .safe).applied == expected.safe)
        // Whatever the fixes did, the result is still UTF-8 and settles: fixing it again
        // applies nothing.
        #expect(String(validating: result.bytes, as: UTF8.self) != nil)
        #expect(linter.fix(path: name, bytes: result.bytes, upTo: .unsafe).applied == 0)
    }
}
