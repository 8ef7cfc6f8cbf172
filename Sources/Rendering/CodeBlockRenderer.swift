import MarkdownScanner

extension BlockRenderer {
    /// A fenced code block: `class="language-…"` from the info string's first word
    /// (escapes and references decoded), each line less the fence's indentation.
    mutating func renderFencedCode(_ block: Block) {
        let b = text.bytes
        let lines = LeafLines(text: text, scan: scan)
        let open = block.firstLine
        let indent = lines.indentation(open)
        // The info string: after the fence, trimmed; its first word names the language.
        var p = scan.lines[open].contentStart
        let end = text.contentEnd(open)
        while p < end && ByteClass.isSpaceOrTab(b[p]) { p += 1 }
        let fence = b[p]
        while p < end && b[p] == fence { p += 1 }
        while p < end && ByteClass.isSpaceOrTab(b[p]) { p += 1 }
        var wordEnd = p
        while wordEnd < end && !ByteClass.isSpaceOrTab(b[wordEnd]) { wordEnd += 1 }
        out.cr()
        out.append("<pre><code")
        if wordEnd > p {
            out.append(" class=\"language-")
            out.appendEscaped(Decoding.decoded(b, p..<wordEnd))
            out.append("\"")
        }
        out.append(">")
        var last = block.lastLine
        if last > open && scan.lines[last].kind == .fenceClose { last -= 1 }
        if last > open {
            scratch.removeAll(keepingCapacity: true)
            let extra = lines.unconsumedItemWidth(block)
            for l in (open + 1)...last { lines.append(l, strip: indent, blankExtra: extra, into: &scratch) }
            out.appendEscaped(scratch)
        }
        out.append("</code></pre>\n")
    }
}
