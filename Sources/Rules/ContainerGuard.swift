import MarkdownScanner
import RuleEngine

/// Whether removing whole lines would take a container with them: a line that opens a
/// list item, or block quote lines whose quote has no other line. Rules then remove only
/// the text after the container prefix.
enum ContainerGuard {
    static func removingDropsContainer(_ document: Document, lines: ClosedRange<Int>) -> Bool {
        let b = document.bytes
        for line in lines {
            let info = document.line(line)
            if info.opensListItem { return true }
            guard b[document.source.lineStart(line)..<info.contentStart].contains(0x3E) else { continue }
            let depth = info.containerDepth
            let above = lines.lowerBound - 1, below = lines.upperBound + 1
            let quoteGoesOn = (above >= 0 && document.line(above).containerDepth >= depth)
                || (below < document.source.lineCount && document.line(below).containerDepth >= depth)
            if !quoteGoesOn { return true }
        }
        return false
    }
}
