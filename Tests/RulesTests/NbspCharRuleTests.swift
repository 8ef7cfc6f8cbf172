import Testing
@testable import RuleEngine
@testable import Rules

/// U+00A0 written as the character. Inputs use `¦` for it, to stay readable.
@Suite struct NbspCharRuleTests {
    let id = ["nbsp-char"]

    func text(_ s: String) -> String { s.replacingOccurrences(of: "¦", with: "\u{A0}") + "\n" }

    @Test(arguments: [
        ("```bash\ngit¦commit -m x\n```", ["2:4"], "```bash\ngit commit -m x\n```"),
        ("```\nNAME¦¦¦READY   STATUS\nweb-1¦¦¦1/1     Running\n```", ["2:5", "3:6"],
         "```\nNAME   READY   STATUS\nweb-1   1/1     Running\n```"),
        ("    $¦ls¦-la", ["1:6", "1:9"], "    $ ls -la"),
        ("Run `npm¦install` now.", ["1:9"], "Run `npm install` now."),
        ("> ```\n> a¦¦b\n> ```", ["2:4"], "> ```\n> a  b\n> ```"),
    ])
    func codeRunsAreReportedWithAnUnsafeFix(_ input: String, _ at: [String], _ expected: String) {
        let t = text(input)
        let findings = lint(t, id)
        #expect(positions(t, findings) == at)
        #expect(findings.allSatisfy { $0.fix?.applicability == .unsafe && $0.fix?.promise == [.nbspBecomesSpace, .changesCode] })
        #expect(fixed(t, id) == t)
        #expect(fixed(t, id, upTo: .unsafe) == expected + "\n")
    }

    /// A code line the spaces would turn into a closing fence, or the last line of an
    /// indented block they would leave blank (which then ends the code), changes the code:
    /// the proof withholds the fix and says why.
    @Test(arguments: [
        ("```\n```¦\nx\n```", "would move the end of a code block"),
        ("~~~\n  ~~~¦¦¦\nx\n~~~", "would move the end of a code block"),
        ("    a\n    ¦¦", "would change the text of a code block"),
    ])
    func codeFixesThatWouldChangeTheCodeAreWithheld(_ input: String, _ reason: String) {
        let t = text(input)
        let findings = lint(t, id)
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0.fix?.withheld == reason })
        #expect(fixed(t, id, upTo: .unsafe) == t)
    }

    @Test(arguments: [
        ("The export kept a¦space here.", "The export kept a space here."),
        ("Two¦¦¦in a row.", "Two in a row."),
        ("Spaces ¦ around it.", "Spaces around it."),
        ("¦¦¦¦Indented by the export.", "Indented by the export."),
        ("Trailing¦", "Trailing"),
        ("Hard break kept¦  \nnext", "Hard break kept  \nnext"),
        ("First.\n\n¦\n\nSecond.", "First.\n\nSecond."),
        ("## A¦heading", "## A heading"),
        ("- An¦item\n\n> A¦quote", "- An item\n\n> A quote"),
        ("| a¦b | c |\n|---|---|", "| a b | c |\n|---|---|"),
        ("[link¦text](/a) and [t](/b \"a¦title\")", "[link text](/a) and [t](/b \"a title\")"),
        ("Dit-il ¦! Oui.", "Dit-il¦! Oui."),
        ("Une _emphase¦_ ici.", "Une _emphase _ ici."),
    ])
    func proseRunsBecomeOneSpaceSafely(_ input: String, _ expected: String) {
        let t = text(input)
        let findings = lint(t, id)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.fix?.applicability == .safe })
        #expect(fixed(t, id) == text(expected))
    }

    @Test(arguments: [
        "Une révolution¦! Il a dit «¦simple¦». Quoi¦? Ceci¦: cela¦;",
        "12¦km, 20¦°C, 5¦%, 99¦€, page¦12, n°¦5, 1¦500 visitors, $¦22.",
        "<p>An HTML block¦with it.</p>",
        "x <span title=\"a¦b\">y</span> and [a link](/a¦b) and <https://x.y/a¦b>",
        "---\ntitle: a¦b\n---\n\nBody.",
        "[ref¦label]: /url",
    ])
    func typographyAndOtherPeoplesTextStay(_ input: String) {
        #expect(lint(text(input), id).isEmpty)
    }

    @Test(arguments: [
        ("¦¦- would become a list item", "would make line 1 a list item"),
        ("# Title¦#", "would change the heading “Title #” to “Title”"),
        ("[a¦b]\n\n[a¦b]: /url", "would change a link"),
    ])
    func proseFixesThatWouldChangeThePageAreWithheld(_ input: String, _ reason: String) {
        let t = text(input)
        let findings = lint(t, id)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.fix?.withheld == reason })
        #expect(fixed(t, id, upTo: .unsafe) == t)
    }

    @Test func messagesSayWhere() {
        let t = text("a¦b\n¦¦c\nd¦\n\n¦\n\n`x¦y`")
        #expect(lint(t, id).map(\.message) == [
            "non-breaking space (U+00A0) between words, where a plain space was meant",
            "2 non-breaking spaces (U+00A0) used as indentation at the start of a line",
            "non-breaking space (U+00A0) at the end of a line",
            "line made only of non-breaking spaces (U+00A0), an empty-looking paragraph",
            "a non-breaking space (U+00A0) in code: whoever copies it gets no space, so commands and aligned columns break",
        ])
    }
}
