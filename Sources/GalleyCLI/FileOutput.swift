import RuleEngine

/// A finished file as the writer needs it: its parts of each output already rendered as
/// bytes by the worker, and its counters. The findings themselves are dropped here.
struct FileOutput: Sendable {
    var path: String
    var error: String?
    var notes: [String] = []
    /// Its part of the report, in the run's format (one element per finding for json and
    /// sarif, one element for the others).
    var main = Pieces()
    var diff: [UInt8]?
    var baseline = Pieces()
    var summaryRows = Pieces()
    /// Its entry of `fix --report`, when it has one.
    var fixReport: [UInt8]?
    var tally = FileTally()
    var backupKept = false
}

/// Renders a file's report into a `FileOutput`, on the worker that checked the file.
struct OutputRenderer: Sendable {
    var format: RunOptions.OutputFormat
    var policy: FixPolicy
    var paths: RepositoryPaths
    var text: TextReporter
    var diffOnly = false
    var baseline = false
    var stepSummary = false
    var fixReport = false

    func render(_ report: FileReport) -> FileOutput {
        var out = FileOutput(path: report.path, error: report.error, notes: report.notes)
        out.tally = FileTally(report, policy: policy)
        if diffOnly {
            out.diff = report.diff
        } else {
            switch format {
            case .text:
                let lines = text.lines(report)
                if !lines.isEmpty { out.main.add(lines) }
            case .json: out.main = JSONReporter.pieces(report, policy: policy)
            case .sarif: out.main = SARIFReporter.pieces(report, paths: paths)
            case .github:
                let lines = GitHubReporter.lines(report, paths: paths, policy: policy)
                if !lines.isEmpty { out.main.add(lines) }
            case .junit: out.main.add(JUnitReporter.suite(report))
            }
        }
        if baseline { out.baseline = Baseline.pieces(report, paths: paths) }
        if stepSummary { out.summaryRows = GitHubReporter.summaryRows(report, paths: paths, policy: policy) }
        if fixReport { out.fixReport = FixReportWriter.entry(report) }
        out.backupKept = report.change?.backupKept ?? false
        return out
    }
}
