import FrontMatter
import MarkdownScanner

/// Verifies that a fix leaves the block structure alone: after the edits, the document
/// must have the same leaf blocks in the same order, each with the same number of
/// lines, apart from lines the edits delete or leave blank. Rules use it to keep a fix
/// `safe` only when it cannot turn a paragraph into a heading, end an HTML block early,
/// or join two blocks.
public enum StructureCheck {
    public static func preservesBlocks(_ document: Document, applying edits: [Edit]) -> Bool {
        let newBytes = FixApplier.apply([Fix(title: "", edits: edits, applicability: .safe)], to: document.bytes).bytes
        let newSource = SourceText(newBytes)
        let fm = FrontMatter.split(newBytes)
        let bodyStart = fm.flatMap { $0.isClosed ? $0.bodyStart : nil } ?? 0
        let after = BlockScanner.scan(newSource, bodyStart: bodyStart)
        return expectedSignature(document, edits) == signature(after)
    }

    struct Entry: Equatable {
        var kind: BlockKind
        var lines: Int
    }

    static func signature(_ scan: BlockScan) -> [Entry] {
        var counts = [Int](repeating: 0, count: scan.blocks.count)
        for line in scan.lines where line.block >= 0 { counts[Int(line.block)] += 1 }
        return zip(scan.blocks, counts).map { Entry(kind: $0.kind, lines: $1) }
    }

    static func expectedSignature(_ document: Document, _ edits: [Edit]) -> [Entry] {
        let source = document.source
        let scan = document.blocks
        var counts = [Int](repeating: 0, count: scan.blocks.count)
        for (i, line) in scan.lines.enumerated() where line.block >= 0 {
            if !survives(i, source, edits) { continue }
            counts[Int(line.block)] += 1
        }
        return zip(scan.blocks, counts).compactMap { $1 > 0 ? Entry(kind: $0.kind, lines: $1) : nil }
    }

    /// Whether line `i` still has non-blank text once the edits are applied.
    static func survives(_ i: Int, _ source: SourceText, _ edits: [Edit]) -> Bool {
        let start = source.lineStart(i), end = source.contentEnd(i)
        let b = source.bytes
        for edit in edits where edit.range.overlaps(start..<max(end, start + 1)) || edit.range.lowerBound == start {
            if edit.replacement.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return true }
        }
        var p = start
        while p < end {
            let c = b[p]
            if c != 0x20 && c != 0x09 && !edits.contains(where: { $0.range.contains(p) }) { return true }
            p += 1
        }
        return false
    }
}
