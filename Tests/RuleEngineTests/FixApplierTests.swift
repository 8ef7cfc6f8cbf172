import Testing
@testable import RuleEngine

@Suite struct FixApplierTests {
    let bytes = Array("abcdefghij".utf8)

    func fix(_ edits: [Edit]) -> Fix { Fix(title: "t", edits: edits, applicability: .safe) }

    @Test func appliesEditsInOrderWhateverTheOrderGiven() {
        let out = FixApplier.apply([
            fix([Edit(range: 8..<9, replacement: "I")]),
            fix([Edit(range: 0..<1, replacement: "AA")]),
            fix([Edit(range: 4..<4, replacement: "-")]),
        ], to: bytes)
        #expect(text(out.bytes) == "AAbcd-efghIj")
        #expect(out.applied == 3)
    }

    @Test func anOverlappingFixWaitsForTheNextPass() {
        let out = FixApplier.apply([
            fix([Edit(range: 2..<5, replacement: "")]),
            fix([Edit(range: 4..<6, replacement: "Z")]),
        ], to: bytes)
        #expect(text(out.bytes) == "abfghij")
        #expect(out.applied == 1)
    }

    @Test func adjacentEditsDoNotConflictButTwoInsertionsAtOnePointDo() {
        let adjacent = FixApplier.apply([fix([.delete(1..<3)]), fix([.delete(3..<4)])], to: bytes)
        #expect(text(adjacent.bytes) == "aefghij")
        let inserts = FixApplier.apply([fix([Edit(range: 3..<3, replacement: "1")]),
                                        fix([Edit(range: 3..<3, replacement: "2")])], to: bytes)
        #expect(text(inserts.bytes) == "abc1defghij")
        #expect(inserts.applied == 1)
    }

    @Test func aFixIsAllOrNothing() {
        // The second fix's first edit is free but its second edit overlaps the first fix.
        let out = FixApplier.apply([
            fix([Edit(range: 5..<7, replacement: "")]),
            fix([Edit(range: 6..<6, replacement: "!"), Edit(range: 9..<10, replacement: "J")]),
        ], to: bytes)
        #expect(text(out.bytes) == "abcdehij")
    }

    @Test func identicalFixesCountOnceAsApplied() {
        let same = fix([.delete(2..<4)])
        let out = FixApplier.apply([same, same], to: bytes)
        #expect(text(out.bytes) == "abefghij")
        #expect(out.applied == 2)
    }

    @Test func manyFixesInOneFile() {
        let input = [UInt8](repeating: 0x58, count: 20_000)
        // Every byte starts a fix that claims it and the next one: every other fix waits.
        let fixes = (0..<(input.count - 1)).map { i in fix([Edit(range: i..<(i + 2), replacement: "y")]) }
        let out = FixApplier.apply(fixes.shuffled(), to: input)
        #expect(out.applied == 10_000)
        let allY = out.bytes == [UInt8](repeating: 0x79, count: 10_000)
        #expect(allY)
    }
}
