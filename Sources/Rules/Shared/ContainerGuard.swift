import MarkdownScanner
import RuleEngine

/// Whether removing whole lines would take a container with them: a line that opens a
/// list item, or block quote lines whose quote has no other line. Rules then remove only
/// the text after the container prefix.
enum ContainerGuard {
    static func removingDropsContainer(_ document: Document, lines: ClosedRange<Int>) -> Bool {
        for line in lines {
            let info = document.line(line)
            if info.opensListItem { return true }
            let quotes = quoteMarks(document, line)
            guard quotes > 0 else { continue }
            let above = lines.lowerBound - 1, below = lines.upperBound + 1
            let quoteGoesOn = (above >= 0 && quoteMarks(document, above) >= quotes)
                || (below < document.source.lineCount && quoteMarks(document, below) >= quotes)
            if !quoteGoesOn { return true }
        }
        return false
    }

    /// How many `>` the line's container prefix holds.
    static func quoteMarks(_ document: Document, _ line: Int) -> Int {
        document.bytes[document.source.lineStart(line)..<document.line(line).contentStart].reduce(0) { $0 + ($1 == 0x3E ? 1 : 0) }
    }

    /// Whether `line` is a blank line of the same container as `reference`, so that it
    /// can go with a removed line: not a line that opens an empty list item (`-`), not
    /// the last `>` line of a quote that `reference` is outside of.
    static func isBlankSibling(_ document: Document, _ line: Int, of reference: Int) -> Bool {
        let info = document.line(line)
        return info.kind == .blank && !info.opensListItem
            && info.containerDepth == document.line(reference).containerDepth
    }
}
