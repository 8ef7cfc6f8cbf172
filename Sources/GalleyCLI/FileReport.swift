import MarkdownScanner
import RuleEngine

/// A finding with its position in lines and columns, ready to print.
struct ReportedFinding: Sendable {
    var finding: Finding
    var start: SourceLocation
    var end: SourceLocation

    init(_ finding: Finding, in source: SourceText) {
        self.finding = finding
        start = source.location(of: finding.range.lowerBound)
        end = source.location(of: finding.range.upperBound)
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
