import MarkdownScanner
import RuleEngine

/// The opening fence of a block, and the fix that closes the block after a given line:
/// a closing fence with the line's container prefix, the opening fence's indentation,
/// character and length. Offered only when scanning the fixed document shows the block
/// closing exactly there.
enum ClosingFence {
    /// Fixes are proven by scanning the whole document again: at most this many per file.
    static let maxProofs = 8

    struct Opening {
        /// The fence characters.
        var range: Range<Int>
        var char: UInt8
        var length: Int
        /// Spaces before the fence, after the container prefix.
        var indent: Int
        /// The info string's first word.
        var language: String
    }

    static func opening(_ document: Document, line: Int) -> Opening? {
        let b = document.bytes
        let start = document.line(line).contentStart, end = document.source.contentEnd(line)
        var p = start
        while p < end && b[p] == 0x20 { p += 1 }
        guard p < end, b[p] == 0x60 || b[p] == 0x7E else { return nil }
        var q = p
        while q < end && b[q] == b[p] { q += 1 }
        var w = q
        while w < end && ByteClass.isSpaceOrTab(b[w]) { w += 1 }
        var x = w
        while x < end && !ByteClass.isSpaceOrTab(b[x]) && b[x] != 0x7B { x += 1 }
        return Opening(range: p..<q, char: b[p], length: q - p, indent: p - start, language: String(decoding: b[w..<x], as: UTF8.self))
    }

    static func fix(_ document: Document, open: Opening, after line: Int, block: Block) -> Fix? {
        let source = document.source, b = document.bytes
        guard source.hasLineBreak(line) else { return nil }
        let prefix = Array(b[source.lineStart(line)..<document.line(line).contentStart])
        let fence = prefix + [UInt8](repeating: 0x20, count: open.indent) + [UInt8](repeating: open.char, count: open.length)
            + source.lineEnding.bytes
        let edit = Edit(range: source.lineEnd(line)..<source.lineEnd(line), replacement: fence)
        // The fixed document must close the block on the new line, and open nothing new
        // before its old end that would not have been there (checked by a full scan).
        let after = FixApplier.apply([Fix(title: "", edits: [edit], applicability: .unsafe)], to: b).bytes
        let bodyStart = document.frontMatter.map { $0.isClosed ? $0.bodyStart : b.count } ?? 0
        let scan = BlockScanner.scan(SourceText(after), bodyStart: bodyStart)
        guard line + 1 < scan.lines.count, scan.lines[line + 1].kind == .fenceClose,
              scan.lines[line + 1].block == scan.lines[block.firstLine].block else { return nil }
        return Fix(title: "Close the code block after line \(line + 1)", edits: [edit], applicability: .unsafe,
                   promise: .closesCodeBlock)
    }
}
