import Testing
@testable import RuleEngine

/// Fixes far apart proven together on the whole document keep their own promises: what
/// one fix may change (emphasis) never excuses what another changes elsewhere.
@Suite struct WholeDocumentProofTests {
    /// `\` before a `*`: dropping it makes `*a b*` italics, which a stray-delimiter
    /// promise does not cover.
    static let dropEscape = LetterRule(id: "drop-escape", letter: 0x5C, makeFix: { r, _ in
        Fix(title: "Drop the escape", edits: [Edit.delete(r)], applicability: .safe, promise: .removesStrayDelimiters)
    })
    /// The space before `x` in `** x**`: trimming it makes bold, as promised.
    static let trimSpace = LetterRule(id: "trim-space", letter: 0x78, makeFix: { r, _ in
        Fix(title: "Trim", edits: [Edit.delete((r.lowerBound - 1)..<r.lowerBound)], applicability: .safe, promise: .changesEmphasis)
    })

    @Test func oneFixsPromiseDoesNotExcuseAnothers() {
        let input = "*a b\\*\n\nOne.\n\nTwo.\n\nThree.\n\n** x**\n"
        let findings = makeLinter([Self.dropEscape, Self.trimSpace]).check(path: "a.md", bytes: Array(input.utf8))
        let escape = findings.first { $0.ruleID == "drop-escape" }?.fix
        let trim = findings.first { $0.ruleID == "trim-space" }?.fix
        #expect(trim?.applicability == .safe && trim?.withheld == nil)
        #expect(escape != nil && (escape?.applicability != .safe || escape?.withheld != nil), "\(String(describing: escape))")
        let fixed = makeLinter([Self.dropEscape, Self.trimSpace]).fix(path: "a.md", bytes: Array(input.utf8), upTo: .safe)
        #expect(text(fixed.bytes) == "*a b\\*\n\nOne.\n\nTwo.\n\nThree.\n\n**x**\n")
    }

    /// Alone, the same repair is safe.
    @Test func theEmphasisRepairAloneIsSafe() {
        let input = "One.\n\n** x**\n"
        let result = makeLinter([Self.trimSpace]).fix(path: "a.md", bytes: Array(input.utf8), upTo: .safe)
        #expect(text(result.bytes) == "One.\n\n**x**\n")
    }
}
