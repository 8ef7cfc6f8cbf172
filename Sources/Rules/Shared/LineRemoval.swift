import MarkdownScanner
import RuleEngine

/// Edits that remove whole lines while keeping the file's final-newline state.
enum LineRemoval {
    /// Deletes `lines` with their line breaks. When they run to the end of a file that
    /// has no final line break, the break before them goes instead, so the file still
    /// ends without one.
    static func edit(removingLines lines: ClosedRange<Int>, in source: SourceText) -> Edit {
        let start = source.lineStart(lines.lowerBound)
        let end = source.lineEnd(lines.upperBound)
        if lines.upperBound == source.lineCount - 1, !source.hasLineBreak(lines.upperBound), lines.lowerBound > 0 {
            // Blank lines left at the end go too: the file ends with text, as it did.
            var first = lines.lowerBound
            while first > 1 && source.isBlank(first - 1) { first -= 1 }
            return .delete(source.contentEnd(first - 1)..<end)
        }
        return .delete(start..<end)
    }
}
