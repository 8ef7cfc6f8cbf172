import Foundation
import MarkdownScanner
import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct MismatchedEmphasisRuleTests {
    let id = ["mismatched-emphasis"]

    /// The expectations of the reference (shared/reference/commonmark.md §3), one per line.
    @Test func theReferenceCases() {
        let text = """
            _ **Sur la qualité du service...** _

            **Sur l'efficacité du service...** \\_

            Il est arrivé à la minute.\\_

            Un texte **en gras sans fin.

            Un *texte_ mixte.

            """
        let findings = lint(text, id)
        #expect(positions(text, findings) == ["1:1", "3:36", "5:27", "7:10", "9:4"])
        #expect(flagged(text, findings) == ["_", "\\_", "\\_", "**", "*"])
    }

    @Test(arguments: [
        "snake_case_name and __init__",
        "2 * 3 * 4 = 24",
        "a * b * c and x * (y + 1) * z",
        "**© Fido\\_le\\_muet**",
        "f(*args, **kwargs)",
        "*.txt et *.md",
        "\\_\\_\\_\\_",
        "Prix\\* hors taxes",
        "_Le Building où sont installés le Service client._",
        "*valid* and **valid** and _valid_ and __valid__",
        "_ item one\n_ item two",
        "`_ **code** _` and <span title=\"_ **x** _\"> and <https://x.y/_ **a** _>",
        "[a](/_ \"_ **t** _\") and ![_ **alt** _](/i.png)",
        "    _ **indented** _",
        "```\n_ **fenced** _\n```",
        "<div>\n_ **html block** _\n</div>",
        "[ref]: /url '_ **title** _'",
    ])
    func notFlagged(_ text: String) {
        #expect(lint(text + "\n", id).isEmpty)
    }

    @Test(arguments: [
        ("** bold** here", "1:1"),
        ("a *word * here", "1:3"),
        ("__ strong __ text", "1:1"),
        ("Broken * emphasis * here", "1:8"),
        ("line one **unclosed\nline two", "1:10"),
        ("text closed** nothing", "1:12"),
        ("Un _mot\\_ ici.", "1:8"),
        ("Un \\*mot* ici.", "1:4"),
        ("# Titre _ **gras** _", "1:9"),
        ("> _ **cité** _", "1:3"),
        ("- _ **item** _", "1:3"),
        ("| a | _ **b** _ |\n|---|---|", "1:7"),
    ])
    func flaggedAt(_ text: String, _ position: String) {
        #expect(positions(text + "\n", lint(text + "\n", id)) == [position])
    }

    @Test func confidenceHighDropsTheWeakCases() throws {
        // Kept at `high`: the pair around emphasis (7:1) and the unclosed `**` (9:1).
        let text = "Broken * emphasis * here.\n\na *word * here.\n\nDone._\n\n_ **x** _\n\n**unclosed\n"
        let medium = lint(text, id)
        #expect(positions(text, medium) == ["1:8", "3:3", "5:6", "7:1", "9:1"])
        let config = try Configuration.parse(Array("rules:\n  mismatched-emphasis:\n    confidence: high\n".utf8), path: ".galley.yml", directory: "/", knownRules: AllRules.optionTable)
        let high = Linter(session: Session(rules: AllRules.rules), configuration: config, select: Set(id))
            .check(path: "t.md", bytes: Array(text.utf8))
        #expect(positions(text, high) == ["7:1", "9:1"])
        #expect(throws: (any Error).self) {
            try Configuration.parse(Array("rules:\n  mismatched-emphasis:\n    confidence: total\n".utf8), path: ".galley.yml", directory: "/", knownRules: AllRules.optionTable)
        }
    }

    @Test(arguments: [
        ("_ **x** _ and more", "_**x**_ and more", Applicability.safe),
        ("Voir _ *ceci* _ ici", "Voir _*ceci*_ ici", .safe),
        ("__  strong  __ text", "__strong__ text", .suggestion),
        ("__ fort __", "__fort__", .safe),
        ("** bold** here", "**bold** here", .suggestion),
        ("Broken * emphasis * here", "Broken *emphasis* here", .suggestion),
        ("**x** \\_", "**x**", .unsafe),
        ("**x** \\_ next", "**x** next", .unsafe),
        ("la minute.\\_", "la minute.", .unsafe),
        ("Un _mot\\_ ici.", "Un _mot_ ici.", .unsafe),
    ])
    func fixesAndTheirSafety(_ text: String, _ expected: String, _ applicability: Applicability) throws {
        let findings = lint(text + "\n", id)
        let fix = try #require(findings.first?.fix)
        #expect(fix.applicability == applicability)
        let result = FixApplier.apply([Fix(title: fix.title, edits: fix.edits, applicability: .safe)], to: Array((text + "\n").utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == expected + "\n")
    }

    /// After every fix that keeps the delimiters, the scanner consumes them as emphasis,
    /// and the rule has nothing more to say about them.
    @Test(arguments: ["_ **x** _", "Voir _ *ceci* _ ici", "** bold** here", "a *word * here", "Broken * emphasis * here",
                      "Un _mot\\_ ici.", "Un \\*mot* ici.", "> _ **cité** _", "# T _ **g** _", "Un __ mot __ ici"])
    func fixedDelimitersAreConsumed(_ text: String) throws {
        let input = Array((text + "\n").utf8)
        let finding = try #require(lint(text + "\n", id).first)
        let fix = try #require(finding.fix)
        let output = FixApplier.apply([Fix(title: fix.title, edits: fix.edits, applicability: .safe)], to: input).bytes
        let source = SourceText(output)
        let index = InlineScanner.scan(source, BlockScanner.scan(source))
        #expect(!index.runs.isEmpty && index.runs.allSatisfy(\.isFullyConsumed), "\(String(decoding: output, as: UTF8.self))")
        #expect(index.escapes.isEmpty)
        #expect(lint(String(decoding: output, as: UTF8.self), id).isEmpty)
    }

    /// Removing the space would glue the delimiter to the emphasis inside, turning it into
    /// a longer run: `* *really* *` would become `**really**`, strong instead of emphasis
    /// inside emphasis. (Found by a fuzzing review.)
    @Test(arguments: ["She said * *really* * loudly.", "A _ _note_ _ here.", "*** *it* ***"])
    func noFixGluesADelimiterToItsNeighbour(_ text: String) {
        let findings = lint(text + "\n", id)
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0.fix == nil })
        #expect(fixed(text + "\n", id, upTo: .unsafe) == text + "\n")
    }

    @Test func aFixIsNotOfferedWhenTheDelimitersWouldStayText() throws {
        // Removing the space before the closing `_` leaves `\_`: an escape, not a closer.
        let text = "Un _mot\\ _ ici.\n"
        let findings = lint(text, id)
        #expect(positions(text, findings) == ["1:4"])
        #expect(findings.allSatisfy { $0.fix == nil })
    }
}
