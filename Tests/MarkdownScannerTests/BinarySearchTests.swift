import Testing
@testable import MarkdownScanner

/// The one binary search the scanner, the fix applier and the rules share.
@Suite struct BinarySearchTests {
    @Test(arguments: 0...9)
    func partitionPointIsTheFirstElementAfterTheThreshold(_ n: Int) {
        let sorted = Array(stride(from: 0, to: 2 * n, by: 2))  // 0, 2, 4, …
        for x in -1...(2 * n + 1) {
            let expected = sorted.firstIndex { $0 > x } ?? sorted.count
            #expect(sorted.partitionPoint { $0 > x } == expected, "n=\(n) x=\(x)")
        }
    }

    @Test func duplicatesAndSlices() {
        let values = [1, 3, 3, 3, 5]
        #expect(values.partitionPoint { $0 >= 3 } == 1)
        #expect(values.partitionPoint { $0 > 3 } == 4)
        #expect(values.partitionPoint { _ in true } == 0)
        #expect(values.partitionPoint { _ in false } == 5)
        let slice = values[2...]
        #expect(slice.partitionPoint { $0 > 3 } == 4)  // indices are the base collection's
    }

    @Test func lineContainingUsesIt() {
        let text = SourceText(Array("\u{FEFF}a\nbb\n\nc".utf8))
        #expect([0, 3, 4, 5, 7, 8, 9].map(text.line(containing:)) == [0, 0, 0, 1, 1, 2, 3])
    }
}
