import MarkdownScanner
import RuleEngine

/// A finding with the line and column where it starts, ready to print.
struct ReportedFinding: Sendable {
    var finding: Finding
    var start: SourceLocation

    /// Locates findings sorted by position in one pass over the text.
    static func locate(_ findings: [Finding], in source: SourceText) -> [ReportedFinding] {
        var cursor = LocationCursor(source)
        return findings.map { ReportedFinding(finding: $0, start: cursor.location(of: $0.range.lowerBound)) }
    }
}

/// What happened to one file.
struct FileReport: Sendable {
    var path: String
    var findings: [ReportedFinding] = []
    /// Set when the file could not be checked or written; it was not modified.
    var error: String?
    /// Fixes applied (fix mode), or that would be applied (diff mode).
    var fixesApplied = 0
    var diff: String?
    /// The findings as text lines, rendered in parallel by the worker.
    var rendered = ""
    var notes: [String] = []
}
