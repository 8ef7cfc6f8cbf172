import MarkdownScanner
import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct DoubledEmphasisRuleTests {
    let id = ["doubled-emphasis"]

    @Test(arguments: [
        ("****Doubled strong text****", "**Doubled strong text**"),
        ("____Doubled strong text____", "__Doubled strong text__"),
        ("*****Five on each side*****", "***Five on each side***"),
        ("Some ****really *quite* bold**** text.", "Some **really *quite* bold** text."),
        ("****Over two\nlines****", "**Over two\nlines**"),
        ("> - ****In a quoted item****", "> - **In a quoted item**"),
        ("| ****cell**** | b |\n|---|---|", "| **cell** | b |\n|---|---|"),
        ("## ****Heading****", "## **Heading**"),
        ("A lone **** inside a line.", "A lone inside a line."),
        ("word **** text **** more", "word text more"),
    ])
    func safeFixes(_ text: String, _ expected: String) throws {
        let findings = lint(text + "\n", id)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.fix?.applicability == .safe && $0.fix?.promise == .changesEmphasis })
        #expect(fixed(text + "\n", id) == expected + "\n")
        #expect(lint(expected + "\n", id).isEmpty)
    }

    /// One finding per doubled pair, at the opening run.
    @Test func positions() {
        let text = "Intro ****one**** and ****two****.\n\nA lone **** here.\n"
        let findings = lint(text, id)
        #expect(Self.positions(text, findings) == ["1:7", "1:23", "3:8"])
        #expect(findings.first?.message.contains("at 1:14") == true)
    }

    static func positions(_ text: String, _ findings: [Finding]) -> [String] { RulesTests.positions(text, findings) }

    /// At a line edge or next to punctuation the asterisks may be meant: unsafe.
    @Test(arguments: [
        ("Password: ****", "Password:"),
        ("**** marks the spot", "marks the spot"),
        ("- **** item", "- item"),
        ("Rated (****) by readers", nil),
    ] as [(String, String?)])
    func emptyStrongAtAnEdgeIsUnsafe(_ text: String, _ withUnsafe: String?) {
        let findings = lint(text + "\n", id)
        guard let withUnsafe else {
            #expect(findings.isEmpty)
            return
        }
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0.fix?.applicability == .unsafe })
        #expect(fixed(text + "\n", id) == text + "\n")
        #expect(fixed(text + "\n", id, upTo: .unsafe) == withUnsafe + "\n")
    }

    @Test(arguments: [
        "****",
        "Some text\n****\nmore text",
        "# ****",
        "**bold** and ***bold italic*** and a blank: ____ to fill.",
        "`****code****` and ![****alt****](/a.png) and <b title=\"****x****\">",
        "```\n****fenced****\n```",
        "    ****indented****",
        "****a** b**",
        "### ****📦 Latest** r**elease: 1.2**3**.0****",
    ])
    func notFlagged(_ text: String) {
        #expect(lint(text + "\n", id).isEmpty)
    }

    /// mismatched-emphasis leaves the empty strong to this rule: one finding per run.
    @Test func oneRuleSpeaksForAnEmptyStrong() {
        let text = "Broken **** emphasis **** here\n"
        let findings = lint(text, ["mismatched-emphasis", "doubled-emphasis"])
        #expect(findings.map(\.ruleID) == ["doubled-emphasis", "doubled-emphasis"])
    }

    /// The proof refuses a change under which another run loses its verdict.
    @Test func theProofChecksTheOtherRuns() {
        let text = "**a** b ****c****\n"
        let document = Document(path: "t.md", bytes: Array(text.utf8), session: Session(rules: []))
        let ctx = EmphasisContext(document)
        let proof = DoubledEmphasisProof(ctx: ctx, indices: 0..<ctx.runs.count)
        // Removing the first pair's closer leaves its opener printed.
        let wrong = DoubledEmphasisProof.Change(edits: [.delete(3..<5)], replaced: [:], removed: [1])
        #expect(proof.prove([wrong]) == [false])
        let right = DoubledEmphasisProof.Change(edits: [.delete(8..<10), .delete(15..<17)], replaced: [2: 2, 3: 2], removed: [], pair: (2, 3))
        #expect(proof.prove([right]) == [true])
        #expect(proof.prove([right, wrong]) == [true, false])
    }
}
