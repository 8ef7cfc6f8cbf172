import Testing
@testable import RuleEngine

@Suite struct FixSettlementTests {
    func fix(_ edits: [(Int, Int, String)]) -> Fix {
        Fix(title: "", edits: edits.map { Edit(range: $0.0..<$0.1, replacement: $0.2) }, applicability: .safe)
    }

    /// Fixes with the same edits (one fix shared by several findings) share the verdict of
    /// the first of them; edits that only start alike, or differ in a later edit or in
    /// their replacement, do not.
    @Test func theFirstFixWithTheSameEditsKeepsTheVerdict() {
        let fixes = [
            fix([(5, 6, " ")]),              // 0
            fix([(1, 2, "")]),               // 1
            fix([(5, 6, " ")]),              // 2: as 0
            fix([(5, 7, " ")]),              // 3: starts as 0
            fix([(1, 2, "")]),               // 4: as 1
            fix([(5, 6, "x")]),              // 5: another replacement
            fix([(5, 6, " "), (9, 9, "y")]), // 6: a further edit
            fix([]),                         // 7
            fix([(5, 6, " ")]),              // 8: as 0
            fix([]),                         // 9: as 7
        ]
        #expect(FixSettlement.firstWithTheSameEdits(fixes) == [0, 1, 0, 3, 1, 5, 6, 7, 0, 7])
    }

    /// A fix that overlaps one the proof refuses has no later pass to wait for when the
    /// pass takes nothing: it is tried in the same pass (before, `fix` stopped there while
    /// `check` called it applicable).
    @Test func aFixBesideARefusedOneIsTakenWhenNothingElseIs() {
        let text = "Intro\n\n<!--c-->\n\nText\n"
        let proof = FixProof(Document(path: "a.md", bytes: Array(text.utf8), session: Session(rules: [])))
        // Makes `Intro` a heading while it drops the comment: refused.
        let heading = Fix(title: "", edits: [Edit(range: 0..<15, replacement: "# Intro\n\n")], applicability: .safe,
                          promise: .removesComments)
        // Drops the comment's line: the page stays the same.
        let comment = Fix(title: "", edits: [.delete(7..<16)], applicability: .safe, promise: .removesComments)
        let accepted = FixSettlement(proof: proof).accepted([heading, comment], upTo: .safe)
        #expect(accepted == [comment])
        #expect(FixSettlement(proof: proof).accepted([heading], upTo: .safe).isEmpty)
    }
}
