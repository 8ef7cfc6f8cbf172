import Testing
@testable import RuleEngine
@testable import Rules

@Suite struct NbspEntityRuleTests {
    let id = ["nbsp-entity"]

    @Test(arguments: ["&nbsp;", "&#160;", "&#0160;", "&#xA0;", "&#XA0;", "&#x00a0;", "&NonBreakingSpace;"])
    func everySpellingIsFlagged(_ entity: String) {
        let text = "a\(entity)b\n"
        let findings = lint(text, id)
        #expect(flagged(text, findings) == [entity])
        #expect(fixed(text, id) == "a b\n")
    }

    /// Named references are case-sensitive: these show as text, so removing them is unsafe.
    @Test(arguments: ["&NBSP;", "&Nbsp;", "&nonbreakingspace;", "&NONBREAKINGSPACE;"])
    func misspeltEntitiesAreFlaggedWithAnUnsafeFix(_ entity: String) {
        let text = "a\(entity)b\n"
        let findings = lint(text, id)
        #expect(flagged(text, findings) == [entity])
        #expect(findings.first?.message.contains("is not an entity") == true)
        #expect(fixed(text, id) == text)
        #expect(fixed(text, id, upTo: .unsafe) == "a b\n")
    }

    @Test(arguments: [
        "Intro :\n-&nbsp;premier point\n",
        "#&nbsp;1 du classement\n",
        "1.&nbsp;Premier\n",
        "Title\n==&nbsp;\n",
        "# foo&nbsp;#\n",
    ])
    func entitiesAfterBlockSyntaxAreWithheld(_ text: String) throws {
        // A space there makes a list item or a heading, or ends one: the proof says which.
        let fix = try #require(lint(text, id).first?.fix)
        #expect(fix.withheld?.hasPrefix("would ") == true, "\(fix)")
        #expect(fixed(text, id, upTo: .unsafe) == text)
    }

    @Test(arguments: ["&nbsp", "&#161;", "&#xA1;", "&amp;nbsp;", "\\&nbsp;", "&#x;", "&#00000160;", "&#x00000A0;", "& nbsp;"])
    func lookalikesAreNot(_ text: String) {
        #expect(lint("a\(text)b\n", id).isEmpty)
    }

    @Test(arguments: [
        "`a&nbsp;b`\n",
        "``a `&nbsp;` b``\n",
        "```\na&nbsp;b\n```\n",
        "~~~md\na&nbsp;b\n~~~\n",
        "    a&nbsp;b\n",
        "<div>\na&nbsp;b\n</div>\n",
        "<!-- a&nbsp;b -->\n",
        "x <span title=\"a&nbsp;b\">y</span>\n",
        "<https://example.com/a&nbsp;b>\n",
        "[text](/path&nbsp;x \"title\")\n",
        "---\ntitle: a&nbsp;b\n---\n\nBody.\n",
        "- item\n\n      code&nbsp;in item\n",
        "> ```\n> a&nbsp;b\n> ```\n",
    ])
    func notFlaggedOutsideProse(_ text: String) {
        #expect(lint(text, id).isEmpty)
        #expect(fixed(text, id) == text)
    }

    @Test func flaggedInLinkTextTablesQuotesAndLazyLines() {
        let text = "[a&nbsp;b](/x)\n\n| a&nbsp;b | c |\n|---|---|\n| d&nbsp;e | f |\n\n> quoted\nlazy&nbsp;line\n"
        #expect(positions(text, lint(text, id)) == ["1:3", "3:4", "5:4", "8:5"])
        #expect(fixed(text, id) == "[a b](/x)\n\n| a b | c |\n|---|---|\n| d e | f |\n\n> quoted\nlazy line\n")
    }

    @Test func linkAndImageTitlesAreRenderedTextButDestinationsAreNot() {
        let text = "![alt](/a&nbsp;b.png \"the&nbsp;title\") and [x](<a&nbsp;b> 'more&#160;')\n"
        #expect(flagged(text, lint(text, id)) == ["&nbsp;", "&#160;"])
        #expect(fixed(text, id) == "![alt](/a&nbsp;b.png \"the title\") and [x](<a&nbsp;b> 'more ')\n")
    }

    @Test func aTableCellHoldingOnlyAnEntityBecomesEmpty() {
        #expect(fixed("| a | &nbsp; |\n|---|---|\n", id) == "| a | |\n|---|---|\n")
    }

    @Test func crlfIsKept() {
        #expect(fixed("a&nbsp;b\r\n&nbsp;\r\n\r\nc\r\n", id) == "a b\r\n\r\nc\r\n")
    }

    @Test func aSpacerLineInsideAParagraphGoesAlone() {
        #expect(fixed("one\n&nbsp;\ntwo\n", id) == "one\ntwo\n")
    }

    @Test func aSpacerAtTheEndOfAFileWithoutFinalNewline() {
        #expect(fixed("Text.\n\n&nbsp;", id) == "Text.")
    }

    @Test func aSpacerOfSeveralLinesGoesAtOnce() {
        let text = "Text.\n\n&nbsp;\n&nbsp; &#160;\n\nMore.\n"
        #expect(lint(text, id).count == 3)
        #expect(fixed(text, id) == "Text.\n\nMore.\n")
    }

    @Test func anEntityOpeningAListItemLeavesTheMarker() {
        #expect(fixed("- &nbsp;\n- b\n", id) == "- \n- b\n")
    }

    @Test func hardLineBreaksSurvive() {
        #expect(fixed("end&nbsp;  \nnext\n", id) == "end  \nnext\n")
    }

    @Test func frenchSpacingCanBeTurnedOff() throws {
        var config = Configuration()
        config.rules["nbsp-entity"] = RuleSetting(options: RuleOptions(["french-spacing": .init(kind: .scalar("false", .plain), range: 0..<0)]))
        let linter = Linter(session: Session(rules: AllRules.rules), configuration: config, select: ["nbsp-entity"])
        let result = linter.fix(path: "a", bytes: Array("Quoi&nbsp;?\n".utf8), upTo: .safe)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "Quoi ?\n")
        #expect(fixed("Quoi&nbsp;?\n", id) == "Quoi\u{A0}?\n")
    }

    @Test(arguments: [
        "&nbsp;# Not a heading\n",
        "Intro\n&nbsp;- not an item\n",
        "Intro\n&nbsp;===\n",
        "*a&nbsp;*\n",
        "*&nbsp;a*\n",
        "x **&nbsp;bold**\n",
        "Voir (_&nbsp;note_)\n",
    ])
    func fixesThatWouldChangeTheRenderingAreWithheld(_ text: String) throws {
        let findings = lint(text, id)
        #expect(findings.count == 1)
        let fix = try #require(findings.first?.fix)
        #expect(fix.withheld?.hasPrefix("would ") == true, "\(fix)")
        #expect(fixed(text, id, upTo: .unsafe) == text)
    }

    /// What the proof says, word for word, for the shapes a reader would notice.
    @Test(arguments: [
        ("Intro :\n-&nbsp;premier point\n", "would make line 2 a list item"),
        ("&nbsp;# Not a heading\n", "would make line 1 a heading"),
        ("Intro\n&nbsp;===\n", "would make line 2 underline a heading"),
        ("# foo&nbsp;#\n", "would change the heading “foo #” to “foo”"),
        ("*a&nbsp;*\n", "would change the text (“a” would read “*a”)"),
        ("Intro.\n\n    code one\n\n\n&nbsp;\n\n\n    code two\n\nOutro.\n", "would merge two code blocks"),
    ])
    func theWithheldFixSaysWhy(_ text: String, _ reason: String) {
        #expect(lint(text, id).first?.fix?.withheld == reason)
    }

    @Test(arguments: [
        ("**Astuce**&nbsp;: voici", "**Astuce**\u{A0}: voici"),
        ("_a_&nbsp;b", "_a_ b"),
        ("un **été**&nbsp;chaud", "un **été** chaud"),
        ("a&nbsp;**b**", "a **b**"),
    ])
    func entitiesNextToEmphasisThatCannotChangeAreSafe(_ input: String, _ output: String) {
        #expect(lint(input + "\n", id).first?.fix?.applicability == .safe)
        #expect(fixed(input + "\n", id) == output + "\n")
    }

    @Test func anEntityAtTheStartOfAParagraphBeforeADigitIsSafeWhenNoListAppears() {
        #expect(fixed("&nbsp;2 days\n", id) == "2 days\n")
        #expect(lint("&nbsp;2. item\n", id).first?.fix?.withheld == "would make line 1 a list item")
    }
}
