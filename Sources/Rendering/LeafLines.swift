import MarkdownScanner

/// The text of the lines of code and HTML blocks: what is left after the container prefix
/// and a number of columns of indentation, a tab consumed in part written as the spaces
/// left of it (as cmark does).
struct LeafLines {
    let text: SourceText
    let scan: BlockScan

    /// Appends line `l` from its content start, less up to `strip` columns of leading
    /// spaces and tabs, then `\n`.
    func append(_ l: Int, strip: Int, into out: inout [UInt8]) {
        let b = text.bytes
        let info = scan.lines[l]
        var pos = info.contentStart
        var col = Int(info.contentColumn)
        var inTab = info.contentInTab
        let end = text.contentEnd(l)
        var left = strip
        while left > 0 && pos < end {
            if b[pos] == 0x20 {
                col += 1
                left -= 1
                pos += 1
                inTab = false
            } else if b[pos] == 0x09 {
                let width = 4 - col % 4
                if width <= left {
                    col += width
                    left -= width
                    pos += 1
                    inTab = false
                } else {
                    col += left
                    left = 0
                    inTab = true
                }
            } else {
                break
            }
        }
        if inTab && pos < end {
            for _ in 0..<(4 - col % 4) { out.append(0x20) }
            pos += 1
        }
        out.append(contentsOf: b[pos..<end])
        out.append(0x0A)
    }

    /// For a blank line inside a code or HTML block: the columns of the list items the
    /// scanner did not consume (a blank line matches them without their indentation; they
    /// are the items inside the innermost block quote holding the block).
    func unconsumedItemWidth(_ block: Block) -> Int {
        var width = 0
        var c = block.container
        while c >= 0, scan.containers[Int(c)].kind == .listItem {
            width += scan.containers[Int(c)].width
            c = scan.containers[Int(c)].parent
        }
        return width
    }

    /// Appends line `l` of a block, less `strip` columns (and, on a blank line, `blankExtra`:
    /// the block's `unconsumedItemWidth`).
    func append(_ l: Int, strip: Int, blankExtra: Int, into out: inout [UInt8]) {
        append(l, strip: restIsBlank(l) ? strip + blankExtra : strip, into: &out)
    }

    func restIsBlank(_ l: Int) -> Bool {
        let b = text.bytes
        var pos = scan.lines[l].contentStart
        let end = text.contentEnd(l)
        while pos < end && ByteClass.isSpaceOrTab(b[pos]) { pos += 1 }
        return pos == end
    }

    /// Columns of indentation at the content start of line `l`.
    func indentation(_ l: Int) -> Int {
        let b = text.bytes
        let info = scan.lines[l]
        var pos = info.contentStart, col = Int(info.contentColumn)
        let end = text.contentEnd(l)
        while pos < end {
            if b[pos] == 0x20 { col += 1 } else if b[pos] == 0x09 { col += 4 - col % 4 } else { break }
            pos += 1
        }
        return col - Int(info.contentColumn)
    }
}
