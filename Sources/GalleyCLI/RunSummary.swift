import RuleEngine

/// Everything a reporter needs about a finished run.
struct RunSummary {
    /// Sorted by path.
    var reports: [FileReport]
    /// Findings fixable up to this level count as fixable.
    var fixLevel: Applicability
    /// `fix` that writes files (not `--diff`, not `check`).
    var fixMode: Bool
    var paths: RepositoryPaths

    var findings: [ReportedFinding] { reports.flatMap(\.findings) }
    var checkedFiles: Int { reports.filter { $0.error == nil }.count }
    var failedFiles: [FileReport] { reports.filter { $0.error != nil } }
    var fixable: Int { findings.filter { $0.finding.isFixable(upTo: fixLevel) }.count }
    var fixed: Int { reports.reduce(0) { $0 + $1.fixesApplied } }
    var baselined: Int { reports.reduce(0) { $0 + $1.baselined } }

    struct RuleCount: Equatable {
        var rule: String
        var findings: Int
        var fixable: Int
    }

    /// Findings and fixable findings per rule, most frequent first (ties by rule id).
    var statistics: [RuleCount] {
        var counts: [String: RuleCount] = [:]
        for r in findings {
            let id = r.finding.ruleID
            counts[id, default: RuleCount(rule: id, findings: 0, fixable: 0)].findings += 1
            if r.finding.isFixable(upTo: fixLevel) { counts[id]!.fixable += 1 }
        }
        return counts.values.sorted { ($1.findings, $0.rule) < ($0.findings, $1.rule) }
    }
}

/// A report for the whole run, in one output format.
protocol Reporter {
    func document(_ run: RunSummary) -> String
}

/// `--statistics`: a table of findings and fixable findings per rule.
enum StatisticsTable {
    static func render(_ run: RunSummary) -> String {
        let rows = run.statistics
        let width = max(4, rows.map(\.rule.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var out = "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "  findings  fixable\n"
        for row in rows {
            out += row.rule.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + pad(String(row.findings), 8) + "  " + pad(String(row.fixable), 7) + "\n"
        }
        let total = rows.reduce((0, 0)) { ($0.0 + $1.findings, $0.1 + $1.fixable) }
        out += "total".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  " + pad(String(total.0), 8) + "  " + pad(String(total.1), 7) + "\n"
        return out
    }
}
