import RuleEngine

/// `path:line:col: severity [rule-id] message [fix hint]`, one finding a line, then a summary.
struct TextReporter {
    var fixLevel: Applicability

    /// The lines of one file's findings (rendered by the worker that checked the file).
    func lines(_ report: FileReport) -> String {
        var out = ""
        for r in report.findings {
            let f = r.finding
            out += "\(report.path):\(r.start.line):\(r.start.column): \(f.severity.rawValue) [\(f.ruleID)] \(f.message)"
            if let fix = f.fix { out += " " + hint(fix) }
            out += "\n"
        }
        return out
    }

    private func hint(_ fix: Fix) -> String {
        switch fix.applicability {
        case .safe: "[fix: \(fix.title)]"
        case .unsafe: fixLevel >= .unsafe ? "[fix: \(fix.title)]" : "[unsafe fix: \(fix.title)]"
        case .suggestion: "[suggestion: \(fix.title)]"
        }
    }

    /// `N files, M findings, K fixable`, plus what `--unsafe-fixes` would add and errors.
    func summary(_ reports: [FileReport]) -> String {
        let findings = reports.flatMap(\.findings).map(\.finding)
        let fixable = findings.filter { $0.isFixable(upTo: fixLevel) }.count
        let unsafeOnly = fixLevel < .unsafe ? findings.filter { $0.isFixable(upTo: .unsafe) }.count - fixable : 0
        let checked = reports.filter { $0.error == nil }.count
        var line = "\(plural(checked, "file")), \(plural(findings.count, "finding")), \(fixable) fixable"
        if unsafeOnly > 0 { line += " (\(unsafeOnly) more with --unsafe-fixes)" }
        let failed = reports.count - checked
        if failed > 0 { line += "; \(plural(failed, "file")) with errors (see above)" }
        return line + "\n"
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
