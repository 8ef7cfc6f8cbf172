import MarkdownScanner
import RuleEngine

/// With definitions in the file, `[a&nbsp;b]` may be a reference label, matched
/// character for character against a definition: changing a non-breaking space there
/// could break the link.
enum NbspLabels {
    /// Whether the run sits in `[...]` that may be a reference label: shortcut `[label]` or
    /// collapsed `[label][]`, between an unescaped `[` and `]` on its line.
    static func isInBrackets(_ document: Document, _ run: NbspRun) -> Bool {
        let b = document.bytes
        let start = document.line(run.line).contentStart, end = document.source.contentEnd(run.line)
        var k = run.range.lowerBound - 1
        var opened = false
        while k >= start {
            if b[k] == 0x5D { break }
            if b[k] == 0x5B && (k == start || b[k - 1] != 0x5C) {
                opened = true
                break
            }
            k -= 1
        }
        guard opened else { return false }
        k = run.range.upperBound
        while k < end {
            if b[k] == 0x5D {
                // `[text](url)` and `[text][label]` hold link text, not a label.
                let next = k + 1 < end ? b[k + 1] : 0
                if next == 0x28 { return false }
                if next == 0x5B && k + 2 < end && b[k + 2] != 0x5D { return false }
                return true
            }
            if b[k] == 0x5B { return false }
            k += 1
        }
        return false
    }
}
