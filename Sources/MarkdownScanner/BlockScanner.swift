/// The block pass: one forward pass over the lines, keeping the stack of open
/// containers (block quotes, list items) and the open leaf block, and recording one
/// `LineInfo` per line. Per-line work does not depend on recursion; tabs use stop 4.
public struct BlockScanner {
    enum Container: Equatable {
        case quote
        case item(width: Int)
    }

    enum Leaf: Equatable {
        case none
        case paragraph
        case fenced(char: UInt8, length: Int)
        case indented
        case html(type: UInt8)
        case table
    }

    let b: [UInt8]
    let text: SourceText
    var containers: [Container] = []
    /// Containers from this index up have seen no non-blank line yet. An item that starts
    /// with a blank line and gets another blank line ends (it may begin with at most one).
    /// One index instead of a flag per item keeps the update O(1) per line.
    var emptyFrom = 0
    /// Indices of the block quotes in `containers` (a blank line matches no block quote).
    var quoteIndices: [Int] = []
    /// Per line: the last byte that is not a space or tab (start - 1 when blank), and
    /// where a trailing run that could be a thematic break starts. Both are computed once
    /// per line, so tests at each of many nested list markers stay O(1).
    var lastNonBlank = 0
    var breakTailStart = 0
    /// Where the line's leading spaces end, and whether they hold a tab: inside them the
    /// indentation from any position is known without scanning (deep lists stay linear).
    var leadingBlankEnd = 0
    var leadingHasTab = false
    var quotesOpened: UInt32 = 0
    var leaf: Leaf = .none
    var leafBlock: Int32 = -1
    var lines: [LineInfo] = []
    var blocks: [Block] = []
    /// Whether the open paragraph starts with `[`: only then can it begin with link
    /// reference definitions, which are read out of it when it closes.
    var paragraphMayDefine = false
    /// The normalized labels of every link reference definition.
    var definitions: Set<String> = []
    var definitionList: [LinkDefinition] = []
    /// The line being scanned.
    var line = 0
    /// The container table, built as containers open and close.
    var tree = ContainerTree()

    /// Scans `text`; lines that start before `bodyStart` are front matter.
    public static func scan(_ text: SourceText, bodyStart: Int = 0) -> BlockScan {
        var s = BlockScanner(b: text.bytes, text: text)
        s.lines.reserveCapacity(text.lineCount)
        for i in 0..<text.lineCount {
            s.line = i
            s.scanLine(i, bodyStart: bodyStart)
        }
        s.closeLeaf()
        s.line = text.lineCount
        s.truncateContainers(to: 0)
        var scan = BlockScan(lines: s.lines, blocks: s.blocks, definitions: s.definitions, definitionList: s.definitionList,
                             containers: s.tree.containers, lists: s.tree.lists)
        ListTightness.resolve(&scan, text)
        return scan
    }

    // MARK: per line

    mutating func scanLine(_ i: Int, bodyStart: Int) {
        let start = text.lineStart(i), end = text.contentEnd(i)
        if start < bodyStart {
            lines.append(LineInfo(kind: .frontMatter, contentStart: start, block: -1, opensListItem: false, containerDepth: 0))
            return
        }
        measureLine(start, end)
        quotesOpened = 0
        var cur = Cursor(pos: start, col: 0)
        let matched = matchContainers(&cur, end: end)
        let allMatched = matched == containers.count
        let blank = isBlank(cur.pos, end)

        if allMatched, continueLeaf(i, cur, end: end, blank: blank) { return }
        if !allMatched {
            // The paragraph is in an unmatched container, so at the matched level there is
            // no paragraph to interrupt: any block start (a list item at 2, an empty item)
            // ends the laziness.
            if leaf == .paragraph && !blank && !startsBlock(cur, end: end, inParagraph: false, lazy: true) {
                record(i, .paragraph, cur, opens: false)
                lines[lines.count - 1].isLazy = true
                return
            }
            truncateContainers(to: matched)
            closeLeaf()
        }
        let depthBefore = containers.count
        let opens = openContainers(&cur, end: end)
        // A container opened inside another is content of it: only the innermost new one
        // may still be empty (`1. 1.` on a line: the outer item is not empty).
        if containers.count > depthBefore { emptyFrom = containers.count - 1 }
        scanLeaf(i, cur, end: end, opensListItem: opens)
    }

    /// Continues an open fenced code, HTML or indented code block. Returns true when the
    /// line was consumed.
    mutating func continueLeaf(_ i: Int, _ cur: Cursor, end: Int, blank: Bool) -> Bool {
        switch leaf {
        case let .fenced(char, length):
            let ind = indentation(cur, end)
            if ind.width <= 3, isClosingFence(ind.pos, end: end, char: char, minLength: length) {
                record(i, .fenceClose, cur, opens: false)
                closeLeaf()
            } else {
                record(i, .fencedCode, cur, opens: false)
            }
            return true
        case let .html(type):
            if type >= 6 && blank {
                closeLeaf()
                return false
            }
            record(i, .html, cur, opens: false)
            if type <= 5 && HTMLSyntax.blockEnds(type: type, b, from: cur.pos, end: end) { closeLeaf() }
            return true
        case .indented:
            if blank {
                record(i, .blank, cur, opens: false, block: -1)
                return true
            }
            if indentation(cur, end).width >= 4 {
                record(i, .indentedCode, cur, opens: false)
                return true
            }
            closeLeaf()
            return false
        case .table:
            if blank || startsBlock(cur, end: end, inParagraph: false) {
                closeLeaf()
                return false
            }
            record(i, .tableRow, cur, opens: false)
            return true
        case .none, .paragraph:
            return false
        }
    }

    /// Consumes the prefixes of the open containers; returns how many matched.
    mutating func matchContainers(_ cur: inout Cursor, end: Int) -> Int {
        var matched = 0
        while matched < containers.count {
            if isBlank(cur.pos, end) {
                // The rest is blank: every list item matches up to the next block quote or the
                // first item still waiting for content, without looking at each container.
                return max(matched, min(nextQuote(after: matched), emptyFrom))
            }
            switch containers[matched] {
            case .quote:
                let ind = indentation(cur, end)
                guard ind.width <= 3, ind.pos < end, b[ind.pos] == 0x3E else { return matched }
                cur = Cursor(pos: ind.pos + 1, col: ind.col + 1)
                cur.skipOneSpace(in: b, end: end)
            case let .item(width):
                let ind = indentation(cur, end)
                guard ind.width >= width else { return matched }
                cur.advance(columns: width, in: b, end: end)
            }
            matched += 1
        }
        return matched
    }

    /// `cur.indent(in:end:)`, in O(1) within the line's leading spaces.
    func indentation(_ cur: Cursor, _ end: Int) -> (pos: Int, col: Int, width: Int) {
        if !leadingHasTab && cur.pos <= leadingBlankEnd {
            let width = leadingBlankEnd - cur.pos
            return (leadingBlankEnd, cur.col + width, width)
        }
        return cur.indent(in: b, end: end)
    }

    /// The index of the first block quote at or after `k` in `containers`, or their count.
    func nextQuote(after k: Int) -> Int {
        let lo = quoteIndices.partitionPoint { $0 >= k }
        return lo < quoteIndices.count ? quoteIndices[lo] : containers.count
    }

    /// Opens new block quotes and list items at the cursor. Returns whether a list item opened.
    mutating func openContainers(_ cur: inout Cursor, end: Int) -> Bool {
        var openedItem = false
        var openedAny = false
        while true {
            let ind = indentation(cur, end)
            guard ind.width <= 3, ind.pos < end else { break }
            if b[ind.pos] == 0x3E {
                closeLeaf()
                tree.open(.blockQuote, line: line, depth: containers.count)
                quoteIndices.append(containers.count)
                containers.append(.quote)
                quotesOpened += 1
                cur = Cursor(pos: ind.pos + 1, col: ind.col + 1)
                cur.skipOneSpace(in: b, end: end)
                openedAny = true
                continue
            }
            guard let marker = listMarker(ind.pos, end: end),
                  !isThematicBreak(ind.pos, end: end) else { break }
            if leaf == .paragraph && !openedAny && (marker.emptyItem || (marker.ordered && !marker.startsAtOne)) {
                break
            }
            closeLeaf()
            var after = Cursor(pos: marker.end, col: ind.col + (marker.end - ind.pos))
            let spaces = after.indent(in: b, end: end)
            let gap: Int
            if marker.emptyItem || spaces.width >= 5 {
                gap = 1
                after.skipOneSpace(in: b, end: end)
            } else {
                gap = spaces.width
                after = Cursor(pos: spaces.pos, col: spaces.col)
            }
            let width = ind.width + (marker.end - ind.pos) + gap
            tree.openItem(marker: marker, number: marker.ordered ? Self.number(b, ind.pos, marker.end - 1) : 1,
                          width: width, line: line, depth: containers.count)
            containers.append(.item(width: width))
            cur = after
            openedItem = true
            openedAny = true
        }
        return openedItem
    }

    /// Classifies the rest of the line as a leaf block line.
    mutating func scanLeaf(_ i: Int, _ cur: Cursor, end: Int, opensListItem: Bool) {
        let ind = indentation(cur, end)
        let p = ind.pos
        if p >= end {
            if leaf == .paragraph { closeLeaf() }
            record(i, .blank, cur, opens: opensListItem, block: -1)
            return
        }
        if leaf == .paragraph, ind.width <= 3, let columns = TableSyntax.delimiterColumns(b, from: p, end: end),
           case let header = blocks[Int(leafBlock)].lastLine, !lines[header].isLazy,
           TableSyntax.cells(b, from: lines[header].contentStart, end: text.contentEnd(header)).count == columns {
            openTable(header: header)
            record(i, .tableDelimiter, cur, opens: opensListItem)
            return
        }
        if leaf == .paragraph, ind.width <= 3, isSetextUnderline(p, end: end) {
            // Definitions come out of the paragraph first; if nothing else is left, there is
            // no heading text and the line is read afresh (`===` as text, `---` as a break).
            resolveDefinitions()
            if leaf == .paragraph {
                blocks[Int(leafBlock)].kind = .setextHeading
                record(i, .setextUnderline, cur, opens: opensListItem)
                closeLeaf()
                return
            }
        }
        if leaf == .paragraph {
            if !startsBlock(cur, end: end, inParagraph: true) {
                record(i, .paragraph, cur, opens: opensListItem)
                return
            }
            closeLeaf()
        }
        if ind.width >= 4 {
            if leaf != .indented { openLeaf(.indented, kind: .indentedCode, line: i) }
            record(i, .indentedCode, cur, opens: opensListItem)
            return
        }
        closeLeaf()
        if let fence = fenceOpening(p, end: end) {
            openLeaf(.fenced(char: fence.char, length: fence.length), kind: .fencedCode, line: i)
            record(i, .fenceOpen, cur, opens: opensListItem)
        } else if isATXHeading(p, end: end) {
            openLeaf(.none, kind: .atxHeading, line: i)
            record(i, .atxHeading, cur, opens: opensListItem)
        } else if isThematicBreak(p, end: end) {
            openLeaf(.none, kind: .thematicBreak, line: i)
            record(i, .thematicBreak, cur, opens: opensListItem)
        } else if case let type = HTMLSyntax.blockStart(b, at: p, end: end, inParagraph: false), type > 0 {
            openLeaf(.html(type: type), kind: .html, line: i, htmlType: type)
            record(i, .html, cur, opens: opensListItem)
            if type <= 5 && HTMLSyntax.blockEnds(type: type, b, from: closeSearchStart(type, p), end: end) {
                closeLeaf()
            }
        } else {
            // Link reference definitions are paragraph text until the paragraph closes.
            openLeaf(.paragraph, kind: .paragraph, line: i)
            paragraphMayDefine = b[p] == 0x5B
            record(i, .paragraph, cur, opens: opensListItem)
        }
    }

    /// On the opening line, an end marker must come after the start marker (`<!-->` aside).
    private func closeSearchStart(_ type: UInt8, _ p: Int) -> Int {
        switch type {
        case 2: p + 2   // `<!-->` and `<!--->` close on their own line
        case 3: p + 2
        case 5: p + 9
        default: p
        }
    }

    /// Turns the last line of the open paragraph into a table's header row; the lines
    /// before it stay a paragraph (and may hold definitions).
    mutating func openTable(header: Int) {
        if blocks[Int(leafBlock)].firstLine == header {
            blocks.removeLast()
            paragraphMayDefine = false
            leaf = .none
            leafBlock = -1
        } else {
            blocks[Int(leafBlock)].lastLine = header - 1
            closeLeaf()
        }
        openLeaf(.table, kind: .table, line: header)
        lines[header].kind = .tableRow
        lines[header].block = leafBlock
    }

    // MARK: bookkeeping

    mutating func openLeaf(_ l: Leaf, kind: BlockKind, line: Int, htmlType: UInt8 = 0) {
        blocks.append(Block(kind: kind, firstLine: line, lastLine: line, htmlType: htmlType,
                            container: tree.leafOpened(depth: containers.count)))
        leaf = l
        leafBlock = Int32(blocks.count - 1)
    }

    mutating func truncateContainers(to count: Int) {
        tree.close(to: count, lastLine: line - 1)
        containers.removeLast(containers.count - count)
        emptyFrom = min(emptyFrom, count)
        while let last = quoteIndices.last, last >= count { quoteIndices.removeLast() }
    }

    mutating func measureLine(_ start: Int, _ end: Int) {
        var first = start
        leadingHasTab = false
        while first < end && ByteClass.isSpaceOrTab(b[first]) {
            if b[first] == 0x09 { leadingHasTab = true }
            first += 1
        }
        leadingBlankEnd = first
        var k = end - 1
        while k >= start && ByteClass.isSpaceOrTab(b[k]) { k -= 1 }
        lastNonBlank = k
        breakTailStart = end
        guard k >= start, b[k] == 0x2A || b[k] == 0x2D || b[k] == 0x5F else { return }
        let c = b[k]
        while k >= start && (b[k] == c || ByteClass.isSpaceOrTab(b[k])) { k -= 1 }
        breakTailStart = k + 1
    }

    mutating func closeLeaf() {
        if leaf == .paragraph { resolveDefinitions() }
        leaf = .none
        leafBlock = -1
    }

    /// Reads the link reference definitions at the start of the open paragraph (the last
    /// block) and splits it: one `linkDefinition` block per definition, then what is left
    /// as the paragraph, which stays open. With nothing left, no leaf is open.
    mutating func resolveDefinitions() {
        guard paragraphMayDefine, leafBlock >= 0 else { return }
        paragraphMayDefine = false
        let para = blocks[Int(leafBlock)]
        var buffer: [UInt8] = []
        var lineAt: [Int] = []  // the buffer offset where each line of the paragraph starts
        var fileAt: [Int] = []  // and the file offset it came from
        for l in para.firstLine...para.lastLine {
            if l > para.firstLine { buffer.append(0x0A) }
            lineAt.append(buffer.count)
            let end = text.contentEnd(l)
            let start = LinkSyntax.skipSpaces(b, from: lines[l].contentStart, end: end)
            fileAt.append(start)
            buffer.append(contentsOf: b[start..<end])
        }
        func fileOffset(_ v: Int) -> Int {
            let lo = max(0, lineAt.partitionPoint { $0 > v } - 1)
            return fileAt[lo] + (v - lineAt[lo])
        }
        var pos = 0, line = para.firstLine
        var found: [(first: Int, last: Int, label: String, destination: Range<Int>, title: Range<Int>?)] = []
        while pos < buffer.count, let d = LinkSyntax.definition(buffer, at: pos, end: buffer.count) {
            let label = LinkSyntax.normalizedLabel(buffer[d.label])
            var last = line
            while last + 1 <= para.lastLine && lineAt[last + 1 - para.firstLine] <= d.end { last += 1 }
            found.append((line, last, label, fileOffset(d.destination.lowerBound)..<fileOffset(d.destination.upperBound),
                          d.title.map { fileOffset($0.lowerBound)..<fileOffset($0.upperBound) }))
            line = last + 1
            pos = d.end + 1
        }
        guard !found.isEmpty else { return }
        blocks.removeLast()
        for (first, last, label, destination, title) in found {
            if definitions.insert(label).inserted {
                definitionList.append(LinkDefinition(label: label, destination: destination, title: title, block: blocks.count))
            }
            blocks.append(Block(kind: .linkDefinition, firstLine: first, lastLine: last, htmlType: 0, container: para.container))
            for l in first...last {
                lines[l].kind = .linkDefinition
                lines[l].block = Int32(blocks.count - 1)
            }
        }
        if line <= para.lastLine {
            blocks.append(Block(kind: para.kind, firstLine: line, lastLine: para.lastLine, htmlType: 0, container: para.container))
            leafBlock = Int32(blocks.count - 1)
            for l in line...para.lastLine { lines[l].block = leafBlock }
        } else {
            leaf = .none
            leafBlock = -1
        }
    }

    mutating func record(_ i: Int, _ kind: LineKind, _ cur: Cursor, opens: Bool, block: Int32? = nil) {
        let blockIndex = kind == .blank ? -1 : (block ?? leafBlock)
        if kind != .blank { emptyFrom = containers.count }
        if blockIndex >= 0 { blocks[Int(blockIndex)].lastLine = i }
        lines.append(LineInfo(kind: kind, contentStart: cur.pos, block: blockIndex,
                              opensListItem: opens, containerDepth: UInt32(containers.count),
                              listDepth: UInt32(containers.count - quoteIndices.count), opensQuotes: quotesOpened,
                              contentColumn: UInt32(cur.col), contentInTab: cur.inTab))
    }
}
