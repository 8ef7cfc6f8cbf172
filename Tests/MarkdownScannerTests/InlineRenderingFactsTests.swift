import Testing
@testable import MarkdownScanner

/// What the inline pass records for rendering: which opener matched which closer, link
/// titles, definition titles; and character references.
@Suite struct InlineRenderingFactsTests {
    func scan(_ s: String) -> (BlockScan, InlineIndex) {
        let text = SourceText(Array(s.utf8))
        let blocks = BlockScanner.scan(text)
        return (blocks, InlineScanner.scan(text, blocks))
    }

    @Test func emphasisPairsInTheOrderMatched() {
        // `***a***`: strong from the inner two, then em from the outer ones.
        #expect(scan("***a***\n").1.emphasis == [
            EmphasisMatch(opener: 1, closer: 4, count: 2, block: 0),
            EmphasisMatch(opener: 0, closer: 6, count: 1, block: 0),
        ])
        #expect(scan("*a **b** c*\n").1.emphasis.map { [$0.opener, $0.closer, $0.count] } == [[3, 6, 2], [0, 10, 1]])
        #expect(scan("x\n\n**a*\n").1.emphasis == [EmphasisMatch(opener: 4, closer: 6, count: 1, block: 1)])
        #expect(scan("*a\n").1.emphasis.isEmpty)
    }

    @Test func linkTitles() {
        let source = "[a](/u \"t\") [b](/v 'x\ny') [c](/w)\n"
        let texts = scan(source).1.linkTexts
        let bytes = Array(source.utf8)
        #expect(texts.map { $0.title.map { String(decoding: bytes[$0], as: UTF8.self) } } == ["\"t\"", "'x\ny'", nil])
    }

    @Test func definitionTitles() {
        let source = "> [a]: /u\n> \"multi\n> line\"\n\n[b]: <v>\n[c]: /w (p)\n"
        let defs = scan(source).0.definitionList
        let bytes = Array(source.utf8)
        func s(_ r: Range<Int>?) -> String? { r.map { String(decoding: bytes[$0], as: UTF8.self) } }
        #expect(defs.map(\.label) == ["a", "b", "c"])
        #expect(defs.map { s($0.title) } == ["\"multi\n> line\"", nil, "(p)"])
        #expect(defs.map { s($0.destination) } == ["/u", "v", "/w"])
    }

    @Test func characterReferences() {
        func decode(_ s: String) -> String? {
            var out: [UInt8] = []
            let b = Array(s.utf8)
            guard let end = CharacterReference.decode(b, at: 0, end: b.count, into: &out) else { return nil }
            return String(decoding: out, as: UTF8.self) + "|" + String(decoding: b[end...], as: UTF8.self)
        }
        #expect(decode("&amp;x") == "&|x")
        #expect(decode("&ngE;") == "\u{2267}\u{338}|")
        #expect(decode("&CounterClockwiseContourIntegral;") == "\u{2233}|")
        #expect(decode("&#35;") == "#|")
        #expect(decode("&#X22;") == "\"|")
        #expect(decode("&#0;") == "\u{FFFD}|")
        #expect(decode("&#1234567;") == "\u{FFFD}|")
        #expect(decode("&#12345678;") == nil)
        #expect(decode("&#xabcdef0;") == nil)
        #expect(decode("&copy") == nil)      // CommonMark wants the `;`
        #expect(decode("&MadeUpEntity;") == nil)
        #expect(EntityTable.shared.entries.count == 2231)
    }
}

extension InlineRenderingFactsTests {
    /// Every line of the table's source, read here by `String` splitting, is the entry the
    /// table holds at its place: the name, and the value's code points as UTF-8.
    @Test func theEntityTableHoldsEveryLineOfItsSource() {
        let table = EntityTable.shared
        let lines = entityTableSource.split(separator: "\n")
        #expect(lines.count == table.entries.count)
        for (line, entry) in zip(lines, table.entries) {
            let parts = line.split(separator: " ")
            let scalars = parts[1].split(separator: ",").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars)
            #expect(Array(parts[0].utf8) == Array(table.names[entry.name]), "\(line)")
            #expect(Array(String(value).utf8) == Array(table.values[entry.value]), "\(line)")
        }
    }
}
