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
}
