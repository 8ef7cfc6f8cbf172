import MarkdownScanner

/// What `StructureCheck.compare` looks at: leaf blocks, container openings, line
/// shapes, hard breaks, list joins and possible link reference definitions.
extension StructureCheck {
    /// A definition's label decides which reference links elsewhere in the document
    /// resolve, which no comparison of the edited window can see; and a paragraph that
    /// starts like one (`[label]:`) may become one when an edit removes what spoilt it.
    /// So edits on such a block are not proven safe, nor edits that put a non-blank line
    /// right after it (it could read as the definition's title), where there was a blank
    /// line or none.
    static func touchesPossibleDefinition(_ source: SourceText, _ scan: BlockScan, _ edits: [Edit], after: [UInt8]) -> Bool {
        let b = source.bytes
        var destinations: [Int: Range<Int>] = [:]
        for d in scan.definitionList { destinations[d.block] = d.destination }
        for (index, block) in scan.blocks.enumerated() where block.kind == .paragraph || block.kind == .linkDefinition {
            var p = scan.lines[block.firstLine].contentStart
            let end = source.contentEnd(block.firstLine)
            while p < end && ByteClass.isSpaceOrTab(b[p]) { p += 1 }
            guard p < end && b[p] == 0x5B && ByteSearch.index(of: "]:", in: b, from: p, end: end) != nil else { continue }
            // The definition's text (its last line break may go, at the end of a file).
            let own = source.lineStart(block.firstLine)..<source.contentEnd(block.lastLine)
            // A new destination in place of the old one leaves the label, so which links
            // resolve, as it was; the window's re-scan shows the block is still a definition.
            // So does taking bytes out of it (a `?ref=` parameter, an old origin) when some
            // remain and none of them could end or escape it.
            func replacesDestination(_ e: Edit) -> Bool {
                guard let d = destinations[index], block.kind == .linkDefinition,
                      d.lowerBound <= e.range.lowerBound, e.range.upperBound <= d.upperBound else { return false }
                func plain(_ c: UInt8) -> Bool { c > 0x20 && c != 0x3C && c != 0x3E && c != 0x28 && c != 0x29 && c != 0x5C }
                if e.replacement.isEmpty { return e.range.count < d.count && b[e.range].allSatisfy(plain) }
                return e.replacement.allSatisfy { $0 > 0x20 && $0 != 0x3C && $0 != 0x3E && $0 != 0x28 && $0 != 0x29 }
            }
            if edits.contains(where: { ($0.range.overlaps(own) || (own.contains($0.range.lowerBound) && $0.range.lowerBound > own.lowerBound))
                && !replacesDestination($0) }) {
                return true
            }
            let next = block.lastLine + 1
            guard next < scan.lines.count else { continue }
            let nextRange = source.lineStart(next)..<source.lineEnd(next)
            let nextTouched = edits.contains { $0.range.overlaps(nextRange) || nextRange.contains($0.range.lowerBound) }
            guard nextTouched else { continue }
            if !source.isBlank(next) { return true }
            // What follows the definition once the edits are applied: a blank line or the
            // end, as before.
            let shift = edits.filter { $0.range.upperBound <= own.upperBound }.reduce(0) { $0 + $1.replacement.count - $1.range.count }
            var q = own.upperBound + shift
            if q < after.count && after[q] == 0x0D { q += 1 }
            if q < after.count && after[q] == 0x0A { q += 1 }
            while q < after.count && (after[q] == 0x20 || after[q] == 0x09) { q += 1 }
            if q < after.count && after[q] != 0x0A && after[q] != 0x0D { return true }
        }
        return false
    }

    /// Block quotes and list items opened in the window, with the depth where each
    /// opens: a fix must not make a quote or an item vanish (all its lines removed),
    /// split or merge them, or nest an item that was a sibling.
    static func containerOpenings(_ scan: BlockScan) -> [UInt32] {
        scan.lines.flatMap { line -> [UInt32] in
            (line.opensListItem ? [line.containerDepth] : []) + Array(repeating: line.containerDepth | 0x8000_0000, count: Int(line.opensQuotes))
        }
    }

    /// The shape of a line that has text: container depth, whether it is a lazy
    /// continuation line, and the length of its container prefix.
    struct LineShape: Equatable {
        var depth: UInt32
        var lazy: Bool
        var prefix: Int
    }

    /// The shape of every line that has text, in order (with edits: of the lines that
    /// keep text). A lazy line whose first character becomes a `>`, or a line that moves
    /// into or out of a list item, changes it.
    static func lineShapes(_ source: SourceText, _ scan: BlockScan, _ edits: [Edit]?) -> [LineShape] {
        scan.lines.indices.compactMap { i in
            let line = scan.lines[i]
            guard line.kind != .blank && line.kind != .frontMatter else { return nil }
            if let edits, !survives(i, line, source, edits) { return nil }
            return LineShape(depth: line.containerDepth, lazy: line.isLazy, prefix: line.contentStart - source.lineStart(i))
        }
    }

    /// How many paragraph lines end with a hard line break (two spaces or a backslash)
    /// and are followed by another line of their paragraph: each is a `<br>`, and a fix
    /// must not add one or take one away (also not by removing the line that holds it).
    static func hardBreaks(_ source: SourceText, _ scan: BlockScan) -> Int {
        let b = source.bytes
        var count = 0
        for block in scan.blocks where block.kind == .paragraph && block.firstLine < block.lastLine {
            for line in block.firstLine..<block.lastLine where scan.lines[line + 1].block == scan.lines[line].block
                && InlineSyntax.endsWithHardBreak(b, start: scan.lines[line].contentStart, end: source.contentEnd(line)) {
                count += 1
            }
        }
        return count
    }

    /// Whether the edits remove or blank a line inside a list item, or lines that sit
    /// between two lines held by list items. The leaf signature cannot see list
    /// identity or looseness: removing a
    /// spacer between two lists makes one list, removing a line inside an item can make
    /// a loose list tight. Such fixes are not safe.
    static func joinsContainers(_ source: SourceText, _ scan: BlockScan, _ edits: [Edit]) -> Bool {
        let lines = scan.lines
        // A block removed from inside a list item can make a loose list tight.
        for (i, line) in lines.enumerated() where line.kind != .blank && line.listDepth > 0 && !line.opensListItem
            && isTouched(i, line, source, edits) && !survives(i, line, source, edits) {
            return true
        }
        var i = 0
        while i < lines.count {
            // A line that opens a list item keeps its item whatever happens to its text.
            guard !lines[i].opensListItem, isTouched(i, lines[i], source, edits), !survives(i, lines[i], source, edits) else {
                i += 1
                continue
            }
            // Neighbours: the nearest lines that stay and hold text or open an item (an
            // empty `-` item is a blank line that is still a list item).
            func skip(_ k: Int) -> Bool {
                !lines[k].opensListItem && (lines[k].kind == .blank || !survives(k, lines[k], source, edits))
            }
            var above = i - 1
            while above >= 0 && skip(above) { above -= 1 }
            var below = i + 1
            while below < lines.count && skip(below) { below += 1 }
            if above >= 0, below < lines.count, lines[above].listDepth > 0, lines[below].listDepth > 0 {
                return true
            }
            i = below
        }
        return false
    }

    static func isTouched(_ i: Int, _ line: LineInfo, _ source: SourceText, _ edits: [Edit]) -> Bool {
        edits.contains { $0.range.overlaps(source.lineStart(i)..<source.lineEnd(i)) || $0.range.lowerBound == line.contentStart }
    }

    /// A blank line outside every container, with no indented code on either side
    /// (indented code continues across blank lines, so its blocks could join) and no list
    /// just above (the window must see a list an edit could join): the next line starts
    /// afresh in both versions.
    static func isSyncPoint(_ i: Int, _ lines: [LineInfo]) -> Bool {
        guard lines[i].kind == .blank && lines[i].containerDepth == 0 && !lines[i].opensListItem else { return false }
        var k = i - 1
        while k >= 0 && lines[k].kind == .blank && !lines[k].opensListItem { k -= 1 }
        // Not right after a list (an edit below could join it) or indented code.
        if k >= 0 && (lines[k].kind == .indentedCode || lines[k].listDepth > 0) { return false }
        k = i + 1
        while k < lines.count && lines[k].kind == .blank && !lines[k].opensListItem { k += 1 }
        return k == lines.count || lines[k].kind != .indentedCode
    }

    /// A leaf block: its kind, how many lines it has, and how many containers (block
    /// quotes, list items) hold its first line.
    struct Entry: Equatable {
        var kind: BlockKind
        var lines: Int
        var depth: UInt32
    }

    static func signature(_ scan: BlockScan) -> [Entry] {
        var entries = scan.blocks.map { Entry(kind: $0.kind, lines: 0, depth: scan.lines[$0.firstLine].containerDepth) }
        for line in scan.lines where line.block >= 0 { entries[Int(line.block)].lines += 1 }
        return entries
    }

    static func expectedSignature(_ source: SourceText, _ scan: BlockScan, _ edits: [Edit]) -> [Entry] {
        var entries = scan.blocks.map { Entry(kind: $0.kind, lines: 0, depth: 0) }
        for (i, line) in scan.lines.enumerated() where line.block >= 0 && survives(i, line, source, edits) {
            if entries[Int(line.block)].lines == 0 { entries[Int(line.block)].depth = line.containerDepth }
            entries[Int(line.block)].lines += 1
        }
        return entries.filter { $0.lines > 0 }
    }

    /// Whether line `i` is still a line of its block once the edits are applied: it is
    /// untouched, or it keeps non-blank text after its container prefix.
    static func survives(_ i: Int, _ line: LineInfo, _ source: SourceText, _ edits: [Edit]) -> Bool {
        let start = line.contentStart, end = source.contentEnd(i)
        let b = source.bytes
        // A line no edit touches stays what it was (blank lines inside code included).
        if !isTouched(i, line, source, edits) { return true }
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
