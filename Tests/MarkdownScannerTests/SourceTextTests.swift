import Testing
@testable import MarkdownScanner

@Suite struct SourceTextTests {
    @Test func lfLines() {
        let t = SourceText(Array("ab\ncd\n".utf8))
        #expect(t.lineStarts == [0, 3])
        #expect(t.lineCount == 2)
        #expect(t.lineEnd(0) == 3 && t.contentEnd(0) == 2)
        #expect(t.lineEnd(1) == 6 && t.contentEnd(1) == 5)
        #expect(t.hasLineBreak(0) && t.hasLineBreak(1))
        #expect(t.lineEnding == .lf)
        #expect(!t.hasBOM)
        #expect(t.string(t.lineStart(1)..<t.contentEnd(1)) == "cd")
    }

    @Test func crlfLines() {
        let t = SourceText(Array("a\r\nbc\r\n".utf8))
        #expect(t.lineStarts == [0, 3])
        #expect(t.contentEnd(0) == 1 && t.lineEnd(0) == 3)
        #expect(t.contentEnd(1) == 5 && t.lineEnd(1) == 7)
        #expect(t.lineEnding == .crlf)
        #expect(t.lineEnding.bytes == [0x0D, 0x0A])
    }

    @Test func crOnlyFile() {
        let t = SourceText(Array("a\rbc\r\rd".utf8))
        #expect(t.lineStarts == [0, 2, 5, 6])
        #expect(t.lineEnding == .cr)
        #expect(t.lineEnding.bytes == [0x0D])
        #expect(t.contentEnd(1) == 4)
        #expect(t.isBlank(2))
        #expect(!t.hasLineBreak(3))
    }

    @Test func fileWithoutFinalNewline() {
        let t = SourceText(Array("a\nlast".utf8))
        #expect(t.lineCount == 2)
        #expect(t.contentEnd(1) == 6 && t.lineEnd(1) == 6)
        #expect(t.hasLineBreak(0))
        #expect(!t.hasLineBreak(1))
        #expect(t.lineEnding == .lf)
    }

    @Test func finalNewlineDoesNotStartAnotherLine() {
        #expect(SourceText(Array("a\n".utf8)).lineCount == 1)
        #expect(SourceText(Array("a\n\n".utf8)).lineStarts == [0, 2])
        #expect(SourceText(Array("\n".utf8)).lineCount == 1)
        #expect(SourceText(Array("a\r\n\r\n".utf8)).lineStarts == [0, 3])
    }

    @Test func emptyFileHasOneEmptyLine() {
        let t = SourceText([])
        #expect(t.lineCount == 1)
        #expect(t.contentEnd(0) == 0)
        #expect(t.lineEnding == .none)
        #expect(t.isBlank(0))
    }

    @Test(arguments: [
        ("a\r\nb\r\nc\n", LineEnding.crlf),
        ("a\nb\nc\r\n", .lf),
        ("a\rb\rc\n", .cr),
        ("a\nb\rc\r\n", .crlf),
        ("no break", .none),
    ])
    func dominantLineEnding(_ s: String, _ expected: LineEnding) {
        #expect(SourceText(Array(s.utf8)).lineEnding == expected)
    }

    @Test func bomIsNotPartOfTheFirstLine() {
        let t = SourceText(Array("\u{FEFF}# T\nx".utf8))
        #expect(t.hasBOM)
        #expect(t.lineStarts == [3, 7])
        #expect(t.string(t.lineStart(0)..<t.contentEnd(0)) == "# T")
        #expect(t.location(of: 3) == SourceLocation(line: 1, column: 1))
        #expect(t.location(of: 5) == SourceLocation(line: 1, column: 3))
        #expect(t.location(of: 7) == SourceLocation(line: 2, column: 1))
        let bomOnly = SourceText([0xEF, 0xBB, 0xBF])
        #expect(bomOnly.hasBOM && bomOnly.lineCount == 1 && bomOnly.isBlank(0))
    }

    @Test func columnsCountUnicodeScalars() {
        // é is 2 bytes, 😀 is 4, 日 is 3; x sits at byte 6 of line 1 but in column 3.
        let t = SourceText(Array("é😀x\nab日c\r\nz".utf8))
        #expect(t.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(t.location(of: 2) == SourceLocation(line: 1, column: 2))
        #expect(t.location(of: 6) == SourceLocation(line: 1, column: 3))
        #expect(t.location(of: 7) == SourceLocation(line: 1, column: 4))
        #expect(t.location(of: 8) == SourceLocation(line: 2, column: 1))
        #expect(t.location(of: 13) == SourceLocation(line: 2, column: 4))
        #expect(t.location(of: 16) == SourceLocation(line: 3, column: 1))
        #expect(t.location(of: 17) == SourceLocation(line: 3, column: 2))
    }

    @Test func lineContainingOffsets() {
        let t = SourceText(Array("ab\r\ncd\ref\n".utf8))
        #expect((0..<4).allSatisfy { t.line(containing: $0) == 0 })
        #expect((4..<7).allSatisfy { t.line(containing: $0) == 1 })
        #expect(t.line(containing: 7) == 2)
        #expect(t.line(containing: t.bytes.count) == 2)
    }

    @Test func blankLines() {
        let t = SourceText(Array(" \t\n\u{A0}\n\nx\n".utf8))
        #expect(t.isBlank(0))
        #expect(!t.isBlank(1))  // a no-break space is not blank
        #expect(t.isBlank(2))
        #expect(!t.isBlank(3))
    }

    @Test func locationsAreOrdered() {
        #expect(SourceLocation(line: 1, column: 9) < SourceLocation(line: 2, column: 1))
        #expect(SourceLocation(line: 2, column: 1) < SourceLocation(line: 2, column: 2))
    }
}
