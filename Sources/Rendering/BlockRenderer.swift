import MarkdownScanner

/// Walks the document's containers and leaf blocks in order and writes their HTML in
/// cmark's layout (CommonMark's reference output).
struct BlockRenderer {
    let text: SourceText
    let scan: BlockScan
    let inlines: InlineIndex
    let definitions: LinkDefinitions
    var out: HTMLOutput
    /// The open containers, outermost first.
    var stack: [Int32] = []
    var cursor = InlineCursor()
    var unit = UnitText()
    var events = InlineEvents()
    /// The line segments of the block being rendered, reused from block to block.
    var segments: [Range<Int>] = []
    var scratch: [UInt8] = []

    init(_ text: SourceText, _ scan: BlockScan, _ inlines: InlineIndex, _ definitions: LinkDefinitions) {
        self.text = text
        self.scan = scan
        self.inlines = inlines
        self.definitions = definitions
        out = HTMLOutput(capacity: text.bytes.count + text.bytes.count / 4 + 64)
    }

    mutating func run() {
        let containers = scan.containers
        var c = 0
        for (index, block) in scan.blocks.enumerated() {
            while c < containers.count && containers[c].firstLine <= block.firstLine {
                openContainer(c)
                c += 1
            }
            guard block.kind != .linkDefinition else { continue }
            closeContainers(downTo: block.container)
            out.leafStarts.append(out.bytes.count)
            out.leafBlocks.append(index)
            renderBlock(index, block)
        }
        while c < containers.count {
            openContainer(c)
            c += 1
        }
        closeContainers(downTo: -1)
    }

    // MARK: containers

    mutating func closeContainers(downTo parent: Int32) {
        while let top = stack.last, top != parent {
            stack.removeLast()
            let node = scan.containers[Int(top)]
            if node.kind == .blockQuote {
                out.cr()
                out.append("</blockquote>\n")
            } else {
                out.append("</li>\n")
                let list = scan.lists[Int(node.list)]
                if list.lastItem == top { out.append(list.isOrdered ? "</ol>\n" : "</ul>\n") }
            }
        }
    }

    mutating func openContainer(_ c: Int) {
        let node = scan.containers[c]
        closeContainers(downTo: node.parent)
        out.cr()
        if node.kind == .blockQuote {
            out.append("<blockquote>\n")
        } else {
            let list = scan.lists[Int(node.list)]
            if list.firstItem == Int32(c) {
                if !list.isOrdered {
                    out.append("<ul>\n")
                } else if list.start == 1 {
                    out.append("<ol>\n")
                } else {
                    out.append("<ol start=\"")
                    out.appendDecimal(list.start)
                    out.append("\">\n")
                }
            }
            out.append("<li>")
        }
        stack.append(Int32(c))
    }

    /// Whether a paragraph in this container is written without `<p>` (a tight list's item).
    func isTight(_ container: Int32) -> Bool {
        guard container >= 0 else { return false }
        let node = scan.containers[Int(container)]
        return node.kind == .listItem && scan.lists[Int(node.list)].isTight
    }

    // MARK: leaf blocks

    mutating func renderBlock(_ index: Int, _ block: Block) {
        switch block.kind {
        case .paragraph:
            let tight = isTight(block.container)
            if !tight {
                out.cr()
                out.append("<p>")
            }
            renderInlines(index, block)
            if !tight { out.append("</p>\n") }
        case .atxHeading, .setextHeading:
            let level = headingLevel(block)
            out.cr()
            out.append("<h")
            out.append(UInt8(0x30 + level))
            out.append(">")
            renderInlines(index, block)
            out.append("</h")
            out.append(UInt8(0x30 + level))
            out.append(">\n")
        case .thematicBreak:
            out.cr()
            out.append("<hr />\n")
        case .fencedCode:
            renderFencedCode(block)
        case .indentedCode:
            let lines = LeafLines(text: text, scan: scan)
            scratch.removeAll(keepingCapacity: true)
            let extra = lines.unconsumedItemWidth(block)
            for l in block.firstLine...block.lastLine { lines.append(l, strip: 4, blankExtra: extra, into: &scratch) }
            out.cr()
            out.append("<pre><code>")
            out.appendEscaped(scratch)
            out.append("</code></pre>\n")
        case .html:
            let lines = LeafLines(text: text, scan: scan)
            out.cr()
            let start = out.bytes.count
            let extra = lines.unconsumedItemWidth(block)
            for l in block.firstLine...block.lastLine { lines.append(l, strip: 0, blankExtra: extra, into: &out.bytes) }
            if !HTMLComment.onlyComments(out.bytes, start..<out.bytes.count) { out.rawRanges.append(start..<out.bytes.count) }
            out.cr()
        case .table:
            renderTable(index, block)
        case .linkDefinition:
            break
        }
    }

    func headingLevel(_ block: Block) -> Int {
        let b = text.bytes
        if block.kind == .setextHeading {
            let info = scan.lines[block.lastLine]
            var p = info.contentStart
            while ByteClass.isSpaceOrTab(b[p]) { p += 1 }
            return b[p] == 0x3D ? 1 : 2
        }
        var p = scan.lines[block.firstLine].contentStart
        while ByteClass.isSpaceOrTab(b[p]) { p += 1 }
        var level = 0
        while p + level < b.count && b[p + level] == 0x23 { level += 1 }
        return level
    }

    mutating func renderInlines(_ index: Int, _ block: Block) {
        segments.removeAll(keepingCapacity: true)
        InlineScanner.forEachLine(text, scan, block) { segments.append($0) }
        guard let first = segments.first, let last = segments.last else { return }
        renderUnit(index, segments, range: first.lowerBound..<last.upperBound, inCell: false)
    }

    mutating func renderUnit(_ index: Int, _ segments: [Range<Int>], range: Range<Int>, inCell: Bool) {
        unit.load(text.bytes, segments)
        guard !unit.v.isEmpty else { return }
        cursor.collect(inlines, block: index, range: range, unit: unit, file: text.bytes,
                       definitions: definitions, into: &events)
        var renderer = InlineRenderer(unit, events, inCell: inCell)
        renderer.render(into: &out)
    }
}
