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
    ]

    @Test(arguments: inputs.indices)
    func survives(_ index: Int) {
        let (name, text) = Self.inputs[index]
        let linter = linter()
        let findings = linter.check(path: name, bytes: Array(text.utf8))
        #expect(findings.allSatisfy { $0.range.upperBound <= text.utf8.count })
        let result = linter.fix(path: name, bytes: Array(text.utf8), upTo: .unsafe)
        #expect(result.passes <= Linter.maxPasses)
        // Whatever the fixes did, the result is still UTF-8 and settles: fixing it again
        // applies nothing.
        #expect(String(validating: result.bytes, as: UTF8.self) != nil)
        #expect(linter.fix(path: name, bytes: result.bytes, upTo: .unsafe).applied == 0)
    }
}
