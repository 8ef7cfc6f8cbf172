import MarkdownScanner

extension BlockRenderer {
    /// A GFM table as GitHub writes it: `<thead>` with the header row, `<tbody>` only when
    /// there are body rows, `align` from the delimiter row; a body row's missing cells are
    /// empty and its extra cells dropped.
    mutating func renderTable(_ index: Int, _ block: Block) {
        let b = text.bytes
        let header = block.firstLine
        let delimiter = header + 1
        let aligns = TableSyntax.alignments(b, from: scan.lines[delimiter].contentStart, end: text.contentEnd(delimiter))
        out.cr()
        out.append("<table>\n<thead>\n")
        renderRow(index, header, aligns, cell: "th")
        out.append("</thead>\n")
        if block.lastLine > delimiter {
            out.append("<tbody>\n")
            for row in (delimiter + 1)...block.lastLine { renderRow(index, row, aligns, cell: "td") }
            out.append("</tbody>\n")
        }
        out.append("</table>\n")
    }

    mutating func renderRow(_ index: Int, _ row: Int, _ aligns: [TableSyntax.Alignment], cell: StaticString) {
        let cells = TableSyntax.cells(text.bytes, from: scan.lines[row].contentStart, end: text.contentEnd(row))
        out.append("<tr>\n")
        for (k, align) in aligns.enumerated() {
            out.append("<")
            out.append(cell)
            switch align {
            case .none: break
            case .left: out.append(" align=\"left\"")
            case .center: out.append(" align=\"center\"")
            case .right: out.append(" align=\"right\"")
            }
            out.append(">")
            if k < cells.count, !cells[k].isEmpty {
                renderUnit(index, [cells[k]], range: cells[k], inCell: true)
            }
            out.append("</")
            out.append(cell)
            out.append(">\n")
        }
        out.append("</tr>\n")
    }
}
