import FrontMatter
import MarkdownScanner

/// Verifies that a fix leaves the block structure alone: after the edits, the document
/// must have the same leaf blocks in the same order, each with the same number of
/// lines and the same container depth, apart from lines the edits delete or leave
/// blank. Rules use it to keep a fix `safe` only when it cannot turn a paragraph into
/// a heading, end an HTML block early, or join two blocks.
///
/// Only a window is re-scanned: from the last top-level blank line before the edits to
/// the first one after them (where a fresh block starts in both versions), so the cost
/// is that of the few blocks around the edit, not of the whole file.
public enum StructureCheck {
    /// Lines times nesting depth of the largest window worth re-scanning.
    public static let maxWindowCost = 50_000

    /// `limitCost: false` scans whatever window the edits need (the linter's check of a
    /// whole pass); rules keep the limit.
    public static func preservesBlocks(_ document: Document, applying edits: [Edit], limitCost: Bool = true) -> Bool {
        guard let first = edits.map(\.range.lowerBound).min(),
              let last = edits.map(\.range.upperBound).max() else { return true }
        let source = document.source
        let lines = document.blocks.lines
        // The window starts at an unedited sync line before the first edited line.
        var from = max(0, source.line(containing: first) - 1)
        if lines[from].kind == .frontMatter { from += 1 }
        while from > 0 && !isSyncPoint(from, lines) && lines[from - 1].kind != .frontMatter { from -= 1 }
        var to = source.line(containing: max(first, last - 1)) + 1
        while to < source.lineCount && !isSyncPoint(to, lines) { to += 1 }
        // The window ends after the first non-blank line past the sync line: whatever the
        // edits left open (an unclosed fence, a list item) shows on that line.
        var end = to
        while end < source.lineCount && lines[end].kind == .blank { end += 1 }
        let window = source.lineStart(from)..<(end < source.lineCount ? source.lineEnd(end) : source.bytes.count)
        // A window without a fresh start for very long (deeply nested lists, one huge
        // block quote) would make each check cost as much as the file: such fixes are
        // not proven safe, and say so by failing the check.
        let depth = lines[from...min(end, source.lineCount - 1)].reduce(0) { max($0, Int($1.containerDepth)) }
        if limitCost && (min(end, source.lineCount - 1) - from + 1) * (depth + 1) > maxWindowCost { return false }

        let before = Array(source.bytes[window])
        let shifted = edits.map { Edit(range: ($0.range.lowerBound - window.lowerBound)..<($0.range.upperBound - window.lowerBound),
                                       replacement: $0.replacement) }
        let after = FixApplier.apply([Fix(title: "", edits: shifted, applicability: .safe)], to: before).bytes
        let beforeText = SourceText(before)
        // Removing the first lines must not make the file start with front matter.
        if from == 0 && document.frontMatter == nil && FrontMatter.split(after) != nil { return false }
        return compare(beforeText, BlockScanner.scan(beforeText), after: after, edits: shifted)
    }

    /// The verdict on text before (scanned) and after the edits: same leaf blocks, hard
    /// breaks and container openings, no list joined, no possible definition touched.
    static func compare(_ beforeText: SourceText, _ beforeScan: BlockScan, after: [UInt8], edits: [Edit],
                        afterBodyStart: Int = 0) -> Bool {
        let afterText = SourceText(after)
        let afterScan = BlockScanner.scan(afterText, bodyStart: afterBodyStart)
        return expectedSignature(beforeText, beforeScan, edits) == signature(afterScan)
            && hardBreaks(beforeText, beforeScan) == hardBreaks(afterText, afterScan)
            && containerOpenings(beforeScan) == containerOpenings(afterScan)
            && lineShapes(beforeText, beforeScan, edits) == lineShapes(afterText, afterScan, nil)
            && !joinsContainers(beforeText, beforeScan, edits)
            && !touchesPossibleDefinition(beforeText, beforeScan, edits, after: after)
    }
}
