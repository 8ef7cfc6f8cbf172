import Testing
@testable import MarkdownScanner

/// A scanned document: its text, block scan and (lazily) inline spans.
struct Scanned {
    let text: SourceText
    let scan: BlockScan

    init(_ markdown: String, bodyStart: Int = 0) {
        text = SourceText(Array(markdown.utf8))
        scan = BlockScanner.scan(text, bodyStart: bodyStart)
    }

    var kinds: [LineKind] { scan.lines.map(\.kind) }
    var lines: [LineInfo] { scan.lines }
    var blocks: [Block] { scan.blocks }
    var index: InlineIndex { InlineScanner.scan(text, scan) }
    var spans: [InlineSpan] { index.spans }

    /// Each `*` / `_` run as written, with its literal characters in brackets:
    /// `*a**` where the second run keeps one character literal reads `*`, `[*]*`.
    var verdicts: [String] {
        index.runs.map { run in
            let chars = String(repeating: run.char == 0x2A ? "*" : "_", count: run.length)
            let lit = run.literalRange
            if lit.isEmpty { return chars }
            let a = lit.lowerBound - run.start, z = lit.upperBound - run.start
            return String(chars.prefix(a)) + "[" + String(chars.prefix(z).dropFirst(a)) + "]" + String(chars.dropFirst(z))
        }
    }

    func block(ofLine i: Int) -> Block? { scan.block(ofLine: i) }
    func string(_ r: Range<Int>) -> String { text.string(r) }

    /// The text of every span of `kind`, in order.
    func spanTexts(_ kind: InlineSpan.Kind) -> [String] {
        spans.filter { $0.kind == kind }.map { string($0.range) }
    }

    /// Offset of the first occurrence of `needle` at or after `from`.
    func offset(of needle: String, from: Int = 0) -> Int? {
        let n = Array(needle.utf8), b = text.bytes
        var i = from
        while i + n.count <= b.count {
            if b[i..<(i + n.count)].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }
}

/// A markdown input with the line kinds CommonMark gives it.
struct KindCase: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    var kinds: [LineKind]

    init(_ name: String, _ markdown: String, _ kinds: [LineKind]) {
        self.name = name
        self.markdown = markdown
        self.kinds = kinds
    }

    var testDescription: String { name }
}
