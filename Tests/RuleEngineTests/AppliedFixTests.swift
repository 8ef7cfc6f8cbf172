import Testing
@testable import RuleEngine

/// Where `Linter.fix` says each applied fix was: an offset of a later pass mapped back
/// to the file as read.
@Suite struct AppliedFixTests {
    @Test func offsetsMapBackThroughEarlierPasses() {
        // Pass 1 replaced 6 bytes at 2 with 1 byte, and inserted 3 bytes at 20.
        let pass1 = [Edit(range: 2..<8, replacement: Array(" ".utf8)), Edit(range: 20..<20, replacement: Array("abc".utf8))]
        #expect(Linter.mapBack(0, through: [pass1][...]) == 0)
        #expect(Linter.mapBack(2, through: [pass1][...]) == 2, "inside the replacement: its start")
        #expect(Linter.mapBack(3, through: [pass1][...]) == 8)
        #expect(Linter.mapBack(10, through: [pass1][...]) == 15)
        #expect(Linter.mapBack(16, through: [pass1][...]) == 20, "inside the insertion")
        #expect(Linter.mapBack(18, through: [pass1][...]) == 20)
        #expect(Linter.mapBack(19, through: [pass1][...]) == 21)
        // Pass 2 deleted 4 bytes at 0 of pass 1's output.
        let pass2 = [Edit(range: 0..<4, replacement: [])]
        #expect(Linter.mapBack(6, through: [pass1, pass2][...]) == 15)
    }
}
