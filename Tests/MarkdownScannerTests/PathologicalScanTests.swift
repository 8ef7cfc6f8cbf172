import Testing
@testable import MarkdownScanner

/// The patterns of cmark's and markdown-it's pathological tests at a small scale (the
/// timing is bench/pathological.sh's job): the scanner finishes, and its answers are the
/// ones the upstream tests expect of the rendering.
@Suite struct PathologicalScanTests {
    static let n = 2_000

    func scanned(_ s: String) -> Scanned { Scanned(s + "\n") }
    func consumed(_ s: Scanned) -> Int { s.index.runs.reduce(0) { $0 + $1.consumedFront + $1.consumedBack } }
    func literal(_ s: Scanned) -> Int { s.index.runs.reduce(0) { $0 + $1.literalRange.count } }

    @Test func nestedStrongEmphasisIsAllConsumed() {
        let s = scanned(String(repeating: "*a **a ", count: Self.n) + "b" + String(repeating: " a** a*", count: Self.n))
        #expect(literal(s) == 0 && consumed(s) == 6 * Self.n)
    }

    @Test(arguments: ["a_ ", "_a ", "*a_ ", "[ a_"])
    func lonelyDelimitersStayLiteral(_ unit: String) {
        let s = scanned(String(repeating: unit, count: Self.n))
        let delimiters = unit.filter { $0 == "*" || $0 == "_" }.count * Self.n
        #expect(consumed(s) == 0 && literal(s) == delimiters)
    }

    @Test func cmarkIssue389() {
        // `*a ` × n then `_a*_ ` × n: every `*` pairs, every `_` stays.
        let s = scanned(String(repeating: "*a ", count: Self.n) + String(repeating: "_a*_ ", count: Self.n))
        let stars = s.index.runs.filter { $0.char == 0x2A }, lines = s.index.runs.filter { $0.char == 0x5F }
        #expect(stars.count == 2 * Self.n && stars.allSatisfy(\.isFullyConsumed))
        #expect(lines.count == 2 * Self.n && lines.allSatisfy { $0.literalRange.count == 1 })
    }

    @Test func openersAndClosersMultipleOfThree() {
        let s = scanned("a**b" + String(repeating: "c* ", count: Self.n))
        #expect(consumed(s) == 0)
    }

    @Test func nestedInlinesAreAllConsumed() {
        let s = scanned(String(repeating: "*", count: Self.n) + "a" + String(repeating: "*", count: Self.n))
        #expect(literal(s) == 0)
    }

    @Test func emptyLinksRepeated() {
        let s = scanned(String(repeating: "![[]()", count: Self.n))
        let texts = s.index.linkTexts
        #expect(texts.count == Self.n && !texts.contains(where: \.isImage))
    }

    @Test(arguments: ["[ (](", "[a](<b", "[a](b", "a]", "[a"])
    func bracketPatternsMakeNoLinks(_ unit: String) {
        let s = scanned(String(repeating: unit, count: Self.n))
        #expect(s.index.linkTexts.isEmpty && s.spans.isEmpty)
    }

    @Test func nestedBracketsMakeNoLinks() {
        let s = scanned(String(repeating: "[", count: Self.n) + "a" + String(repeating: "]", count: Self.n))
        #expect(s.index.linkTexts.isEmpty)
    }

    @Test func backticksOfEveryLengthMakeNoCodeSpan() {
        let s = scanned((1..<300).map { "e" + String(repeating: "`", count: $0) }.joined())
        #expect(s.spans.isEmpty)
    }

    @Test func unclosedCommentsAreText() {
        let s = scanned("</" + String(repeating: "<!--", count: Self.n))
        #expect(s.spans.isEmpty)
        // Only the last `<!--` makes a comment: the others would hold `<!--` ending in `-`
        // before their `-->` (markdown-it-py agrees).
        let closed = scanned("x " + String(repeating: "<!--", count: Self.n) + "-->")
        #expect(closed.spans.map { closed.string($0.range) } == ["<!---->"])
    }

    @Test func emphasisInADeepBlockQuote() {
        let s = scanned(String(repeating: ">", count: Self.n) + String(repeating: "a*", count: Self.n))
        #expect(s.lines[0].containerDepth == UInt32(Self.n))
        #expect(s.index.runs.count == Self.n)
    }

    @Test func manyDefinitionsAndReferences() {
        let s = Scanned((0..<Self.n).map { "[x\($0)]: /url\n\n[x\($0)]\n\n" }.joined())
        #expect(s.scan.definitions.count == Self.n)
        #expect(s.index.linkTexts.count == Self.n)
    }
}
