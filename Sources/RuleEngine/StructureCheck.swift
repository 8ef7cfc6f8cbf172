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

    /// A leaf block: its kind, how many lines it has, and how many containers (block
    /// quotes, list items) hold its first line.
    struct Entry: Equatable {
        var kind: BlockKind
        var lines: Int
        var depth: UInt16
    }

    static func signature(_ scan: BlockScan) -> [Entry] {
        var entries = scan.blocks.map { Entry(kind: $0.kind, lines: 0, depth: scan.lines[$0.firstLine].containerDepth) }
        for line in scan.lines where line.block >= 0 { entries[Int(line.block)].lines += 1 }
        return entries
    }

    static func expectedSignature(_ document: Document, _ edits: [Edit]) -> [Entry] {
        let scan = document.blocks
        var entries = scan.blocks.map { Entry(kind: $0.kind, lines: 0, depth: 0) }
        for (i, line) in scan.lines.enumerated() where line.block >= 0 && survives(i, document, edits) {
            if entries[Int(line.block)].lines == 0 { entries[Int(line.block)].depth = line.containerDepth }
            entries[Int(line.block)].lines += 1
        }
        return entries.filter { $0.lines > 0 }
    }

    /// Whether line `i` still has non-blank text after its container prefix once the
    /// edits are applied.
    static func survives(_ i: Int, _ document: Document, _ edits: [Edit]) -> Bool {
        let source = document.source
        let start = document.line(i).contentStart, end = source.contentEnd(i)
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
