import MarkdownScanner
import RuleEngine

/// The edit that puts Markdown in place of whole lines of card HTML, with the blank
/// lines CommonMark needs around it (a card between two blocks must not merge with
/// them). It starts at the line break before the card, so that it comes before the
/// marker rule's edits of the same lines (the conversion takes the markers with it).
enum CardEdit {
    /// nil where the lines hold a carriage return (the conversions write `\n`).
    static func replacing(_ document: Document, lines: ClosedRange<Int>, with markdown: String) -> Edit? {
        let source = document.source, b = document.bytes
        let firstBody = document.blocks.lines.firstIndex { $0.kind != .frontMatter } ?? source.lineCount
        let first = lines.lowerBound, last = lines.upperBound
        let from = first > firstBody ? source.lineStart(first) - 1 : source.lineStart(first)
        let to = last + 1 < source.lineCount ? source.lineStart(last + 1) : b.count
        if b[from..<to].contains(0x0D) { return nil }
        let blankBefore = first == firstBody || source.isBlank(first - 1)
        let blankAfter = last + 1 >= source.lineCount || source.isBlank(last + 1)
        if markdown.isEmpty {
            // The lines go; a blank line stays only between two blocks.
            let start = source.lineStart(first)
            var end = to
            if blankBefore && blankAfter && last + 1 < source.lineCount {
                end = last + 2 < source.lineCount ? source.lineStart(last + 2) : b.count
            }
            let keep: [UInt8] = !blankBefore && !blankAfter ? [0x0A] : []
            return Edit(range: start..<end, replacement: keep)
        }
        var text = first > firstBody ? "\n" : ""
        if !blankBefore { text += "\n" }
        text += markdown
        if !blankAfter { text += "\n" }
        return Edit(range: from..<source.contentEnd(last), replacement: Array(text.utf8))
    }
}
