import Testing
@testable import RuleEngine

@Suite struct SuppressionTests {
    func lines(_ input: String, rules: [any Rule] = [LetterRule()]) -> [Int] {
        let bytes = Array(input.utf8)
        let document = Document(path: "a.md", bytes: bytes, session: Session(rules: rules))
        return makeLinter(rules).check(document).map { document.source.line(containing: $0.range.lowerBound) + 1 }
    }

    @Test func disableAndEnableBoundARegion() {
        let input = "X\n<!-- galley-disable letter-x -->\nX\n\nX\n<!-- galley-enable letter-x -->\nX\n"
        #expect(lines(input) == [1, 7])
    }

    @Test func disableWithoutRuleMeansEveryRuleAndRunsToTheEnd() {
        let input = "X\n\n<!-- galley-disable -->\n\nX Q\n"
        let rules: [any Rule] = [LetterRule(), LetterRule(id: "letter-q", letter: 0x51)]
        #expect(lines(input, rules: rules) == [1])
    }

    @Test func disableNextLineCoversOnlyTheNextLine() {
        let input = "<!-- galley-disable-next-line letter-x -->\nX\nX\n"
        #expect(lines(input) == [3])
    }

    @Test func disableFileCoversTheWholeFileForThatRuleOnly() {
        let input = "X Q\n\n<!-- galley-disable-file letter-x -->\n"
        let rules: [any Rule] = [LetterRule(), LetterRule(id: "letter-q", letter: 0x51)]
        let bytes = Array(input.utf8)
        let findings = makeLinter(rules).check(path: "a", bytes: bytes)
        #expect(findings.map(\.ruleID) == ["letter-q"])
    }

    @Test func severalRulesInOneCommentCommaOrSpaceSeparated() {
        let input = "<!-- galley-disable-next-line letter-x, letter-q -->\nX Q\n"
        let rules: [any Rule] = [LetterRule(), LetterRule(id: "letter-q", letter: 0x51)]
        #expect(lines(input, rules: rules).isEmpty)
    }

    @Test func commentsInCodeDoNotSuppress() {
        let input = "```\n<!-- galley-disable letter-x -->\n```\n\nX and `<!-- galley-disable-file -->`\n"
        #expect(lines(input) == [5])
    }

    @Test func otherRulesNamedDoNotSuppress() {
        let input = "<!-- galley-disable-next-line nbsp-entity -->\nX\n"
        #expect(lines(input) == [2])
    }

    @Test func theVerbMayFollowSeparatorsOrNone() {
        // (The verb is found by its bytes first: what split the words before still does.)
        #expect(lines("<!--galley-disable-next-line letter-x-->\nX\nX\n") == [3])
        #expect(lines("<!-- \t,galley-disable-next-line letter-x -->\nX\nX\n") == [3])
        #expect(lines("<!-- galley-disabled-next-line letter-x -->\nX\n") == [2])
        #expect(lines("<!-- kg-card-begin: galley-disable-next-line -->\nX\n") == [2])
        #expect(lines("<!-- galley- -->\nX\n") == [2])
    }
}
