import MarkdownScanner
import RuleEngine

/// A line made only of non-breaking spaces (entities or the character): Ghost's spacer
/// paragraph goes with one adjacent blank line; a spacer line inside a longer paragraph
/// goes alone.
enum NbspSpacer {
    static func fix(_ run: NbspRun, _ document: Document, _ spelling: NbspSpelling) -> Fix? {
        let info = document.line(run.line)
        guard info.block >= 0 else { return nil }
        let block = document.blocks.blocks[Int(info.block)]
        // A table row is a row however empty: only its marks go.
        guard block.kind != .table else { return nil }
        let source = document.source
        let isSpacer = (block.firstLine...block.lastLine).allSatisfy { l in
            NbspRun.isOnlyMarks(document, l, spelling)
        }
        // Lines that hold a container's only `>` or a list marker keep it: then only the
        // marks go (the caller's fix for the run).
        let removed = isSpacer ? block.firstLine...block.lastLine : run.line...run.line
        guard !ContainerGuard.removingDropsContainer(document, lines: removed) else { return nil }
        let edit: Edit
        let title: String
        if isSpacer {
            var first = block.firstLine, last = block.lastLine
            if last + 1 < source.lineCount && ContainerGuard.isBlankSibling(document, last + 1, of: last) {
                last += 1
            } else if first > 0 && ContainerGuard.isBlankSibling(document, first - 1, of: first) {
                first -= 1
            }
            edit = LineRemoval.edit(removingLines: first...last, in: source)
            title = "Remove the spacer paragraph"
        } else {
            edit = LineRemoval.edit(removingLines: run.line...run.line, in: source)
            title = spelling == .entity ? "Remove the line made only of `&nbsp;`" : "Remove the line made only of U+00A0"
        }
        // A misspelt entity among the removed lines is visible text: removing it is a
        // judgement. A hard break next to a removed line, blocks that would join: the
        // engine's proof says.
        let visible = removed.contains { hasVisibleMark(document, $0, spelling) }
        return Fix(title: title, edits: [edit], applicability: visible ? .unsafe : .safe,
                   promise: visible ? [.nbspBecomesSpace, .removesEmptyBlocks, .removesText] : [.nbspBecomesSpace, .removesEmptyBlocks])
    }

    private static func hasVisibleMark(_ document: Document, _ line: Int, _ spelling: NbspSpelling) -> Bool {
        guard spelling == .entity else { return false }
        let b = document.bytes
        var i = document.line(line).contentStart
        let end = document.source.contentEnd(line)
        while i < end {
            if let e = spelling.match(b, at: i, end: end) {
                if spelling.isVisibleText(b, i..<e) { return true }
                i = e
            } else {
                i += 1
            }
        }
        return false
    }
}
