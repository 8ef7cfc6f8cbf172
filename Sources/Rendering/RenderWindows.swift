import MarkdownScanner

extension HTMLRenderer {
    /// The blank lines at which a document can be cut so that each piece, rendered alone
    /// with the document's `LinkDefinitions` and `precedence: .given`, gives exactly the HTML
    /// the whole document gives for those blocks: blank lines outside every container, every list (a blank
    /// line between two items of a list at the top level is inside it) and every leaf block
    /// (the blank lines inside an indented code block or an HTML block of types 1 to 5).
    /// In ascending order.
    public static func windowBoundaries(_ blocks: BlockScan) -> [Int] {
        let count = blocks.lines.count
        // +1 where a covered range starts, -1 after it ends.
        var delta = [Int32](repeating: 0, count: count + 1)
        func cover(_ first: Int, _ last: Int) {
            delta[first] += 1
            delta[last + 1] -= 1
        }
        for block in blocks.blocks where block.container < 0 { cover(block.firstLine, block.lastLine) }
        for c in blocks.containers where c.parent < 0 && c.kind == .blockQuote { cover(c.firstLine, c.lastLine) }
        // A list up to its last line that is not blank: blank lines its last item ends with
        // belong to no block that follows. The last item's own first line stays (an empty
        // item's marker line reads as blank).
        for list in blocks.lists where blocks.containers[Int(list.firstItem)].parent < 0 {
            let first = blocks.containers[Int(list.firstItem)].firstLine
            let lastItem = blocks.containers[Int(list.lastItem)]
            var last = lastItem.lastLine
            while last > max(first, lastItem.firstLine) && blocks.lines[last].kind == .blank { last -= 1 }
            cover(first, last)
        }
        var result: [Int] = []
        var depth: Int32 = 0
        for l in 0..<count {
            depth += delta[l]
            if depth == 0 && blocks.lines[l].kind == .blank { result.append(l) }
        }
        return result
    }
}
