import MarkdownScanner
import RuleEngine

/// The edit that puts Markdown in place of whole lines of card HTML, with the blank
/// lines CommonMark needs around it (a card between two blocks must not merge with
/// them). The proof takes a conversion before the marker rule's removal of the card's
/// own begin marker, which starts where it does: the markers go with the card.
enum CardEdit {
    /// The Markdown's lines end as the file's do (CR LF in a CR LF file); nil where the
    /// lines mix line endings.
    static func replacing(_ document: Document, lines: ClosedRange<Int>, with markdown: String) -> Edit? {
        let source = document.source, b = document.bytes
        let firstBody = document.blocks.lines.firstIndex { $0.kind != .frontMatter } ?? source.lineCount
        let first = lines.lowerBound, last = lines.upperBound
        let crlf = source.lineEnding == .crlf
        let from = source.lineStart(first)
        let to = last + 1 < source.lineCount ? source.lineStart(last + 1) : b.count
        for k in from..<to where b[k] == 0x0D || (crlf && b[k] == 0x0A) {
            // Only the file's own line ending: a lone CR, or a bare LF in a CR LF file, is refused.
            if b[k] == 0x0D ? !(crlf && k + 1 < to && b[k + 1] == 0x0A) : !(k > 0 && b[k - 1] == 0x0D) { return nil }
        }
        // A line holding only a card marker counts as blank here: the marker rule removes
        // it and keeps a blank line where blocks meet (an HTML comment needs none).
        let blankBefore = first == firstBody || source.isBlank(first - 1) || isLoneMarker(document, first - 1)
        let blankAfter = last + 1 >= source.lineCount || source.isBlank(last + 1) || isLoneMarker(document, last + 1)
        if markdown.isEmpty {
            // The lines go; a blank line stays only between two blocks.
            let start = source.lineStart(first)
            var end = to
            if blankBefore && blankAfter && last + 1 < source.lineCount {
                end = last + 2 < source.lineCount ? source.lineStart(last + 2) : b.count
            }
            let keep: [UInt8] = !blankBefore && !blankAfter ? (crlf ? [0x0D, 0x0A] : [0x0A]) : []
            return Edit(range: start..<end, replacement: keep)
        }
        var text = blankBefore ? "" : "\n"
        text += markdown
        if !blankAfter { text += "\n" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            if c == 0x0A && crlf { bytes.append(0x0D) }
            bytes.append(c)
        }
        return Edit(range: from..<source.contentEnd(last), replacement: bytes)
    }

    static func isLoneMarker(_ document: Document, _ line: Int) -> Bool {
        let b = document.bytes, end = document.source.contentEnd(line)
        let start = CardScan.skipSpace(b, document.source.lineStart(line), end)
        guard let m = CardScan.marker(b, at: start, end: end, line: line) else { return false }
        return CardScan.skipSpace(b, m.range.upperBound, end) == end
    }
}
