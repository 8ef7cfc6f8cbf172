import Testing
@testable import MarkdownScanner

/// Every CommonMark 0.31.2 spec example, compared with the reference parser on the three
/// questions rules depend on: which lines are code, HTML, definitions or breaks; which
/// inline bytes are code, autolinks, raw HTML or link tails; and which `*` / `_` are
/// literal, consumed or escaped.
@Suite struct CommonMarkSpecTests {
    static let all = Array(0..<CommonMarkSpec.examples.count)

    @Test func dataHasAllExamples() {
        #expect(CommonMarkSpec.examples.count == 652)
        #expect(CommonMarkSpec.expected.map(\.example) == CommonMarkSpec.examples.map(\.example))
    }

    @Test(arguments: all)
    func blocks(_ index: Int) {
        let c = CommonMarkSpec.compare(index)
        #expect(c.blocksAgree, "example \(c.example): \(c.differences(c.blocksMine, c.blocksExpected))")
    }

    @Test(arguments: all)
    func inlineRanges(_ index: Int) {
        let c = CommonMarkSpec.compare(index)
        #expect(c.inlineAgrees, "example \(c.example): \(c.differences(c.inlineMine, c.inlineExpected))")
    }

    @Test(arguments: all)
    func delimiters(_ index: Int) {
        let c = CommonMarkSpec.compare(index)
        #expect(c.delimitersAgree, "example \(c.example): \(c.differences(c.delimitersMine, c.delimitersExpected))")
    }

    /// The three conformance figures (`bench/spec.sh` prints this line).
    @Test func figures() {
        let all = Self.all.map(CommonMarkSpec.compare)
        let blocks = all.filter(\.blocksAgree).count
        let inline = all.filter(\.inlineAgrees).count
        let delimiters = all.filter(\.delimitersAgree).count
        print("CommonMark 0.31.2 spec: blocks \(blocks)/\(all.count), inline ranges \(inline)/\(all.count), delimiters \(delimiters)/\(all.count)")
        #expect(blocks == all.count && inline == all.count)
        #expect(delimiters >= 645)
    }
}
